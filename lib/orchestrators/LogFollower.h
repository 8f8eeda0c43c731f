// LogFollower: the bookkeeping shared by the followers that keep one log stream alive across replicas
// that come and go (KubeLogFollower, docker::ContainerLogFollower).
//
// A follower runs a watch (pods, container starts) beside the log streams and starts one more stream
// per replica that appears. It owns every stream it started: a replica stream that ends does not end
// the follow; a failure ends every other stream first and is then reported once; cancel() ends them
// all (and the destructor too), so nothing outlives the follower on the server.
#pragma once

#include "remote/Transport.h"

#include <functional>
#include <memory>
#include <vector>

namespace fleetdeck {

class LogFollower : public RemoteStream
{
    Q_OBJECT
public:
    ~LogFollower() override;

    // Ends every stream; finished(-1, Cancelled) follows once they are all gone (unless a failure
    // already under way is what gets reported).
    void cancel() override;

    int openStreams() const { return int(m_streams.size()); }
    int replicaStreams() const { return m_replicaStreams; }
    int maxReplicaStreams() const { return m_maxReplicaStreams; }

protected:
    // Watch: the stream that reports new replicas. Group: one stream covering several replicas
    // (kubectl's selector stream). Replica: one replica's log; these count against the bound.
    enum class Role { Watch, Group, Replica };
    using LinesHandler = std::function<void(const QList<fleetdeck::StreamLine> &lines)>;

    LogFollower(int maxReplicaStreams, QObject *parent);

    // Takes ownership; the stream's lines go to `onLines` (null: passed on unchanged). `key` names the
    // stream for streamEnded() (e.g. the container it follows). A watch's stderr is kept for
    // watchErrors(), not handed on: only its stdout lines reach `onLines`.
    void addStream(std::unique_ptr<RemoteStream> stream, Role role, const QString &key = {}, LinesHandler onLines = {});
    // False once the replica streams reach the bound (the caller says so in the log).
    bool hasRoomForReplica() const { return m_replicaStreams < m_maxReplicaStreams; }
    // What the watch streams wrote on stderr: it explains why one failed.
    QByteArray watchErrors() const { return m_watchErrors; }
    // True while cancelling or failing, and after the end: start nothing new.
    bool isEnding() const { return m_cancelling || m_finished; }
    // Ends the follow with `error`: every other stream is cancelled first, then finished() reports it.
    void failWith(int exitCode, const Error &error);

    // A stream ended on its own (not while ending); it is already removed from the open streams.
    virtual void streamEnded(Role role, const QString &key, int exitCode, const Error &error) = 0;

private:
    void onStreamFinished(RemoteStream *stream, Role role, const QString &key, int exitCode, const Error &error);
    void cancelAll();
    void finishOnce(int exitCode, const Error &error);

    std::vector<std::unique_ptr<RemoteStream>> m_streams;
    QByteArray m_watchErrors;
    int m_maxReplicaStreams = 8;
    int m_replicaStreams = 0;
    bool m_cancelling = false;
    bool m_finished = false;
    Error m_failure;
    int m_failureExit = 0;
};

} // namespace fleetdeck
