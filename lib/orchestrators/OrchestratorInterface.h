// OrchestratorInterface: what every backend (standalone Docker, Swarm, Kubernetes) does for an application.
//
// Backends build argv lists and parse outputs; the transport runs them. Every call but followLogs()
// and execStream() blocks its (worker) thread; the GUI reaches them through OperationsService's
// futures. Failures are Errors with a kind (RemoteFailed with the engine's stderr, Timeout,
// Cancelled, NotSupported, ...).
#pragma once

#include "domain/Application.h"
#include "domain/Server.h"
#include "orchestrators/ConnectionReport.h"
#include "orchestrators/LogStream.h"
#include "orchestrators/OrchestratorTypes.h"

#include <memory>

namespace fleetdeck {

class Transport;

class OrchestratorInterface
{
public:
    virtual ~OrchestratorInterface() = default;

    virtual Orchestrator kind() const = 0;
    // "none" | "swarm" | "kubernetes"
    QString name() const { return orchestratorName(kind()); }
    // Replicas the application asks for on this orchestrator (replicas / swarmReplicas / kubernetesReplicas).
    virtual int desiredReplicas(const Application &app) const = 0;

    // Test connection: what this backend needs of the server (Docker engine; swarm membership and
    // nodes; Kubernetes API server, nodes, namespace, permissions). Problems are items of the report;
    // only a transport failure is an error.
    virtual Result<checks::ConnectionReport> testConnection(const CancelToken &cancel) = 0;

    // The exact commands a deploy would run now, without running any that changes something
    // (read-only queries of the current state are allowed: create vs update depends on them).
    virtual Result<DeployPlan> plan(const Application &app, const OperationContext &ctx) = 0;

    // Creates or updates the application's containers / service / Deployment with ctx.deploymentId
    // as its deployment label. Returns once the engine accepted the change (standalone: once every
    // replica was replaced and is healthy); convergence is judged by checkRollout().
    virtual Result<DeployOutcome> deploy(const Application &app, const OperationContext &ctx) = 0;

    // One look at a rollout started by deploy(): converged, still in progress (with why) or failed
    // (with the reason, e.g. a failing health check or Swarm's automatic rollback).
    virtual Result<RolloutProgress> checkRollout(const Application &app, const DeployOutcome &outcome,
                                                 const OperationContext &ctx) = 0;

    // The operations below return once the engine accepted the change; the outcome lets a caller wait
    // for convergence with checkRollout() (the CLI's --wait, the deployment job).
    // Changes the replica count only (no redeploy, no new image).
    virtual Result<DeployOutcome> scale(const Application &app, int replicas, const OperationContext &ctx) = 0;
    // Stops every replica (standalone: removes the containers; Swarm: scales to 0; Kubernetes: 0).
    virtual Result<DeployOutcome> stop(const Application &app, const OperationContext &ctx) = 0;
    // Replaces every replica with a fresh one of the same spec (new container / task / pod ids).
    virtual Result<DeployOutcome> restart(const Application &app, const OperationContext &ctx) = 0;
    // Returns to the previous spec the engine knows (Swarm PreviousSpec, Kubernetes rollout undo,
    // standalone: the image of the previous Fleetdeck deployment, given by `previousImage`).
    virtual Result<DeployOutcome> rollback(const Application &app, const QString &previousImage, const OperationContext &ctx) = 0;

    virtual Result<AppStatus> status(const Application &app, const OperationContext &ctx) = 0;
    // Status of many applications of this server with ONE remote command. Applications the engine
    // knows nothing about are answered with state "not-deployed". Same order as `apps`.
    virtual Result<QList<AppStatus>> statusAll(const QList<Application> &apps, const OperationContext &ctx) = 0;

    // The last lines of every replica (not following).
    virtual Result<QList<LogLine>> logs(const Application &app, const LogOptions &options, const OperationContext &ctx) = 0;
    // Follows every replica's log; the stream lives in (and signals on) the calling thread, which needs
    // an event loop. Blocks only for the queries that find the replicas.
    virtual Result<std::unique_ptr<LogStream>> followLogs(const Application &app, const LogOptions &options,
                                                          const OperationContext &ctx) = 0;

    // Runs argv in one replica (the chosen one or the first running). A non-zero exit is a result.
    virtual Result<CommandResult> exec(const Application &app, const ExecRequest &request, const OperationContext &ctx) = 0;
    // The same command, its output streamed: the replica is chosen exactly as exec() chooses it (the
    // only blocking part), then lines arrive in (and the stream lives in) the calling thread, which needs
    // an event loop. finished(exitCode, {}) gives the command's exit code (non-zero is a result);
    // finished(code, error) an engine/kubectl failure; cancel() (or destroying the stream early) ends
    // the command in the replica too. Over SSH the client runs under a pty: stderr arrives merged
    // into stdout. request.timeoutMs is not applied: a stream runs until it ends or is cancelled.
    virtual Result<std::unique_ptr<RemoteStream>> execStream(const Application &app, const ExecRequest &request,
                                                             const OperationContext &ctx) = 0;

    // CPU, memory, network of every running replica (what the engine can see from this server).
    virtual Result<QList<ResourceUsage>> resources(const Application &app, const OperationContext &ctx) = 0;
};

} // namespace fleetdeck
