// SecretBox: AES-256-GCM sealing, tamper detection, key handling.
#include "secrets/SecretBox.h"

#include "TestEnvironment.h"

#include <QFile>
#include <QTest>

using namespace fleetdeck;

class TestSecretBox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("plain");
        QTest::newRow("ascii") << "hunter2";
        QTest::newRow("unicode") << QStringLiteral("pässwörd ✓");
        QTest::newRow("multiline") << "apiVersion: v1\nkind: Config\n";
        QTest::newRow("large") << QString(200000, QLatin1Char('k'));
    }
    void roundTrip()
    {
        QFETCH(QString, plain);
        SecretBox box(QByteArray(32, '\x01'));
        auto sealed = box.seal(plain);
        QVERIFY(sealed.ok());
        QVERIFY(SecretBox::isSealed(*sealed));
        QVERIFY(!sealed->contains(plain.left(8)));
        QCOMPARE(*box.open(*sealed), plain);
        // A fresh nonce every time: the same secret never seals to the same text.
        QVERIFY(*box.seal(plain) != *sealed);
    }
    void emptyStaysEmpty()
    {
        SecretBox box(QByteArray(32, '\x01'));
        QCOMPARE(*box.seal(QString()), QString());
        QCOMPARE(*box.open(QString()), QString());
    }
    void tamperedOrForeignIsRefused()
    {
        SecretBox box(QByteArray(32, '\x01'));
        SecretBox other(QByteArray(32, '\x02'));
        const QString sealed = *box.seal(QStringLiteral("secret"));
        QVERIFY(!other.open(sealed).ok());
        // Flip one bit of the ciphertext itself (editing a base64 character could land in padding bits).
        QByteArray blob = QByteArray::fromBase64(sealed.mid(7).toLatin1());
        blob[14] = char(blob[14] ^ 0x01);
        const QString tampered = QStringLiteral("fdsec1:") + QString::fromLatin1(blob.toBase64());
        QVERIFY(!box.open(tampered).ok());
        QVERIFY(!box.open(QStringLiteral("plaintext")).ok());
    }
    void keyFileCreatedPrivate()
    {
        qunsetenv("FLEETDECK_MASTER_KEY");
        auto box = SecretBox::forUser();
        QVERIFY(box.ok());
        QFile key(SecretBox::defaultKeyPath());
        QVERIFY(key.exists());
        QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        // The same key is read back next time.
        auto again = SecretBox::forUser();
        QCOMPARE(*(*again)->open(*(*box)->seal(QStringLiteral("x"))), QStringLiteral("x"));
        qputenv("FLEETDECK_MASTER_KEY", "too-short");
        QVERIFY(!SecretBox::forUser().ok());
        test::isolateEnvironment();
    }
};

QTEST_GUILESS_MAIN(TestSecretBox)
#include "tst_secretbox.moc"
