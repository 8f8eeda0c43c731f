// Unit: the small pure pieces of lib/remote — fingerprints, key-file inspection, line splitting, the
// process-group announcement of SSH commands, and the activity log ring.

#include "remote/ActivityLog.h"
#include "remote/LineSplitter.h"
#include "remote/ProcessGroup.h"
#include "remote/SshKeys.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTest>

using namespace fleetdeck;

namespace {

// Throwaway keys made with ssh-keygen for this test only.
const QByteArray kOpenSshPlain = R"(-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACCVQeg2c466gXcfBZJVii4oogOSOU6LJQoGxK/WeUDVTwAAAIgu5diRLuXY
kQAAAAtzc2gtZWQyNTUxOQAAACCVQeg2c466gXcfBZJVii4oogOSOU6LJQoGxK/WeUDVTw
AAAEDxeCjt6FhdgrjftBjyz3IQK7yrXpQTvPf95x6VIpkTa5VB6DZzjrqBdx8FklWKLiii
A5I5ToslCgbEr9Z5QNVPAAAABHRlc3QB
-----END OPENSSH PRIVATE KEY-----
)";
const QByteArray kOpenSshEncrypted = R"(-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABDw8c9f5R
sdV2yFf2Xigr1hAAAAEAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIEFzwfLPRk/JyfDe
Pm4YSbpfRNK5YrNbZ0VbubcakX2HAAAAkGPE0Iljjsx22+NNxROchwgZo7+GqYVm43SErI
omujTNVIBZFuBnamseImSViq7M2xq5oyZY0N3zHmyTL9IQCB6l/NlNEFBTmoF0WFutMYzJ
QFOzMh4Cgw9ihHGYuvjnPQ9pSlbDEQBH+1zvTWG3lwyZEF0LHrYbKDBuHjpbyj4NBzSVWN
FPBXhgDUM4Elzdew==
-----END OPENSSH PRIVATE KEY-----
)";
const QByteArray kPemEncrypted = R"(-----BEGIN EC PRIVATE KEY-----
Proc-Type: 4,ENCRYPTED
DEK-Info: AES-128-CBC,2A2A54F74C0348297596C40E7B68864D

KuKNZYDdIPQyxy3AmKeb9f8duBc43D3gLvsz8EGIAvQvTjyfSI8lYm/yZNmZ69I1
Nufr2uQ4Uey3TxJqZ/qJ20xAG8q/kWsT01B24Bc7RbsnDixUzwbbrtJXBC5zLFlv
BhhWo2e6DvAiWvzekiFcAqcswSCzgp+ECweHB+9f8Jg=
-----END EC PRIVATE KEY-----
)";
const QByteArray kPemPlain = R"(-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIEwUtVEl6PS/G7vppemCB0AZOJCFQ8kQWNYCY/BgTVSloAoGCCqGSM49
AwEHoUQDQgAEFiRwJPl6r5QinxXCs5PclDEtJfCJhXdLlfRnWDt47IIsrtdb5qrp
dOdEKtJLEhZeX7xkfcqkruI4ITAnXwWqaA==
-----END EC PRIVATE KEY-----
)";
const QByteArray kPkcs8Encrypted = R"(-----BEGIN ENCRYPTED PRIVATE KEY-----
MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAiH5CDW09tCmwICCAAw
-----END ENCRYPTED PRIVATE KEY-----
)";

} // namespace

class TestRemoteKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fingerprintLikeSshKeygen()
    {
        // The public key of kOpenSshPlain; `ssh-keygen -lf` printed SHA256:N5sDvti0oUnmpdaS5v+zpTpp5TDbKnM7aXcKc4H8v78.
        const QByteArray blob = QByteArray::fromBase64("AAAAC3NzaC1lZDI1NTE5AAAAIJVB6DZzjrqBdx8FklWKLiiiA5I5ToslCgbEr9Z5QNVP");
        const QString fp = sha256Fingerprint(QCryptographicHash::hash(blob, QCryptographicHash::Sha256));
        QCOMPARE(fp, QStringLiteral("SHA256:N5sDvti0oUnmpdaS5v+zpTpp5TDbKnM7aXcKc4H8v78"));
        QVERIFY(isSha256Fingerprint(fp));
        QVERIFY(!isSha256Fingerprint(fp + QLatin1Char('=')));
        QVERIFY(!isSha256Fingerprint(QStringLiteral("MD5:aa:bb")));
        QVERIFY(!isSha256Fingerprint(QString()));
    }

    void keyProtection_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("protection");
        QTest::newRow("openssh plain") << kOpenSshPlain << int(PrivateKeyProtection::Unencrypted);
        QTest::newRow("openssh encrypted") << kOpenSshEncrypted << int(PrivateKeyProtection::Encrypted);
        QTest::newRow("pem encrypted") << kPemEncrypted << int(PrivateKeyProtection::Encrypted);
        QTest::newRow("pem plain") << kPemPlain << int(PrivateKeyProtection::Unencrypted);
        QTest::newRow("pkcs8 encrypted") << kPkcs8Encrypted << int(PrivateKeyProtection::Encrypted);
        QTest::newRow("public key") << QByteArray("ssh-ed25519 AAAAC3Nza test\n") << int(PrivateKeyProtection::NotAKey);
        QTest::newRow("empty") << QByteArray() << int(PrivateKeyProtection::NotAKey);
        QTest::newRow("truncated openssh") << kOpenSshPlain.left(60) + "\n-----END OPENSSH PRIVATE KEY-----\n"
                                           << int(PrivateKeyProtection::NotAKey);
    }

    void keyProtection()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, protection);
        QCOMPARE(int(privateKeyProtection(text)), protection);
    }

    void lineSplitter()
    {
        LineSplitter s(8);
        QCOMPARE(s.feed("ab"), QList<QByteArray>{});
        QCOMPARE(s.feed("c\r\nde\n\n"), (QList<QByteArray>{"abc", "de", ""}));
        QCOMPARE(s.feed("0123456789"), (QList<QByteArray>{"01234567"})); // bounded
        QCOMPARE(s.flush(), (QList<QByteArray>{"89"}));
        QCOMPARE(s.flush(), QList<QByteArray>{});
    }

    void pgidAnnouncement()
    {
        PgidMarker m;
        QCOMPARE(m.filter("fleetdeck-pg"), QByteArray());
        QCOMPARE(m.filter("id:4242\nreal stderr\n"), QByteArray("real stderr\n"));
        QCOMPARE(m.pgid(), qint64(4242));
        QCOMPARE(m.filter("more"), QByteArray("more"));

        PgidMarker chatty; // a login shell that talks first; pty line endings
        QCOMPARE(chatty.filter("welcome\r\nfleetdeck-pgid:77\r\nout"), QByteArray("welcome\r\nout"));
        QCOMPARE(chatty.pgid(), qint64(77));

        PgidMarker none;
        QCOMPARE(none.filter("no newline yet"), QByteArray());
        QCOMPARE(none.flush(), QByteArray("no newline yet"));
        QCOMPARE(none.pgid(), qint64(0));

        const QByteArray line = wrapCommandLine({QStringLiteral("docker"), QStringLiteral("ps")});
        QCOMPARE(line, QByteArray("printf 'fleetdeck-pgid:%s\\n' \"$$\" >&2; exec 'docker' 'ps'"));
    }

    void activityRingAndMasking()
    {
        ActivityLog log(3);
        QSignalSpy spy(&log, &ActivityLog::recorded);
        RemoteCommand c;
        c.argv = QStringList{QStringLiteral("login"), QStringLiteral("-p"), QStringLiteral("pw")};
        c.secretArgs = {2, 7};
        c.stdinData = "stdin secret";
        for (int i = 0; i < 5; ++i) {
            ActivityEntry e = ActivityLog::entryFor(c, QStringLiteral("srv"), QStringLiteral("root@h:22"));
            e.exitCode = i;
            log.record(e);
        }
        QCOMPARE(spy.count(), 5);
        const QList<ActivityEntry> entries = log.entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.first().exitCode, 2);
        QCOMPARE(entries.last().exitCode, 4);
        QVERIFY(entries.first().sequence < entries.last().sequence);
        QCOMPARE(entries.last().argv, (QStringList{QStringLiteral("login"), QStringLiteral("-p"), QStringLiteral("***")}));
        QCOMPARE(entries.last().stdinBytes, qint64(12));
        log.setCapacity(2);
        QCOMPARE(log.entries().size(), 2);
        QCOMPARE(log.entries().last().exitCode, 4);
        c.stdinIsSecret = true;
        QCOMPARE(ActivityLog::entryFor(c, {}, {}).stdinBytes, qint64(-1));
    }
};

QTEST_GUILESS_MAIN(TestRemoteKeys)
#include "tst_remote_keys.moc"
