// SwarmOrchestrator: Docker Swarm through argv commands (see SwarmOrchestrator.h).
#include "orchestrators/swarm/SwarmOrchestrator.h"

#include "orchestrators/CommandRunner.h"
#include "orchestrators/Labels.h"
#include "orchestrators/docker/DockerCommands.h"
#include "orchestrators/docker/DockerExec.h"
#include "orchestrators/swarm/SwarmChecks.h"

#include <QDateTime>

#include <algorithm>

namespace fleetdeck {

using namespace swarm;

SwarmOrchestrator::SwarmOrchestrator(Server server, std::shared_ptr<Transport> transport, proxy::ProxySettings proxy)
    : m_server(std::move(server)), m_transport(std::move(transport))
{
    m_options.publishMode = m_server.settings.swarmPublishMode == QLatin1String("host") ? QStringLiteral("host")
                                                                                      : QStringLiteral("ingress");
    m_options.proxy = std::move(proxy);
    m_options.proxy.publishMode = m_options.publishMode;
}

Result<docker::SwarmInfo> SwarmOrchestrator::detect(const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto r = runner.runChecked(swarmInfo(), CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    return docker::parseSwarmInfo(r->stdoutData);
}

Status SwarmOrchestrator::ensureManager(CommandRunner &runner)
{
    auto r = runner.runChecked(swarmInfo(), CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    auto info = docker::parseSwarmInfo(r->stdoutData);
    if (!info)
        return info.error();
    if (info->localNodeState != QLatin1String("active"))
        return Error::make(ErrorKind::NotSupported,
                           QStringLiteral("%1 is not part of a swarm (its engine says \"%2\"): run `docker swarm init` there, "
                                          "or set the server's orchestrator to standalone Docker")
                               .arg(runner.where(), info->localNodeState));
    if (!info->controlAvailable)
        return Error::make(ErrorKind::NotSupported,
                           QStringLiteral("%1 is a swarm worker: services are managed from a manager node, so add the "
                                          "manager as the server of this application").arg(runner.where()));
    return {};
}

Result<std::optional<ServiceSpec>> SwarmOrchestrator::currentService(CommandRunner &runner, const Application &app)
{
    auto r = runner.run(inspectService(app.name), CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    if (!r->succeeded()) {
        if (r->stderrData.contains("no such service") || r->stderrData.contains("No such service"))
            return std::optional<ServiceSpec>{};
        return docker::engineError(*r, QStringLiteral("inspect service %1").arg(app.name), runner.where());
    }
    auto specs = parseServiceInspect(r->stdoutData);
    if (!specs)
        return specs.error();
    if (specs->isEmpty())
        return std::optional<ServiceSpec>{};
    const ServiceSpec &s = specs->first();
    if (s.labels.value(labels::app()) != app.uuid)
        return Error::make(ErrorKind::Conflict,
                           QStringLiteral("a service named %1 already runs on %2 and is not this application's: rename "
                                          "the application or remove that service").arg(app.name, runner.where()));
    return std::optional<ServiceSpec>(s);
}

Result<ServiceSpec> SwarmOrchestrator::existingService(CommandRunner &runner, const Application &app)
{
    auto current = currentService(runner, app);
    if (!current)
        return current.error();
    if (!current->has_value())
        return Error::make(ErrorKind::NotFound, QStringLiteral("%1 has no service on %2: deploy it first").arg(app.name, runner.where()));
    return **current;
}

Result<QList<PlannedCommand>> SwarmOrchestrator::networkCommands(CommandRunner &runner, const Application &app)
{
    QList<PlannedCommand> out;
    for (const QString &net : desiredNetworks(app, m_options)) {
        auto r = runner.run(docker::networkInspect(net));
        if (!r)
            return r.error();
        if (r->succeeded())
            continue;
        if (docker::isEngineDown(r->stderrData))
            return docker::engineError(*r, QStringLiteral("look up network %1").arg(net), runner.where());
        out << docker::networkCreate(net, true);
    }
    return out;
}

DeployOutcome SwarmOrchestrator::outcomeOf(const Application &app, PlanAction action, const ServiceSpec *before, int desired) const
{
    DeployOutcome out;
    out.target = app.name;
    out.action = action;
    out.image = app.image;
    out.desired = desired;
    out.rolloutMarker = before ? before->update.startedAt : QString();
    out.appliedAtMs = QDateTime::currentMSecsSinceEpoch();
    return out;
}

Result<SwarmOrchestrator::DeploySteps> SwarmOrchestrator::deploySteps(CommandRunner &runner, const Application &app,
                                                                      const OperationContext &ctx)
{
    if (auto s = ensureManager(runner); !s)
        return s.error();
    auto current = currentService(runner, app);
    if (!current)
        return current.error();
    auto nets = networkCommands(runner, app);
    if (!nets)
        return nets.error();
    DeploySteps steps;
    steps.before = *current;
    DeployPlan &plan = steps.plan;
    plan.orchestrator = Orchestrator::Swarm;
    plan.target = app.name;
    for (PlannedCommand c : *nets) {
        c.alreadyDoneWhen = QStringLiteral("already exists");   // a concurrent deploy made it meanwhile
        plan.commands << c;
    }
    plan.action = current->has_value() ? PlanAction::Update : PlanAction::Create;
    auto service = current->has_value() ? updateService(app, **current, app.image, ctx.deploymentId, m_options)
                                        : createService(app, app.image, ctx.deploymentId, m_options);
    if (!service)
        return service.error();
    plan.commands << *service;
    return steps;
}

Result<DeployPlan> SwarmOrchestrator::plan(const Application &app, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto steps = deploySteps(runner, app, ctx);
    if (!steps)
        return steps.error();
    DeployPlan plan = steps->plan;
    const QString order = updateOrder(app, m_options);
    plan.notes << QStringLiteral("updates run %1 and roll back automatically when a new task fails").arg(order);
    if (order == QLatin1String("stop-first"))
        plan.notes << QStringLiteral("host-mode published ports cannot be held by two tasks on one node, so each old task stops first");
    if (ctx.deploymentId == 0)
        plan.notes << QStringLiteral("a deploy also labels the service and its containers with the deployment id");
    return plan;
}

Result<DeployOutcome> SwarmOrchestrator::deploy(const Application &app, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto steps = deploySteps(runner, app, ctx);
    if (!steps)
        return steps.error();
    if (auto s = runner.runSteps(steps->plan.commands); !s)
        return s.error();
    const ServiceSpec *before = steps->before ? &*steps->before : nullptr;
    return outcomeOf(app, steps->plan.action, before, app.swarmReplicas);
}

Result<Snapshot> SwarmOrchestrator::snapshotOf(CommandRunner &runner, const QString &filter)
{
    auto r = runner.runChecked(snapshot(filter), CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    return parseSnapshot(r->stdoutData);
}

Result<RolloutProgress> SwarmOrchestrator::checkRollout(const Application &app, const DeployOutcome &outcome,
                                                        const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto snap = snapshotOf(runner, labels::appFilter(app));
    if (!snap)
        return snap.error();
    const AppStatus st = statusOf(app, *snap);
    const ServiceSpec *service = nullptr;
    for (const ServiceSpec &s : snap->services)
        if (s.labels.value(labels::app()) == app.uuid)
            service = &s;
    const qint64 elapsed = outcome.appliedAtMs > 0 ? QDateTime::currentMSecsSinceEpoch() - outcome.appliedAtMs : 0;
    RolloutProgress progress = judgeRollout(st, service, outcome, elapsed);
    if (progress.phase == RolloutPhase::Failed && !progress.failedReplicaId.isEmpty()) {
        const QString why = diagnoseTask(runner, progress.failedReplicaId);
        if (!why.isEmpty())
            progress.reason += QStringLiteral("; ") + why;
    }
    return progress;
}

QString SwarmOrchestrator::diagnoseTask(CommandRunner &runner, const QString &taskId)
{
    // Best effort, on the node this server is: the task's container tells why it ended.
    PlannedCommand c;
    c.step = QStringLiteral("inspect");
    c.description = QStringLiteral("find the container of task %1").arg(taskId);
    c.command.argv = {QStringLiteral("docker"), QStringLiteral("inspect"), QStringLiteral("--format"),
                      QStringLiteral("{{.Status.ContainerStatus.ContainerID}}"), taskId};
    c.command.timeoutMs = 20000;
    auto r = runner.run(c, CommandRunner::Output::Omit);
    if (!r || !r->succeeded())
        return {};
    const QString container = QString::fromUtf8(r->stdoutData).trimmed();
    if (container.isEmpty())
        return {};
    auto s = runner.run(docker::inspectState(container), CommandRunner::Output::Omit);
    if (!s || !s->succeeded())
        return {};
    auto state = docker::parseContainerState(s->stdoutData);
    if (!state)
        return {};
    if (!state->health.isEmpty() && state->lastHealthExitCode != 0)
        return QStringLiteral("its health check failed: %1").arg(state->lastHealthOutput.isEmpty()
                                                                      ? QStringLiteral("exit code %1").arg(state->lastHealthExitCode)
                                                                      : state->lastHealthOutput);
    if (state->oomKilled)
        return QStringLiteral("it was killed: out of memory");
    if (!state->running)
        return QStringLiteral("its container exited with code %1").arg(state->exitCode);
    return {};
}

Result<DeployOutcome> SwarmOrchestrator::scale(const Application &app, int replicas, const OperationContext &ctx)
{
    if (replicas < 0)
        return Error::invalid(QStringLiteral("replicas"), QStringLiteral("cannot be negative"));
    CommandRunner runner(m_transport, ctx);
    auto service = existingService(runner, app);
    if (!service)
        return service.error();
    if (service->global)
        return Error::make(ErrorKind::NotSupported, QStringLiteral("%1 is a global service: it runs one task per node").arg(app.name));
    if (auto r = runner.runChecked(scaleService(service->name, replicas)); !r)
        return r.error();
    return outcomeOf(app, PlanAction::Scale, &*service, replicas);
}

Result<DeployOutcome> SwarmOrchestrator::stop(const Application &app, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto current = currentService(runner, app);
    if (!current)
        return current.error();
    if (!current->has_value())
        return outcomeOf(app, PlanAction::Stop, nullptr, 0);
    if (auto r = runner.runChecked(scaleService((*current)->name, 0)); !r)
        return r.error();
    return outcomeOf(app, PlanAction::Stop, &current->value(), 0);
}

Result<DeployOutcome> SwarmOrchestrator::restart(const Application &app, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto service = existingService(runner, app);
    if (!service)
        return service.error();
    if (auto r = runner.runChecked(forceUpdate(service->name)); !r)
        return r.error();
    return outcomeOf(app, PlanAction::Restart, &*service, service->replicas);
}

Result<DeployOutcome> SwarmOrchestrator::rollback(const Application &app, const QString &, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto service = existingService(runner, app);
    if (!service)
        return service.error();
    if (!service->hasPreviousSpec)
        return Error::make(ErrorKind::NotFound,
                           QStringLiteral("service %1 has no previous version to roll back to (Swarm keeps one, and "
                                          "a rollback swaps it with the current one)").arg(service->name));
    if (auto r = runner.runChecked(rollbackService(service->name)); !r)
        return r.error();
    DeployOutcome out = outcomeOf(app, PlanAction::Rollback, &*service, service->replicas);
    out.image = service->previousImage;
    return out;
}

Result<AppStatus> SwarmOrchestrator::status(const Application &app, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto snap = snapshotOf(runner, labels::appFilter(app));
    if (!snap)
        return snap.error();
    return statusOf(app, *snap);
}

Result<QList<AppStatus>> SwarmOrchestrator::statusAll(const QList<Application> &apps, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto snap = snapshotOf(runner, labels::managedFilter());
    if (!snap)
        return snap.error();
    QList<AppStatus> out;
    out.reserve(apps.size());
    for (const Application &app : apps)
        out.append(statusOf(app, *snap));
    return out;
}

Result<QList<LogLine>> SwarmOrchestrator::logs(const Application &app, const LogOptions &options, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    LogOptions o = options;
    o.follow = false;
    auto r = runner.run(serviceLogs(app.name, o), CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    if (!r->succeeded())
        return docker::engineError(*r, QStringLiteral("logs of service %1").arg(app.name), runner.where());
    QList<LogLine> out;
    for (const QByteArray &l : r->stdoutData.split('\n'))
        if (!l.isEmpty())
            out.append(parseServiceLogLine(l, o.timestamps, StreamChannel::Stdout));
    for (const QByteArray &l : r->stderrData.split('\n'))
        if (!l.isEmpty())
            out.append(parseServiceLogLine(l, o.timestamps, StreamChannel::Stderr));
    if (o.timestamps)
        std::stable_sort(out.begin(), out.end(), [](const LogLine &a, const LogLine &b) { return a.timestamp < b.timestamp; });
    return out;
}

Result<std::unique_ptr<LogStream>> SwarmOrchestrator::followLogs(const Application &app, const LogOptions &options,
                                                                 const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto service = existingService(runner, app);
    if (!service)
        return service.error();
    LogOptions o = options;
    o.follow = true;
    auto stream = std::make_unique<LogStream>();
    const bool ts = o.timestamps;
    stream->addSource(m_transport->stream(serviceLogs(service->name, o).command),
                      [ts](const StreamLine &line) { return parseServiceLogLine(line.text, ts, line.channel); });
    return stream;
}

Result<ExecTarget> SwarmOrchestrator::execTarget(CommandRunner &runner, const Application &app, const ExecRequest &request)
{
    if (request.argv.isEmpty())
        return Error::invalid(QStringLiteral("command"), QStringLiteral("is required: the command to run in the replica"));
    auto r = runner.runChecked(runningTasks(app.name), CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    auto tasks = parseServicePs(r->stdoutData);
    if (!tasks)
        return tasks.error();
    std::sort(tasks->begin(), tasks->end(), [](const Task &a, const Task &b) { return a.slot < b.slot; });
    const Task *chosen = nullptr;
    bool isNumber = false;
    const int slot = request.replica.toInt(&isNumber);
    for (const Task &t : *tasks) {
        if (t.state != QLatin1String("running"))
            continue;
        if (request.replica.isEmpty() || (isNumber && t.slot == slot) || t.name == request.replica
            || (request.replica.size() >= 4 && t.id.startsWith(request.replica))) {
            chosen = &t;
            break;
        }
    }
    if (!chosen)
        return Error::make(ErrorKind::NotFound, request.replica.isEmpty()
                                                    ? QStringLiteral("%1 has no running task").arg(app.name)
                                                    : QStringLiteral("%1 has no running replica %2").arg(app.name, request.replica));
    auto c = runner.runChecked(localTaskContainers(app.name), CommandRunner::Output::Omit);
    if (!c)
        return c.error();
    auto rows = docker::parseContainerList(c->stdoutData);
    if (!rows)
        return rows.error();
    QString container;
    for (const docker::ContainerRow &row : *rows)
        if (row.labels.value(QStringLiteral("com.docker.swarm.task.id")) == chosen->id)
            container = row.id;
    if (container.isEmpty())
        return Error::make(ErrorKind::NotSupported,
                           QStringLiteral("replica %1 runs on node %2, not on %3: add that node as a server to run "
                                          "commands in its containers").arg(chosen->name, chosen->node, runner.where()));
    return ExecTarget{container, chosen->name};
}

Result<CommandResult> SwarmOrchestrator::exec(const Application &app, const ExecRequest &request, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto target = execTarget(runner, app, request);
    if (!target)
        return target.error();
    auto e = runner.run(docker::execIn(target->container, request.argv, request.timeoutMs), CommandRunner::Output::Omit);
    if (!e)
        return e.error();
    if (e->exitCode != 0 && (docker::isEngineDown(e->stderrData) || e->stderrData.startsWith("Error response from daemon")))
        return docker::engineError(*e, QStringLiteral("exec in %1").arg(target->replica), runner.where());
    return e;
}

Result<std::unique_ptr<RemoteStream>> SwarmOrchestrator::execStream(const Application &app, const ExecRequest &request,
                                                                    const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto target = execTarget(runner, app, request);
    if (!target)
        return target.error();
    return docker::streamExec(m_transport, *target, request.argv, runner.where());
}

Result<QList<ResourceUsage>> SwarmOrchestrator::resources(const Application &app, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto c = runner.runChecked(localTaskContainers(app.name), CommandRunner::Output::Omit);
    if (!c)
        return c.error();
    auto rows = docker::parseContainerList(c->stdoutData);
    if (!rows)
        return rows.error();
    QStringList names;
    QHash<QString, QString> taskName;
    for (const docker::ContainerRow &row : *rows) {
        if (row.state != QLatin1String("running"))
            continue;
        names << row.name;
        // "web.2.<task id>" -> "web.2"
        taskName.insert(row.name, row.name.section(QLatin1Char('.'), 0, 1));
    }
    if (names.isEmpty())
        return QList<ResourceUsage>{};
    std::sort(names.begin(), names.end());
    auto r = runner.runChecked(docker::stats(names));
    if (!r)
        return r.error();
    auto usage = docker::parseStats(r->stdoutData);
    if (!usage)
        return usage.error();
    for (ResourceUsage &u : *usage) {
        u.replica = taskName.value(u.replica, u.replica);
        u.node = m_server.name;
    }
    return usage;
}

Result<checks::ConnectionReport> SwarmOrchestrator::testConnection(const CancelToken &cancel)
{
    return checks::testSwarm(*m_transport, m_server.settings, cancel);
}

} // namespace fleetdeck
