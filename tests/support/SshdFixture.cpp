// SshdFixture: starts and controls a private sshd for the remote-execution integration tests.

#include "SshdFixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fleetdeck::test {

namespace {

const QString kSshd = QStringLiteral("/usr/sbin/sshd");
const QString kKeygen = QStringLiteral("/usr/bin/ssh-keygen");

// "256 SHA256:abc... comment (ED25519)" -> "SHA256:abc..."
QString fingerprintOf(const QString &publicKeyPath)
{
    const QByteArray out = SshdFixture::runLocal(kKeygen, {QStringLiteral("-lf"), publicKeyPath});
    const QStringList fields = QString::fromUtf8(out).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return fields.size() >= 2 ? fields.at(1) : QString();
}

// pid -> parent pid of every process, from /proc.
QHash<qint64, qint64> parentMap()
{
    QHash<qint64, qint64> parents;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
        const qsizetype close = text.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        if (fields.size() >= 2)
            parents.insert(pid, fields.at(1).toLongLong());
    }
    return parents;
}

} // namespace

SshdFixture::SshdFixture()
{
    // FLEETDECK_KEEP_FIXTURE=1 keeps keys, config and sshd.log for a post-mortem.
    if (qEnvironmentVariableIntValue("FLEETDECK_KEEP_FIXTURE") == 1) {
        m_dir.setAutoRemove(false);
        qInfo("sshd fixture kept in %s", qPrintable(m_dir.path()));
    }
}

SshdFixture::~SshdFixture()
{
    kill();
}

bool SshdFixture::available(QString *why)
{
    if (!QFileInfo(kSshd).isExecutable()) {
        *why = QStringLiteral("%1 is not installed (openssh-server)").arg(kSshd);
        return false;
    }
    if (!QFileInfo(kKeygen).isExecutable()) {
        *why = QStringLiteral("%1 is not installed (openssh-client)").arg(kKeygen);
        return false;
    }
    if (::geteuid() != 0) {
        *why = QStringLiteral("sshd needs root to authenticate users");
        return false;
    }
    return true;
}

QString SshdFixture::user() const
{
    const passwd *pw = ::getpwuid(::geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QStringLiteral("root");
}

QString SshdFixture::keyPath() const
{
    return m_dir.filePath(QStringLiteral("id_plain"));
}

QString SshdFixture::passphraseKeyPath() const
{
    return m_dir.filePath(QStringLiteral("id_passphrase"));
}

QString SshdFixture::unauthorizedKeyPath() const
{
    return m_dir.filePath(QStringLiteral("id_stranger"));
}

QString SshdFixture::logPath() const
{
    return m_dir.filePath(QStringLiteral("sshd.log"));
}

QString SshdFixture::log() const
{
    QFile file(logPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

int SshdFixture::countInLog(const QString &needle) const
{
    return int(log().count(needle));
}

Server SshdFixture::server() const
{
    Server s;
    s.id = 1;
    s.name = QStringLiteral("fixture");
    s.host = host();
    s.port = m_port;
    s.user = user();
    s.auth = AuthMethod::Key;
    s.identityFile = keyPath();
    s.hostKeyFingerprint = m_hostFingerprint;
    return s;
}

QByteArray SshdFixture::runLocal(const QString &program, const QStringList &args, int *exitCode, const QByteArray &stdinData)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, args);
    if (!process.waitForStarted(5000)) {
        if (exitCode)
            *exitCode = -1;
        return {};
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    process.waitForFinished(30000);
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAllStandardOutput();
}

int SshdFixture::pgrepCount(const QString &pattern)
{
    const QByteArray out = runLocal(QStringLiteral("pgrep"), {QStringLiteral("-c"), QStringLiteral("-f"), pattern});
    return out.trimmed().toInt();
}

int SshdFixture::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const int port = probe.serverPort();
    probe.close();
    return port;
}

bool SshdFixture::generateKeys(QString *error)
{
    if (m_keysReady)
        return true;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    struct Key {
        QString file;
        QString passphrase;
    };
    const QList<Key> keys = {{QStringLiteral("host_ed25519"), {}},
                             {QStringLiteral("host_other_ed25519"), {}},
                             {QStringLiteral("id_plain"), {}},
                             {QStringLiteral("id_passphrase"), passphrase()},
                             {QStringLiteral("id_stranger"), {}}};
    for (const Key &key : keys) {
        int rc = -1;
        runLocal(kKeygen,
                 {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), key.passphrase,
                  QStringLiteral("-C"), QStringLiteral("fleetdeck-test-") + key.file, QStringLiteral("-f"), m_dir.filePath(key.file)},
                 &rc);
        if (rc != 0) {
            *error = QStringLiteral("ssh-keygen failed for %1").arg(key.file);
            return false;
        }
    }
    QFile authorized(m_dir.filePath(QStringLiteral("authorized_keys")));
    if (!authorized.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write authorized_keys");
        return false;
    }
    for (const QString &name : {QStringLiteral("id_plain.pub"), QStringLiteral("id_passphrase.pub")}) {
        QFile pub(m_dir.filePath(name));
        if (!pub.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(name);
            return false;
        }
        authorized.write(pub.readAll());
    }
    authorized.close();
    m_hostFingerprint = fingerprintOf(m_dir.filePath(QStringLiteral("host_ed25519.pub")));
    m_otherHostFingerprint = fingerprintOf(m_dir.filePath(QStringLiteral("host_other_ed25519.pub")));
    if (!m_hostFingerprint.startsWith(QLatin1String("SHA256:"))) {
        *error = QStringLiteral("could not read the host key fingerprint");
        return false;
    }
    m_keysReady = true;
    return true;
}

