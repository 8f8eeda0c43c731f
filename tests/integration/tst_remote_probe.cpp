// Integration: probeServer (`server check`) over SSH and locally, compared with what this machine has.

#include "RealComponent.h"
#include "SshdFixture.h"

#include "remote/HostFactsParser.h"
#include "remote/LocalTransport.h"
#include "remote/ServerProbe.h"
#include "remote/SshTransport.h"

#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::SshdFixture;

class TestRemoteProbe : public QObject
{
    Q_OBJECT

private:
    SshdFixture m_sshd;

    void checkFacts(const HostFacts &facts)
    {
        QFile osRelease(QStringLiteral("/etc/os-release"));
        QVERIFY(osRelease.open(QIODevice::ReadOnly));
        QCOMPARE(facts.os, parseOsRelease(osRelease.readAll()).value());

        const QString docker = QStandardPaths::findExecutable(QStringLiteral("docker"));
        QCOMPARE(facts.dockerPresent, !docker.isEmpty());
        if (!docker.isEmpty()) {
            const QByteArray client = SshdFixture::runLocal(docker, {QStringLiteral("version"), QStringLiteral("--format"),
                                                                     QStringLiteral("{{.Client.Version}}")});
            QCOMPARE(facts.dockerClientVersion, QString::fromUtf8(client.trimmed()));
            QVERIFY(!facts.dockerEngineVersion.isEmpty() || !facts.dockerError.isEmpty());
            if (facts.dockerEngineVersion.isEmpty())
                QCOMPARE(facts.swarm, SwarmState::NotPresent);
            else
                QVERIFY(facts.swarm != SwarmState::NotPresent);
        } else {
            QCOMPARE(facts.swarm, SwarmState::NotPresent);
        }
        const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        QCOMPARE(facts.kubectlPresent, !kubectl.isEmpty());
        if (!kubectl.isEmpty())
            QVERIFY(facts.kubectlClientVersion.startsWith(QLatin1Char('v')));
        qInfo("%s", qPrintable(facts.toText()));
        const QJsonObject json = facts.toJson();
        QVERIFY(json.contains(QStringLiteral("docker")));
        QCOMPARE(json.value(QStringLiteral("swarm")).toObject().value(QStringLiteral("state")).toString(), swarmStateName(facts.swarm));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        FLEETDECK_REQUIRE_COMPONENT(SshdFixture::available(&why), why);
        QString error;
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
    }

    void overSsh()
    {
        SshTransport ssh(m_sshd.server());
        Result<HostFacts> facts = probeServer(ssh);
        QVERIFY2(facts.ok(), qPrintable(facts.ok() ? QString() : facts.error().toString()));
        checkFacts(*facts);
        QCOMPARE(m_sshd.countInLog(QStringLiteral("Accepted publickey")), 1);
    }

    void locally()
    {
        LocalTransport local;
        Result<HostFacts> facts = probeServer(local);
        QVERIFY(facts.ok());
        checkFacts(*facts);
    }

    void missingToolsAreNotPresent()
    {
        // A server without docker/kubectl: PATH emptied for the remote commands via `env`.
        SshTransport ssh(m_sshd.server());
        RemoteCommand c;
        c.argv = QStringList{QStringLiteral("env"), QStringLiteral("PATH=/nonexistent"), QStringLiteral("docker"), QStringLiteral("version")};
        Result<CommandResult> r = ssh.execute(c);
        QVERIFY(r.ok());
        QCOMPARE(r->exitCode, 127); // what probeServer reads as "not present"
    }
};

QTEST_GUILESS_MAIN(TestRemoteProbe)
#include "tst_remote_probe.moc"
