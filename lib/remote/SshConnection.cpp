// SshConnection: one libssh session per server, driven by one worker thread.
//
// libssh sessions are not thread-safe, so exactly one thread (the worker) ever touches the session.
// Callers hand it jobs through a mutex-protected queue and a wake pipe. After a blocking connect and
// authentication the session is switched to non-blocking mode and the worker multiplexes many channels
// on it: poll() on the session socket (POLLOUT too while libssh holds unsent bytes) and the wake pipe,
// then step every channel's state machine (open -> [pty] -> exec -> running -> done) without blocking.
// stdout and stderr are read as they arrive, so a command printing 100 MB never stalls on a full window.

#include "remote/SshConnection.h"

#include "core/Logging.h"
#include "remote/ActivityLog.h"
#include "remote/LineSplitter.h"
#include "remote/ShellQuote.h"
#include "remote/SshKeys.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h> // ssh_send_keepalive(), which clients may use too

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace fleetdeck {

namespace {

QString target(const Server &server)
{
    return QStringLiteral("%1@%2:%3").arg(server.user, server.host).arg(server.port);
}

QString libsshError(ssh_session session)
{
    return session ? QString::fromUtf8(ssh_get_error(session)) : QString();
}

QString seconds(int ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

Error makeError(ErrorKind kind, const QString &message, const QString &detail = {})
{
    return Error::make(kind, message, detail);
}

void setTimeout(ssh_session session, int ms)
{
    long secs = ms / 1000;
    long usecs = (ms % 1000) * 1000L;
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &secs);
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT_USEC, &usecs);
}

// A fresh blocking session with our options; nothing from ~/.ssh/config or known_hosts is used:
// the trusted host key lives with the server record.
ssh_session newSession(const Server &server, int timeoutMs)
{
    ssh_session session = ssh_new();
    if (!session)
        return nullptr;
    const QByteArray host = server.host.toUtf8();
    const QByteArray user = server.user.toUtf8();
    unsigned int port = unsigned(server.port);
    int no = 0;
    int yes = 1;
    // A fixed host key preference, so the fingerprint a server shows does not depend on libssh's default.
    const char *hostKeys = "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,"
                           "rsa-sha2-512,rsa-sha2-256";
    ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &no);
    ssh_options_set(session, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(session, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(session, SSH_OPTIONS_NODELAY, &yes);
    ssh_options_set(session, SSH_OPTIONS_HOSTKEYS, hostKeys);
    ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
    ssh_options_set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    setTimeout(session, timeoutMs);
    ssh_set_blocking(session, 1);
    return session;
}

void freeSession(ssh_session session)
{
    if (!session)
        return;
    ssh_disconnect(session);
    ssh_free(session);
}

Status connectSocket(ssh_session session, const Server &server, int timeoutMs)
{
    if (ssh_connect(session) == SSH_OK)
        return {};
    const QString detail = libsshError(session);
    QString message;
    if (detail.contains(QLatin1String("Timeout"), Qt::CaseInsensitive))
        message = QStringLiteral("Could not reach %1: no answer within %2.").arg(target(server), seconds(timeoutMs));
    else if (detail.contains(QLatin1String("refused"), Qt::CaseInsensitive))
        message = QStringLiteral("Could not reach %1: connection refused (is sshd running on port %2?).")
                      .arg(target(server))
                      .arg(server.port);
    else
        message = QStringLiteral("Could not connect to %1.").arg(target(server));
    return makeError(ErrorKind::Unreachable, message, detail);
}

struct HostKey {
    QString fingerprint;
    QString type;
};

Result<HostKey> readHostKey(ssh_session session)
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(session, &key) != SSH_OK || !key)
        return makeError(ErrorKind::Unreachable, QStringLiteral("The server sent no host key."), libsshError(session));
    unsigned char *hash = nullptr;
    size_t length = 0;
    const int rc = ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length);
    HostKey out;
    const char *type = ssh_key_type_to_char(ssh_key_type(key));
    out.type = type ? QString::fromLatin1(type).toUpper().remove(QLatin1String("SSH-")) : QString();
    ssh_key_free(key);
    if (rc != SSH_OK || !hash)
        return makeError(ErrorKind::Internal, QStringLiteral("Could not hash the server's host key."));
    out.fingerprint = sha256Fingerprint(QByteArray(reinterpret_cast<const char *>(hash), qsizetype(length)));
    ssh_clean_pubkey_hash(&hash);
    return out;
}

Status verifyHostKey(ssh_session session, const Server &server)
{
    Result<HostKey> key = readHostKey(session);
    if (!key)
        return key.error();
    if (server.hostKeyFingerprint.isEmpty()) {
        Error e = makeError(ErrorKind::HostKeyUnknown,
                            QStringLiteral("The host key of %1 is not trusted yet: %2 (%3). Check it on the server "
                                           "(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) and trust it; nothing was run.")
                                .arg(target(server), key->fingerprint, key->type));
        e.fingerprint = key->fingerprint;
        return e;
    }
    if (key->fingerprint != server.hostKeyFingerprint) {
        Error e = makeError(ErrorKind::HostKeyChanged,
                            QStringLiteral("WARNING: the host key of %1 has CHANGED. Trusted: %2; the server now offers: "
                                           "%3 (%4). This can mean someone is intercepting the connection; nothing was run. "
                                           "Trust the new key only if you know why it changed.")
                                .arg(target(server), server.hostKeyFingerprint, key->fingerprint, key->type));
        e.fingerprint = key->fingerprint;
        e.expected = server.hostKeyFingerprint;
        return e;
    }
    return {};
}

