// Argv builders of the Docker Swarm backend. Pure: an Application (and the service's current spec) in,
// PlannedCommands out. A deploy creates the service once and updates it ever after (never rm + create).
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "orchestrators/OrchestratorTypes.h"
#include "orchestrators/proxy/Traefik.h"
#include "orchestrators/swarm/SwarmParsers.h"

namespace fleetdeck::swarm {

struct SwarmOptions {
    QString publishMode = QStringLiteral("ingress");   // the server's swarmPublishMode: ingress | host
    proxy::ProxySettings proxy;
};

// Ports the service publishes (same number outside), none when routed by domain through the proxy.
QList<PortSpec> desiredPorts(const Application &app, const SwarmOptions &options);
// start-first, except when host-mode ports make two tasks on one node impossible (then stop-first).
QString updateOrder(const Application &app, const SwarmOptions &options);
// Overlay networks the service joins (the application's, and the proxy's with domains).
QStringList desiredNetworks(const Application &app, const SwarmOptions &options);
// "mode=host,target=80,published=8080,protocol=tcp"
QString portArgument(const PortSpec &port);

PlannedCommand swarmInfo();
PlannedCommand inspectService(const QString &name);
// One command for the status of every service matching `filter` (label=...): a constant shell script
// (SwarmCommands.cpp) printing "@@services", their inspect lines, "@@tasks", their tasks.
PlannedCommand snapshot(const QString &filter);
QString snapshotScript();

Result<PlannedCommand> createService(const Application &app, const QString &image, qint64 deploymentId,
                                     const SwarmOptions &options);
// Only what differs from `current` is removed; everything Fleetdeck sets is (re)applied.
Result<PlannedCommand> updateService(const Application &app, const ServiceSpec &current, const QString &image,
                                     qint64 deploymentId, const SwarmOptions &options);

PlannedCommand scaleService(const QString &name, int replicas);
PlannedCommand forceUpdate(const QString &name);
PlannedCommand rollbackService(const QString &name);
PlannedCommand serviceLogs(const QString &name, const LogOptions &options);
PlannedCommand runningTasks(const QString &name);
// Containers of the service's tasks on the node this server is (the one `docker` talks to).
PlannedCommand localTaskContainers(const QString &serviceName);

} // namespace fleetdeck::swarm
