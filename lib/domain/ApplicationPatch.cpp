// ApplicationPatch: merging a field group's changes into an application.
#include "domain/ApplicationPatch.h"

#include <algorithm>

namespace fleetdeck {

namespace {

template<typename T>
void assign(T &field, const std::optional<T> &value)
{
    if (value)
        field = *value;
}

template<typename T>
void dropIfSame(std::optional<T> &value, const T &loaded)
{
    if (value && *value == loaded)
        value.reset();
}

} // namespace

ApplicationSettingsPatch ApplicationSettingsPatch::changesFrom(const Application &a) const
{
    ApplicationSettingsPatch p = *this;
    dropIfSame(p.name, a.name);
    dropIfSame(p.project, a.project);
    dropIfSame(p.serverId, a.serverId);
    dropIfSame(p.image, a.image);
    dropIfSame(p.buildSource, a.buildSource);
    dropIfSame(p.dockerfile, a.dockerfile);
    dropIfSame(p.ports, a.ports);
    dropIfSame(p.domains, a.domains);
    dropIfSame(p.env, a.env);
    dropIfSame(p.healthPath, a.health.path);
    dropIfSame(p.healthPort, a.health.port);
    dropIfSame(p.healthIntervalSeconds, a.health.intervalSeconds);
    dropIfSame(p.healthTimeoutSeconds, a.health.timeoutSeconds);
    dropIfSame(p.healthRetries, a.health.retries);
    dropIfSame(p.cpuLimit, a.cpuLimit);
    dropIfSame(p.memoryLimit, a.memoryLimit);
    dropIfSame(p.cpuReservation, a.cpuReservation);
    dropIfSame(p.memoryReservation, a.memoryReservation);
    dropIfSame(p.restartPolicy, a.restartPolicy);
    dropIfSame(p.network, a.network);
    return p;
}

ApplicationOrchestrationPatch ApplicationOrchestrationPatch::changesFrom(const Application &a) const
{
    ApplicationOrchestrationPatch p = *this;
    dropIfSame(p.replicas, a.replicas);
    dropIfSame(p.swarmReplicas, a.swarmReplicas);
    dropIfSame(p.kubernetesReplicas, a.kubernetesReplicas);
    dropIfSame(p.swarmConstraints, a.swarmConstraints);
    dropIfSame(p.nodeSelector, a.nodeSelector);
    dropIfSame(p.tolerations, a.tolerations);
    dropIfSame(p.affinity, a.affinity);
    dropIfSame(p.podLabels, a.podLabels);
    dropIfSame(p.serviceAnnotations, a.serviceAnnotations);
    dropIfSame(p.serviceType, a.serviceType);
    return p;
}

void ApplicationSettingsPatch::applyTo(Application &a) const
{
    assign(a.name, name);
    assign(a.project, project);
    assign(a.serverId, serverId);
    assign(a.image, image);
    assign(a.buildSource, buildSource);
    assign(a.dockerfile, dockerfile);
    assign(a.ports, ports);
    assign(a.domains, domains);
    assign(a.env, env);
    for (const QString &key : unsetEnv)
        a.env.removeIf([&key](const EnvVar &e) { return e.key == key; });
    for (const EnvVar &var : setEnv) {
        auto it = std::find_if(a.env.begin(), a.env.end(), [&var](const EnvVar &e) { return e.key == var.key; });
        if (it != a.env.end())
            *it = var;
        else
            a.env.append(var);
    }
    assign(a.health.path, healthPath);
    assign(a.health.port, healthPort);
    assign(a.health.intervalSeconds, healthIntervalSeconds);
    assign(a.health.timeoutSeconds, healthTimeoutSeconds);
    assign(a.health.retries, healthRetries);
    assign(a.cpuLimit, cpuLimit);
    assign(a.memoryLimit, memoryLimit);
    assign(a.cpuReservation, cpuReservation);
    assign(a.memoryReservation, memoryReservation);
    assign(a.restartPolicy, restartPolicy);
    assign(a.network, network);
}

ApplicationOrchestrationPatch ApplicationOrchestrationPatch::replicasOn(Orchestrator orchestrator, int n)
{
    ApplicationOrchestrationPatch p;
    switch (orchestrator) {
    case Orchestrator::None: p.replicas = n; break;
    case Orchestrator::Swarm: p.swarmReplicas = n; break;
    case Orchestrator::Kubernetes: p.kubernetesReplicas = n; break;
    }
    return p;
}

void ApplicationOrchestrationPatch::applyTo(Application &a) const
{
    assign(a.replicas, replicas);
    assign(a.swarmReplicas, swarmReplicas);
    assign(a.kubernetesReplicas, kubernetesReplicas);
    assign(a.swarmConstraints, swarmConstraints);
    assign(a.nodeSelector, nodeSelector);
    assign(a.tolerations, tolerations);
    assign(a.affinity, affinity);
    assign(a.podLabels, podLabels);
    assign(a.serviceAnnotations, serviceAnnotations);
    assign(a.serviceType, serviceType);
}

void ApplicationPatch::applyTo(Application &a) const
{
    settings.applyTo(a);
    orchestration.applyTo(a);
}

int replicasOn(const Application &app, Orchestrator orchestrator)
{
    switch (orchestrator) {
    case Orchestrator::None: return app.replicas;
    case Orchestrator::Swarm: return app.swarmReplicas;
    case Orchestrator::Kubernetes: return app.kubernetesReplicas;
    }
    return app.replicas;
}

} // namespace fleetdeck
