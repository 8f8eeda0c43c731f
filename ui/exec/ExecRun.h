// ExecRun: one command of the exec console, run on its own thread. It asks OperationsService for the
// stream there (the replica lookup blocks that thread, never the GUI's), hands the output to the
// console in batches (every 30 ms, one batch in flight at a time, so a flood cannot pile up queued
// events), and ends the command in the replica on stop().
#pragma once

#include "orchestrators/OrchestratorTypes.h"
#include "remote/Transport.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <atomic>
#include <memory>

class QTimer;

namespace fleetdeck {
class OperationsService;
}

namespace fleetdeck::ui {

class ExecRun final : public QObject
{
    Q_OBJECT
public:
    ExecRun(std::shared_ptr<OperationsService> ops, qint64 appId, ExecRequest request);
    ~ExecRun() override;

    // The console clears it once it has shown a batch; while set, lines wait here (bounded).
    std::shared_ptr<std::atomic_bool> batchInFlight() const { return m_batchInFlight; }

    static constexpr int kFlushIntervalMs = 30;
    static constexpr qsizetype kMaxWaitingLines = 50000;   // beyond this the oldest waiting lines are dropped

public Q_SLOTS:
    void start();
    void stop();     // ends the command in the replica; ended() follows

Q_SIGNALS:
    void streaming();
    // `dropped`: lines left out before this batch because the console could not keep up.
    void linesReady(const QList<fleetdeck::StreamLine> &lines, qint64 dropped);
    // `error` empty: the command ended with `exitCode`. Emitted once.
    void ended(int exitCode, const QString &error, qint64 durationMs);

private:
    void flush();
    void finish(int exitCode, const QString &error);

    std::shared_ptr<OperationsService> m_ops;
    qint64 m_appId;
    ExecRequest m_request;
    std::unique_ptr<RemoteStream> m_stream;
    QList<StreamLine> m_waiting;
    qint64 m_dropped = 0;
    std::shared_ptr<std::atomic_bool> m_batchInFlight = std::make_shared<std::atomic_bool>(false);
    QTimer *m_flush;
    QTimer *m_stopGuard;
    QElapsedTimer m_clock;
    bool m_stopping = false;
    bool m_ended = false;
};

} // namespace fleetdeck::ui