QString methodNames(int methods)
{
    QStringList names;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        names << QStringLiteral("publickey");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        names << QStringLiteral("password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        names << QStringLiteral("keyboard-interactive");
    if (methods & SSH_AUTH_METHOD_HOSTBASED)
        names << QStringLiteral("hostbased");
    if (methods & SSH_AUTH_METHOD_GSSAPI_MIC)
        names << QStringLiteral("gssapi-with-mic");
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

Error authError(const QString &message, const QString &field = {}, const QString &detail = {})
{
    Error e = makeError(ErrorKind::AuthFailed, message, detail);
    e.field = field;
    return e;
}

Error authTransportError(ssh_session session, const Server &server)
{
    return makeError(ErrorKind::Unreachable,
                     QStringLiteral("The connection to %1 failed during authentication.").arg(target(server)),
                     libsshError(session));
}

Status authenticateWithKey(ssh_session session, const Server &server, int methods)
{
    const QString path = server.identityFile;
    if (path.isEmpty())
        return authError(QStringLiteral("No private key file is set for %1.").arg(target(server)),
                         QStringLiteral("identityFile"));
    if (!(methods & SSH_AUTH_METHOD_PUBLICKEY))
        return authError(QStringLiteral("%1 refuses public key authentication (it accepts: %2).")
                             .arg(target(server), methodNames(methods)));
    QFile file(path);
    if (!QFileInfo::exists(path))
        return authError(QStringLiteral("The private key file %1 does not exist.").arg(path), QStringLiteral("identityFile"));
    if (!file.open(QIODevice::ReadOnly))
        return authError(QStringLiteral("The private key file %1 cannot be read: %2.").arg(path, file.errorString()),
                         QStringLiteral("identityFile"));
    const QByteArray content = file.readAll();
    const PrivateKeyProtection protection = privateKeyProtection(content);
    if (protection == PrivateKeyProtection::NotAKey)
        return authError(QStringLiteral("%1 is not a private key file this program can read.").arg(path),
                         QStringLiteral("identityFile"));
    if (protection == PrivateKeyProtection::Encrypted && server.secret.isEmpty())
        return authError(QStringLiteral("The private key %1 is protected by a passphrase, and none is stored for this server.")
                             .arg(path),
                         QStringLiteral("secret"));

    ssh_key key = nullptr;
    QByteArray passphrase = server.secret.toUtf8();
    const int rc = ssh_pki_import_privkey_base64(content.constData(),
                                                 protection == PrivateKeyProtection::Encrypted ? passphrase.constData() : nullptr,
                                                 nullptr, nullptr, &key);
    passphrase.fill('\0');
    if (rc != SSH_OK || !key) {
        if (protection == PrivateKeyProtection::Encrypted)
            return authError(QStringLiteral("Wrong passphrase for the private key %1.").arg(path), QStringLiteral("secret"));
        return authError(QStringLiteral("The private key %1 could not be loaded (unsupported format?).").arg(path),
                         QStringLiteral("identityFile"));
    }
    ssh_key publicKey = nullptr;
    if (ssh_pki_export_privkey_to_pubkey(key, &publicKey) != SSH_OK) {
        ssh_key_free(key);
        return authError(QStringLiteral("Could not derive the public key of %1.").arg(path), QStringLiteral("identityFile"));
    }
    const int offered = ssh_userauth_try_publickey(session, nullptr, publicKey);
    ssh_key_free(publicKey);
    if (offered == SSH_AUTH_ERROR) {
        ssh_key_free(key);
        return authTransportError(session, server);
    }
    if (offered != SSH_AUTH_SUCCESS) {
        ssh_key_free(key);
        // SSH servers do not say whether the user exists (by design), so both causes are named.
        return authError(QStringLiteral("%1 did not accept the key %2 for user '%3': the key is not in that user's "
                                        "authorized_keys, or there is no user '%3' on the server.")
                             .arg(target(server), path, server.user),
                         QStringLiteral("identityFile"));
    }
    const int signedRc = ssh_userauth_publickey(session, nullptr, key);
    ssh_key_free(key);
    if (signedRc == SSH_AUTH_SUCCESS)
        return {};
    if (signedRc == SSH_AUTH_PARTIAL)
        return authError(QStringLiteral("%1 accepted the key but requires a second authentication method (%2), which is "
                                        "not supported.")
                             .arg(target(server), methodNames(ssh_userauth_list(session, nullptr))));
    if (signedRc == SSH_AUTH_ERROR)
        return authTransportError(session, server);
    return authError(QStringLiteral("%1 rejected the signature made with %2.").arg(target(server), path),
                     QStringLiteral("identityFile"));
}

Status authenticateWithAgent(ssh_session session, const Server &server, int methods)
{
    if (!(methods & SSH_AUTH_METHOD_PUBLICKEY))
        return authError(QStringLiteral("%1 refuses public key authentication, so ssh-agent cannot be used (it accepts: %2).")
                             .arg(target(server), methodNames(methods)));
    if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
        return authError(QStringLiteral("No ssh-agent is available (SSH_AUTH_SOCK is not set)."));
    const int rc = ssh_userauth_agent(session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_PARTIAL)
        return authError(QStringLiteral("%1 requires a second authentication method, which is not supported.").arg(target(server)));
    if (rc == SSH_AUTH_ERROR && ssh_is_connected(session))
        return authError(QStringLiteral("Could not use ssh-agent."), {}, libsshError(session));
    if (rc == SSH_AUTH_ERROR)
        return authTransportError(session, server);
    return authError(QStringLiteral("%1 accepted none of the keys in ssh-agent for user '%2' (or there is no such user).")
                         .arg(target(server), server.user));
}

Status authenticateWithPassword(ssh_session session, const Server &server, int methods)
{
    const QByteArray password = server.secret.toUtf8();
    int rc = SSH_AUTH_DENIED;
    if (methods & SSH_AUTH_METHOD_PASSWORD) {
        rc = ssh_userauth_password(session, nullptr, password.constData());
    } else if (methods & SSH_AUTH_METHOD_INTERACTIVE) {
        // Servers with PAM often offer passwords only as keyboard-interactive: answer the hidden prompts.
        rc = ssh_userauth_kbdint(session, nullptr, nullptr);
        for (int round = 0; rc == SSH_AUTH_INFO && round < 8; ++round) {
            const int prompts = ssh_userauth_kbdint_getnprompts(session);
            for (int i = 0; i < prompts; ++i) {
                char echo = 0;
                ssh_userauth_kbdint_getprompt(session, unsigned(i), &echo);
                ssh_userauth_kbdint_setanswer(session, unsigned(i), echo ? "" : password.constData());
            }
            rc = ssh_userauth_kbdint(session, nullptr, nullptr);
        }
    } else {
        return authError(QStringLiteral("%1 refuses password authentication (it accepts: %2).")
                             .arg(target(server), methodNames(methods)));
    }
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return authTransportError(session, server);
    if (rc == SSH_AUTH_PARTIAL)
        return authError(QStringLiteral("%1 requires a second authentication method, which is not supported.").arg(target(server)));
    return authError(QStringLiteral("%1 rejected the password for user '%2'.").arg(target(server), server.user),
                     QStringLiteral("secret"));
}

Status authenticate(ssh_session session, const Server &server)
{
    const int none = ssh_userauth_none(session, nullptr);
    if (none == SSH_AUTH_SUCCESS)
        return {};
    if (none == SSH_AUTH_ERROR)
        return authTransportError(session, server);
    const int methods = ssh_userauth_list(session, nullptr);
    switch (server.auth) {
    case AuthMethod::Key:
        return authenticateWithKey(session, server, methods);
    case AuthMethod::Agent:
        return authenticateWithAgent(session, server, methods);
    case AuthMethod::Password:
        return authenticateWithPassword(session, server, methods);
    }
    return authError(QStringLiteral("Unknown authentication method."));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Process-group announcement

namespace {
const QByteArray kPgidPrefix("fleetdeck-pgid:");

// Constant script run in a second channel: TERM to the group, up to $2 tenths of a second for it to
// go, then KILL. `kill -SIG -PGID` is the one spelling dash, bash and busybox all accept.
const QString kKillScript = QStringLiteral(
    "kill -TERM \"-$1\" 2>/dev/null || exit 0\n"
    "i=0\n"
    "while [ \"$i\" -lt \"$2\" ] && kill -0 \"-$1\" 2>/dev/null; do sleep 0.1; i=$((i+1)); done\n"
    "kill -KILL \"-$1\" 2>/dev/null\n"
    "exit 0\n");
} // namespace

QByteArray wrapCommandLine(const QStringList &argv)
{
    return QByteArray("printf '") + kPgidPrefix + "%s\\n' \"$$\" >&2; exec " + shellJoin(argv).toUtf8();
}

QByteArray PgidMarker::filter(const QByteArray &chunk)
{
    if (m_done)
        return chunk;
    m_pending += chunk;
    QByteArray passed;
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = m_pending.indexOf('\n', start);
        if (newline < 0)
            break;
        QByteArray line = m_pending.mid(start, newline - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith(kPgidPrefix)) {
            bool ok = false;
            const qint64 pgid = line.mid(kPgidPrefix.size()).toLongLong(&ok);
            if (ok && pgid > 1)
                m_pgid = pgid;
            m_done = true;
            passed += m_pending.left(start) + m_pending.mid(newline + 1);
            m_pending.clear();
            return passed;
        }
        start = newline + 1; // a line before ours (a chatty .bashrc): keep it, keep looking
    }
    if (m_pending.size() > 4096) { // no announcement: give up, pass everything on
        m_done = true;
        passed = std::move(m_pending);
        m_pending.clear();
        return passed;
    }
    passed = m_pending.left(start);
    m_pending.remove(0, start);
    return passed;
}

QByteArray PgidMarker::flush()
{
    m_done = true;
    QByteArray rest = std::move(m_pending);
    m_pending.clear();
    return rest;
}

// ---------------------------------------------------------------------------------------------
// StreamSink / SshStream

void StreamSink::push(QList<StreamLine> lines)
{
    if (lines.isEmpty())
        return;
    std::lock_guard lock(m_mutex);
    if (m_ended)
        return;
    m_lines += std::move(lines);
    postLocked();
}

void StreamSink::finish(int exitCode, const Error &error)
{
    std::lock_guard lock(m_mutex);
    if (m_ended)
        return;
    m_ended = true;
    m_end = std::make_pair(exitCode, error);
    postLocked();
}

void StreamSink::postLocked()
{
    // Posting under the mutex: detach() (from the stream's destructor) cannot run meanwhile, and Qt drops
    // events posted to an object that is deleted later.
    if (!m_target || m_drainPosted)
        return;
    m_drainPosted = true;
    SshStream *target = m_target;
    QMetaObject::invokeMethod(target, [target] { target->drain(); }, Qt::QueuedConnection);
}

void StreamSink::attach(SshStream *target)
{
    std::lock_guard lock(m_mutex);
    m_target = target;
    if (!m_lines.isEmpty() || m_end)
        postLocked();
}

void StreamSink::detach()
{
    std::lock_guard lock(m_mutex);
    m_target = nullptr;
}

bool StreamSink::take(QList<StreamLine> *lines, std::optional<std::pair<int, Error>> *end)
{
    std::lock_guard lock(m_mutex);
    m_drainPosted = false;
    *lines = std::move(m_lines);
    m_lines.clear();
    *end = std::move(m_end);
    m_end.reset();
    return !lines->isEmpty() || end->has_value();
}

SshStream::SshStream(std::shared_ptr<SshConnection> connection, std::shared_ptr<SshJob> job)
    : m_connection(std::move(connection))
    , m_job(std::move(job))
{
    m_job->sink->attach(this);
}

SshStream::~SshStream()
{
    m_job->sink->detach();
    if (!m_finished) {
        m_job->cancelRequested.store(true);
        m_connection->wake();
    }
}

void SshStream::cancel()
{
    if (m_finished)
        return;
    m_job->cancelRequested.store(true);
    m_connection->wake();
}

void SshStream::drain()
{
    QList<StreamLine> lines;
    std::optional<std::pair<int, Error>> end;
    if (!m_job->sink->take(&lines, &end))
        return;
    if (!lines.isEmpty())
        Q_EMIT linesReceived(lines);
    if (end && !m_finished) {
        m_finished = true;
        Q_EMIT finished(end->first, end->second);
    }
}

// ---------------------------------------------------------------------------------------------
// SshJob

void SshJob::complete(Result<CommandResult> result)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_result)
            return;
        m_result.emplace(std::move(result));
    }
    m_done.notify_all();
}

