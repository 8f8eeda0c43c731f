// LogFollow and its worker: the follow's two halves, joined by queued signals.
#include "services/LogFollow.h"
#include "core/Translate.h"
#include "services/LogFollowWorker.h"

#include <QTimer>

namespace fleetdeck {

LogFollow::LogFollow(LogFollowWorker *worker)
    : m_control(worker->control())
{
    connect(worker, &LogFollowWorker::started, this, [this](int replicas) {
        m_started = true;
        m_replicas = replicas;
        Q_EMIT started(replicas);
    });
    connect(worker, &LogFollowWorker::linesReceived, this, &LogFollow::linesReceived);
    connect(worker, &LogFollowWorker::finished, this, [this](bool ok, const Error &error) {
        m_finished = true;
        Q_EMIT finished(ok, error);
    });
}

LogFollow::~LogFollow()
{
    if (!m_finished)
        m_control->cancel();
}

void LogFollow::cancel()
{
    if (!m_finished)
        m_control->cancel();
}

LogFollowWorker::LogFollowWorker(Open open, int batchMs)
    : m_open(std::move(open))
    , m_batchMs(batchMs)
{
}

LogFollowWorker::~LogFollowWorker()
{
    if (m_stream && !m_stream->isFinished())
        m_stream->cancel();
}

void LogFollowWorker::begin()
{
    m_flush = new QTimer(this);
    m_flush->setSingleShot(true);
    m_flush->setInterval(m_batchMs);
    connect(m_flush, &QTimer::timeout, this, &LogFollowWorker::flush);
    // The only blocking part: the queries that find the replicas.
    auto stream = m_open();
    m_open = {};
    if (!stream) {
        Q_EMIT finished(false, stream.error());
        done();
        return;
    }
    m_stream = std::move(*stream);
    connect(m_stream.get(), &LogStream::linesReceived, this, [this](const QList<LogLine> &lines) {
        m_pending += lines;
        if (m_batchMs <= 0)
            flush();
        else if (!m_flush->isActive())
            m_flush->start();
    });
    connect(m_stream.get(), &LogStream::finished, this, [this](bool ok, const Error &error) {
        flush();
        Q_EMIT finished(ok, error);
        done();
    });
    Q_EMIT started(m_stream->replicaCount());
    if (cancelRequested())
        stop();
}

void LogFollowWorker::stop()
{
    if (!m_stream || m_stream->isFinished())
        return;
    m_stream->cancel();
    // A stream whose end never comes (a dead connection) must not keep the follow alive.
    QTimer::singleShot(kStopGraceMs, this, [this] {
        if (m_stream && !m_stream->isFinished()) {
            m_stream->disconnect(this);
            Q_EMIT finished(false, Error::make(ErrorKind::Cancelled, QCoreApplication::translate("fleetdeck::services", "Cancelled.")));
            done();
        }
    });
}

void LogFollowWorker::flush()
{
    if (m_pending.isEmpty())
        return;
    Q_EMIT linesReceived(m_pending);
    m_pending.clear();
}

} // namespace fleetdeck
