// Argv builders of the standalone Docker backend.
#include "orchestrators/docker/DockerCommands.h"

#include "core/Translate.h"
#include "orchestrators/Labels.h"
#include "orchestrators/docker/ContainerOptions.h"

#include <QRegularExpression>

namespace fleetdeck::docker {

namespace {

const QString kDocker = QStringLiteral("docker");

PlannedCommand cmd(const QString &step, const QString &description, QStringList argv, int timeoutMs = 0)
{
    return PlannedCommand::make(step, description, std::move(argv), timeoutMs);
}

} // namespace

QString containerName(const Application &app, int slot)
{
    return app.name + QLatin1Char('.') + QString::number(slot);
}

int slotOf(const Application &app, const QString &name)
{
    if (!name.startsWith(app.name + QLatin1Char('.')))
        return 0;
    const QString rest = name.mid(app.name.size() + 1);
    static const QRegularExpression digits(QStringLiteral("^[1-9][0-9]{0,2}$"));
    return digits.match(rest).hasMatch() ? rest.toInt() : 0;
}

QString replacedName(const Application &app, int slot, qint64 deploymentId)
{
    return containerName(app, slot) + QStringLiteral(".replaced-") + QString::number(deploymentId);
}

bool publishesPorts(const Application &app)
{
    return app.domains.isEmpty() && !app.ports.isEmpty();
}

Status checkReplicas(const Application &app, int replicas)
{
    if (replicas > 1 && publishesPorts(app))
        return Error::invalid(QStringLiteral("replicas"),
                              QCoreApplication::translate("fleetdeck::orchestrators", "standalone Docker cannot run %1 replicas that all publish host port %2: give "
                                                                                      "the application a domain (the proxy then balances between replicas), or use "
                                                                                      "Docker Swarm").arg(replicas).arg(app.ports.first()));
    return {};
}

QStringList networksOf(const Application &app, const proxy::ProxySettings &proxy)
{
    QStringList out;
    if (!app.network.isEmpty())
        out << app.network;
    if (!app.domains.isEmpty() && !out.contains(proxy.network))
        out << proxy.network;
    return out;
}

Result<PlannedCommand> createContainer(const Application &app, const CreateSpec &spec, const proxy::ProxySettings &proxy)
{
    if (auto s = checkSecretEnv(app.env); !s)
        return s.error();
    auto q = quantities(app);
    if (!q)
        return q.error();
    QStringList argv{kDocker, QStringLiteral("create"), QStringLiteral("--name"), spec.name};
    labels::LabelList all = labels::identity(app, spec.deploymentId);
    all.append({labels::replica(), QString::number(spec.slot)});
    all.append(proxy::applicationLabels(app, Orchestrator::None, proxy));
    for (const auto &[k, v] : all)
        argv << QStringLiteral("--label") << k + QLatin1Char('=') + v;
    argv << QStringLiteral("--restart") << (app.restartPolicy.isEmpty() ? QStringLiteral("unless-stopped") : app.restartPolicy);
    if (!q->cpuLimit.isEmpty())
        argv << QStringLiteral("--cpus") << q->cpuLimit;
    if (!q->memoryLimit.isEmpty())
        argv << QStringLiteral("--memory") << q->memoryLimit;
    if (!q->memoryReservation.isEmpty())
        argv << QStringLiteral("--memory-reservation") << q->memoryReservation;
    auto health = healthArgs(app);
    if (!health)
        return health.error();
    argv << *health;
    if (publishesPorts(app)) {
        for (int p : app.ports)
            argv << QStringLiteral("--publish") << QStringLiteral("%1:%1").arg(p);
    } else {
        for (int p : app.ports)
            argv << QStringLiteral("--expose") << QString::number(p);
    }
    const QStringList nets = networksOf(app, proxy);
    if (!nets.isEmpty())
        argv << QStringLiteral("--network") << nets.first();
    QList<EnvVar> secrets;
    argv << envArgs(app.env, QStringLiteral("--env"), &secrets);
    argv << spec.image;
    PlannedCommand c = cmd(QStringLiteral("create"), QStringLiteral("create container %1 from %2").arg(spec.name, spec.image), argv, 60000);
    return withSecretEnv(c, secrets);
}

PlannedCommand listContainers(const QString &filter)
{
    return cmd(QStringLiteral("inspect"), QStringLiteral("list containers"),
               {kDocker, QStringLiteral("ps"), QStringLiteral("--all"), QStringLiteral("--no-trunc"), QStringLiteral("--filter"),
                filter, QStringLiteral("--format"), QStringLiteral("{{json .}}")},
               30000);
}

PlannedCommand startContainer(const QString &name)
{
    return cmd(QStringLiteral("start"), QStringLiteral("start container %1").arg(name),
               {kDocker, QStringLiteral("start"), name}, 60000);
}

PlannedCommand stopContainers(const QStringList &names, int graceSeconds)
{
    return cmd(QStringLiteral("stop"), QStringLiteral("stop %1").arg(names.join(QLatin1String(", "))),
               QStringList{kDocker, QStringLiteral("stop"), QStringLiteral("--time"), QString::number(graceSeconds)} + names,
               (graceSeconds + 30) * 1000);
}

PlannedCommand removeContainers(const QStringList &names)
{
    return cmd(QStringLiteral("remove"), QStringLiteral("remove %1").arg(names.join(QLatin1String(", "))),
               QStringList{kDocker, QStringLiteral("rm"), QStringLiteral("--force")} + names, 60000);
}

PlannedCommand renameContainer(const QString &from, const QString &to)
{
    return cmd(QStringLiteral("rename"), QStringLiteral("rename %1 to %2").arg(from, to),
               {kDocker, QStringLiteral("rename"), from, to}, 30000);
}

PlannedCommand inspectState(const QString &name)
{
    return cmd(QStringLiteral("wait"), QStringLiteral("inspect the state of %1").arg(name),
               {kDocker, QStringLiteral("inspect"), QStringLiteral("--type"), QStringLiteral("container"),
                QStringLiteral("--format"), QStringLiteral("{{json .State}}"), name},
               30000);
}

PlannedCommand networkConnect(const QString &network, const QString &container)
{
    return cmd(QStringLiteral("network"), QStringLiteral("connect %1 to network %2").arg(container, network),
               {kDocker, QStringLiteral("network"), QStringLiteral("connect"), network, container}, 30000);
}

PlannedCommand networkInspect(const QString &network)
{
    return cmd(QStringLiteral("network"), QStringLiteral("look up network %1").arg(network),
               {kDocker, QStringLiteral("network"), QStringLiteral("inspect"), QStringLiteral("--format"),
                QStringLiteral("{{.Driver}}"), network},
               30000);
}

PlannedCommand networkCreate(const QString &network, bool overlay)
{
    QStringList argv{kDocker, QStringLiteral("network"), QStringLiteral("create")};
    if (overlay)
        argv << QStringLiteral("--driver") << QStringLiteral("overlay") << QStringLiteral("--attachable");
    argv << network;
    return cmd(QStringLiteral("network"), QStringLiteral("create network %1").arg(network), argv, 60000);
}

PlannedCommand containerLogs(const QString &name, const LogOptions &o)
{
    const QString tail = o.tail < 0 ? QStringLiteral("all") : QString::number(o.tail);
    QStringList argv{kDocker, QStringLiteral("logs"), QStringLiteral("--tail"), tail};
    if (!o.since.isEmpty())
        argv << QStringLiteral("--since") << o.since;
    if (o.timestamps)
        argv << QStringLiteral("--timestamps");
    if (o.follow)
        argv << QStringLiteral("--follow");
    argv << name;
    return cmd(QStringLiteral("logs"), QStringLiteral("logs of %1").arg(name), argv, o.follow ? 0 : 60000);
}

PlannedCommand containerStartEvents(const QString &filter, const QString &since)
{
    return cmd(QStringLiteral("logs"), QStringLiteral("watch the containers that start"),
               {kDocker, QStringLiteral("events"), QStringLiteral("--filter"), QStringLiteral("type=container"),
                QStringLiteral("--filter"), QStringLiteral("event=start"), QStringLiteral("--filter"), filter,
                QStringLiteral("--since"), since, QStringLiteral("--format"), QStringLiteral("{{json .}}")},
               0);
}

PlannedCommand execIn(const QString &container, const QStringList &command, int timeoutMs, const QStringList &env)
{
    QStringList argv{kDocker, QStringLiteral("exec")};
    for (const QString &e : env)
        argv << QStringLiteral("--env") << e;
    argv << container;
    return cmd(QStringLiteral("exec"), QStringLiteral("exec in %1").arg(container), argv + command,
               timeoutMs > 0 ? timeoutMs : 300000);
}

PlannedCommand stats(const QStringList &containers)
{
    return cmd(QStringLiteral("resources"), QStringLiteral("resource usage"),
               QStringList{kDocker, QStringLiteral("stats"), QStringLiteral("--no-stream"), QStringLiteral("--format"),
                           QStringLiteral("{{json .}}")} + containers,
               60000);
}

} // namespace fleetdeck::docker
