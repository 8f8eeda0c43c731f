// LogFeed: one LogFollow at a time; reconnects with a server-reckoned --since after a drop.
#include "logs/LogFeed.h"

#include "services/LogFollow.h"
#include "services/Operations.h"

#include <QTimer>

#include <algorithm>

namespace fleetdeck::ui {

LogFeed::LogFeed(std::shared_ptr<OperationsService> ops, qint64 appId, const LogOptions &options, QObject *parent)
    : QObject(parent)
    , m_ops(std::move(ops))
    , m_appId(appId)
    , m_options(options)
    , m_retry(new QTimer(this))
{
    m_options.follow = true;
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &LogFeed::connectStream);
}

// Destroying a follow that still runs ends its remote processes (on its own worker).
LogFeed::~LogFeed() = default;

QString LogFeed::sinceDrop(qint64 elapsedMs)
{
    return QStringLiteral("%1s").arg(elapsedMs / 1000 + 2);   // rounded up, plus a second before the drop
}

int LogFeed::retryDelayMs() const
{
    return std::min(30000, 1000 << std::min(m_attempt, 5));
}

void LogFeed::start()
{
    Q_EMIT stateChanged(Connecting, tr("Connecting…"));
    connectStream();
}

void LogFeed::connectStream()
{
    if (m_stopping)
        return;
    if (m_droppedAt.isValid())
        m_options.since = sinceDrop(m_droppedAt.elapsed());
    // Returns at once: the replicas are looked up on the follow's worker.
    m_stream = m_ops->followLogs(m_appId, m_options, kBatchMs);
    connect(m_stream.get(), &LogFollow::linesReceived, this, &LogFeed::linesReady);
    connect(m_stream.get(), &LogFollow::started, this, [this](int n) {
        if (m_stopping)
            return;
        Q_EMIT stateChanged(Streaming, m_everConnected ? tr("Reconnected: streaming %n replica(s)", nullptr, n)
                                                       : tr("Streaming %n replica(s)", nullptr, n));
        m_everConnected = true;
        m_attempt = 0;
    });
    connect(m_stream.get(), &LogFollow::finished, this, [this](bool ok, const Error &error) {
        const bool lookupFailed = !m_stream->isStarted();
        if (lookupFailed && !m_stopping) {
            m_stream.release()->deleteLater();   // it is emitting: not deleted under its own feet
            const int delay = retryDelayMs();
            ++m_attempt;
            Q_EMIT stateChanged(Reconnecting, tr("Cannot follow the logs (%1); retrying in %2 s")
                                                  .arg(error.toString())
                                                  .arg(delay / 1000));
            m_retry->start(delay);
            return;
        }
        onStreamFinished(ok, ok ? QString() : error.toString());
    });
}

void LogFeed::onStreamFinished(bool ok, const QString &why)
{
    if (m_stream)
        m_stream.release()->deleteLater();   // it is emitting: not deleted under its own feet
    if (m_stopping) {
        if (!m_stoppedEmitted) {
            m_stoppedEmitted = true;
            Q_EMIT stopped();
        }
        return;
    }
    // The connection (or a replica) went away: follow again from a moment before the drop, replicas
    // found afresh. The moment is passed as a duration ("12s") that the server reckons on its own
    // clock: a timestamp of ours would skip or repeat lines when the two clocks differ.
    m_droppedAt.start();
    m_options.tail = std::max(m_options.tail, 1000);
    const int delay = retryDelayMs();
    ++m_attempt;
    Q_EMIT stateChanged(Reconnecting, ok ? tr("The log stream ended; reconnecting in %1 s").arg(delay / 1000)
                                         : tr("Connection lost (%1); reconnecting in %2 s").arg(why).arg(delay / 1000));
    m_retry->start(delay);
}

// The follow reports its end (within its stop grace period even on a dead connection): stopped() follows.
void LogFeed::stop()
{
    m_stopping = true;
    m_retry->stop();
    Q_EMIT stateChanged(Stopped, tr("Stopped"));
    if (m_stream && !m_stream->isFinished()) {
        m_stream->cancel();
        return;
    }
    m_stoppedEmitted = true;
    Q_EMIT stopped();
}

} // namespace fleetdeck::ui
