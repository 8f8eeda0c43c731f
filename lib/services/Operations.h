// OperationsService: the one core API through which the GUI, the CLI and the REST API operate
// applications (deploy, plan, scale, stop, restart, rollback, status, logs, exec, resources, history).
//
// Every blocking call is for a worker thread (or the CLI's main thread); each has an ...Async twin that
// runs it on this service's thread pool and returns a QFuture (watch it with a QFutureWatcher parented
// to the widget, so a result for a closed window is dropped).
#pragma once

#include "core/Result.h"
#include "deploy/DeploymentQueue.h"
#include "domain/Application.h"
#include "domain/Deployment.h"
#include "orchestrators/OrchestratorInterface.h"
#include "orchestrators/proxy/Traefik.h"
#include "services/ExecSession.h"
#include "services/LogFollow.h"
#include "services/StreamThreads.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace fleetdeck {

class Store;
class Transport;

struct DeployOptions {
    bool wait = true;            // wait for convergence (CLI: --wait); without it the job ends after apply
    int timeoutSeconds = 300;
    QString triggeredBy = QStringLiteral("cli");
};

struct OperationOptions {
    bool wait = false;           // wait until the engine converged on the change
    int timeoutSeconds = 120;
};

// What `status --all` answers for one application (an unreachable server gives state "unknown").
struct FleetStatus {
    QList<AppStatus> applications;
    QHash<qint64, int> remoteCallsPerServer;   // server id -> remote commands used (1 when it answered)
};

class OperationsService final : public QObject
{
    Q_OBJECT
public:
    using TransportProvider = std::function<std::shared_ptr<Transport>(const Server &)>;

    // `transports` defaults to the shared pool (Remote::transportFor).
    explicit OperationsService(std::shared_ptr<Store> store, TransportProvider transports = {},
                               proxy::ProxySettings proxy = {}, QObject *parent = nullptr);
    ~OperationsService() override;

    DeploymentQueue &queue() { return *m_queue; }
    std::shared_ptr<Store> store() const { return m_store; }

    // --- Deployments (through the per-application queue) ---
    // Queues a deployment and returns its record at once (status "queued").
    Result<Deployment> enqueueDeploy(qint64 appId, const DeployOptions &options = {});
    // Queues and blocks until the job ended (converged/failed, or applied when !options.wait).
    Result<Deployment> deploy(qint64 appId, const DeployOptions &options = {});
    // Back to the previous version: Swarm's PreviousSpec, the previous successful image on standalone.
    Result<Deployment> rollback(qint64 appId, const DeployOptions &options = {});
    Status cancelDeployment(qint64 deploymentId);
    Result<QList<Deployment>> deployments(qint64 appId, int limit = 50);
    Result<Deployment> deployment(qint64 deploymentId);   // with its log

    // --- Operations on what runs ---
    Result<DeployPlan> plan(qint64 appId);
    // Stores the new replica count for the server's orchestrator, then scales (no redeploy).
    Result<AppStatus> scale(qint64 appId, int replicas, const OperationOptions &options = {});
    Result<AppStatus> stop(qint64 appId, const OperationOptions &options = {});
    Result<AppStatus> restart(qint64 appId, const OperationOptions &options = {});

    // Status from the engine; the store's application status is brought up to date, and a deployment
    // left in progress (deploy without waiting) is settled when its rollout is over.
    Result<AppStatus> status(qint64 appId);
    // Every application: ONE remote query per server, servers queried in parallel.
    Result<FleetStatus> statusAll();

    Result<QList<LogLine>> logs(qint64 appId, const LogOptions &options);
    // Returns at once: the follow looks the replicas up on a worker thread and signals in the calling
    // thread (which needs an event loop); a failed lookup arrives as finished(false, error). Lines are
    // handed on at most every `batchMs` (0: as they arrive).
    std::unique_ptr<LogFollow> followLogs(qint64 appId, const LogOptions &options, int batchMs = 0);
    Result<CommandResult> exec(qint64 appId, const ExecRequest &request);
    // The same command with its output streamed; returns at once (see ExecSession). Over SSH the
    // client runs under a pty, so stderr arrives merged into stdout. cancel() or destroying the
    // session ends the command in the replica too. request.timeoutMs is not applied.
    std::unique_ptr<ExecSession> followExec(qint64 appId, const ExecRequest &request, int batchMs = 0);
    Result<QList<ResourceUsage>> resources(qint64 appId);

    // --- Proxy ---
    Result<QList<PlannedCommand>> proxyPlan(qint64 serverId, const proxy::ProxySettings &settings);
    Status installProxy(qint64 serverId, const proxy::ProxySettings &settings);

    // --- Async twins (run on this service's pool) ---
    QFuture<Result<Deployment>> deployAsync(qint64 appId, const DeployOptions &options = {});
    QFuture<Result<DeployPlan>> planAsync(qint64 appId);
    QFuture<Result<AppStatus>> scaleAsync(qint64 appId, int replicas, const OperationOptions &options = {});
    QFuture<Result<AppStatus>> stopAsync(qint64 appId, const OperationOptions &options = {});
    QFuture<Result<AppStatus>> restartAsync(qint64 appId, const OperationOptions &options = {});
    QFuture<Result<Deployment>> rollbackAsync(qint64 appId, const DeployOptions &options = {});
    QFuture<Result<AppStatus>> statusAsync(qint64 appId);
    QFuture<Result<FleetStatus>> statusAllAsync();
    QFuture<Result<QList<LogLine>>> logsAsync(qint64 appId, const LogOptions &options);
    QFuture<Result<CommandResult>> execAsync(qint64 appId, const ExecRequest &request);
    QFuture<Result<QList<ResourceUsage>>> resourcesAsync(qint64 appId);

    // Bounds every blocking query other than deployments (status, logs, exec...).
    int queryTimeoutSeconds = 120;

Q_SIGNALS:
    // Emitted from worker threads after the store was updated.
    void applicationStatusChanged(qint64 appId, fleetdeck::ApplicationStatus status);

private:
    struct Target {
        Application app;
        Server server;
        std::unique_ptr<OrchestratorInterface> orchestrator;
    };
    Result<Target> target(qint64 appId);
    Result<std::unique_ptr<OrchestratorInterface>> orchestratorFor(const Server &server);
    OperationContext queryContext() const;
    Status refuseWhileDeploying(const Application &app, const QString &what) const;
    Result<AppStatus> afterChange(Target &t, const Result<DeployOutcome> &outcome, const OperationOptions &options);
    void recordStatus(const Application &app, const AppStatus &status);
    void settleDeployment(const Application &app, const AppStatus &status);

    std::shared_ptr<Store> m_store;
    TransportProvider m_transports;
    proxy::ProxySettings m_proxy;
    std::unique_ptr<DeploymentQueue> m_queue;
    QThreadPool m_pool;
    StreamThreads m_streams;   // one thread per running follow or exec session
};

} // namespace fleetdeck