Result<CommandResult> SshJob::wait(const std::function<void()> &wakeWorker)
{
    std::unique_lock lock(m_mutex);
    bool cancelSignalled = false;
    while (!m_result) {
        m_done.wait_for(lock, std::chrono::milliseconds(25));
        if (!cancelSignalled && cancel.isCancelled()) {
            cancelSignalled = true;
            lock.unlock();
            wakeWorker();
            lock.lock();
        }
    }
    return *m_result;
}

// ---------------------------------------------------------------------------------------------
// SshWorker: everything below runs on the connection's worker thread only.

class SshWorker
{
public:
    explicit SshWorker(SshConnection &connection)
        : m_c(connection)
        , m_channelLimit(qMax(1, connection.m_options.maxChannels))
        , m_buffer(64 * 1024, Qt::Uninitialized)
    {
    }

    void run();

private:
    enum class Phase { Opening, Pty, Exec, Running, Killing, Closing };

    struct Run {
        std::shared_ptr<SshJob> job;
        ssh_channel channel = nullptr;
        ssh_channel_callbacks_struct callbacks{};
        Phase phase = Phase::Opening;
        bool usePty = false;
        bool answered = false;           // the caller already has its result (cancel, timeout)
        QByteArray out;
        QByteArray err;
        LineSplitter outLines;
        LineSplitter errLines;
        qsizetype stdinOffset = 0;
        bool eofSent = false;
        bool exitStatusSeen = false;
        int exitStatus = -1;
        QString exitSignal;
        bool remoteClosed = false;
        QDeadlineTimer killDeadline;
        bool killSubmitted = false;
        bool requeued = false;           // refused by the server's MaxSessions; the job waits again
        PgidMarker marker;
        QElapsedTimer clock;
    };

