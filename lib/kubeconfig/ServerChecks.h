// ServerChecks: what the console's Detect and Test connection buttons run. Argv builders and pure
// parsers (unit-tested on recorded output) plus two blocking runners over any Transport.
//
// Provisional home: the Kubernetes backend (lib/orchestrators/kubernetes) is expected to own cluster
// access later; until then the console calls these, and they only ever read from the cluster.
#pragma once

#include "core/Result.h"
#include "domain/Server.h"
#include "remote/HostFacts.h"
#include "remote/RemoteCommand.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fleetdeck {
class Transport;
}

namespace fleetdeck::checks {

// ---- kubectl with a kubeconfig that never touches argv ----

// kubectl with `kubeconfig` handed over as kubernetes::kubectlCommand() does (KubectlInvocation.h:
// on stdin, through a private directory removed before kubectl starts). An empty kubeconfig runs
// kubectl with the server's own configuration (~/.kube/config).
RemoteCommand kubectlCommand(const QStringList &kubectlArgs, const QString &kubeconfig, const QString &context,
                             int timeoutMs, const QString &purpose);

// argv for humans (the activity log): the kubeconfig wrappers show as
// "kubectl --kubeconfig=<stdin> ARGS" (or <lease> for streams); words that need no quoting stay bare, others are quoted.
QString displayCommand(const QStringList &argv);

// ---- parsers ----

struct NodeState {
    QString name;
    bool ready = false;
    QString reason;                // Ready condition's reason when not ready ("KubeletNotReady", "NodeStatusUnknown")
    QString message;
    QStringList roles;             // from node-role.kubernetes.io/<role> labels ("control-plane", "master", ...)
    QStringList addresses;         // InternalIP, ExternalIP, Hostname
    QString kubeletVersion;
    bool unschedulable = false;
    QStringList pressure;          // conditions other than Ready that are True (MemoryPressure, DiskPressure, ...)
};
// `kubectl get nodes -o json`
Result<QList<NodeState>> parseNodes(const QByteArray &json);

// `kubectl version -o json` server part; "" when only the client answered.
QString parseServerVersion(const QByteArray &json);

struct SwarmNode {
    QString hostname;
    QString status;                // Ready | Down | Unknown | Disconnected
    QString availability;          // Active | Pause | Drain
    QString managerStatus;         // Leader | Reachable | Unreachable | "" (worker)
    bool self = false;
};
// `docker node ls --format '{{json .}}'`: one JSON object per line.
Result<QList<SwarmNode>> parseSwarmNodes(const QByteArray &lines);

// What kubectl's stderr means: AuthFailed (401 / Unauthorized), Unreachable (refused, DNS, timeout),
// RemoteFailed with a TLS hint (x509), NotFound (namespace), or RemoteFailed as is.
Error classifyKubectlError(const CommandResult &result, const QString &what);

// ---- reports ----

struct CheckItem {
    enum class Level { Ok, Warning, Failed };
    Level level = Level::Ok;
    QString title;                 // "Node kwok-node-2"
    QString detail;                // "NotReady: KubeletNotReady (container runtime is down)"
    bool operator==(const CheckItem &) const = default;
};

struct ConnectionReport {
    QString summary;               // one line: "Kubernetes v1.32.4: 3 nodes ready, all permissions"
    QList<CheckItem> items;
    QString version;               // engine or cluster version found
    QList<NodeState> nodes;        // Kubernetes only
    QStringList namespaces;        // Kubernetes only, when listing them is allowed

    bool ok() const;               // no Failed item
    QString toText() const;        // summary + one line per item
};

// A permission the console needs in the target namespace, checked with `kubectl auth can-i`.
struct Permission {
    QString verb;
    QString resource;              // "deployments.apps", "pods/log"
    bool clusterScoped = false;    // e.g. create namespaces
};
QList<Permission> requiredPermissions(const ServerSettings &settings, bool namespaceExists);

// ---- detection ----

struct Proposal {
    Orchestrator orchestrator = Orchestrator::None;
    bool swarmManager = false;
    bool swarmWorker = false;
    bool kubernetesMaster = false;
    bool kubernetesWorker = false;
    QString kubernetesVersion;
    QString reason;                // why this one ("a swarm manager and no Kubernetes cluster")
};
// Pure: from what the server reported (and, when a cluster answered, its nodes) to a proposal.
// `hostNames` are the names and addresses this server is known by (to find its own node).
Proposal propose(const HostFacts &facts, const QList<NodeState> &nodes, const QStringList &hostNames);

struct Detection {
    HostFacts facts;
    QList<NodeState> nodes;
    Proposal proposal;
    QString clusterError;          // why the cluster could not be asked (when a kubeconfig was given)
};

// ---- runners (blocking: worker threads only) ----

// probeServer + (with a kubeconfig) the cluster's version and nodes, then propose(). A transport
// failure (host key, auth, unreachable) is the error; a missing tool is part of the result.
Result<Detection> detect(Transport &transport, const Server &server, const CancelToken &cancel = {});

// Test connection for the orchestrator in `server.settings`: Docker engine; swarm membership and
// nodes; Kubernetes API, version, nodes (which one is NotReady), namespace, permissions (which one is
// missing). Problems found are items of the report; only a transport failure is an error.
Result<ConnectionReport> testConnection(Transport &transport, const Server &server, const CancelToken &cancel = {});

// The Kubernetes part alone (the kubeconfig editor's Test button).
Result<ConnectionReport> testCluster(Transport &transport, const ServerSettings &settings, const CancelToken &cancel = {});

} // namespace fleetdeck::checks
