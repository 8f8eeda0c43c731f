// SshStream (internal to lib/remote): the RemoteStream of an SSH command and the sink through which the
// worker thread hands it lines and the end.
#pragma once

#include "remote/Transport.h"

#include <QList>

#include <memory>
#include <mutex>
#include <optional>
#include <utility>

namespace fleetdeck {

class SshConnection;
class SshStream;
struct SshJob;

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

} // namespace fleetdeck