    static void onExitStatus(ssh_session, ssh_channel, int status, void *userdata)
    {
        auto *run = static_cast<Run *>(userdata);
        run->exitStatusSeen = true;
        run->exitStatus = status;
    }
    static void onExitSignal(ssh_session, ssh_channel, const char *signal, int, const char *, const char *, void *userdata)
    {
        auto *run = static_cast<Run *>(userdata);
        run->exitSignal = QString::fromLatin1(signal ? signal : "UNKNOWN");
    }
    static void onClose(ssh_session, ssh_channel, void *userdata) { static_cast<Run *>(userdata)->remoteClosed = true; }

    bool takeIncoming();
    void expireWaiting();
    void connectIfNeeded();
    Status openSession();
    void closeSession();
    void startWaiting(bool &progress);
    bool step(Run &run, bool &progress);   // false: run finished, remove it
    bool readAvailable(Run &run, bool &progress, int *lastOut, int *lastErr);
    void writeStdin(Run &run, bool &progress);
    void beginKill(Run &run, const Error &why);
    void submitKill(Run &run);
    void finishRun(Run &run);
    void answer(Run &run, Result<CommandResult> result);
    void freeChannel(Run &run);
    bool sessionBroken() const;
    void connectionLost(const QString &why);
    void checkKeepalive();
    int nextTimeoutMs() const;
    void waitForActivity(int timeoutMs);
    void record(const SshJob &job, const Result<CommandResult> &result, qint64 durationMs);
    Error lostError(const QString &why) const;

    SshConnection &m_c;
    ssh_session m_session = nullptr;
    ssh_event m_event = nullptr;
    std::deque<std::shared_ptr<SshJob>> m_waiting;
    std::vector<std::unique_ptr<Run>> m_runs;
    int m_channelLimit;
    QByteArray m_buffer;
    bool m_stopping = false;

    QElapsedTimer m_keepaliveSent;
    int m_keepaliveMisses = 0;
    ssh_counter_struct m_socketBytes{}; // libssh counts what it reads from the socket
    quint64 m_lastInBytes = 0;
    QElapsedTimer m_lastReceived;       // when m_socketBytes.in_bytes last grew

    QDeadlineTimer m_nextConnect{0};
    QDeadlineTimer m_openPause{0};      // no new channels until then (the server refused one)
    int m_backoffMs = 0;
};

bool SshWorker::takeIncoming()
{
    std::lock_guard lock(m_c.m_queueMutex);
    while (!m_c.m_incoming.empty()) {
        m_waiting.push_back(std::move(m_c.m_incoming.front()));
        m_c.m_incoming.pop_front();
    }
    return m_c.m_stopping;
}

void SshWorker::record(const SshJob &job, const Result<CommandResult> &result, qint64 durationMs)
{
    if (job.kind == SshJob::Kind::Connect)
        return;
    ActivityEntry entry = ActivityLog::entryFor(job.command, m_c.m_server.name, m_c.describe());
    entry.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-job.clock.elapsed());
    entry.streamed = job.kind == SshJob::Kind::Stream;
    entry.durationMs = durationMs;
    if (result) {
        entry.exitCode = result->exitCode;
        entry.exitSignal = result->exitSignal;
    } else {
        entry.error = result.error().message;
        entry.errorKind = errorKindName(result.error().kind);
    }
    ActivityLog::instance().record(entry);
}

