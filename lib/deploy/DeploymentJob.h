// DeploymentJob: one deployment from start to end on a worker thread: optional build, deploy (or
// rollback) through the orchestrator, wait for the rollout to converge, and the record of every step.
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "domain/Deployment.h"
#include "domain/Server.h"
#include "orchestrators/OrchestratorInterface.h"

#include <functional>
#include <memory>

namespace fleetdeck {

class Store;
class Transport;

enum class DeploymentKind { Deploy, Rollback };

struct DeploymentRequest {
    qint64 applicationId = 0;
    DeploymentKind kind = DeploymentKind::Deploy;
    // Wait until every desired replica runs (healthy where checked), up to timeoutSeconds. Without it the
    // job ends after one look; a rollout still converging leaves the deployment in progress, and the
    // next status query settles it (OperationsService::status).
    bool waitForConvergence = true;
    int timeoutSeconds = 300;
    QString triggeredBy = QStringLiteral("cli");
};

// What the job needs from outside: the store, a way to reach a server and a way to get its backend
// (OperationsService supplies both from Backends, so deploy depends on no service).
struct DeploymentEnvironment {
    using BackendFactory = std::function<Result<std::unique_ptr<OrchestratorInterface>>(const Server &, std::shared_ptr<Transport>)>;
    std::shared_ptr<Store> store;
    std::function<std::shared_ptr<Transport>(const Server &)> transportFor;
    // The server's backend over `transport` (the server's own transport when null).
    BackendFactory backendFor;
    int pollIntervalMs = 1000;
    // Called from the worker thread for every log entry (after it is stored).
    std::function<void(qint64 deploymentId, const DeploymentLogEntry &)> onLog;
};

// Runs deployment `deploymentId` (already recorded as queued). Never throws; the returned record is
// the final one (finished, failed, cancelled, or in progress when not waiting).
Deployment runDeployment(const DeploymentEnvironment &env, qint64 deploymentId, const DeploymentRequest &request,
                         const CancelToken &cancel);

// Waits for a rollout to converge or fail (polling checkRollout) within ctx's deadline; reports a
// step whenever the reason changes. Failed/Timeout/Cancelled come back as Errors with the reason.
Result<RolloutProgress> waitForRollout(OrchestratorInterface &orchestrator, const Application &app,
                                       const DeployOutcome &outcome, const OperationContext &ctx, int pollIntervalMs);

} // namespace fleetdeck
