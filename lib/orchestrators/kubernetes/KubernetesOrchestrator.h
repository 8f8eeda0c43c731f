// KubernetesOrchestrator: an application is a Deployment (+ Service, Ingress, Secret) in the server's
// namespace, applied server-side by kubectl over the server's transport (SSH, or this machine).
//
// Every operation opens a KubectlSession: the stored kubeconfig is checked, uploaded to a private
// random file for the operation and removed after it; without one the server's own kubeconfig is used.
#pragma once

#include "domain/Kubernetes.h"
#include "manifests/KubernetesManifests.h"
#include "orchestrators/ExecStream.h"
#include "orchestrators/OrchestratorInterface.h"
#include "orchestrators/kubernetes/KubectlParsers.h"

#include <optional>

namespace fleetdeck {

namespace kubernetes {
class KubectlSession;
struct KubectlTarget;
}

class KubernetesOrchestrator final : public OrchestratorInterface
{
public:
    KubernetesOrchestrator(Server server, std::shared_ptr<Transport> transport,
                           std::optional<KubernetesNamespace> namespaceSettings = std::nullopt);

    Orchestrator kind() const override { return Orchestrator::Kubernetes; }
    int desiredReplicas(const Application &app) const override { return app.kubernetesReplicas; }

    // The quota and limit range of the server's namespace, applied with every deploy when set (given by
    // the factory: Backends reads them from the store).
    const std::optional<KubernetesNamespace> &namespaceSettings() const { return m_namespaceSettings; }

    Result<DeployPlan> plan(const Application &app, const OperationContext &ctx) override;
    Result<DeployOutcome> deploy(const Application &app, const OperationContext &ctx) override;
    Result<RolloutProgress> checkRollout(const Application &app, const DeployOutcome &outcome, const OperationContext &ctx) override;
    Result<DeployOutcome> scale(const Application &app, int replicas, const OperationContext &ctx) override;
    // Deletes every object of the application (Deployment, its pods, Service, Ingress, Secret), by label.
    Result<DeployOutcome> stop(const Application &app, const OperationContext &ctx) override;
    Result<DeployOutcome> restart(const Application &app, const OperationContext &ctx) override;
    // `kubectl rollout undo`: the previous ReplicaSet's template (previousImage is not needed).
    Result<DeployOutcome> rollback(const Application &app, const QString &previousImage, const OperationContext &ctx) override;
    Result<AppStatus> status(const Application &app, const OperationContext &ctx) override;
    Result<QList<AppStatus>> statusAll(const QList<Application> &apps, const OperationContext &ctx) override;
    Result<QList<LogLine>> logs(const Application &app, const LogOptions &options, const OperationContext &ctx) override;
    Result<std::unique_ptr<LogStream>> followLogs(const Application &app, const LogOptions &options, const OperationContext &ctx) override;
    // `replica`: a pod name, a unique prefix of one, or N (the N-th running pod by name); empty = first running.
    Result<CommandResult> exec(const Application &app, const ExecRequest &request, const OperationContext &ctx) override;
    Result<std::unique_ptr<RemoteStream>> execStream(const Application &app, const ExecRequest &request,
                                                     const OperationContext &ctx) override;
    // `kubectl top pods`: NotSupported "metrics not available ..." without metrics-server.
    Result<QList<ResourceUsage>> resources(const Application &app, const OperationContext &ctx) override;

    // ---- beyond the interface ----

    // The manifests a deploy would apply now (reads the cluster for replicas and the namespace).
    Result<manifests::ManifestSet> manifestsFor(const Application &app, const OperationContext &ctx);
    // `kubectl apply --dry-run=server` of the manifests: the API server's validation, nothing changes.
    Status validateManifests(const Application &app, const OperationContext &ctx);
    // `kubectl rollout status --timeout` after deploy(): Converged, or Failed with the reason
    // ("Pending: no node matches (...)") when it does not converge within `timeoutSeconds`.
    Result<RolloutProgress> waitForRollout(const Application &app, const DeployOutcome &outcome, int timeoutSeconds,
                                           const OperationContext &ctx);
    // Test connection: the stored kubeconfig (syntax, context, an expired client certificate), then
    // the cluster checks (KubernetesChecks.h, checks::testCluster: API server, which node is NotReady, the
    // namespace, which permission is missing). Problems are items of the report.
    Result<checks::ConnectionReport> testConnection(const CancelToken &cancel) override;
    // Detect: server version, nodes with their Ready condition and roles (Detection.h, checks::detect).
    Result<checks::Detection> detect(const OperationContext &ctx);

    // The application's objects as kubectl sees them (Deployment, ReplicaSets, pods).
    Result<kubernetes::AppObjects> objects(const Application &app, const OperationContext &ctx);

    // Upper bound of pods one log read or follow covers (kubectl --max-log-requests).
    int maxLogRequests = 20;
    // New pods a follow picks up after it began (each is one more stream).
    int maxFollowedNewPods = 8;
    // `kubectl delete --timeout` of stop().
    int stopTimeoutSeconds = 120;

private:
    struct Prepared {
        manifests::ManifestSet set;
        std::optional<kubernetes::DeploymentInfo> existing;
        int replicas = 0;
        QStringList prune;       // kinds (plural) to delete by the app's selector: no longer generated
    };
    Result<Prepared> prepare(kubernetes::KubectlSession &session, const Application &app);
    // The deploy as ordered steps (apply, then prune of what is no longer generated): plan() shows exactly
    // these commands (secret values masked on stdin) and deploy() runs exactly them.
    QList<PlannedCommand> deploySteps(const kubernetes::KubectlTarget &t, const Application &app, const Prepared &p,
                                      bool maskSecrets) const;
    DeployOutcome outcomeFor(const Application &app, PlanAction action, int desired) const;
    // The running pod exec() and execStream() run in (request.replica: number, name or unique prefix).
    Result<ExecTarget> execTarget(kubernetes::KubectlSession &session, const Application &app, const ExecRequest &request);

    Server m_server;
    std::shared_ptr<Transport> m_transport;
    std::optional<KubernetesNamespace> m_namespaceSettings;
};

} // namespace fleetdeck