void SshWorker::expireWaiting()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        SshJob &job = **it;
        std::optional<Error> error;
        if (job.isCancelled())
            error = makeError(ErrorKind::Cancelled, QStringLiteral("Cancelled before it started."));
        else if (job.deadline.hasExpired())
            error = makeError(ErrorKind::Timeout,
                              QStringLiteral("Timed out after %1 waiting for the connection to %2.")
                                  .arg(seconds(int(job.command.timeoutMs)), m_c.describe()));
        if (!error) {
            ++it;
            continue;
        }
        if (job.kind == SshJob::Kind::Stream)
            job.sink->finish(-1, *error);
        else
            job.complete(*error);
        record(job, *error, job.clock.elapsed());
        it = m_waiting.erase(it);
    }
}

Status SshWorker::openSession()
{
    const Server &server = m_c.m_server;
    ssh_session session = newSession(server, m_c.m_options.connectTimeoutMs);
    if (!session)
        return makeError(ErrorKind::Internal, QStringLiteral("Could not create an SSH session."));
    Status status = connectSocket(session, server, m_c.m_options.connectTimeoutMs);
    if (status)
        status = verifyHostKey(session, server);
    if (status)
        status = authenticate(session, server);
    if (!status) {
        freeSession(session);
        return status;
    }
    ssh_set_blocking(session, 0);
    m_event = ssh_event_new();
    ssh_event_add_session(m_event, session);
    m_session = session;
    m_channelLimit = qMax(1, m_c.m_options.maxChannels);
    m_keepaliveMisses = 0;
    m_keepaliveSent.invalidate();
    m_socketBytes = ssh_counter_struct{};
    ssh_set_counters(session, &m_socketBytes, nullptr);
    m_lastInBytes = 0;
    m_lastReceived.start();
    m_c.m_connectCount.fetch_add(1);
    m_c.m_connected.store(true);
    qCDebug(lcRemote) << "connected to" << m_c.describe();
    return {};
}

void SshWorker::connectIfNeeded()
{
    if (m_session || m_waiting.empty() || !m_nextConnect.hasExpired())
        return;
    const Status status = openSession();
    if (status) {
        m_backoffMs = 0;
        return;
    }
    // Only network failures back off; a host key or auth failure is the same however often it is retried.
    if (status.error().kind == ErrorKind::Unreachable) {
        const SshOptions &o = m_c.m_options;
        m_backoffMs = m_backoffMs == 0 ? o.reconnectBackoffInitialMs : qMin(m_backoffMs * 2, o.reconnectBackoffMaxMs);
        m_nextConnect.setRemainingTime(m_backoffMs);
    }
    qCInfo(lcRemote) << "connect to" << m_c.describe() << "failed:" << status.error().toString();
    while (!m_waiting.empty()) {
        std::shared_ptr<SshJob> job = std::move(m_waiting.front());
        m_waiting.pop_front();
        if (job->kind == SshJob::Kind::Stream)
            job->sink->finish(-1, status.error());
        else
            job->complete(status.error());
        record(*job, status.error(), job->clock.elapsed());
    }
}

void SshWorker::closeSession()
{
    for (auto &run : m_runs)
        freeChannel(*run);
    m_runs.clear();
    if (m_event) {
        ssh_event_remove_session(m_event, m_session);
        ssh_event_free(m_event);
        m_event = nullptr;
    }
    freeSession(m_session);
    m_session = nullptr;
    m_c.m_connected.store(false);
}

Error SshWorker::lostError(const QString &why) const
{
    return makeError(ErrorKind::Unreachable, QStringLiteral("The connection to %1 was lost (%2).").arg(m_c.describe(), why),
                     libsshError(m_session));
}

void SshWorker::connectionLost(const QString &why)
{
    const Error error = lostError(why);
    qCWarning(lcRemote) << error.toString();
    m_c.m_connected.store(false); // before anyone hears about it
    for (auto &run : m_runs) {
        if (!run->answered)
            answer(*run, error);
    }
    closeSession();
}

bool SshWorker::sessionBroken() const
{
    if (!m_session)
        return false;
    return !ssh_is_connected(m_session) || (ssh_get_status(m_session) & (SSH_CLOSED | SSH_CLOSED_ERROR));
}

void SshWorker::startWaiting(bool &progress)
{
    // One channel stays free for kill helpers: a cancelled command can only be stopped from a second
    // channel, and the server counts the cancelled one until its process is gone.
    const int regularLimit = m_channelLimit > 1 ? m_channelLimit - 1 : 1;
    while (m_session && m_openPause.hasExpired() && !m_waiting.empty()
           && int(m_runs.size()) < (m_waiting.front()->helper ? m_channelLimit : regularLimit)) {
        std::shared_ptr<SshJob> job = std::move(m_waiting.front());
        m_waiting.pop_front();
        if (job->kind == SshJob::Kind::Connect) {
            job->complete(CommandResult{});
            continue;
        }
        auto run = std::make_unique<Run>();
        run->job = job;
        run->usePty = job->kind == SshJob::Kind::Stream;
        run->clock.start();
        run->channel = ssh_channel_new(m_session);
        if (!run->channel) {
            answer(*run, makeError(ErrorKind::Internal, QStringLiteral("Could not create an SSH channel."), libsshError(m_session)));
            continue;
        }
        ssh_callbacks_init(&run->callbacks);
        run->callbacks.userdata = run.get();
        run->callbacks.channel_exit_status_function = &SshWorker::onExitStatus;
        run->callbacks.channel_exit_signal_function = &SshWorker::onExitSignal;
        run->callbacks.channel_close_function = &SshWorker::onClose;
        ssh_set_channel_callbacks(run->channel, &run->callbacks);
        m_runs.push_back(std::move(run));
        progress = true;
    }
}

void SshWorker::answer(Run &run, Result<CommandResult> result)
{
    if (run.answered)
        return;
    run.answered = true;
    SshJob &job = *run.job;
    record(job, result, job.clock.elapsed());
    if (job.kind == SshJob::Kind::Stream) {
        if (!result)
            job.sink->finish(-1, result.error());
        else if (!result->exitSignal.isEmpty())
            job.sink->finish(-1, makeError(ErrorKind::RemoteFailed,
                                           QStringLiteral("The command was killed by signal %1.").arg(result->exitSignal)));
        else
            job.sink->finish(result->exitCode, Error{});
    } else {
        job.complete(std::move(result));
    }
}

