// DockerOrchestrator: standalone Docker. Replica k of application "web" is the container "web.k";
// a deploy replaces them one by one, the new container started and healthy before the old one goes
// (when the application publishes host ports the old one must stop first, and comes back on failure).
#pragma once

#include <optional>

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

    // One replica's part of a rollout, in the order it runs: set the old container aside (rename, and
    // stop it first when it holds a host port), start the new one (create, connect, start), wait until
    // it is ready, then remove the old one.
    struct ReplicaSteps {
        QString name;
        QString aside;
        QList<PlannedCommand> setAside;
        QList<PlannedCommand> start;
        bool stopsOld = false;
        std::optional<PlannedCommand> removeOld;
    };
    // A rollout as ordered steps: plan() shows exactly these commands and deploy() runs exactly them.
    struct RolloutSteps {
        QList<PlannedCommand> networks;     // creates of the networks that are missing
        QList<ReplicaSteps> replicas;
        std::optional<PlannedCommand> removeExtra;   // replicas above the count (deploys only)
        bool replacesSome = false;          // some replica had a container before
    };
    Result<ReplicaSteps> replicaSteps(const Application &app, int slot, const QString &image, const docker::ContainerRow *old,
                                      qint64 deploymentId) const;
    // Replicas 1..N (deploy, rollback) or the existing ones (restart, each with its own image).
    Result<RolloutSteps> rolloutSteps(CommandRunner &runner, const Application &app, const QString &image, bool onlyExisting);
    // Runs one replica's steps, waiting until ready when `wait` is set. On failure the old container is back.
    Status replaceReplica(CommandRunner &runner, const ReplicaSteps &steps, bool wait);
    Status waitReady(CommandRunner &runner, const QString &name);
    // Runs rolloutSteps(); returns how many replicas were replaced.
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
