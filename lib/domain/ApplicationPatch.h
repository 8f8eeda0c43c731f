// ApplicationPatch: a change of one field group of an application (settings, or orchestration), as the
// fields that change and nothing else; the store applies it to the current row inside one transaction.
#pragma once

#include "domain/Application.h"
#include "domain/Server.h"

#include <optional>

namespace fleetdeck {

// General settings: identity, image or build, ports, domains, environment, health check, limits.
struct ApplicationSettingsPatch {
    std::optional<QString> name;
    std::optional<QString> project;
    std::optional<qint64> serverId;
    std::optional<QString> image;
    std::optional<QString> buildSource;
    std::optional<QString> dockerfile;
    std::optional<QList<int>> ports;
    std::optional<QStringList> domains;
    std::optional<QList<EnvVar>> env;   // replaces the whole list (before unsetEnv / setEnv)
    QStringList unsetEnv;               // keys removed
    QList<EnvVar> setEnv;               // added, or replacing the variable of the same key
    std::optional<QString> healthPath;
    std::optional<int> healthPort;
    std::optional<int> healthIntervalSeconds;
    std::optional<int> healthTimeoutSeconds;
    std::optional<int> healthRetries;
    std::optional<QString> cpuLimit;
    std::optional<QString> memoryLimit;
    std::optional<QString> cpuReservation;
    std::optional<QString> memoryReservation;
    std::optional<QString> restartPolicy;
    std::optional<QString> network;

    void applyTo(Application &app) const;
    // This patch without the fields whose value equals `loaded`'s (a form sends only what was edited,
    // so a field changed elsewhere since the form loaded is not written back).
    ApplicationSettingsPatch changesFrom(const Application &loaded) const;
};

// Orchestration: replicas per orchestrator, Swarm placement, Kubernetes placement and service.
struct ApplicationOrchestrationPatch {
    std::optional<int> replicas;            // standalone Docker
    std::optional<int> swarmReplicas;
    std::optional<int> kubernetesReplicas;
    std::optional<QStringList> swarmConstraints;
    std::optional<QJsonObject> nodeSelector;
    std::optional<QJsonArray> tolerations;
    std::optional<QJsonObject> affinity;
    std::optional<QJsonObject> podLabels;
    std::optional<QJsonObject> serviceAnnotations;
    std::optional<ServiceType> serviceType;

    // Only the replica count of `orchestrator` (what Scale now stores).
    static ApplicationOrchestrationPatch replicasOn(Orchestrator orchestrator, int n);
    void applyTo(Application &app) const;
    ApplicationOrchestrationPatch changesFrom(const Application &loaded) const;
};

// Both groups at once (the CLI's `app set` may change fields of each in one command).
struct ApplicationPatch {
    ApplicationSettingsPatch settings;
    ApplicationOrchestrationPatch orchestration;

    void applyTo(Application &app) const;
};

// The replica count an application has on `orchestrator`.
int replicasOn(const Application &app, Orchestrator orchestrator);

} // namespace fleetdeck
