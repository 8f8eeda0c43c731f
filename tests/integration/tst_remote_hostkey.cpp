// Integration: host key trust against a real sshd — unknown, trusted, changed; nothing runs unverified.

#include "RealComponent.h"
#include "SshdFixture.h"

#include "remote/ServerProbe.h"
#include "remote/SshKeys.h"
#include "remote/SshTransport.h"

#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::SshdFixture;

class TestRemoteHostKey : public QObject
{
    Q_OBJECT

private:
    SshdFixture m_sshd;

    RemoteCommand echo() const
    {
        RemoteCommand c;
        c.argv = QStringList{QStringLiteral("echo"), QStringLiteral("ran")};
        c.timeoutMs = 10000;
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        FLEETDECK_REQUIRE_COMPONENT(SshdFixture::available(&why), why);
        QString error;
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
        QVERIFY(isSha256Fingerprint(m_sshd.hostKeyFingerprint()));
    }

    void fetchMatchesSshKeygen()
    {
        QString type;
        Result<QString> fp = SshTransport::fetchHostKeyFingerprint(m_sshd.server(), 5000, &type);
        QVERIFY2(fp.ok(), qPrintable(fp.ok() ? QString() : fp.error().toString()));
        QCOMPARE(*fp, m_sshd.hostKeyFingerprint());
        QCOMPARE(type, QStringLiteral("ED25519"));
        QCOMPARE(m_sshd.countInLog(QStringLiteral("Accepted")), 0); // it never authenticated
    }

    void unknownKeyRunsNothing()
    {
        Server s = m_sshd.server();
        s.hostKeyFingerprint.clear();
        SshTransport ssh(s);
        Result<CommandResult> r = ssh.execute(echo());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::HostKeyUnknown);
        QCOMPARE(r.error().fingerprint, m_sshd.hostKeyFingerprint());
        QVERIFY(r.error().message.contains(m_sshd.hostKeyFingerprint()));
        // The probe (`server check`) reports the same error, with the fingerprint to confirm.
        Result<HostFacts> facts = probeServer(ssh);
        QVERIFY(!facts.ok());
        QCOMPARE(facts.error().kind, ErrorKind::HostKeyUnknown);
        QCOMPARE(facts.error().fingerprint, m_sshd.hostKeyFingerprint());
        QCOMPARE(m_sshd.countInLog(QStringLiteral("Accepted")), 0);
        QCOMPARE(m_sshd.countInLog(QStringLiteral("request exec")), 0);
        QCOMPARE(ssh.connectCount(), 0);
    }

    void trustedKeyRuns()
    {
        // What `server trust` does: take the fingerprint offered, store it, connect.
        Server s = m_sshd.server();
        s.hostKeyFingerprint.clear();
        SshTransport untrusted(s);
        const Status first = untrusted.connect();
        QCOMPARE(first.error().kind, ErrorKind::HostKeyUnknown);
        s.hostKeyFingerprint = first.error().fingerprint;
        SshTransport ssh(s);
        QVERIFY(ssh.connect().ok());
        Result<CommandResult> r = ssh.execute(echo());
        QVERIFY(r.ok());
        QCOMPARE(r->stdoutData, QByteArray("ran\n"));
    }

    void changedKeyRefusesWithBothFingerprints()
    {
        const int execsBefore = m_sshd.countInLog(QStringLiteral("request exec"));
        const int acceptedBefore = m_sshd.countInLog(QStringLiteral("Accepted"));
        Server s = m_sshd.server();
        s.hostKeyFingerprint = m_sshd.otherHostKeyFingerprint(); // what we trusted "before"
        SshTransport ssh(s);
        Result<CommandResult> r = ssh.execute(echo());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::HostKeyChanged);
        QCOMPARE(r.error().expected, m_sshd.otherHostKeyFingerprint());
        QCOMPARE(r.error().fingerprint, m_sshd.hostKeyFingerprint());
        QVERIFY(r.error().message.contains(QLatin1String("CHANGED")));
        QVERIFY(r.error().message.contains(m_sshd.otherHostKeyFingerprint()));
        QVERIFY(r.error().message.contains(m_sshd.hostKeyFingerprint()));
        QCOMPARE(m_sshd.countInLog(QStringLiteral("request exec")), execsBefore);
        QCOMPARE(m_sshd.countInLog(QStringLiteral("Accepted")), acceptedBefore);
    }

    void serverWithNewHostKeyIsDetected()
    {
        // A trusted server whose address now answers with another key (reinstalled, or intercepted).
        SshdFixture before;
        QString error;
        QVERIFY2(before.start(&error), qPrintable(error));
        const Server trusted = before.server();
        SshTransport ssh(trusted);
        QVERIFY(ssh.execute(echo()).ok());

        SshdFixture after; // its own, different host key
        QVERIFY2(after.start(&error), qPrintable(error));
        Server moved = trusted;
        moved.port = after.port();
        SshTransport again(moved);
        Result<CommandResult> r = again.execute(echo());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::HostKeyChanged);
        QCOMPARE(r.error().expected, before.hostKeyFingerprint());
        QCOMPARE(r.error().fingerprint, after.hostKeyFingerprint());
        QCOMPARE(after.countInLog(QStringLiteral("Accepted")), 0);
    }
};

QTEST_GUILESS_MAIN(TestRemoteHostKey)
#include "tst_remote_hostkey.moc"
