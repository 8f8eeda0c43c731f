// ExecRun: OperationsService::followExec on the run's thread, output batched to the console.
#include "exec/ExecRun.h"

#include "services/Operations.h"

#include <QTimer>

namespace fleetdeck::ui {

ExecRun::ExecRun(std::shared_ptr<OperationsService> ops, qint64 appId, ExecRequest request)
    : m_ops(std::move(ops))
    , m_appId(appId)
    , m_request(std::move(request))
    , m_flush(new QTimer(this))
    , m_stopGuard(new QTimer(this))
{
    m_flush->setSingleShot(true);
    m_flush->setInterval(kFlushIntervalMs);
    connect(m_flush, &QTimer::timeout, this, &ExecRun::flush);
    // A stream whose end never comes (a dead connection) must not keep the console busy.
    m_stopGuard->setSingleShot(true);
    m_stopGuard->setInterval(5000);
    connect(m_stopGuard, &QTimer::timeout, this, [this] { finish(-1, tr("Stopped.")); });
}

ExecRun::~ExecRun()
{
    // Destroying the stream before its end ends the command in the replica.
    if (m_stream)
        m_stream->disconnect(this);
}

void ExecRun::start()
{
    m_clock.start();
    // Blocks this (run) thread while the replica is looked up.
    auto stream = m_ops->followExec(m_appId, m_request);
    if (!stream) {
        finish(-1, stream.error().toString());
        return;
    }
    m_stream = std::move(*stream);
    connect(m_stream.get(), &RemoteStream::linesReceived, this, [this](const QList<StreamLine> &lines) {
        m_waiting += lines;
        if (m_waiting.size() > kMaxWaitingLines) {
            const qsizetype excess = m_waiting.size() - kMaxWaitingLines;
            m_waiting.remove(0, excess);
            m_dropped += excess;
        }
        if (!m_flush->isActive())
            m_flush->start();
    });
    connect(m_stream.get(), &RemoteStream::finished, this, [this](int exitCode, const Error &error) {
        m_stream.release()->deleteLater();   // it is emitting: not deleted under its own feet
        if (m_stopping && error.kind == ErrorKind::Cancelled)
            finish(-1, tr("Stopped."));
        else
            finish(exitCode, error.message.isEmpty() ? QString() : error.toString());
    });
    Q_EMIT streaming();
}

void ExecRun::stop()
{
    if (m_ended || m_stopping)
        return;
    m_stopping = true;
    if (m_stream) {
        m_stopGuard->start();
        m_stream->cancel();
    }
}

void ExecRun::flush()
{
    if (m_waiting.isEmpty())
        return;
    if (m_batchInFlight->exchange(true)) {
        m_flush->start();    // the console is still showing the previous batch
        return;
    }
    Q_EMIT linesReady(m_waiting, m_dropped);
    m_waiting.clear();
    m_dropped = 0;
}

void ExecRun::finish(int exitCode, const QString &error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_flush->stop();
    m_stopGuard->stop();
    // The last lines go out even if a batch is still in flight: ended() follows them in order.
    if (!m_waiting.isEmpty()) {
        m_batchInFlight->store(true);
        Q_EMIT linesReady(m_waiting, m_dropped);
        m_waiting.clear();
    }
    Q_EMIT ended(exitCode, error, m_clock.elapsed());
}

} // namespace fleetdeck::ui
