#include "logs/LogFeed.h"

#include "orchestrators/LogStream.h"
#include "services/Operations.h"

#include <QTimer>

#include <algorithm>

namespace fleetdeck::ui {

LogFeed::LogFeed(std::shared_ptr<OperationsService> ops, qint64 appId, const LogOptions &options)
    : m_ops(std::move(ops))
    , m_appId(appId)
    , m_options(options)
    , m_flush(new QTimer(this))
    , m_retry(new QTimer(this))
    , m_stopGuard(new QTimer(this))
{
    m_options.follow = true;
    m_flush->setSingleShot(true);
    m_flush->setInterval(10);
    m_retry->setSingleShot(true);
    m_stopGuard->setSingleShot(true);
    m_stopGuard->setInterval(5000);
    connect(m_flush, &QTimer::timeout, this, &LogFeed::flush);
    connect(m_retry, &QTimer::timeout, this, &LogFeed::connectStream);
    connect(m_stopGuard, &QTimer::timeout, this, [this] {
        if (!m_stoppedEmitted) {
            m_stoppedEmitted = true;
            Q_EMIT stopped();
        }
    });
}

LogFeed::~LogFeed()
{
    if (m_stream && !m_stream->isFinished())
        m_stream->cancel();
}

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
    // Blocks this (feed) thread only while the replicas are looked up.
    auto stream = m_ops->followLogs(m_appId, m_options);
    if (m_stopping) {
        if (stream)
            (*stream)->cancel();
        return;
    }
    if (!stream) {
        const int delay = retryDelayMs();
        ++m_attempt;
        Q_EMIT stateChanged(Reconnecting, tr("Cannot follow the logs (%1); retrying in %2 s")
                                              .arg(stream.error().toString())
                                              .arg(delay / 1000));
        m_retry->start(delay);
        return;
    }
    m_stream = std::move(*stream);
    connect(m_stream.get(), &LogStream::linesReceived, this, [this](const QList<LogLine> &lines) {
        m_pending += lines;
        if (!m_flush->isActive())
            m_flush->start();
    });
    connect(m_stream.get(), &LogStream::finished, this,
            [this](bool ok, const Error &error) { onStreamFinished(ok, ok ? QString() : error.toString()); });
    const int n = m_stream->replicaCount();
    Q_EMIT stateChanged(Streaming, m_everConnected ? tr("Reconnected: streaming %n replica(s)", nullptr, n)
                                                   : tr("Streaming %n replica(s)", nullptr, n));
    m_everConnected = true;
    m_attempt = 0;
}

void LogFeed::onStreamFinished(bool ok, const QString &why)
{
    flush();
    if (m_stream)
        m_stream.release()->deleteLater();   // it is emitting: not deleted under its own feet
    if (m_stopping) {
        if (!m_stoppedEmitted) {
            m_stoppedEmitted = true;
            m_stopGuard->stop();
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

void LogFeed::flush()
{
    if (m_pending.isEmpty())
        return;
    Q_EMIT linesReady(m_pending);
    m_pending.clear();
}

void LogFeed::stop()
{
    m_stopping = true;
    m_retry->stop();
    Q_EMIT stateChanged(Stopped, tr("Stopped"));
    if (m_stream && !m_stream->isFinished()) {
        m_stopGuard->start();
        m_stream->cancel();
        return;
    }
    m_stoppedEmitted = true;
    Q_EMIT stopped();
}

} // namespace fleetdeck::ui
