// Transport: runs argv commands on one server (SSH or this machine). Thread-safe; blocking calls
// are for worker threads only (the GUI thread reaches them through futures, never directly).
#pragma once

#include "core/Result.h"
#include "remote/RemoteCommand.h"

#include <QObject>

#include <memory>

namespace fleetdeck {

enum class StreamChannel { Stdout, Stderr };

struct StreamLine {
    StreamChannel channel = StreamChannel::Stdout;
    QByteArray text;               // without the trailing newline
};

// A running streamed command (logs -f, deployment output). Lines arrive on the thread the stream
// object lives in (the thread that created it). cancel() ends the remote process too.
class RemoteStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~RemoteStream() override = default;

    virtual void cancel() = 0;

Q_SIGNALS:
    void linesReceived(const QList<fleetdeck::StreamLine> &lines);
    // exitCode -1 with error set when the stream failed or was cancelled
    void finished(int exitCode, const fleetdeck::Error &error);
};

class Transport
{
public:
    virtual ~Transport() = default;

    // Blocks the calling (worker) thread until the command ends, times out or is cancelled.
    // A non-zero exit is a successful Result carrying exitCode; errors are transport failures.
    virtual Result<CommandResult> execute(const RemoteCommand &command, const CancelToken &cancel = {}) = 0;

    // Starts a streamed command; the returned object is owned by the caller.
    virtual std::unique_ptr<RemoteStream> stream(const RemoteCommand &command) = 0;

    // Writes bytes to a file on the server with the given permissions (e.g. 0600), replacing it
    // atomically. A directory at remotePath is an error: nothing is ever moved into it.
    virtual Status upload(const QByteArray &data, const QString &remotePath, int permissions) = 0;

    // "root@10.0.0.5:22" or "this machine"; for messages and the activity log.
    virtual QString describe() const = 0;
};

} // namespace fleetdeck
