// Argv builders of the standalone Docker backend. Pure: an Application in, PlannedCommands out.
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "orchestrators/OrchestratorTypes.h"
#include "orchestrators/proxy/Traefik.h"

namespace fleetdeck::docker {

// "web.1": the container of replica `slot` (1-based).
QString containerName(const Application &app, int slot);
// Slot of a container name of `app` ("web.3" -> 3), 0 when the name is not one of its replicas.
int slotOf(const Application &app, const QString &containerName);
// Name of a container set aside while its replacement starts.
QString replacedName(const Application &app, int slot, qint64 deploymentId);

// Standalone publishes the application's ports on the host (same number) unless it is routed by
// domain through the proxy. Several replicas cannot publish the same host port.
bool publishesPorts(const Application &app);
// Invalid (field "replicas") when `replicas` containers cannot all run, e.g. 2 replicas publishing a port.
Status checkReplicas(const Application &app, int replicas);

// Networks the containers join: the application's own, and the proxy's when it has domains.
QStringList networksOf(const Application &app, const proxy::ProxySettings &proxy);

struct CreateSpec {
    QString name;
    int slot = 1;
    QString image;
    qint64 deploymentId = 0;
};
// `docker create ...` (wrapped with the secret env loader when needed). The container joins the first
// network at creation; the others need networkConnect().
Result<PlannedCommand> createContainer(const Application &app, const CreateSpec &spec, const proxy::ProxySettings &proxy);

PlannedCommand listContainers(const QString &filter);                 // docker ps -a --filter F --format json
PlannedCommand startContainer(const QString &name);
PlannedCommand stopContainers(const QStringList &names, int graceSeconds = 10);
PlannedCommand removeContainers(const QStringList &names);            // rm -f
PlannedCommand renameContainer(const QString &from, const QString &to);
PlannedCommand inspectState(const QString &name);                     // {{json .State}}
PlannedCommand networkConnect(const QString &network, const QString &container);
PlannedCommand networkInspect(const QString &network);
PlannedCommand networkCreate(const QString &network, bool overlay);
// `docker logs`; a negative tail means every line (`--tail all`).
PlannedCommand containerLogs(const QString &name, const LogOptions &options);
// `docker events` of containers matching `filter` (e.g. labels::appFilter) that started, streamed as
// JSON lines from `since` on (a duration such as "30s" is reckoned by the server, not by us).
PlannedCommand containerStartEvents(const QString &filter, const QString &since);
// `docker exec [--env NAME=VALUE...] CONTAINER ARGV...` (argv verbatim; env: not secret values).
PlannedCommand execIn(const QString &container, const QStringList &argv, int timeoutMs, const QStringList &env = {});
PlannedCommand stats(const QStringList &containers);

} // namespace fleetdeck::docker
