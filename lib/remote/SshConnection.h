// SshConnection (internal to lib/remote): one server's job queue and the worker thread (SshWorker) that
// owns its libssh session; SshJob is one queued command.
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

class StreamSink;

struct SshJob {
    enum class Kind { Exec, Stream, Connect };

    Kind kind = Kind::Exec;
    RemoteCommand command;
    QByteArray commandLine;            // what the exec request carries (see ProcessGroup.h)
    bool reportsPgid = false;          // commandLine announces its process group first (see ProcessGroup.h)
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

} // namespace fleetdeck
