// DeploymentQueue: per-application serialisation of deployment jobs (see DeploymentQueue.h).
#include "deploy/DeploymentQueue.h"

#include "core/Translate.h"
#include "core/Logging.h"
#include "store/Repositories.h"

#include <QDateTime>
#include <QPromise>
#include <QUuid>
#include <QtConcurrent>

namespace fleetdeck {

struct DeploymentQueue::Job {
    qint64 deploymentId = 0;
    DeploymentRequest request;
    CancelToken cancel;
    bool started = false;
    bool done = false;
    std::optional<Deployment> result;
    QPromise<Result<Deployment>> promise;
    QFuture<Result<Deployment>> future;
};

DeploymentQueue::DeploymentQueue(DeploymentEnvironment environment, QObject *parent)
    : QObject(parent), m_env(std::move(environment))
{
    qRegisterMetaType<fleetdeck::DeploymentLogEntry>();
    m_pool.setMaxThreadCount(8);
    // The job reports each log entry; the queue turns it into a signal.
    auto userOnLog = m_env.onLog;
    m_env.onLog = [this, userOnLog](qint64 id, const DeploymentLogEntry &e) {
        if (userOnLog)
            userOnLog(id, e);
        Q_EMIT deploymentLogAppended(id, e);
    };
}

DeploymentQueue::~DeploymentQueue()
{
    cancelAll();
    m_pool.waitForDone();
}

Result<Deployment> DeploymentQueue::enqueue(const DeploymentRequest &request)
{
    auto app = m_env.store->application(request.applicationId);
    if (!app)
        return app.error();
    Deployment d;
    d.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    d.applicationId = app->id;
    d.status = DeploymentStatus::Queued;
    d.image = app->image;
    d.triggeredBy = request.triggeredBy;
    d.createdAt = QDateTime::currentDateTimeUtc();
    auto server = m_env.store->server(app->serverId);
    if (server)
        d.orchestrator = orchestratorName(server->settings.orchestrator);
    auto added = m_env.store->addDeployment(d);
    if (!added)
        return added.error();
    auto job = std::make_shared<Job>();
    job->deploymentId = added->id;
    job->request = request;
    job->future = job->promise.future();
    job->promise.start();
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.insert(job->deploymentId, job);
        if (m_running.contains(app->id))
            m_waiting[app->id].push_back(job);
        else
            startLocked(job);
    }
    Q_EMIT deploymentQueued(job->deploymentId, app->id);
    return *added;
}

void DeploymentQueue::startLocked(const std::shared_ptr<Job> &job)
{
    job->started = true;
    m_running.insert(job->request.applicationId, job);
    (void)QtConcurrent::run(&m_pool, [this, job] { run(job); });
}

void DeploymentQueue::run(const std::shared_ptr<Job> &job)
{
    Q_EMIT deploymentStarted(job->deploymentId, job->request.applicationId);
    const Deployment result = runDeployment(m_env, job->deploymentId, job->request, job->cancel);
    complete(job, result);
}

void DeploymentQueue::complete(const std::shared_ptr<Job> &job, const Deployment &result)
{
    {
        QMutexLocker lock(&m_mutex);
        job->done = true;
        job->result = result;
        const qint64 appId = job->request.applicationId;
        if (m_running.value(appId) == job)
            m_running.remove(appId);
        auto &waiting = m_waiting[appId];
        if (!waiting.empty()) {
            auto next = waiting.front();
            waiting.pop_front();
            startLocked(next);
        }
        if (waiting.empty())
            m_waiting.remove(appId);
        // Finished jobs are kept for wait()/future() a while; beyond that the store answers.
        if (m_jobs.size() > 256) {
            for (auto it = m_jobs.begin(); it != m_jobs.end();) {
                if (it.value()->done && it.value() != job)
                    it = m_jobs.erase(it);
                else
                    ++it;
            }
        }
        m_changed.wakeAll();
    }
    job->promise.addResult(Result<Deployment>(result));
    job->promise.finish();
    Q_EMIT deploymentFinished(result.id, job->request.applicationId, deploymentStatusName(result.status), result.error);
}

Result<Deployment> DeploymentQueue::wait(qint64 deploymentId, int timeoutMs)
{
    QMutexLocker lock(&m_mutex);
    auto job = m_jobs.value(deploymentId);
    if (!job) {
        lock.unlock();
        return m_env.store->deployment(deploymentId);
    }
    QDeadlineTimer deadline = timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs);
    while (!job->done) {
        if (!m_changed.wait(&m_mutex, deadline))
            return Error::make(ErrorKind::Timeout, QCoreApplication::translate("fleetdeck::deploy", "deployment %1 is still running").arg(deploymentId));
    }
    return *job->result;
}

QFuture<Result<Deployment>> DeploymentQueue::future(qint64 deploymentId)
{
    QMutexLocker lock(&m_mutex);
    if (auto job = m_jobs.value(deploymentId))
        return job->future;
    lock.unlock();
    QPromise<Result<Deployment>> p;
    p.start();
    p.addResult(m_env.store->deployment(deploymentId));
    p.finish();
    return p.future();
}

Status DeploymentQueue::cancel(qint64 deploymentId)
{
    std::shared_ptr<Job> dropped;
    {
        QMutexLocker lock(&m_mutex);
        auto job = m_jobs.value(deploymentId);
        if (!job || job->done)
            return Error::make(ErrorKind::NotFound, QCoreApplication::translate("fleetdeck::deploy", "deployment %1 is not queued or running here").arg(deploymentId));
        job->cancel.cancel();
        if (!job->started) {
            auto &waiting = m_waiting[job->request.applicationId];
            waiting.erase(std::remove(waiting.begin(), waiting.end(), job), waiting.end());
            if (waiting.empty())
                m_waiting.remove(job->request.applicationId);
            dropped = job;
        }
    }
    if (dropped) {
        // Never started: recorded as cancelled without touching the server.
        const Deployment result = runDeployment(m_env, dropped->deploymentId, dropped->request, dropped->cancel);
        complete(dropped, result);
    }
    return {};
}

void DeploymentQueue::cancelAll()
{
    QList<qint64> ids;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it)
            if (!it.value()->done)
                ids << it.key();
    }
    for (qint64 id : ids)
        (void)cancel(id);
}

bool DeploymentQueue::isBusy(qint64 applicationId) const
{
    QMutexLocker lock(&m_mutex);
    return m_running.contains(applicationId) || m_waiting.contains(applicationId);
}

bool DeploymentQueue::isActive(qint64 deploymentId) const
{
    QMutexLocker lock(&m_mutex);
    auto job = m_jobs.value(deploymentId);
    return job && !job->done;
}

int DeploymentQueue::queuedCount(qint64 applicationId) const
{
    QMutexLocker lock(&m_mutex);
    return int(m_waiting.value(applicationId).size());
}

} // namespace fleetdeck
