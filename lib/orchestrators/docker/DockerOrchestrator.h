// DockerOrchestrator: standalone Docker. Replica k of application "web" is the container "web.k";
// a deploy replaces them one by one, the new container started and healthy before the old one goes
// (when the application publishes host ports the old one must stop first, and comes back on failure).
#pragma once

#include "orchestrators/ExecStream.h"
#include "orchestrators/OrchestratorInterface.h"
#include "orchestrators/docker/DockerParsers.h"
#include "orchestrators/proxy/Traefik.h"

namespace fleetdeck {

class CommandRunner;

class DockerOrchestrator final : public OrchestratorInterface
{
public:
    DockerOrchestrator(Server server, std::shared_ptr<Transport> transport, proxy::ProxySettings proxy = {});

    Orchestrator kind() const override { return Orchestrator::None; }
    int desiredReplicas(const Application &app) const override { return app.replicas; }

    Result<checks::ConnectionReport> testConnection(const CancelToken &cancel) override;
    Result<DeployPlan> plan(const Application &app, const OperationContext &ctx) override;
    Result<DeployOutcome> deploy(const Application &app, const OperationContext &ctx) override;
    Result<RolloutProgress> checkRollout(const Application &app, const DeployOutcome &outcome, const OperationContext &ctx) override;
    Result<DeployOutcome> scale(const Application &app, int replicas, const OperationContext &ctx) override;
    Result<DeployOutcome> stop(const Application &app, const OperationContext &ctx) override;
    Result<DeployOutcome> restart(const Application &app, const OperationContext &ctx) override;
    Result<DeployOutcome> rollback(const Application &app, const QString &previousImage, const OperationContext &ctx) override;
    Result<AppStatus> status(const Application &app, const OperationContext &ctx) override;
    Result<QList<AppStatus>> statusAll(const QList<Application> &apps, const OperationContext &ctx) override;
    Result<QList<LogLine>> logs(const Application &app, const LogOptions &options, const OperationContext &ctx) override;
    Result<std::unique_ptr<LogStream>> followLogs(const Application &app, const LogOptions &options, const OperationContext &ctx) override;
    Result<CommandResult> exec(const Application &app, const ExecRequest &request, const OperationContext &ctx) override;
    Result<std::unique_ptr<RemoteStream>> execStream(const Application &app, const ExecRequest &request,
                                                     const OperationContext &ctx) override;
    Result<QList<ResourceUsage>> resources(const Application &app, const OperationContext &ctx) override;

    // How often a starting replica is looked at while waiting for it to become ready.
    int pollIntervalMs = 500;

private:
    Result<QList<docker::ContainerRow>> containersOf(CommandRunner &runner, const Application &app);
    Status ensureNetworks(CommandRunner &runner, const Application &app);
    // Creates (and starts) replica `slot` with `image`, replacing `old` (may be null); waits until ready
    // when `wait` is set, else returns once started. On failure the old container is back.
    Status replaceReplica(CommandRunner &runner, const Application &app, int slot, const QString &image,
                          const docker::ContainerRow *old, bool wait);
    Status waitReady(CommandRunner &runner, const QString &name);
    // Replaces replicas 1..N (deploy, rollback) or the existing ones (restart); returns how many run.
    Result<int> rollout(const Application &app, const QString &image, const OperationContext &ctx, bool onlyExisting);
    // The running replica exec() and execStream() run in (request.replica or the first running).
    Result<ExecTarget> execTarget(CommandRunner &runner, const Application &app, const ExecRequest &request);
    const docker::ContainerRow *pickReplica(const Application &app, const QList<docker::ContainerRow> &rows,
                                            const QString &choice, QString *error) const;

    Server m_server;
    std::shared_ptr<Transport> m_transport;
    proxy::ProxySettings m_proxy;
};

} // namespace fleetdeck
