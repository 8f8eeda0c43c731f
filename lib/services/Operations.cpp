// OperationsService: application operations over the orchestrators and the deployment queue.
#include "services/Operations.h"

#include "core/Logging.h"
#include "deploy/DeploymentJob.h"
#include "domain/Validation.h"
#include "orchestrators/CommandRunner.h"
#include "services/Backends.h"
#include "remote/TransportPool.h"
#include "services/ExecSessionWorker.h"
#include "services/LogFollowWorker.h"
#include "store/Repositories.h"

#include <QtConcurrent>

#include <atomic>

namespace fleetdeck {

namespace {

// Counts the commands an operation sends, so that `status --all` can prove it used one per server.
class CountingTransport final : public Transport
{
public:
    explicit CountingTransport(std::shared_ptr<Transport> inner) : m_inner(std::move(inner)) {}
    Result<CommandResult> execute(const RemoteCommand &command, const CancelToken &cancel) override
    {
        ++m_count;
        return m_inner->execute(command, cancel);
    }
    std::unique_ptr<RemoteStream> stream(const RemoteCommand &command) override
    {
        ++m_count;
        return m_inner->stream(command);
    }
    Status upload(const QByteArray &data, const QString &remotePath, int permissions) override
    {
        ++m_count;
        return m_inner->upload(data, remotePath, permissions);
    }
    QString describe() const override { return m_inner->describe(); }
    int count() const { return m_count.load(); }

private:
    std::shared_ptr<Transport> m_inner;
    std::atomic_int m_count{0};
};

} // namespace

OperationsService::OperationsService(std::shared_ptr<Store> store, TransportProvider transports, proxy::ProxySettings proxy,
                                     QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_transports(std::move(transports)), m_proxy(std::move(proxy))
{
    if (!m_transports)
        m_transports = [](const Server &s) { return Remote::transportFor(s); };
    DeploymentEnvironment env;
    env.store = m_store;
    env.transportFor = m_transports;
    env.backendFor = [backends = Backends(m_store, m_transports, m_proxy)](const Server &server, std::shared_ptr<Transport> transport) {
        return backends.forServer(server, std::move(transport));
    };
    m_queue = std::make_unique<DeploymentQueue>(env);
    connect(m_queue.get(), &DeploymentQueue::deploymentFinished, this,
            [this](qint64, qint64 appId, const QString &, const QString &) {
                if (auto app = m_store->application(appId); app)
                    Q_EMIT applicationStatusChanged(appId, app->status);
            }, Qt::DirectConnection);
    m_pool.setMaxThreadCount(8);
}

OperationsService::~OperationsService()
{
    // Jobs on m_pool (a status poll, a deploy waiting for its rollout) still use the queue: cancel the
    // queue's deployments so those jobs end soon, wait for them, and only then destroy the queue.
    m_queue->cancelAll();
    m_streams.stopAll();   // their lookups use this service
    m_pool.waitForDone();
    m_queue.reset();
}

OperationContext OperationsService::queryContext() const
{
    OperationContext ctx;
    ctx.deadline = QDeadlineTimer(qint64(queryTimeoutSeconds) * 1000);
    return ctx;
}

Result<std::unique_ptr<OrchestratorInterface>> OperationsService::orchestratorFor(const Server &server)
{
    return Backends(m_store, m_transports, m_proxy).forServer(server);
}

Result<OperationsService::Target> OperationsService::target(qint64 appId)
{
    auto app = m_store->application(appId);
    if (!app)
        return app.error();
    auto server = m_store->server(app->serverId);
    if (!server)
        return server.error();
    auto orch = orchestratorFor(*server);
    if (!orch)
        return orch.error();
    Target t;
    t.app = *app;
    t.server = *server;
    t.orchestrator = std::move(*orch);
    return t;
}

Status OperationsService::refuseWhileDeploying(const Application &app, const QString &what) const
{
    if (m_queue->isBusy(app.id))
        return Error::make(ErrorKind::Conflict, QStringLiteral("a deployment of %1 is queued or running: wait for it (or cancel it) "
                                                               "before you %2").arg(app.name, what));
    return {};
}

// --- Deployments ---

Result<Deployment> OperationsService::enqueueDeploy(qint64 appId, const DeployOptions &options)
{
    auto app = m_store->application(appId);
    if (!app)
        return app.error();
    if (auto s = validate::application(*app); !s)
        return s.error();
    DeploymentRequest r;
    r.applicationId = appId;
    r.kind = DeploymentKind::Deploy;
    r.waitForConvergence = options.wait;
    r.timeoutSeconds = options.timeoutSeconds;
    r.triggeredBy = options.triggeredBy;
    return m_queue->enqueue(r);
}

Result<Deployment> OperationsService::deploy(qint64 appId, const DeployOptions &options)
{
    auto queued = enqueueDeploy(appId, options);
    if (!queued)
        return queued.error();
    return m_queue->wait(queued->id);
}

Result<Deployment> OperationsService::rollback(qint64 appId, const DeployOptions &options)
{
    auto app = m_store->application(appId);
    if (!app)
        return app.error();
    DeploymentRequest r;
    r.applicationId = appId;
    r.kind = DeploymentKind::Rollback;
    r.waitForConvergence = options.wait;
    r.timeoutSeconds = options.timeoutSeconds;
    r.triggeredBy = options.triggeredBy;
    auto queued = m_queue->enqueue(r);
    if (!queued)
        return queued.error();
    return m_queue->wait(queued->id);
}

Status OperationsService::cancelDeployment(qint64 deploymentId)
{
    return m_queue->cancel(deploymentId);
}

Result<QList<Deployment>> OperationsService::deployments(qint64 appId, int limit)
{
    return m_store->deployments(appId, limit);
}

Result<Deployment> OperationsService::deployment(qint64 deploymentId)
{
    return m_store->deployment(deploymentId);
}

// --- Operations ---

Result<DeployPlan> OperationsService::plan(qint64 appId)
{
    auto t = target(appId);
    if (!t)
        return t.error();
    if (auto s = validate::application(t->app); !s)
        return s.error();
    return t->orchestrator->plan(t->app, queryContext());
}

Result<AppStatus> OperationsService::afterChange(Target &t, const Result<DeployOutcome> &outcome, const OperationOptions &options)
{
    if (!outcome)
        return outcome.error();
    OperationContext ctx = queryContext();
    if (options.wait) {
        ctx.deadline = QDeadlineTimer(qint64(qMax(1, options.timeoutSeconds)) * 1000);
        auto done = waitForRollout(*t.orchestrator, t.app, *outcome, ctx, 500);
        if (!done)
            return done.error();
        recordStatus(t.app, done->status);
        return done->status;
    }
    auto st = t.orchestrator->status(t.app, ctx);
    if (st)
        recordStatus(t.app, *st);
    return st;
}

Result<AppStatus> OperationsService::scale(qint64 appId, int replicas, const OperationOptions &options)
{
    if (auto s = validate::replicas(QStringLiteral("replicas"), replicas); !s)
        return s.error();
    auto t = target(appId);
    if (!t)
        return t.error();
    if (auto s = refuseWhileDeploying(t->app, QStringLiteral("scale it")); !s)
        return s.error();
    ApplicationPatch patch;
    patch.orchestration = ApplicationOrchestrationPatch::replicasOn(t->server.settings.orchestrator, replicas);
    Application scaled = t->app;
    patch.applyTo(scaled);
    auto outcome = t->orchestrator->scale(scaled, replicas, queryContext());
    if (!outcome)
        return outcome.error();
    // The engine accepted it: the new count becomes the application's, so the next deploy keeps it.
    // Only the replica field is written (one transaction), never the rest of this snapshot.
    if (replicasOn(t->app, t->server.settings.orchestrator) != replicas) {
        auto stored = m_store->patchApplication(appId, patch);
        if (!stored)
            return stored.error();
        scaled = *stored;
    }
    t->app = scaled;
    return afterChange(*t, outcome, options);
}

Result<AppStatus> OperationsService::stop(qint64 appId, const OperationOptions &options)
{
    auto t = target(appId);
    if (!t)
        return t.error();
    if (auto s = refuseWhileDeploying(t->app, QStringLiteral("stop it")); !s)
        return s.error();
    auto outcome = t->orchestrator->stop(t->app, queryContext());
    if (outcome)
        (void)m_store->setApplicationStatus(appId, ApplicationStatus::Stopped);
    return afterChange(*t, outcome, options);
}

Result<AppStatus> OperationsService::restart(qint64 appId, const OperationOptions &options)
{
    auto t = target(appId);
    if (!t)
        return t.error();
    if (auto s = refuseWhileDeploying(t->app, QStringLiteral("restart it")); !s)
        return s.error();
    OperationContext ctx = queryContext();
    // A standalone restart replaces containers one by one and waits for each: give it the wait budget.
    ctx.deadline = QDeadlineTimer(qint64(qMax(queryTimeoutSeconds, options.timeoutSeconds)) * 1000);
    return afterChange(*t, t->orchestrator->restart(t->app, ctx), options);
}

void OperationsService::recordStatus(const Application &app, const AppStatus &status)
{
    if (m_queue->isBusy(app.id))
        return;   // the running deployment owns the status until it ends
    ApplicationStatus next = applicationStatusFor(status);
    // A failed first deployment leaves nothing running: still "failed", not merely "stopped".
    if (next == ApplicationStatus::Stopped && app.status == ApplicationStatus::Failed && !status.exists)
        next = app.status;
    if (next != app.status) {
        if (auto s = m_store->setApplicationStatus(app.id, next); s)
            Q_EMIT applicationStatusChanged(app.id, next);
    }
}

void OperationsService::settleDeployment(const Application &app, const AppStatus &status)
{
    if (m_queue->isBusy(app.id))
        return;
    auto list = m_store->deployments(app.id, 1);
    if (!list || list->isEmpty())
        return;
    Deployment d = list->first();
    if (d.status != DeploymentStatus::InProgress)
        return;
    const bool rolledBack = status.updateState.startsWith(QLatin1String("rollback"));
    if (status.state == EngineState::Running && status.deploymentId == d.id && !rolledBack) {
        d.status = DeploymentStatus::Finished;
    } else if (rolledBack && status.deploymentId != d.id) {
        d.status = DeploymentStatus::Failed;
        d.error = QStringLiteral("the update failed and Swarm rolled back to the previous version: ") + status.message;
    } else if (status.state == EngineState::Failed) {
        d.status = DeploymentStatus::Failed;
        d.error = status.message;
    } else {
        return;
    }
    d.finishedAt = QDateTime::currentDateTimeUtc();
    (void)m_store->updateDeployment(d);
    DeploymentLogEntry e;
    e.at = d.finishedAt;
    e.step = QStringLiteral("result");
    e.output = d.status == DeploymentStatus::Finished ? QStringLiteral("converged (seen by a later status query)") : d.error;
    (void)m_store->appendDeploymentLog(d.id, e);
}

Result<AppStatus> OperationsService::status(qint64 appId)
{
    auto t = target(appId);
    if (!t)
        return t.error();
    auto st = t->orchestrator->status(t->app, queryContext());
    if (!st)
        return st.error();
    settleDeployment(t->app, *st);
    recordStatus(t->app, *st);
    return st;
}

Result<FleetStatus> OperationsService::statusAll()
{
    auto servers = m_store->servers();
    if (!servers)
        return servers.error();
    auto apps = m_store->applications();
    if (!apps)
        return apps.error();
    struct PerServer {
        Server server;
        QList<Application> apps;
        std::optional<Result<QList<AppStatus>>> result;
        int calls = 0;
    };
    QList<std::shared_ptr<PerServer>> work;
    for (const Server &s : *servers) {
        auto w = std::make_shared<PerServer>();
        w->server = s;
        for (const Application &a : *apps)
            if (a.serverId == s.id)
                w->apps << a;
        if (!w->apps.isEmpty())
            work << w;
    }
    const OperationContext ctx = queryContext();
    QList<QFuture<void>> running;
    for (const auto &w : work) {
        running << QtConcurrent::run(&m_pool, [this, w, ctx] {
            auto counting = std::make_shared<CountingTransport>(m_transports(w->server));
            auto orch = Backends(m_store, m_transports, m_proxy).forServer(w->server, counting);
            if (!orch)
                w->result = Result<QList<AppStatus>>(orch.error());
            else
                w->result = (*orch)->statusAll(w->apps, ctx);
            w->calls = counting->count();
        });
    }
    for (auto &f : running)
        f.waitForFinished();
    FleetStatus out;
    for (const auto &w : work) {
        out.remoteCallsPerServer.insert(w->server.id, w->calls);
        if (w->result && w->result->ok()) {
            for (qsizetype i = 0; i < w->apps.size(); ++i) {
                const AppStatus &st = w->result->value().at(i);
                settleDeployment(w->apps.at(i), st);
                recordStatus(w->apps.at(i), st);
                out.applications << st;
            }
            continue;
        }
        const Error err = w->result ? w->result->error() : Error::make(ErrorKind::Internal, QStringLiteral("no answer"));
        for (const Application &a : w->apps) {
            AppStatus st;
            st.applicationId = a.id;
            st.application = a.name;
            st.orchestrator = w->server.settings.orchestrator;
            st.target = a.name;
            st.state = EngineState::Unknown;
            st.message = err.toString();
            out.applications << st;
        }
    }
    return out;
}

Result<QList<LogLine>> OperationsService::logs(qint64 appId, const LogOptions &options)
{
    auto t = target(appId);
    if (!t)
        return t.error();
    return t->orchestrator->logs(t->app, options, queryContext());
}

std::unique_ptr<LogFollow> OperationsService::followLogs(qint64 appId, const LogOptions &options, int batchMs)
{
    auto *worker = new LogFollowWorker([this, appId, options]() -> Result<std::unique_ptr<LogStream>> {
        auto t = target(appId);
        if (!t)
            return t.error();
        return t->orchestrator->followLogs(t->app, options, queryContext());
    }, batchMs);
    std::unique_ptr<LogFollow> follow(new LogFollow(worker));
    m_streams.start(worker, QStringLiteral("log-follow"));
    return follow;
}

Result<CommandResult> OperationsService::exec(qint64 appId, const ExecRequest &request)
{
    auto t = target(appId);
    if (!t)
        return t.error();
    OperationContext ctx = queryContext();
    if (request.timeoutMs > 0)
        ctx.deadline = QDeadlineTimer(request.timeoutMs + 30000);
    return t->orchestrator->exec(t->app, request, ctx);
}

std::unique_ptr<ExecSession> OperationsService::followExec(qint64 appId, const ExecRequest &request, int batchMs)
{
    auto *worker = new ExecSessionWorker([this, appId, request]() -> Result<std::unique_ptr<RemoteStream>> {
        auto t = target(appId);
        if (!t)
            return t.error();
        return t->orchestrator->execStream(t->app, request, queryContext());
    }, batchMs);
    std::unique_ptr<ExecSession> session(new ExecSession(worker));
    m_streams.start(worker, QStringLiteral("exec-session"));
    return session;
}

Result<QList<ResourceUsage>> OperationsService::resources(qint64 appId)
{
    auto t = target(appId);
    if (!t)
        return t.error();
    return t->orchestrator->resources(t->app, queryContext());
}

// --- Proxy ---

Result<QList<PlannedCommand>> OperationsService::proxyPlan(qint64 serverId, const proxy::ProxySettings &settings)
{
    auto server = m_store->server(serverId);
    if (!server)
        return server.error();
    proxy::ProxySettings s = settings;
    if (server->settings.orchestrator == Orchestrator::Swarm)
        s.publishMode = server->settings.swarmPublishMode == QLatin1String("ingress") ? QStringLiteral("ingress") : QStringLiteral("host");
    if (server->settings.orchestrator == Orchestrator::Kubernetes)
        return Error::make(ErrorKind::NotSupported, QStringLiteral("on Kubernetes, routing goes through the cluster's ingress controller"));
    return proxy::installCommands(server->settings.orchestrator, s);
}

Status OperationsService::installProxy(qint64 serverId, const proxy::ProxySettings &settings)
{
    auto server = m_store->server(serverId);
    if (!server)
        return server.error();
    proxy::ProxySettings s = settings;
    if (server->settings.orchestrator == Orchestrator::Swarm)
        s.publishMode = server->settings.swarmPublishMode == QLatin1String("ingress") ? QStringLiteral("ingress") : QStringLiteral("host");
    CommandRunner runner(m_transports(*server), queryContext());
    return proxy::install(runner, server->settings.orchestrator, s);
}

// --- Async twins ---

QFuture<Result<Deployment>> OperationsService::deployAsync(qint64 appId, const DeployOptions &options)
{
    return QtConcurrent::run(&m_pool, [this, appId, options] { return deploy(appId, options); });
}
QFuture<Result<DeployPlan>> OperationsService::planAsync(qint64 appId)
{
    return QtConcurrent::run(&m_pool, [this, appId] { return plan(appId); });
}
QFuture<Result<AppStatus>> OperationsService::scaleAsync(qint64 appId, int replicas, const OperationOptions &options)
{
    return QtConcurrent::run(&m_pool, [this, appId, replicas, options] { return scale(appId, replicas, options); });
}
QFuture<Result<AppStatus>> OperationsService::stopAsync(qint64 appId, const OperationOptions &options)
{
    return QtConcurrent::run(&m_pool, [this, appId, options] { return stop(appId, options); });
}
QFuture<Result<AppStatus>> OperationsService::restartAsync(qint64 appId, const OperationOptions &options)
{
    return QtConcurrent::run(&m_pool, [this, appId, options] { return restart(appId, options); });
}
QFuture<Result<Deployment>> OperationsService::rollbackAsync(qint64 appId, const DeployOptions &options)
{
    return QtConcurrent::run(&m_pool, [this, appId, options] { return rollback(appId, options); });
}
QFuture<Result<AppStatus>> OperationsService::statusAsync(qint64 appId)
{
    return QtConcurrent::run(&m_pool, [this, appId] { return status(appId); });
}
QFuture<Result<FleetStatus>> OperationsService::statusAllAsync()
{
    return QtConcurrent::run(&m_pool, [this] { return statusAll(); });
}
QFuture<Result<QList<LogLine>>> OperationsService::logsAsync(qint64 appId, const LogOptions &options)
{
    return QtConcurrent::run(&m_pool, [this, appId, options] { return logs(appId, options); });
}
QFuture<Result<CommandResult>> OperationsService::execAsync(qint64 appId, const ExecRequest &request)
{
    return QtConcurrent::run(&m_pool, [this, appId, request] { return exec(appId, request); });
}
QFuture<Result<QList<ResourceUsage>>> OperationsService::resourcesAsync(qint64 appId)
{
    return QtConcurrent::run(&m_pool, [this, appId] { return resources(appId); });
}

} // namespace fleetdeck
