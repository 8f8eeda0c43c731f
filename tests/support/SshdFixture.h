// SshdFixture: a real OpenSSH sshd on 127.0.0.1 with generated host and user keys, for integration tests.
#pragma once

#include "domain/Server.h"

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace fleetdeck::test {

// Debian's /usr/sbin/sshd, started in the foreground (-D) from a private config on a free loopback port:
// its own ed25519 host key, a temporary authorized_keys holding two generated user keys (one without a
// passphrase, one with), StrictModes no, UsePAM no, LogLevel DEBUG1 (so tests can count
// "Accepted publickey" and "request exec" lines). Needs root (as in CI).
class SshdFixture
{
public:
    struct Config {
        bool passwordAuthentication = false;     // PasswordAuthentication yes|no
        QString permitRootLogin = QStringLiteral("prohibit-password");
        int maxSessions = 0;                     // 0 = sshd's default (10)
        QStringList extraLines;                  // appended to sshd_config
    };

    SshdFixture();
    ~SshdFixture();

    SshdFixture(const SshdFixture &) = delete;
    SshdFixture &operator=(const SshdFixture &) = delete;

    // Whether this machine can run the fixture; *why says what is missing.
    static bool available(QString *why);

    bool start(QString *error);                  // with the default Config
    bool start(const Config &config, QString *error);
    void kill();                                 // SIGKILL sshd and every process below it (connections, commands)
    bool restart(QString *error);                // same port, same keys, same config
    bool isRunning() const;

    // SIGSTOP / SIGCONT the per-connection sshd processes (not the listener): a connection that hangs.
    void signalConnections(int signalNumber);

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString user() const;
    QString keyPath() const;                     // ed25519, no passphrase, authorized
    QString passphraseKeyPath() const;           // ed25519, protected by passphrase(), authorized
    QString passphrase() const { return QStringLiteral("correct horse battery staple"); }
    QString unauthorizedKeyPath() const;         // ed25519, NOT in authorized_keys
    QString hostKeyFingerprint() const { return m_hostFingerprint; }  // as `ssh-keygen -lf` prints it
    QString otherHostKeyFingerprint() const { return m_otherHostFingerprint; } // a second host key, unused
    QString dir() const { return m_dir.path(); }

    QString logPath() const;
    QString log() const;
    int countInLog(const QString &needle) const;

    // A Server record for this sshd: key auth with keyPath(), host key trusted.
    Server server() const;

    // Server-side view (it is loopback: plain local processes).
    static int pgrepCount(const QString &pattern);                 // pgrep -f -c
    static QByteArray runLocal(const QString &program, const QStringList &args, int *exitCode = nullptr,
                               const QByteArray &stdinData = {});
    QList<qint64> descendantPids() const;

    // A loopback port whose accept queue is full: connects there hang like an unroutable host.
    // Keep the returned object alive while testing.
    class Blackhole
    {
    public:
        Blackhole();
        ~Blackhole();
        int port() const { return m_port; }
        bool ok() const { return m_port > 0; }

    private:
        int m_listener = -1;
        QList<int> m_fillers;
        int m_port = 0;
    };

    // A loopback port that accepts TCP and then never says anything (no SSH banner).
    class SilentServer
    {
    public:
        SilentServer();
        ~SilentServer();
        int port() const { return m_port; }

    private:
        int m_listener = -1;
        int m_port = 0;
    };

    static int freePort();

private:
    bool generateKeys(QString *error);
    bool writeConfig(QString *error);
    bool launch(QString *error);

    QTemporaryDir m_dir;
    Config m_config;
    QProcess m_sshd;
    int m_port = 0;
    bool m_keysReady = false;
    QString m_hostFingerprint;
    QString m_otherHostFingerprint;
};

} // namespace fleetdeck::test
