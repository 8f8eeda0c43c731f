// SshWorker (internal to lib/remote): the thread that owns one server's libssh session.
//
// libssh sessions are not thread-safe, so exactly one thread (the worker) ever touches the session.
// Callers hand it jobs through a mutex-protected queue and a wake pipe. After a blocking connect and
// authentication the session is switched to non-blocking mode and the worker multiplexes many channels
// on it: poll() on the session socket (POLLOUT too while libssh holds unsent bytes) and the wake pipe,
// then step every channel's state machine (open -> [pty] -> exec -> running -> done) without blocking.
// stdout and stderr are read as they arrive, so a command printing 100 MB never stalls on a full window.
// The loop and the session's life are in SshWorker.cpp, the channel state machine in SshChannels.cpp.
#pragma once

#include "remote/LineSplitter.h"
#include "remote/ProcessGroup.h"
#include "remote/SshConnection.h"

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace fleetdeck {

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
    // One turn of a channel's state machine; false: the run is over, remove it. Each phase's helper
    // returns nullopt to go on to the next phase in the same turn, or what step() returns.
    bool step(Run &run, bool &progress);
    void stopIfCancelledOrLate(Run &run);
    std::optional<bool> stepOpening(Run &run, bool &progress);
    std::optional<bool> stepPty(Run &run, bool &progress);
    std::optional<bool> stepExec(Run &run, bool &progress);
    bool stepRunning(Run &run, bool &progress);
    bool stepStopping(Run &run, bool drained);
    bool stepEnded(Run &run);
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

} // namespace fleetdeck
