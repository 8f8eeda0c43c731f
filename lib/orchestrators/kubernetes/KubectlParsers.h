// Parsers of kubectl output for the Kubernetes backend, and the judgements made from it (status of an
// application, progress of a rollout, why a pod does not run). Pure functions: bytes in, values or
// ParseFailed out. Everything is read from `-o json`; nothing is guessed from human-readable text
// except `kubectl top` (which has no JSON output) and the "[pod/NAME/CONTAINER]" log prefix.
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "orchestrators/ConnectionReport.h"
#include "orchestrators/OrchestratorTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fleetdeck::kubernetes {

struct Condition {
    QString type;
    QString status;          // "True" | "False" | "Unknown"
    QString reason;
    QString message;
};

struct DeploymentInfo {
    QString name;
    QString appUuid;         // fleetdeck.app label
    qint64 generation = 0;
    qint64 observedGeneration = 0;
    int specReplicas = 0;
    int replicas = 0;        // status: pods of every ReplicaSet
    int updated = 0;
    int ready = 0;
    int available = 0;
    int unavailable = 0;
    std::optional<int> lastAppliedReplicas;  // fleetdeck.replicas annotation
    qint64 deploymentId = 0; // pod template's fleetdeck.deployment annotation
    QString revision;        // deployment.kubernetes.io/revision
    QString image;           // first container's image
    QList<Condition> conditions;

    const Condition *condition(const QString &type) const;
};

struct ReplicaSetInfo {
    QString name;
    QString owner;           // Deployment name (ownerReferences)
    QString appUuid;
    QString revision;        // deployment.kubernetes.io/revision
    QString templateHash;    // pod-template-hash label
    int specReplicas = 0;
    int ready = 0;
    QString image;
    qint64 deploymentId = 0;
    QDateTime created;
};

struct PodInfo {
    QString name;
    QString appUuid;
    QString templateHash;
    QString node;
    QString phase;           // Pending | Running | Succeeded | Failed | Unknown
    bool ready = false;
    bool terminating = false;
    bool hasReadinessProbe = false;
    int restarts = 0;        // summed over containers
    QString image;
    QString startTime;       // RFC 3339 (status.startTime, else creationTimestamp)
    qint64 deploymentId = 0;
    // Why it does not run, in one line ("Pending: no node matches (0/3 nodes are available: ...)",
    // "Waiting: ImagePullBackOff (...)", "CrashLoopBackOff: restarted 4 times, last exit code 1").
    // Empty when it runs and is ready.
    QString reason;
};

struct AppObjects {
    QList<DeploymentInfo> deployments;
    QList<ReplicaSetInfo> replicaSets;
    QList<PodInfo> pods;
};

// `kubectl get deployment NAME -o json --ignore-not-found`: nullopt when the output is empty.
Result<std::optional<DeploymentInfo>> parseDeployment(const QByteArray &json);
// `kubectl get deployments,replicasets,pods -o json` (a List); also a single object or a PodList.
Result<AppObjects> parseAppObjects(const QByteArray &json);

// kind, name and fleetdeck.app label of every object of a List (or of one object).
struct ObjectOwner {
    QString kind;
    QString name;
    QString appUuid;         // "" when the object is not Fleetdeck's
};
Result<QList<ObjectOwner>> parseOwners(const QByteArray &json);

DeploymentInfo deploymentFromJson(const QJsonObject &object);
ReplicaSetInfo replicaSetFromJson(const QJsonObject &object);
PodInfo podFromJson(const QJsonObject &object);

// The scheduler's "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, ..."
// as a short reason: "Pending: no node matches", "Pending: no node tolerates ...", "Pending: not enough
// cpu", ... followed by the scheduler's own words in parentheses.
QString unschedulableReason(const QString &schedulerMessage);

// The pod template hash of the Deployment's current ReplicaSet (its revision), "" when unknown.
QString currentTemplateHash(const DeploymentInfo &deployment, const QList<ReplicaSetInfo> &replicaSets);

// The application as the engine sees it. `deployment` null = not deployed.
AppStatus appStatus(const Application &app, const DeploymentInfo *deployment, const QList<ReplicaSetInfo> &replicaSets,
                    const QList<PodInfo> &pods);
// Objects of one application picked from a List of many (by the fleetdeck.app label).
AppStatus appStatusFrom(const Application &app, const AppObjects &objects);

// One look at a rollout, the same rule as `kubectl rollout status`: the controller saw the new spec,
// every replica is updated and available, no old replica is left. Failed when the Deployment's
// Progressing condition says ProgressDeadlineExceeded.
RolloutProgress judgeRollout(const Application &app, const DeploymentInfo *deployment,
                             const QList<ReplicaSetInfo> &replicaSets, const QList<PodInfo> &pods);

// After stop(): converged once neither the Deployment nor any pod of the application is left.
RolloutProgress judgeRemoval(const Application &app, const DeploymentInfo *deployment,
                             const QList<ReplicaSetInfo> &replicaSets, const QList<PodInfo> &pods);

// "[pod/web-5d8f-x2k9q/web] 2026-11-26T20:10:00.875Z text" -> replica "web-5d8f-x2k9q", timestamp, text.
LogLine parseLogLine(const QByteArray &line, bool timestamps, StreamChannel channel = StreamChannel::Stdout);

// One line of watchPods(): "NAME PHASE DELETION-TIMESTAMP". nullopt when malformed.
struct PodEvent {
    QString name;
    QString phase;
    bool deleting = false;
};
std::optional<PodEvent> parsePodEvent(const QByteArray &line);

// Kubernetes quantities: CPU "250m", "1", "1500000n", "12u" -> millicores (rounded);
// memory "12Mi", "1Gi", "1000k", "5M", "123", "1e3" -> bytes. nullopt when unreadable.
std::optional<double> parseCpuMillicores(const QString &text);
std::optional<qint64> parseByteQuantity(const QString &text);

// `kubectl top pods --no-headers`: "NAME CPU MEMORY" rows. cpuPercent is of one CPU (1000m = 100).
// `memoryLimitBytes` (0 = none) gives memoryPercent.
Result<QList<ResourceUsage>> parseTopPods(const QByteArray &output, qint64 memoryLimitBytes);

// A failed kubectl command as an Error a person can act on (see checks::classifyKubectlError), plus
// what only the backend meets: metrics-server missing (NotSupported "metrics not available").
Error kubectlError(const CommandResult &result, const QString &what);
bool isMetricsUnavailable(const QByteArray &stderrData);

} // namespace fleetdeck::kubernetes

// The console's cluster checks read these (namespace checks, like the report types).
namespace fleetdeck::checks {

// `kubectl get nodes -o json`
Result<QList<NodeState>> parseNodes(const QByteArray &json);

// `kubectl version -o json` server part; "" when only the client answered.
QString parseServerVersion(const QByteArray &json);

} // namespace fleetdeck::checks
