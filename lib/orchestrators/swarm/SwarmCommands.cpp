// Argv builders of the Docker Swarm backend (see SwarmCommands.h).
#include "orchestrators/swarm/SwarmCommands.h"

#include "orchestrators/Labels.h"
#include "orchestrators/docker/ContainerOptions.h"
#include "orchestrators/docker/DockerCommands.h"

#include <QSet>

namespace fleetdeck::swarm {

namespace {

const QString kDocker = QStringLiteral("docker");

PlannedCommand cmd(const QString &step, const QString &description, QStringList argv, int timeoutMs = 0)
{
    return PlannedCommand::make(step, description, std::move(argv), timeoutMs);
}

labels::LabelList serviceLabels(const Application &app, qint64 deploymentId, const SwarmOptions &o)
{
    labels::LabelList out = labels::identity(app, deploymentId);
    out.append(proxy::applicationLabels(app, Orchestrator::Swarm, o.proxy));
    const QStringList nets = desiredNetworks(app, o);
    if (!nets.isEmpty())
        out.append({labels::networks(), nets.join(QLatin1Char(','))});
    return out;
}

QStringList constraintsOf(const Application &app)
{
    QStringList out;
    for (const QString &c : app.swarmConstraints)
        out << c.trimmed();
    return out;
}

} // namespace

QList<PortSpec> desiredPorts(const Application &app, const SwarmOptions &o)
{
    QList<PortSpec> out;
    if (!docker::publishesPorts(app))
        return out;
    for (int p : app.ports) {
        PortSpec s;
        s.target = p;
        s.published = p;
        s.mode = o.publishMode == QLatin1String("host") ? QStringLiteral("host") : QStringLiteral("ingress");
        out << s;
    }
    return out;
}

QString updateOrder(const Application &app, const SwarmOptions &o)
{
    const auto ports = desiredPorts(app, o);
    for (const PortSpec &p : ports)
        if (p.mode == QLatin1String("host"))
            return QStringLiteral("stop-first");
    return QStringLiteral("start-first");
}

QStringList desiredNetworks(const Application &app, const SwarmOptions &o)
{
    return docker::networksOf(app, o.proxy);
}

QString portArgument(const PortSpec &p)
{
    return QStringLiteral("mode=%1,target=%2,published=%3,protocol=%4").arg(p.mode).arg(p.target).arg(p.published).arg(p.protocol);
}

PlannedCommand swarmInfo()
{
    return cmd(QStringLiteral("inspect"), QStringLiteral("read the swarm state of the engine"),
               {kDocker, QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{json .Swarm}}")}, 30000);
}

PlannedCommand inspectService(const QString &name)
{
    return cmd(QStringLiteral("inspect"), QStringLiteral("inspect service %1").arg(name),
               {kDocker, QStringLiteral("service"), QStringLiteral("inspect"), QStringLiteral("--format"),
                QStringLiteral("{{json .}}"), name},
               30000);
}

QString snapshotScript()
{
    // Constant text: the filter arrives as "$1", never pasted into the script.
    return QStringLiteral(
        "set -e\n"
        "ids=$(docker service ls --quiet --filter \"$1\")\n"
        "echo @@services\n"
        "if [ -n \"$ids\" ]; then docker service inspect --format '{{json .}}' $ids; fi\n"
        "echo @@tasks\n"
        "if [ -n \"$ids\" ]; then docker service ps --no-trunc --format '{{json .}}' $ids; fi\n");
}

PlannedCommand snapshot(const QString &filter)
{
    return cmd(QStringLiteral("status"), QStringLiteral("swarm services and tasks"),
               {QStringLiteral("sh"), QStringLiteral("-c"), snapshotScript(), QStringLiteral("fleetdeck-status"), filter}, 60000);
}

Result<PlannedCommand> createService(const Application &app, const QString &image, qint64 deploymentId, const SwarmOptions &o)
{
    if (auto s = docker::checkSecretEnv(app.env); !s)
        return s.error();
    auto q = docker::quantities(app);
    if (!q)
        return q.error();
    QStringList argv{kDocker, QStringLiteral("service"), QStringLiteral("create"), QStringLiteral("--detach"),
                     QStringLiteral("--no-resolve-image"), QStringLiteral("--name"), app.name,
                     QStringLiteral("--replicas"), QString::number(app.swarmReplicas)};
    for (const auto &[k, v] : serviceLabels(app, deploymentId, o))
        argv << QStringLiteral("--label") << k + QLatin1Char('=') + v;
    for (const auto &[k, v] : labels::identity(app, deploymentId))
        argv << QStringLiteral("--container-label") << k + QLatin1Char('=') + v;
    for (const QString &c : constraintsOf(app))
        argv << QStringLiteral("--constraint") << c;
    if (!q->cpuLimit.isEmpty())
        argv << QStringLiteral("--limit-cpu") << q->cpuLimit;
    if (!q->memoryLimit.isEmpty())
        argv << QStringLiteral("--limit-memory") << q->memoryLimit;
    if (!q->cpuReservation.isEmpty())
        argv << QStringLiteral("--reserve-cpu") << q->cpuReservation;
    if (!q->memoryReservation.isEmpty())
        argv << QStringLiteral("--reserve-memory") << q->memoryReservation;
    auto health = docker::healthArgs(app);
    if (!health)
        return health.error();
    argv << *health;
    argv << QStringLiteral("--restart-condition") << docker::swarmRestartCondition(app.restartPolicy);
    const QString order = updateOrder(app, o);
    argv << QStringLiteral("--update-parallelism") << QStringLiteral("1")
         << QStringLiteral("--update-order") << order
         << QStringLiteral("--update-failure-action") << QStringLiteral("rollback")
         << QStringLiteral("--rollback-order") << order;
    for (const PortSpec &p : desiredPorts(app, o))
        argv << QStringLiteral("--publish") << portArgument(p);
    for (const QString &n : desiredNetworks(app, o))
        argv << QStringLiteral("--network") << n;
    QList<EnvVar> secrets;
    argv << docker::envArgs(app.env, QStringLiteral("--env"), &secrets);
    argv << image;
    return docker::withSecretEnv(cmd(QStringLiteral("create"), QStringLiteral("create service %1 from %2").arg(app.name, image),
                                     argv, 120000),
                                 secrets);
}

Result<PlannedCommand> updateService(const Application &app, const ServiceSpec &current, const QString &image,
                                     qint64 deploymentId, const SwarmOptions &o)
{
    if (auto s = docker::checkSecretEnv(app.env); !s)
        return s.error();
    auto q = docker::quantities(app);
    if (!q)
        return q.error();
    QStringList argv{kDocker, QStringLiteral("service"), QStringLiteral("update"), QStringLiteral("--detach"),
                     QStringLiteral("--no-resolve-image"), QStringLiteral("--image"), image,
                     QStringLiteral("--replicas"), QString::number(app.swarmReplicas)};
    // Labels: Fleetdeck's own (and Traefik's) that are no longer wanted go; the wanted ones are set.
    const labels::LabelList svcLabels = serviceLabels(app, deploymentId, o);
    QSet<QString> wanted;
    for (const auto &kv : svcLabels)
        wanted.insert(kv.first);
    QStringList stale = current.labels.keys();
    stale.sort();
    for (const QString &k : stale)
        if (labels::isOwnedKey(k) && !wanted.contains(k))
            argv << QStringLiteral("--label-rm") << k;
    for (const auto &[k, v] : svcLabels)
        argv << QStringLiteral("--label-add") << k + QLatin1Char('=') + v;
    const labels::LabelList ctrLabels = labels::identity(app, deploymentId);
    QSet<QString> wantedCtr;
    for (const auto &kv : ctrLabels)
        wantedCtr.insert(kv.first);
    QStringList staleCtr = current.containerLabels.keys();
    staleCtr.sort();
    for (const QString &k : staleCtr)
        if (labels::isOwnedKey(k) && !wantedCtr.contains(k))
            argv << QStringLiteral("--container-label-rm") << k;
    for (const auto &[k, v] : ctrLabels)
        argv << QStringLiteral("--container-label-add") << k + QLatin1Char('=') + v;
    // Placement constraints: exact strings.
    const QStringList constraints = constraintsOf(app);
    for (const QString &c : current.constraints)
        if (!constraints.contains(c.trimmed()))
            argv << QStringLiteral("--constraint-rm") << c;
    for (const QString &c : constraints)
        if (!current.constraints.contains(c))
            argv << QStringLiteral("--constraint-add") << c;
    // Resources: "0" clears a limit that is no longer set.
    if (q->cpuLimitNano != current.limitNanoCpus)
        argv << QStringLiteral("--limit-cpu") << (q->cpuLimit.isEmpty() ? QStringLiteral("0") : q->cpuLimit);
    if (q->memoryLimitBytes != current.limitMemoryBytes)
        argv << QStringLiteral("--limit-memory") << (q->memoryLimit.isEmpty() ? QStringLiteral("0") : q->memoryLimit);
    if (q->cpuReservationNano != current.reserveNanoCpus)
        argv << QStringLiteral("--reserve-cpu") << (q->cpuReservation.isEmpty() ? QStringLiteral("0") : q->cpuReservation);
    if (q->memoryReservationBytes != current.reserveMemoryBytes)
        argv << QStringLiteral("--reserve-memory") << (q->memoryReservation.isEmpty() ? QStringLiteral("0") : q->memoryReservation);
    auto healthResult = docker::healthArgs(app);
    if (!healthResult)
        return healthResult.error();
    const QStringList health = *healthResult;
    if (!health.isEmpty())
        argv << health;
    else if (!current.healthTest.isEmpty() && current.healthTest.first() != QLatin1String("NONE"))
        argv << QStringLiteral("--no-healthcheck");
    argv << QStringLiteral("--restart-condition") << docker::swarmRestartCondition(app.restartPolicy);
    const QString order = updateOrder(app, o);
    argv << QStringLiteral("--update-parallelism") << QStringLiteral("1")
         << QStringLiteral("--update-order") << order
         << QStringLiteral("--update-failure-action") << QStringLiteral("rollback")
         << QStringLiteral("--rollback-order") << order;
    // Ports: replaced as a whole when they differ (removal needs the exact published spec).
    const QList<PortSpec> ports = desiredPorts(app, o);
    bool samePorts = ports.size() == current.ports.size();
    for (const PortSpec &p : ports)
        samePorts = samePorts && current.ports.contains(p);
    if (!samePorts) {
        for (const PortSpec &p : current.ports)
            argv << QStringLiteral("--publish-rm") << portArgument(p);
        for (const PortSpec &p : ports)
            argv << QStringLiteral("--publish-add") << portArgument(p);
    }
    // Networks: the ones Fleetdeck attached are remembered in a label (the spec names them by id).
    const QStringList nets = desiredNetworks(app, o);
    const QStringList had = current.labels.value(labels::networks()).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &n : had)
        if (!nets.contains(n))
            argv << QStringLiteral("--network-rm") << n;
    for (const QString &n : nets)
        if (!had.contains(n))
            argv << QStringLiteral("--network-add") << n;
    // Environment: variables no longer set go; all wanted ones are (re)added.
    QSet<QString> keys;
    for (const EnvVar &e : app.env)
        keys.insert(e.key);
    for (const QString &k : current.envKeys())
        if (!keys.contains(k))
            argv << QStringLiteral("--env-rm") << k;
    QList<EnvVar> secrets;
    argv << docker::envArgs(app.env, QStringLiteral("--env-add"), &secrets);
    argv << current.name;
    return docker::withSecretEnv(cmd(QStringLiteral("update"), QStringLiteral("update service %1 to %2").arg(current.name, image),
                                     argv, 120000),
                                 secrets);
}

PlannedCommand scaleService(const QString &name, int replicas)
{
    return cmd(QStringLiteral("scale"), QStringLiteral("scale service %1 to %2").arg(name).arg(replicas),
               {kDocker, QStringLiteral("service"), QStringLiteral("scale"), QStringLiteral("--detach"),
                name + QLatin1Char('=') + QString::number(replicas)},
               60000);
}

PlannedCommand forceUpdate(const QString &name)
{
    return cmd(QStringLiteral("restart"), QStringLiteral("restart every task of %1").arg(name),
               {kDocker, QStringLiteral("service"), QStringLiteral("update"), QStringLiteral("--detach"),
                QStringLiteral("--force"), name},
               60000);
}

PlannedCommand rollbackService(const QString &name)
{
    return cmd(QStringLiteral("rollback"), QStringLiteral("roll %1 back to its previous spec").arg(name),
               {kDocker, QStringLiteral("service"), QStringLiteral("rollback"), QStringLiteral("--detach"), name}, 60000);
}

PlannedCommand serviceLogs(const QString &name, const LogOptions &o)
{
    QStringList argv{kDocker, QStringLiteral("service"), QStringLiteral("logs"), QStringLiteral("--no-trunc"),
                     QStringLiteral("-n"), QString::number(qMax(0, o.tail))};
    if (!o.since.isEmpty())
        argv << QStringLiteral("--since") << o.since;
    if (o.timestamps)
        argv << QStringLiteral("--timestamps");
    if (o.follow)
        argv << QStringLiteral("--follow");
    argv << name;
    return cmd(QStringLiteral("logs"), QStringLiteral("logs of service %1").arg(name), argv, o.follow ? 0 : 60000);
}

PlannedCommand runningTasks(const QString &name)
{
    return cmd(QStringLiteral("inspect"), QStringLiteral("running tasks of %1").arg(name),
               {kDocker, QStringLiteral("service"), QStringLiteral("ps"), QStringLiteral("--no-trunc"), QStringLiteral("--filter"),
                QStringLiteral("desired-state=running"), QStringLiteral("--format"), QStringLiteral("{{json .}}"), name},
               30000);
}

PlannedCommand localTaskContainers(const QString &serviceName)
{
    return cmd(QStringLiteral("inspect"), QStringLiteral("task containers of %1 on this node").arg(serviceName),
               {kDocker, QStringLiteral("ps"), QStringLiteral("--no-trunc"), QStringLiteral("--filter"),
                QStringLiteral("label=com.docker.swarm.service.name=") + serviceName, QStringLiteral("--format"),
                QStringLiteral("{{json .}}")},
               30000);
}

} // namespace fleetdeck::swarm
