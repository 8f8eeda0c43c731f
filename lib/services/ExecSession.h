// ExecSession: a command run in one replica with its output streamed, returned AT ONCE by
// OperationsService::followExec. The replica is looked up on a worker thread, where the backend's
// stream then lives; this object stays in the caller's thread and signals there: started, lines in
// batches (every batchMs, one batch at a time: a flood cannot pile up queued events; beyond
// kMaxWaitingLines the oldest waiting lines are dropped and counted), finished. cancel() (or
// destroying it) ends the command in the replica. Needs an event loop in the caller.
#pragma once

#include "core/Error.h"
#include "remote/Transport.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace fleetdeck {

struct StreamControl;
class ExecSessionWorker;

class ExecSession final : public QObject
{
    Q_OBJECT
public:
    ~ExecSession() override;

    static constexpr qsizetype kMaxWaitingLines = 50000;

    void cancel();
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void started();
    // `dropped`: lines left out before this batch because the receiver could not keep up.
    void linesReceived(const QList<fleetdeck::StreamLine> &lines, qint64 dropped);
    // `error` empty: the command ended with `exitCode` (non-zero is a result, not an error). Otherwise
    // the lookup or the engine failed, or Cancelled after cancel().
    void finished(int exitCode, const fleetdeck::Error &error);

private:
    friend class OperationsService;
    explicit ExecSession(ExecSessionWorker *worker);

    std::shared_ptr<StreamControl> m_control;
    std::shared_ptr<std::atomic_bool> m_batchInFlight;
    bool m_finished = false;
};

} // namespace fleetdeck
