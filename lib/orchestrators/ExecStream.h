// ExecStream: a command running in one replica, its output streamed. Stopping it ends the command in
// the replica too.
//
// Ending the local client (`docker exec`, `kubectl exec`) does not end the process it started: the
// engine and the kubelet keep it running (moby#9098). So the command runs with a mark in its
// environment (FLEETDECK_EXEC_ID=<128 random bits>) and stopping runs a second command in the same
// replica that signals every process carrying that mark (TERM, then KILL a second later). The stop
// needs `sh` and `grep` in the replica; without them the process stays and a warning is logged.
#pragma once

#include "remote/Transport.h"

#include <functional>
#include <memory>
#include <optional>

namespace fleetdeck {

// Where the command runs and how its replica is called, found once for exec() and execStream().
struct ExecTarget {
    QString container;       // what `docker exec` / `kubectl exec` is given (container id or name, pod)
    QString replica;         // what the user calls it ("web.2", task or pod name)
};

namespace execmark {
// "FLEETDECK_EXEC_ID=<32 hex digits>", fresh each call.
QString newMark();
// argv that ends, inside the replica, every process whose environment holds `mark`.
QStringList stopArgv(const QString &mark);
} // namespace execmark

class ExecStream final : public RemoteStream
{
    Q_OBJECT
public:
    // How a backend reads what its client (`docker exec`, `kubectl exec`) says besides the output.
    struct Reading {
        // The line reports the command's exit status instead of being output (kwok's kubelet makes
        // kubectl exit 1 with "... exit status N"): that N; the line is not passed on.
        std::function<std::optional<int>(const QByteArray &line)> exitStatusLine;
        // The engine's or kubectl's own failure, judged from the client's exit code and the first
        // lines it printed (any channel: under a pty stderr is merged into stdout); an empty Error
        // when the command itself ran (its exit code is then the result).
        std::function<Error(int exitCode, const QList<QByteArray> &firstLines)> clientFailure;
    };

    // Starts `command` now. `stop` is run (on the thread pool) when the stream is cancelled or
    // destroyed before the command ended, or when the connection failed. `keepAlive` is held as long
    // as either needs it (the uploaded kubeconfig's lease).
    ExecStream(std::shared_ptr<Transport> transport, const RemoteCommand &command, RemoteCommand stop, Reading reading,
               std::shared_ptr<void> keepAlive = {}, QObject *parent = nullptr);
    ~ExecStream() override;

    // Ends the client and the command in the replica; finished(-1, Cancelled) follows.
    void cancel() override;

private:
    void onLines(const QList<fleetdeck::StreamLine> &lines);
    void onClientFinished(int exitCode, const fleetdeck::Error &error);
    void stopInReplica();

    static constexpr int kFirstLinesKept = 8;

    std::shared_ptr<Transport> m_transport;
    RemoteCommand m_stop;
    Reading m_reading;
    std::shared_ptr<void> m_keepAlive;
    std::unique_ptr<RemoteStream> m_client;
    QList<QByteArray> m_firstLines;
    std::optional<int> m_reportedExit;
    bool m_ended = false;
    bool m_stopSent = false;
};

} // namespace fleetdeck