bool SshdFixture::writeConfig(QString *error)
{
    QStringList lines = {
        QStringLiteral("Port %1").arg(m_port),
        QStringLiteral("ListenAddress 127.0.0.1"),
        QStringLiteral("HostKey %1").arg(m_dir.filePath(QStringLiteral("host_ed25519"))),
        QStringLiteral("PidFile none"),
        QStringLiteral("AuthorizedKeysFile %1").arg(m_dir.filePath(QStringLiteral("authorized_keys"))),
        QStringLiteral("PermitRootLogin %1").arg(m_config.permitRootLogin),
        QStringLiteral("PubkeyAuthentication yes"),
        QStringLiteral("PasswordAuthentication %1").arg(m_config.passwordAuthentication ? QStringLiteral("yes") : QStringLiteral("no")),
        QStringLiteral("KbdInteractiveAuthentication no"),
        QStringLiteral("StrictModes no"),
        QStringLiteral("UsePAM no"),
        QStringLiteral("LogLevel DEBUG1"),
        QStringLiteral("PrintMotd no"),
        QStringLiteral("Subsystem sftp internal-sftp"),
        // bash sources ~/.bashrc for commands run by sshd unless it is a nested shell. This machine's
        // root .bashrc runs `pyenv init` (~300 ms), which would swamp every latency figure; SHLVL=1
        // makes the remote bash count as nested. Products cannot do this to real servers.
        QStringLiteral("SetEnv SHLVL=1"),
    };
    if (m_config.maxSessions > 0)
        lines << QStringLiteral("MaxSessions %1").arg(m_config.maxSessions);
    lines << m_config.extraLines;
    QFile file(m_dir.filePath(QStringLiteral("sshd_config")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write sshd_config");
        return false;
    }
    file.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
    return true;
}

bool SshdFixture::launch(QString *error)
{
    QDir().mkpath(QStringLiteral("/run/sshd")); // privilege separation directory
    QFile::remove(logPath());
    m_sshd.setProgram(kSshd);
    m_sshd.setArguments({QStringLiteral("-D"), QStringLiteral("-f"), m_dir.filePath(QStringLiteral("sshd_config")),
                         QStringLiteral("-E"), logPath()});
    m_sshd.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // If the test process dies without cleaning up, its sshd goes with it.
    m_sshd.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_sshd.start();
    if (!m_sshd.waitForStarted(5000)) {
        *error = QStringLiteral("sshd did not start: %1").arg(m_sshd.errorString());
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_sshd.state() == QProcess::NotRunning) {
            *error = QStringLiteral("sshd exited: %1").arg(log());
            return false;
        }
        if (log().contains(QStringLiteral("Server listening on 127.0.0.1 port %1").arg(m_port)))
            return true;
        QThread::msleep(20);
    }
    *error = QStringLiteral("sshd did not listen within 10 s: %1").arg(log());
    return false;
}

bool SshdFixture::start(QString *error)
{
    return start(Config{}, error);
}

bool SshdFixture::start(const Config &config, QString *error)
{
    kill();
    m_config = config;
    if (!generateKeys(error))
        return false;
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        if (!writeConfig(error))
            return false;
        if (launch(error))
            return true;
    }
    return false;
}

bool SshdFixture::restart(QString *error)
{
    kill();
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (launch(error))
            return true;
        QThread::msleep(100);
    }
    return false;
}

bool SshdFixture::isRunning() const
{
    return m_sshd.state() != QProcess::NotRunning;
}

QList<qint64> SshdFixture::descendantPids() const
{
    QList<qint64> out;
    const qint64 root = m_sshd.processId();
    if (root <= 0)
        return out;
    const QHash<qint64, qint64> parents = parentMap();
    QSet<qint64> tree{root};
    bool grew = true;
    while (grew) {
        grew = false;
        for (auto it = parents.constBegin(); it != parents.constEnd(); ++it) {
            if (!tree.contains(it.key()) && tree.contains(it.value())) {
                tree.insert(it.key());
                out.append(it.key());
                grew = true;
            }
        }
    }
    return out;
}

void SshdFixture::signalConnections(int signalNumber)
{
    for (const qint64 pid : descendantPids())
        ::kill(pid_t(pid), signalNumber);
}

void SshdFixture::kill()
{
    if (m_sshd.state() == QProcess::NotRunning)
        return;
    // Everything below the listener first (the listener's death would orphan it), then the listener.
    const QList<qint64> below = descendantPids();
    ::kill(pid_t(m_sshd.processId()), SIGKILL);
    for (const qint64 pid : below)
        ::kill(pid_t(pid), SIGKILL);
    m_sshd.waitForFinished(5000);
}

SshdFixture::Blackhole::Blackhole()
{
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(addr);
    if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0
        || ::listen(m_listener, 0) != 0 || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&addr), &length) != 0)
        return;
    // Fill the accept queue (backlog 0 still admits one or two): further SYNs are then dropped.
    for (int i = 0; i < 3; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
        m_fillers.append(fd);
    }
    QThread::msleep(100);
    m_port = ntohs(addr.sin_port);
}

SshdFixture::Blackhole::~Blackhole()
{
    for (const int fd : m_fillers)
        ::close(fd);
    if (m_listener >= 0)
        ::close(m_listener);
}

SshdFixture::SilentServer::SilentServer()
{
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(addr);
    if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0
        || ::listen(m_listener, 16) != 0 || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&addr), &length) != 0)
        return;
    m_port = ntohs(addr.sin_port); // the kernel completes handshakes; nobody ever accepts or writes
}

SshdFixture::SilentServer::~SilentServer()
{
    if (m_listener >= 0)
        ::close(m_listener);
}

} // namespace fleetdeck::test
