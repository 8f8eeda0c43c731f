// ExecSession and its worker: the session's two halves, joined by queued signals.
#include "services/ExecSession.h"
#include "core/Translate.h"
#include "services/ExecSessionWorker.h"

#include <QTimer>

namespace fleetdeck {

ExecSession::ExecSession(ExecSessionWorker *worker)
    : m_control(worker->control())
    , m_batchInFlight(worker->batchInFlight())
{
    connect(worker, &ExecSessionWorker::started, this, &ExecSession::started);
    connect(worker, &ExecSessionWorker::linesReceived, this, [this](const QList<StreamLine> &lines, qint64 dropped) {
        Q_EMIT linesReceived(lines, dropped);
        m_batchInFlight->store(false);   // the receivers (direct connections) have taken the batch
    });
    connect(worker, &ExecSessionWorker::finished, this, [this](int exitCode, const Error &error) {
        m_finished = true;
        Q_EMIT finished(exitCode, error);
    });
}

ExecSession::~ExecSession()
{
    if (!m_finished)
        m_control->cancel();
}

void ExecSession::cancel()
{
    if (!m_finished)
        m_control->cancel();
}

ExecSessionWorker::ExecSessionWorker(Open open, int batchMs)
    : m_open(std::move(open))
    , m_batchMs(batchMs)
{
}

// Destroying the stream before its end ends the command in the replica.
ExecSessionWorker::~ExecSessionWorker()
{
    if (m_stream)
        m_stream->disconnect(this);
}

void ExecSessionWorker::begin()
{
    m_flush = new QTimer(this);
    m_flush->setSingleShot(true);
    m_flush->setInterval(m_batchMs);
    connect(m_flush, &QTimer::timeout, this, &ExecSessionWorker::flush);
    // The only blocking part: finding the replica.
    auto stream = m_open();
    m_open = {};
    if (!stream) {
        finish(-1, stream.error());
        return;
    }
    m_stream = std::move(*stream);
    connect(m_stream.get(), &RemoteStream::linesReceived, this, [this](const QList<StreamLine> &lines) {
        m_waiting += lines;
        if (m_waiting.size() > ExecSession::kMaxWaitingLines) {
            const qsizetype excess = m_waiting.size() - ExecSession::kMaxWaitingLines;
            m_waiting.remove(0, excess);
            m_dropped += excess;
        }
        if (!m_flush->isActive())
            m_flush->start();
    });
    connect(m_stream.get(), &RemoteStream::finished, this, [this](int exitCode, const Error &error) { finish(exitCode, error); });
    Q_EMIT started();
    if (cancelRequested())
        stop();
}

void ExecSessionWorker::stop()
{
    if (m_ended || !m_stream)
        return;
    m_stream->cancel();
    // A stream whose end never comes (a dead connection) must not keep the session busy.
    QTimer::singleShot(kStopGraceMs, this, [this] {
        finish(-1, Error::make(ErrorKind::Cancelled, QCoreApplication::translate("fleetdeck::services", "Cancelled.")));
    });
}

void ExecSessionWorker::flush()
{
    if (m_waiting.isEmpty())
        return;
    if (m_batchInFlight->exchange(true)) {
        m_flush->start();    // the receiver is still taking the previous batch
        return;
    }
    Q_EMIT linesReceived(m_waiting, m_dropped);
    m_waiting.clear();
    m_dropped = 0;
}

void ExecSessionWorker::finish(int exitCode, const Error &error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_flush->stop();
    if (m_stream)
        m_stream->disconnect(this);
    // The last lines go out even if a batch is still in flight: finished() follows them in order.
    if (!m_waiting.isEmpty()) {
        m_batchInFlight->store(true);
        Q_EMIT linesReceived(m_waiting, m_dropped);
        m_waiting.clear();
    }
    Q_EMIT finished(exitCode, error);
    done();
}

} // namespace fleetdeck
