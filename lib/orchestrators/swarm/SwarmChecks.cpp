// SwarmChecks: docker info / docker node ls asked and judged for Test connection.
#include "orchestrators/swarm/SwarmChecks.h"

#include "orchestrators/CheckSupport.h"
#include "orchestrators/docker/DockerChecks.h"
#include "orchestrators/swarm/SwarmParsers.h"
#include "remote/HostFactsParser.h"
#include "remote/Transport.h"

namespace fleetdeck::checks {

Result<ConnectionReport> testSwarm(Transport &transport, const ServerSettings &settings, const CancelToken &cancel)
{
    ConnectionReport report;
    const Result<QString> engine = checkDockerEngine(transport, report, cancel);
    if (!engine)
        return engine.error();
    if (engine->isEmpty())
        return report;

    Result<CommandResult> swarmInfo = runDockerCheck(transport, {QStringLiteral("docker"), QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{json .Swarm}}")}, cancel);
    if (!swarmInfo)
        return swarmInfo.error();
    const Result<SwarmInfo> swarm = parseSwarmInfo(swarmInfo->stdoutData);
    if (!swarm) {
        report.items.append(fail(QStringLiteral("Swarm"), swarm.error().toString()));
        report.summary = QStringLiteral("Swarm state unknown");
        return report;
    }
    if (swarm->state != SwarmState::Manager && swarm->state != SwarmState::Worker) {
        report.items.append(fail(QStringLiteral("Swarm"), QStringLiteral("this engine is not part of a swarm (state: %1%2); run docker swarm init")
                                                              .arg(swarmStateName(swarm->state),
                                                                   swarm->error.isEmpty() ? QString() : QStringLiteral(", ") + swarm->error)));
        report.summary = QStringLiteral("Docker %1, no swarm").arg(*engine);
        return report;
    }
    const bool manager = swarm->state == SwarmState::Manager;
    if (settings.swarmManager && !manager)
        report.items.append(fail(QStringLiteral("Swarm role"), QStringLiteral("set as manager, but this node is a worker: deploy through a manager")));
    else if (settings.swarmWorker && manager)
        report.items.append(warn(QStringLiteral("Swarm role"), QStringLiteral("set as worker, but this node is a manager")));
    else
        report.items.append(ok(QStringLiteral("Swarm role"), manager ? QStringLiteral("manager") : QStringLiteral("worker")));

    int ready = 0;
    int total = 0;
    if (manager) {
        Result<CommandResult> ls = runDockerCheck(transport, {QStringLiteral("docker"), QStringLiteral("node"), QStringLiteral("ls"), QStringLiteral("--format"), QStringLiteral("{{json .}}")}, cancel);
        if (!ls)
            return ls.error();
        if (Result<QList<SwarmNode>> nodes = parseSwarmNodes(ls->stdoutData); nodes && ls->succeeded()) {
            total = int(nodes->size());
            for (const SwarmNode &n : *nodes) {
                const QString title = QStringLiteral("Node %1").arg(n.hostname);
                if (n.status != QLatin1String("Ready")) {
                    report.items.append(fail(title, QStringLiteral("%1 (availability %2)").arg(n.status, n.availability)));
                    continue;
                }
                ++ready;
                if (n.managerStatus == QLatin1String("Unreachable"))
                    report.items.append(fail(title, QStringLiteral("manager unreachable: the swarm may lose its quorum")));
                else if (n.availability != QLatin1String("Active"))
                    report.items.append(warn(title, QStringLiteral("Ready but %1: no new tasks go there").arg(n.availability)));
            }
            report.items.append(ok(QStringLiteral("Nodes"), QStringLiteral("%1 of %2 Ready").arg(ready).arg(total)));
        } else {
            report.items.append(warn(QStringLiteral("Nodes"), meaningfulStderr(ls->stderrData)));
        }
    }
    report.summary = manager ? QStringLiteral("Docker %1, swarm manager: %2 of %3 nodes Ready").arg(*engine).arg(ready).arg(total)
                             : QStringLiteral("Docker %1, swarm worker").arg(*engine);
    if (!report.ok())
        report.summary += QStringLiteral(" — problems below");
    return report;
}

} // namespace fleetdeck::checks