void SshWorker::freeChannel(Run &run)
{
    if (!run.channel)
        return;
    ssh_remove_channel_callbacks(run.channel, &run.callbacks);
    if (m_session && ssh_is_connected(m_session) && ssh_channel_is_open(run.channel))
        ssh_channel_close(run.channel);
    ssh_channel_free(run.channel);
    run.channel = nullptr;
}

bool SshWorker::readAvailable(Run &run, bool &progress, int *lastOut, int *lastErr)
{
    for (int isStderr = 0; isStderr < 2; ++isStderr) {
        int rc = 0;
        qsizetype total = 0;
        for (;;) {
            rc = ssh_channel_read_nonblocking(run.channel, m_buffer.data(), uint32_t(m_buffer.size()), isStderr);
            if (rc <= 0)
                break;
            progress = true;
            total += rc;
            QByteArray chunk(m_buffer.constData(), rc);
            if (run.job->reportsPgid && !run.marker.done() && bool(isStderr) != run.usePty) {
                chunk = run.marker.filter(chunk);
                if (run.marker.pgid() > 0 && run.phase == Phase::Killing && !run.killSubmitted)
                    submitKill(run);
            }
            if (run.phase == Phase::Killing || run.answered) {
                // discarded: the caller is gone
            } else if (run.job->kind == SshJob::Kind::Stream) {
                QList<StreamLine> lines;
                const auto channel = isStderr ? StreamChannel::Stderr : StreamChannel::Stdout;
                for (QByteArray &line : (isStderr ? run.errLines : run.outLines).feed(chunk))
                    lines.append(StreamLine{channel, std::move(line)});
                run.job->sink->push(std::move(lines));
            } else {
                (isStderr ? run.err : run.out) += chunk;
            }
            if (total >= 4 * 1024 * 1024) { // be fair to the other channels; come back next turn
                rc = 1;
                break;
            }
        }
        if (rc == SSH_ERROR)
            return false;
        (isStderr ? *lastErr : *lastOut) = rc;
    }
    return true;
}

void SshWorker::writeStdin(Run &run, bool &progress)
{
    const QByteArray &data = run.job->command.stdinData;
    while (run.stdinOffset < data.size()) {
        const uint32_t window = ssh_channel_window_size(run.channel);
        if (window == 0)
            return;
        const qsizetype chunk = std::min({qsizetype(window), data.size() - run.stdinOffset, qsizetype(256 * 1024)});
        const int written = ssh_channel_write(run.channel, data.constData() + run.stdinOffset, uint32_t(chunk));
        if (written <= 0)
            return;
        run.stdinOffset += written;
        progress = true;
    }
    // With a pty, EOF would not reach the program anyway; without, it is what ends `cat`.
    if (!run.eofSent && !run.usePty) {
        ssh_channel_send_eof(run.channel);
        run.eofSent = true;
        progress = true;
    }
}

void SshWorker::beginKill(Run &run, const Error &why)
{
    answer(run, why);
    if (run.phase == Phase::Running) {
        // For non-root logins OpenSSH turns a "signal" request into killpg() of the command's group;
        // for root it refuses, so the kill helper does it from a second channel. With a pty, closing
        // the channel at the end also hangs the terminal up (SIGHUP).
        ssh_channel_request_send_signal(run.channel, "TERM");
        run.phase = Phase::Killing;
        run.killDeadline.setRemainingTime(2 * m_c.m_options.killGraceMs + 3000);
        if (run.marker.pgid() > 0)
            submitKill(run);
    }
    // Opening/Pty/Exec: step() moves it to Killing as soon as the command is running.
}

void SshWorker::submitKill(Run &run)
{
    run.killSubmitted = true;
    auto job = std::make_shared<SshJob>();
    job->kind = SshJob::Kind::Exec;
    job->helper = true;
    job->command.argv = {QStringLiteral("sh"), QStringLiteral("-c"), kKillScript, QStringLiteral("fleetdeck-kill"),
                         QString::number(run.marker.pgid()), QString::number(qMax(1, m_c.m_options.killGraceMs / 100))};
    job->command.purpose = QStringLiteral("stop a cancelled command");
    job->command.timeoutMs = m_c.m_options.killGraceMs + 10000;
    job->commandLine = shellJoin(job->command.argv).toUtf8();
    job->deadline.setRemainingTime(job->command.timeoutMs);
    job->clock.start();
    m_waiting.push_front(job);
}

void SshWorker::finishRun(Run &run)
{
    CommandResult result;
    result.durationMs = run.job->clock.elapsed();
    if (run.job->reportsPgid && !run.marker.done()) {
        const QByteArray held = run.marker.flush();
        if (run.job->kind == SshJob::Kind::Stream) {
            const auto channel = run.usePty ? StreamChannel::Stdout : StreamChannel::Stderr;
            QList<StreamLine> lines;
            for (QByteArray &line : (run.usePty ? run.outLines : run.errLines).feed(held))
                lines.append(StreamLine{channel, std::move(line)});
            run.job->sink->push(std::move(lines));
        } else
            (run.usePty ? run.out : run.err) += held;
    }
    result.stdoutData = std::move(run.out);
    result.stderrData = std::move(run.err);
    if (run.job->kind == SshJob::Kind::Stream) {
        QList<StreamLine> lines;
        for (QByteArray &line : run.outLines.flush())
            lines.append(StreamLine{StreamChannel::Stdout, std::move(line)});
        for (QByteArray &line : run.errLines.flush())
            lines.append(StreamLine{StreamChannel::Stderr, std::move(line)});
        run.job->sink->push(std::move(lines));
    }
    if (!run.exitSignal.isEmpty()) {
        result.exitCode = -1;
        result.exitSignal = run.exitSignal;
        answer(run, std::move(result));
    } else if (run.exitStatusSeen) {
        result.exitCode = run.exitStatus;
        answer(run, std::move(result));
    } else {
        answer(run, makeError(ErrorKind::NoExitStatus,
                              QStringLiteral("The command on %1 ended without reporting an exit status.").arg(m_c.describe()),
                              QString::fromUtf8(result.stderrData.right(2000))));
    }
}

