// ConnectionReport: the types Detect and Test connection answer with, shared by every backend's checks
// (report items, cluster nodes, permissions, the orchestrator proposal).
#pragma once

#include "domain/Server.h"
#include "remote/HostFacts.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fleetdeck::checks {

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

struct Proposal {
    Orchestrator orchestrator = Orchestrator::None;
    bool swarmManager = false;
    bool swarmWorker = false;
    bool kubernetesMaster = false;
    bool kubernetesWorker = false;
    QString kubernetesVersion;
    QString reason;                // why this one ("a swarm manager and no Kubernetes cluster")
};

struct Detection {
    HostFacts facts;
    QList<NodeState> nodes;
    Proposal proposal;
    QString clusterError;          // why the cluster could not be asked (when a kubeconfig was given)
};

} // namespace fleetdeck::checks
