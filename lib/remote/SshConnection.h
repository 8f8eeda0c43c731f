// SshConnection (internal to lib/remote): one server's libssh session, its worker thread and job queue.
#pragma once

#include "domain/Server.h"
#include "remote/SshTransport.h"
#include "remote/Transport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

namespace fleetdeck {

class SshStream;

// What a stream's worker side hands to the stream object, which lives on another thread.
class StreamSink
{
public:
    // Worker side: queue lines / the end, and post one drain to the stream's thread if none is pending.
    void push(QList<StreamLine> lines);
    void finish(int exitCode, const Error &error);

    // Stream side.
    void attach(SshStream *target);
    void detach();
    bool take(QList<StreamLine> *lines, std::optional<std::pair<int, Error>> *end);

private:
    void postLocked();

    std::mutex m_mutex;
    SshStream *m_target = nullptr;
    QList<StreamLine> m_lines;
    std::optional<std::pair<int, Error>> m_end;
    bool m_ended = false;
    bool m_drainPosted = false;
};

struct SshJob {
    enum class Kind { Exec, Stream, Connect };

    Kind kind = Kind::Exec;
    RemoteCommand command;
    QByteArray commandLine;            // what the exec request carries (see wrapCommandLine)
    bool reportsPgid = false;          // commandLine announces its process group first (see wrapCommandLine)
    int openRefusals = 0;              // worker only: channel opens the server refused with nothing else open
    bool helper = false;               // a kill helper of the worker itself: may use the reserved channel
    CancelToken cancel;
    std::atomic_bool cancelRequested{false};
    QDeadlineTimer deadline{QDeadlineTimer::Forever};
    QElapsedTimer clock;               // started when submitted
    std::shared_ptr<StreamSink> sink;  // streams only

    bool isCancelled() const { return cancelRequested.load() || cancel.isCancelled(); }

    // Exec / Connect: the caller blocks in wait() until the worker calls complete().
    void complete(Result<CommandResult> result);
    Result<CommandResult> wait(const std::function<void()> &wakeWorker);

private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::optional<Result<CommandResult>> m_result;
};

class SshWorker;

class SshConnection
{
public:
    SshConnection(const Server &server, const SshOptions &options);
    ~SshConnection();

    SshConnection(const SshConnection &) = delete;
    SshConnection &operator=(const SshConnection &) = delete;

    void submit(const std::shared_ptr<SshJob> &job);
    void wake();

    const Server &server() const { return m_server; }
    const SshOptions &options() const { return m_options; }
    QString describe() const;

    int connectCount() const { return m_connectCount.load(); }
    bool isConnected() const { return m_connected.load(); }

private:
    friend class SshWorker;

    const Server m_server;
    const SshOptions m_options;

    std::mutex m_queueMutex;
    std::deque<std::shared_ptr<SshJob>> m_incoming;
    bool m_stopping = false;
    int m_wakePipe[2] = {-1, -1};

    std::atomic_int m_connectCount{0};
    std::atomic_bool m_connected{false};

    QThread *m_thread = nullptr;
};

// The RemoteStream of an SSH command: lines arrive queued on the thread that created it.
class SshStream final : public RemoteStream
{
public:
    SshStream(std::shared_ptr<SshConnection> connection, std::shared_ptr<SshJob> job);
    ~SshStream() override;

    void cancel() override;
    void drain();

private:
    std::shared_ptr<SshConnection> m_connection;  // keeps the session alive while the stream exists
    std::shared_ptr<SshJob> m_job;
    bool m_finished = false;
};

// The exec line of a command: `printf 'fleetdeck-pgid:%s\n' "$$" >&2; exec <shellJoin(argv)>`. sshd starts
// every command in a new session, so the shell's $$ is the process group; exec keeps that pid for the
// command (and its exit status / signal). A cancel or timeout then kills the whole group from a second
// channel: OpenSSH refuses "signal" requests for root logins (no post-auth privilege separation).
QByteArray wrapCommandLine(const QStringList &argv);
// Extracts the announcement from stderr (stdout under a pty); everything else passes through.
class PgidMarker
{
public:
    QByteArray filter(const QByteArray &chunk);
    QByteArray flush();                // what is still held back (the command ended)
    qint64 pgid() const { return m_pgid; }
    bool done() const { return m_done; }

private:
    QByteArray m_pending;
    qint64 m_pgid = 0;
    bool m_done = false;
};

// Connects without authenticating and returns the host key fingerprint (SshTransport::fetchHostKeyFingerprint).
Result<QString> sshFetchHostKeyFingerprint(const Server &server, int timeoutMs, QString *keyType);

} // namespace fleetdeck