bool SshWorker::step(Run &run, bool &progress)
{
    SshJob &job = *run.job;
    if (!run.answered) {
        if (job.isCancelled())
            beginKill(run, makeError(ErrorKind::Cancelled, QStringLiteral("Cancelled.")));
        else if (job.deadline.hasExpired())
            beginKill(run, makeError(ErrorKind::Timeout,
                                     QStringLiteral("The command timed out after %1 on %2 and was stopped.")
                                         .arg(seconds(job.command.timeoutMs), m_c.describe())));
    }

    if (run.phase == Phase::Opening) {
        const int rc = ssh_channel_open_session(run.channel);
        if (rc == SSH_AGAIN)
            return true;
        if (rc != SSH_OK) {
            if (sessionBroken())
                return true; // the loop notices and fails everything at once
            const bool denied = ssh_get_error_code(m_session) == SSH_REQUEST_DENIED;
            freeChannel(run);
            // With nothing else open the server may still be reaping channels we closed: a few retries.
            if (denied && !run.answered && (m_runs.size() > 1 || ++run.job->openRefusals <= 5)) {
                // The server is at its MaxSessions (lower than ours, or it has not yet reaped channels we
                // just closed, which happens under load): queue the job again, open nothing until a
                // channel ends or 50 ms pass, and aim at what it took; each successful open at that
                // level raises the aim again by one (so a slow server does not shrink us for good).
                const int open = int(m_runs.size()) - 1;
                qCDebug(lcRemote) << m_c.describe() << "refused a channel with" << open << "open; retrying";
                m_waiting.push_front(run.job);
                m_openPause.setRemainingTime(50);
                m_channelLimit = qMax(1, open);
                run.answered = true;
                run.requeued = true;
                return false;
            }
            answer(run, makeError(ErrorKind::RemoteFailed,
                                  QStringLiteral("%1 refused to open a channel.").arg(m_c.describe()), libsshError(m_session)));
            return false;
        }
        progress = true;
        if (m_channelLimit < m_c.m_options.maxChannels && int(m_runs.size()) >= m_channelLimit - 1)
            ++m_channelLimit;
        run.phase = run.usePty ? Phase::Pty : Phase::Exec;
    }
    if (run.phase == Phase::Pty) {
        const int rc = ssh_channel_request_pty_size(run.channel, "dumb", 512, 64);
        if (rc == SSH_AGAIN)
            return true;
        if (rc != SSH_OK) {
            if (sessionBroken())
                return true;
            qCInfo(lcRemote) << m_c.describe() << "refused a pty; the stream runs without one";
            run.usePty = false;
        }
        progress = true;
        run.phase = Phase::Exec;
    }
    if (run.phase == Phase::Exec) {
        if (run.answered) { // cancelled before it started: never start it
            freeChannel(run);
            return false;
        }
        const int rc = ssh_channel_request_exec(run.channel, job.commandLine.constData());
        if (rc == SSH_AGAIN)
            return true;
        if (rc != SSH_OK) {
            if (sessionBroken())
                return true;
            answer(run, makeError(ErrorKind::RemoteFailed,
                                  QStringLiteral("%1 refused to run the command.").arg(m_c.describe()), libsshError(m_session)));
            freeChannel(run);
            return false;
        }
        progress = true;
        run.phase = Phase::Running;
        if (run.answered) // cancelled while the exec request was in flight
            beginKill(run, Error{});
    }

    if (run.phase == Phase::Running)
        writeStdin(run, progress);

    int lastOut = 0;
    int lastErr = 0;
    if (!readAvailable(run, progress, &lastOut, &lastErr)) {
        if (sessionBroken())
            return true;
        if (!run.answered)
            answer(run, makeError(ErrorKind::RemoteFailed, QStringLiteral("Reading the command's output failed."),
                                  libsshError(m_session)));
        freeChannel(run);
        return false;
    }
    const bool drained = lastOut <= 0 && lastErr <= 0;

    if (run.phase == Phase::Killing) {
        if (run.remoteClosed && drained) {
            freeChannel(run);
            return false;
        }
        if (run.killDeadline.hasExpired()) {
            ssh_channel_request_send_signal(run.channel, "KILL");
            freeChannel(run); // closes it; a pty gets its hangup
            return false;
        }
        return true;
    }

    if (run.phase == Phase::Closing) {
        if (run.remoteClosed || run.killDeadline.hasExpired()) {
            freeChannel(run);
            return false;
        }
        return true;
    }

    const bool ended = run.remoteClosed
        || (ssh_channel_is_eof(run.channel) && (run.exitStatusSeen || !run.exitSignal.isEmpty()));
    if (!ended)
        return true;
    // Reading one stream may have pulled in the rest of the other (and the EOF that told us it ended):
    // read until a whole pass finds nothing, so no byte is left behind.
    for (bool more = true; more;) {
        more = false;
        if (!readAvailable(run, more, &lastOut, &lastErr))
            break;
    }
    finishRun(run);
    if (run.remoteClosed) {
        freeChannel(run);
        return false;
    }
    // The caller has its answer; the channel counts against the server's MaxSessions until its close.
    run.phase = Phase::Closing;
    run.killDeadline.setRemainingTime(2000);
    return true;
}

