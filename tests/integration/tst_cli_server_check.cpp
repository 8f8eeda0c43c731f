// `server trust` and `server check` end to end: fleetdeck-cli against the real test sshd.
#include "RealComponent.h"
#include "SshdFixture.h"
#include "TestEnvironment.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetdeck;

class TestCliServerCheck : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    test::SshdFixture m_sshd;

    struct Run {
        int exitCode = -1;
        QByteArray out, err;
    };
    Run cli(const QStringList &args)
    {
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(test::builtProgram(QStringLiteral("app/fleetdeck-cli")), QStringList{QStringLiteral("--db"), m_db} + args);
        p.waitForFinished(60000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateEnvironment();
        QString why;
        FLEETDECK_REQUIRE_COMPONENT(test::SshdFixture::available(&why), why);
        QString error;
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
        m_db = m_dir.filePath(QStringLiteral("check.sqlite"));
        const Run add = cli({QStringLiteral("server"), QStringLiteral("add"), QStringLiteral("box"), QStringLiteral("--host"),
                             m_sshd.host(), QStringLiteral("--port"), QString::number(m_sshd.port()), QStringLiteral("--user"),
                             m_sshd.user(), QStringLiteral("--identity"), m_sshd.keyPath()});
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    void checkBeforeTrustReportsFingerprint()
    {
        const Run r = cli({QStringLiteral("server"), QStringLiteral("check"), QStringLiteral("box"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("error")).toString(), QStringLiteral("host_key_unknown"));
        QCOMPARE(o.value(QLatin1String("fingerprint")).toString(), m_sshd.hostKeyFingerprint());
        QVERIFY(r.err.contains(m_sshd.hostKeyFingerprint().toUtf8()));
    }

    void trustWithoutConfirmationIsRefused()
    {
        const Run r = cli({QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("box")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(m_sshd.hostKeyFingerprint().toUtf8()));
        QVERIFY(r.err.contains("--fingerprint"));
        const Run wrong = cli({QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("box"), QStringLiteral("--fingerprint"),
                               m_sshd.otherHostKeyFingerprint()});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.err.contains("not trusted"));
        const Run show = cli({QStringLiteral("server"), QStringLiteral("show"), QStringLiteral("box"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(show.out).object().value(QLatin1String("host_key_fingerprint")).toString(), QString());
    }

    void trustThenCheck()
    {
        const Run trust = cli({QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("box"), QStringLiteral("--fingerprint"),
                               m_sshd.hostKeyFingerprint()});
        QVERIFY2(trust.exitCode == 0, trust.err.constData());
        const Run check = cli({QStringLiteral("server"), QStringLiteral("check"), QStringLiteral("box"), QStringLiteral("--json")});
        QVERIFY2(check.exitCode == 0, (QByteArray::number(check.exitCode) + " " + check.out + check.err).constData());
        const QJsonObject o = QJsonDocument::fromJson(check.out).object();
        QVERIFY(o.value(QLatin1String("ok")).toBool());
        // This machine is the server: the report must match what it is.
        QVERIFY2(o.value(QLatin1String("os")).toString().contains(QLatin1String("Debian")), check.out.constData());
        QVERIFY(o.contains(QLatin1String("swarm")));
    }

    void changedKeyIsRefused()
    {
        const Run set = cli({QStringLiteral("server"), QStringLiteral("set"), QStringLiteral("box"), QStringLiteral("--fingerprint"),
                             m_sshd.otherHostKeyFingerprint()});
        QCOMPARE(set.exitCode, 0);
        const Run check = cli({QStringLiteral("server"), QStringLiteral("check"), QStringLiteral("box")});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.err.contains("CHANGED") || check.err.contains("changed"), check.err.constData());
        QVERIFY(check.err.contains(m_sshd.hostKeyFingerprint().toUtf8()));
        QVERIFY(check.err.contains(m_sshd.otherHostKeyFingerprint().toUtf8()));
        const Run retrust = cli({QStringLiteral("server"), QStringLiteral("trust"), QStringLiteral("box")});
        QCOMPARE(retrust.exitCode, 1);
        QVERIFY(retrust.err.contains("CHANGED"));
    }
};

QTEST_GUILESS_MAIN(TestCliServerCheck)
#include "tst_cli_server_check.moc"
