// LogFollow: a followed log of an application, returned AT ONCE by OperationsService::followLogs.
// The replicas are looked up on a worker thread, where the backend's stream then lives; this object
// stays in the caller's thread and signals there: started (the replicas followed), lines in batches,
// finished. cancel() (or destroying it) ends the remote processes. Needs an event loop in the caller.
#pragma once

#include "core/Error.h"
#include "orchestrators/OrchestratorTypes.h"

#include <QObject>

#include <memory>

namespace fleetdeck {

struct StreamControl;
class LogFollowWorker;

class LogFollow final : public QObject
{
    Q_OBJECT
public:
    ~LogFollow() override;

    void cancel();
    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    int replicaCount() const { return m_replicas; }

Q_SIGNALS:
    void started(int replicas);
    void linesReceived(const QList<fleetdeck::LogLine> &lines);
    // `ok` false: `error` says why (a failed replica lookup, a lost connection; Cancelled after cancel()).
    void finished(bool ok, const fleetdeck::Error &error);

private:
    friend class OperationsService;
    // Relays `worker`'s signals (queued, from its thread) as this object's.
    explicit LogFollow(LogFollowWorker *worker);

    std::shared_ptr<StreamControl> m_control;
    int m_replicas = 0;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace fleetdeck