void SshWorker::checkKeepalive()
{
    const SshOptions &o = m_c.m_options;
    if (!m_session || o.keepaliveIntervalMs <= 0)
        return;
    const qint64 silent = m_lastReceived.elapsed();
    if (silent < o.keepaliveIntervalMs) {
        m_keepaliveMisses = 0;
        m_keepaliveSent.invalidate();
        return;
    }
    if (m_keepaliveSent.isValid()) {
        if (silent < m_keepaliveSent.elapsed()) { // something arrived after the last keepalive
            m_keepaliveMisses = 0;
            m_keepaliveSent.invalidate();
            return;
        }
        if (m_keepaliveSent.elapsed() < o.keepaliveIntervalMs)
            return;
        ++m_keepaliveMisses;
        if (m_keepaliveMisses >= o.keepaliveMaxMisses) {
            connectionLost(QStringLiteral("no answer to %1 keepalives in %2").arg(m_keepaliveMisses).arg(seconds(int(silent))));
            return;
        }
    }
    // ssh_send_keepalive() only sends when no earlier keepalive is pending in libssh, so a second call
    // sends the next one right after the previous answer was consumed.
    ssh_send_keepalive(m_session);
    ssh_send_keepalive(m_session);
    m_keepaliveSent.start();
}

int SshWorker::nextTimeoutMs() const
{
    qint64 timeout = 1000;
    auto consider = [&timeout](const QDeadlineTimer &deadline) {
        if (!deadline.isForever())
            timeout = qMin(timeout, qMax<qint64>(0, deadline.remainingTime()));
    };
    for (const auto &job : m_waiting)
        consider(job->deadline);
    for (const auto &run : m_runs) {
        if (!run->answered)
            consider(run->job->deadline);
        if (run->phase == Phase::Killing || run->phase == Phase::Closing)
            consider(run->killDeadline);
    }
    if (!m_session && !m_waiting.empty())
        consider(m_nextConnect);
    if (m_session && !m_waiting.empty())
        consider(m_openPause);
    if (m_session && m_c.m_options.keepaliveIntervalMs > 0)
        timeout = qMin<qint64>(timeout, qMax(10, m_c.m_options.keepaliveIntervalMs / 4));
    return int(timeout);
}

void SshWorker::waitForActivity(int timeoutMs)
{
    pollfd fds[2];
    nfds_t count = 0;
    fds[count++] = pollfd{m_c.m_wakePipe[0], POLLIN, 0};
    const int sshFd = m_session ? ssh_get_fd(m_session) : -1;
    if (sshFd >= 0) {
        short events = POLLIN;
        if (ssh_get_poll_flags(m_session) & SSH_WRITE_PENDING)
            events |= POLLOUT;
        fds[count++] = pollfd{sshFd, events, 0};
    }
    const int rc = ::poll(fds, count, timeoutMs);
    if (rc <= 0)
        return;
    if (fds[0].revents & POLLIN) {
        char drain[256];
        while (::read(m_c.m_wakePipe[0], drain, sizeof drain) > 0) {
        }
    }
    if (count > 1 && fds[1].revents) {
        // Let libssh read and dispatch what arrived (channel data lands in the channels' buffers).
        ssh_event_dopoll(m_event, 0);
    }
}

void SshWorker::run()
{
    for (;;) {
        m_stopping = takeIncoming();
        expireWaiting();
        if (m_stopping && m_waiting.empty() && m_runs.empty())
            break;

        connectIfNeeded();

        bool progress = false;
        if (m_session) {
            startWaiting(progress);
            for (size_t i = 0; i < m_runs.size();) {
                if (step(*m_runs[i], progress)) {
                    ++i;
                } else {
                    if (!m_runs[i]->requeued) // a channel ended: the server has room again
                        m_openPause = QDeadlineTimer(0);
                    m_runs.erase(m_runs.begin() + qsizetype(i));
                }
                if (sessionBroken())
                    break;
            }
            // Packets read while serving one channel may complete another that was already served in
            // this round, and no poll() would report them again: go round once more without sleeping.
            if (m_session && m_socketBytes.in_bytes != m_lastInBytes) {
                m_lastInBytes = m_socketBytes.in_bytes;
                m_lastReceived.start();
                progress = true;
            }
            if (sessionBroken())
                connectionLost(QStringLiteral("the server closed the connection or the network failed"));
            else
                checkKeepalive();
        }
        waitForActivity(progress ? 0 : nextTimeoutMs());
    }
    closeSession();
}

// ---------------------------------------------------------------------------------------------
// SshConnection

SshConnection::SshConnection(const Server &server, const SshOptions &options)
    : m_server(server)
    , m_options(options)
{
    if (::pipe2(m_wakePipe, O_NONBLOCK | O_CLOEXEC) != 0)
        qCCritical(lcRemote) << "pipe2 failed";
    m_thread = QThread::create([this] {
        SshWorker worker(*this);
        worker.run();
    });
    m_thread->setObjectName(QStringLiteral("ssh:%1").arg(describe()));
    m_thread->start();
}

SshConnection::~SshConnection()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_stopping = true;
    }
    wake();
    m_thread->wait();
    delete m_thread;
    ::close(m_wakePipe[0]);
    ::close(m_wakePipe[1]);
}

QString SshConnection::describe() const
{
    return target(m_server);
}

void SshConnection::submit(const std::shared_ptr<SshJob> &job)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_incoming.push_back(job);
    }
    wake();
}

void SshConnection::wake()
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(m_wakePipe[1], &byte, 1);
}

Result<QString> sshFetchHostKeyFingerprint(const Server &server, int timeoutMs, QString *keyType)
{
    ssh_session session = newSession(server, timeoutMs);
    if (!session)
        return makeError(ErrorKind::Internal, QStringLiteral("Could not create an SSH session."));
    const Status connected = connectSocket(session, server, timeoutMs);
    if (!connected) {
        freeSession(session);
        return connected.error();
    }
    Result<HostKey> key = readHostKey(session);
    freeSession(session);
    if (!key)
        return key.error();
    if (keyType)
        *keyType = key->type;
    return key->fingerprint;
}

} // namespace fleetdeck
