// SwarmOrchestrator: Docker Swarm, driven from a manager node. One service per application, named like
// the application; deploy creates it once and updates it ever after (start-first, rollback on failure).
#pragma once

#include "orchestrators/ExecStream.h"
#include "orchestrators/OrchestratorInterface.h"
#include "orchestrators/docker/DockerParsers.h"
#include "orchestrators/swarm/SwarmCommands.h"

#include <optional>

namespace fleetdeck {

class CommandRunner;

class SwarmOrchestrator final : public OrchestratorInterface
{
public:
    SwarmOrchestrator(Server server, std::shared_ptr<Transport> transport, proxy::ProxySettings proxy = {});

    Orchestrator kind() const override { return Orchestrator::Swarm; }
    int desiredReplicas(const Application &app) const override { return app.swarmReplicas; }

    // Manager or worker, and whether the engine is in a swarm at all.
    Result<docker::SwarmInfo> detect(const OperationContext &ctx);

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

    const swarm::SwarmOptions &options() const { return m_options; }

private:
    // The deploy as ordered steps: plan() shows exactly these commands and deploy() runs exactly them.
    struct DeploySteps {
        DeployPlan plan;
        std::optional<swarm::ServiceSpec> before;    // the service as it was (update), nullopt (create)
    };
    Result<DeploySteps> deploySteps(CommandRunner &runner, const Application &app, const OperationContext &ctx);

    Status ensureManager(CommandRunner &runner);
    // The application's service; nullopt when there is none. Conflict when the name is taken by another.
    Result<std::optional<swarm::ServiceSpec>> currentService(CommandRunner &runner, const Application &app);
    Result<QList<PlannedCommand>> networkCommands(CommandRunner &runner, const Application &app);
    Result<swarm::Snapshot> snapshotOf(CommandRunner &runner, const QString &filter);
    Result<swarm::ServiceSpec> existingService(CommandRunner &runner, const Application &app);
    // The running task exec() and execStream() run in, and its container on this server.
    Result<ExecTarget> execTarget(CommandRunner &runner, const Application &app, const ExecRequest &request);
    QString diagnoseTask(CommandRunner &runner, const QString &taskId);
    DeployOutcome outcomeOf(const Application &app, PlanAction action, const swarm::ServiceSpec *before, int desired) const;

    Server m_server;
    std::shared_ptr<Transport> m_transport;
    swarm::SwarmOptions m_options;
};

} // namespace fleetdeck
