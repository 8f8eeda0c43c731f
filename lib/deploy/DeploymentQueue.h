// DeploymentQueue: one deployment at a time per application (others wait their turn), run on worker
// threads, each recorded in the store from "queued" to its end, each cancellable.
#pragma once

#include "deploy/DeploymentJob.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QWaitCondition>

#include <deque>
#include <memory>

namespace fleetdeck {

class DeploymentQueue final : public QObject
{
    Q_OBJECT
public:
    explicit DeploymentQueue(DeploymentEnvironment environment, QObject *parent = nullptr);
    ~DeploymentQueue() override;   // cancels what runs and waits for it

    // Records a queued deployment and schedules it; returns the queued record at once.
    Result<Deployment> enqueue(const DeploymentRequest &request);
    // The final record (blocking; worker threads or the CLI). Timeout when it did not end in time.
    Result<Deployment> wait(qint64 deploymentId, int timeoutMs = -1);
    // Resolves with the final record (for the GUI: watch it with a QFutureWatcher).
    QFuture<Result<Deployment>> future(qint64 deploymentId);

    // A queued deployment is dropped (recorded as cancelled); a running one is told to stop (a
    // standalone replacement puts the old container back; Swarm finishes the update it started).
    Status cancel(qint64 deploymentId);
    // Cancels everything queued or running.
    void cancelAll();

    bool isBusy(qint64 applicationId) const;       // a deployment of it is queued or running
    bool isActive(qint64 deploymentId) const;      // queued or running in this process
    int queuedCount(qint64 applicationId) const;   // waiting behind the running one

    const DeploymentEnvironment &environment() const { return m_env; }
    // How often a rollout is looked at while waiting (default 1000 ms). Set before queueing.
    void setPollIntervalMs(int ms) { m_env.pollIntervalMs = ms; }

Q_SIGNALS:
    // Emitted from worker threads: connect with a context object (queued to its thread).
    void deploymentQueued(qint64 deploymentId, qint64 applicationId);
    void deploymentStarted(qint64 deploymentId, qint64 applicationId);
    void deploymentLogAppended(qint64 deploymentId, const fleetdeck::DeploymentLogEntry &entry);
    void deploymentFinished(qint64 deploymentId, qint64 applicationId, const QString &status, const QString &error);

private:
    struct Job;
    void startLocked(const std::shared_ptr<Job> &job);
    void run(const std::shared_ptr<Job> &job);
    void complete(const std::shared_ptr<Job> &job, const Deployment &result);

    DeploymentEnvironment m_env;
    QThreadPool m_pool;
    mutable QMutex m_mutex;
    QWaitCondition m_changed;
    QHash<qint64, std::shared_ptr<Job>> m_jobs;                 // by deployment id, until waited for / replaced
    QHash<qint64, std::deque<std::shared_ptr<Job>>> m_waiting;   // by application id
    QHash<qint64, std::shared_ptr<Job>> m_running;              // by application id
};

} // namespace fleetdeck

Q_DECLARE_METATYPE(fleetdeck::DeploymentLogEntry)
