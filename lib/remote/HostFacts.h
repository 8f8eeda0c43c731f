// HostFacts: what `server check` reports about a server (OS, Docker engine, swarm, kubectl/cluster).
#pragma once

#include <QJsonObject>
#include <QString>

namespace fleetdeck {

enum class SwarmState { NotPresent, Inactive, Pending, Manager, Worker, Locked, Error };

// "not present" | "inactive" | "pending" | "manager" | "worker" | "locked" | "error"
QString swarmStateName(SwarmState state);

struct DockerVersionInfo {
    QString clientVersion;
    QString engineVersion;         // empty when the engine did not answer
    QString engineApiVersion;
};

struct SwarmInfo {
    SwarmState state = SwarmState::NotPresent;
    QString nodeAddress;
    int managers = 0;
    int nodes = 0;
    QString error;                 // the swarm's own error text, if any
};

struct KubectlVersionInfo {
    QString clientVersion;         // "v1.32.4"
    QString serverVersion;         // empty when no cluster answered
};

struct HostFacts {
    QString os;                    // PRETTY_NAME of /etc/os-release; empty = unknown

    bool dockerPresent = false;    // a docker client is installed
    QString dockerClientVersion;
    QString dockerEngineVersion;   // empty = engine not reachable (see dockerError)
    QString dockerError;

    SwarmState swarm = SwarmState::NotPresent;
    QString swarmError;

    bool kubectlPresent = false;
    QString kubectlClientVersion;
    QString kubernetesServerVersion; // empty = no cluster reachable (see kubectlError)
    QString kubectlError;

    QJsonObject toJson() const;
    QString toText() const;        // a few human lines, "not present" where absent
};

} // namespace fleetdeck
