// LogFollower: owned streams, the bound on replica streams, cancel, and finishing exactly once.
#include "orchestrators/LogFollower.h"

#include "core/Translate.h"

#include <QTimer>

namespace fleetdeck {

namespace {
Error cancelled()
{
    return Error::make(ErrorKind::Cancelled, QCoreApplication::translate("fleetdeck::orchestrators", "log follow cancelled"));
}
} // namespace

LogFollower::LogFollower(int maxReplicaStreams, QObject *parent)
    : RemoteStream(parent), m_maxReplicaStreams(maxReplicaStreams)
{
}

LogFollower::~LogFollower()
{
    // Nothing may outlive us on the server: end every process we started.
    for (auto &s : m_streams) {
        s->disconnect(this);
        s->cancel();
    }
    m_streams.clear();
}

void LogFollower::addStream(std::unique_ptr<RemoteStream> stream, Role role, const QString &key, LinesHandler onLines)
{
    RemoteStream *raw = stream.get();
    if (role == Role::Watch) {
        connect(raw, &RemoteStream::linesReceived, this, [this, onLines = std::move(onLines)](const QList<StreamLine> &lines) {
            QList<StreamLine> out;
            for (const StreamLine &l : lines) {
                if (l.channel == StreamChannel::Stderr)
                    m_watchErrors += l.text + '\n';
                else
                    out.append(l);
            }
            if (!out.isEmpty() && onLines)
                onLines(out);
        });
    } else if (onLines) {
        connect(raw, &RemoteStream::linesReceived, this, std::move(onLines));
    } else {
        connect(raw, &RemoteStream::linesReceived, this, &RemoteStream::linesReceived);
    }
    connect(raw, &RemoteStream::finished, this,
            [this, raw, role, key](int exitCode, const Error &error) { onStreamFinished(raw, role, key, exitCode, error); });
    if (role == Role::Replica)
        ++m_replicaStreams;
    m_streams.push_back(std::move(stream));
}

void LogFollower::onStreamFinished(RemoteStream *stream, Role role, const QString &key, int exitCode, const Error &error)
{
    for (auto it = m_streams.begin(); it != m_streams.end(); ++it) {
        if (it->get() == stream) {
            it->release()->deleteLater();   // we are inside its signal
            m_streams.erase(it);
            break;
        }
    }
    if (role == Role::Replica)
        --m_replicaStreams;
    if (m_cancelling) {
        if (m_streams.empty())
            finishOnce(-1, cancelled());
        return;
    }
    if (m_finished)
        return;
    streamEnded(role, key, exitCode, error);
}

void LogFollower::cancelAll()
{
    // A stream may finish (and leave m_streams) while being cancelled: walk a copy.
    std::vector<RemoteStream *> open;
    open.reserve(m_streams.size());
    for (auto &s : m_streams)
        open.push_back(s.get());
    for (RemoteStream *s : open)
        s->cancel();
}

void LogFollower::failWith(int exitCode, const Error &error)
{
    if (isEnding())
        return;
    m_failure = error;
    m_failureExit = exitCode;
    m_cancelling = true;
    cancelAll();
    if (m_streams.empty())
        finishOnce(exitCode, error);
}

void LogFollower::cancel()
{
    if (isEnding())
        return;
    m_cancelling = true;
    cancelAll();
    if (m_streams.empty())
        QTimer::singleShot(0, this, [this] { finishOnce(-1, cancelled()); });
}

void LogFollower::finishOnce(int exitCode, const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    // A failure found before the cancel that ended the rest is what the reader must see.
    if (!m_failure.message.isEmpty() && error.kind == ErrorKind::Cancelled)
        Q_EMIT finished(m_failureExit != 0 ? m_failureExit : -1, m_failure);
    else
        Q_EMIT finished(exitCode, error);
}

} // namespace fleetdeck
