// Integration: every authentication path against a real sshd, each failure with its own clear error.

#include "RealComponent.h"
#include "SshdFixture.h"

#include "remote/SshTransport.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::SshdFixture;

class TestRemoteAuth : public QObject
{
    Q_OBJECT

private:
    SshdFixture m_sshd;         // publickey only
    SshdFixture m_passwordSshd; // publickey + password
    QProcess m_agent;
    QString m_agentSocket;

    static Status connectAs(const Server &server)
    {
        SshOptions o;
        o.connectTimeoutMs = 5000;
        SshTransport ssh(server, o);
        return ssh.connect();
    }

    void expectAuthFailure(const Server &server, const QString &fragment, const QString &field = {})
    {
        const Status s = connectAs(server);
        QVERIFY(!s.ok());
        QCOMPARE(errorKindName(s.error().kind), errorKindName(ErrorKind::AuthFailed));
        QVERIFY2(s.error().message.contains(fragment, Qt::CaseInsensitive), qPrintable(s.error().message));
        if (!field.isEmpty())
            QCOMPARE(s.error().field, field);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        FLEETDECK_REQUIRE_COMPONENT(SshdFixture::available(&why), why);
        QString error;
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
        SshdFixture::Config withPassword;
        withPassword.passwordAuthentication = true;
        QVERIFY2(m_passwordSshd.start(withPassword, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_agent.state() != QProcess::NotRunning) {
            m_agent.kill();
            m_agent.waitForFinished(2000);
        }
    }

    void keyWithoutPassphrase() { QVERIFY(connectAs(m_sshd.server()).ok()); }

    void keyWithPassphrase()
    {
        Server s = m_sshd.server();
        s.identityFile = m_sshd.passphraseKeyPath();
        s.secret = m_sshd.passphrase();
        QVERIFY(connectAs(s).ok());
    }

    void keyNeedsPassphrase()
    {
        Server s = m_sshd.server();
        s.identityFile = m_sshd.passphraseKeyPath();
        expectAuthFailure(s, QStringLiteral("protected by a passphrase"), QStringLiteral("secret"));
    }

    void wrongPassphrase()
    {
        Server s = m_sshd.server();
        s.identityFile = m_sshd.passphraseKeyPath();
        s.secret = QStringLiteral("not the passphrase");
        expectAuthFailure(s, QStringLiteral("Wrong passphrase"), QStringLiteral("secret"));
    }

    void keyNotAccepted()
    {
        Server s = m_sshd.server();
        s.identityFile = m_sshd.unauthorizedKeyPath();
        expectAuthFailure(s, QStringLiteral("did not accept the key"), QStringLiteral("identityFile"));
    }

    void wrongUser()
    {
        Server s = m_sshd.server();
        s.user = QStringLiteral("fleetdeck-no-such-user");
        const Status st = connectAs(s);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, ErrorKind::AuthFailed);
        QVERIFY2(st.error().message.contains(QLatin1String("no user 'fleetdeck-no-such-user'")), qPrintable(st.error().message));
    }

    void missingKeyFile()
    {
        Server s = m_sshd.server();
        s.identityFile = m_sshd.dir() + QStringLiteral("/no-such-key");
        expectAuthFailure(s, QStringLiteral("does not exist"), QStringLiteral("identityFile"));
    }

    void notAKeyFile()
    {
        Server s = m_sshd.server();
        s.identityFile = m_sshd.dir() + QStringLiteral("/sshd_config");
        expectAuthFailure(s, QStringLiteral("not a private key"), QStringLiteral("identityFile"));
    }

    void serverRefusesPublicKey()
    {
        SshdFixture passwordOnly;
        SshdFixture::Config config;
        config.passwordAuthentication = true;
        // sshd takes the first value it reads: the fixture writes "PubkeyAuthentication yes" earlier,
        // so a Match block is the way to override it for everyone.
        config.extraLines = {QStringLiteral("Match all"), QStringLiteral("PubkeyAuthentication no")};
        QString error;
        QVERIFY2(passwordOnly.start(config, &error), qPrintable(error));
        expectAuthFailure(passwordOnly.server(), QStringLiteral("refuses public key authentication"));
    }

    void serverRefusesPassword()
    {
        Server s = m_sshd.server(); // PasswordAuthentication no
        s.auth = AuthMethod::Password;
        s.secret = QStringLiteral("whatever");
        expectAuthFailure(s, QStringLiteral("refuses password authentication"));
    }

    void wrongPassword()
    {
        // The fixture creates no user with a password (it runs as root on a shared machine); root's
        // password login is refused by PermitRootLogin prohibit-password, which SSH reports exactly
        // like a wrong password. A correct password login is therefore not covered here.
        Server s = m_passwordSshd.server();
        s.auth = AuthMethod::Password;
        s.secret = QStringLiteral("definitely-wrong");
        expectAuthFailure(s, QStringLiteral("rejected the password"), QStringLiteral("secret"));
    }

    void agentWithoutSocket()
    {
        const QByteArray saved = qgetenv("SSH_AUTH_SOCK");
        qunsetenv("SSH_AUTH_SOCK");
        Server s = m_sshd.server();
        s.auth = AuthMethod::Agent;
        expectAuthFailure(s, QStringLiteral("No ssh-agent"));
        if (!saved.isEmpty())
            qputenv("SSH_AUTH_SOCK", saved);
    }

    void agentWithKey()
    {
        m_agentSocket = m_sshd.dir() + QStringLiteral("/agent.sock");
        m_agent.start(QStringLiteral("ssh-agent"), {QStringLiteral("-D"), QStringLiteral("-a"), m_agentSocket});
        QVERIFY(m_agent.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_agentSocket), 5000);
        const QByteArray saved = qgetenv("SSH_AUTH_SOCK");
        qputenv("SSH_AUTH_SOCK", m_agentSocket.toUtf8());

        Server s = m_sshd.server();
        s.auth = AuthMethod::Agent;
        s.identityFile.clear();
        // An empty agent: no key to offer.
        expectAuthFailure(s, QStringLiteral("none of the keys in ssh-agent"));

        QProcess add;
        add.start(QStringLiteral("ssh-add"), {m_sshd.keyPath()});
        QVERIFY(add.waitForFinished(5000));
        QCOMPARE(add.exitCode(), 0);
        QVERIFY(connectAs(s).ok());

        if (saved.isEmpty())
            qunsetenv("SSH_AUTH_SOCK");
        else
            qputenv("SSH_AUTH_SOCK", saved);
    }
};

QTEST_GUILESS_MAIN(TestRemoteAuth)
#include "tst_remote_auth.moc"
