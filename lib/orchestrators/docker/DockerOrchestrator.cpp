// DockerOrchestrator: standalone Docker through argv commands (see DockerOrchestrator.h).
#include "orchestrators/docker/DockerOrchestrator.h"

#include "core/Logging.h"
#include "orchestrators/CommandRunner.h"
#include "orchestrators/Labels.h"
#include "orchestrators/docker/ContainerLogFollower.h"
#include "orchestrators/docker/ContainerOptions.h"
#include "orchestrators/docker/DockerChecks.h"
#include "orchestrators/docker/DockerCommands.h"
#include "orchestrators/docker/DockerExec.h"
#include "orchestrators/docker/DockerStatus.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>

namespace fleetdeck {

using namespace docker;

namespace {

// The context for putting things back after a failure or a cancel: not cancellable, its own deadline.
OperationContext cleanupContext(const OperationContext &ctx)
{
    OperationContext c;
    c.onStep = ctx.onStep;
    c.deadline = QDeadlineTimer(60000);
    c.deploymentId = ctx.deploymentId;
    return c;
}

const ContainerRow *findByName(const QList<ContainerRow> &rows, const QString &name)
{
    for (const ContainerRow &r : rows)
        if (r.name == name)
            return &r;
    return nullptr;
}

} // namespace

DockerOrchestrator::DockerOrchestrator(Server server, std::shared_ptr<Transport> transport, proxy::ProxySettings proxy)
    : m_server(std::move(server)), m_transport(std::move(transport)), m_proxy(std::move(proxy))
{
}

Result<QList<ContainerRow>> DockerOrchestrator::containersOf(CommandRunner &runner, const Application &app)
{
    auto r = runner.runChecked(listContainers(labels::appFilter(app)));
    if (!r)
        return r.error();
    return parseContainerList(r->stdoutData);
}

Status DockerOrchestrator::ensureNetworks(CommandRunner &runner, const Application &app)
{
    for (const QString &net : networksOf(app, m_proxy)) {
        auto r = runner.run(networkInspect(net));
        if (!r)
            return r.error();
        if (r->succeeded())
            continue;
        if (isEngineDown(r->stderrData))
            return engineError(*r, QStringLiteral("look up network %1").arg(net), runner.where());
        auto c = runner.runChecked(networkCreate(net, false));
        if (!c && !c.error().detail.contains(QLatin1String("already exists")))
            return c.error();
    }
    return {};
}

Result<DeployPlan> DockerOrchestrator::plan(const Application &app, const OperationContext &ctx)
{
    const int n = desiredReplicas(app);
    if (auto s = checkReplicas(app, n); !s)
        return s.error();
    CommandRunner runner(m_transport, ctx);
    auto steps = rolloutSteps(runner, app, app.image, false);
    if (!steps)
        return steps.error();
    DeployPlan plan;
    plan.orchestrator = Orchestrator::None;
    plan.target = app.name;
    plan.action = steps->replacesSome ? PlanAction::Replace : PlanAction::Create;
    plan.commands = steps->networks;
    for (const ReplicaSteps &r : steps->replicas) {
        plan.commands << r.setAside << r.start;
        if (r.removeOld)
            plan.commands << *r.removeOld;
    }
    if (steps->removeExtra)
        plan.commands << *steps->removeExtra;
    const bool stopFirst = publishesPorts(app);
    const bool replaces = steps->replacesSome;
    if (stopFirst && replaces)
        plan.notes << QStringLiteral("the application publishes host port %1, so each old container stops before its "
                                     "replacement starts (a short interruption); it is started again if the new one fails")
                          .arg(app.ports.first());
    else if (replaces)
        plan.notes << QStringLiteral("each new container must be running (and healthy, with a health check) before the old one is removed");
    if (!app.cpuReservation.isEmpty())
        plan.notes << QStringLiteral("the CPU reservation applies to Swarm and Kubernetes only; standalone Docker ignores it");
    if (ctx.deploymentId == 0)
        plan.notes << QStringLiteral("a deploy also labels every container with its deployment id (fleetdeck.deployment)");
    return plan;
}

Status DockerOrchestrator::waitReady(CommandRunner &runner, const QString &name)
{
    // The polls themselves stay out of the step log: only the outcome is noted.
    OperationContext quietCtx = runner.context();
    quietCtx.onStep = nullptr;
    CommandRunner quiet(runner.transportPtr(), quietCtx);
    // A container that runs without a health check is given a moment, so that one exiting at once is caught.
    int stableRunningPolls = 0;
    for (;;) {
        if (auto s = runner.checkpoint(QStringLiteral("waiting for %1 to become ready").arg(name)); !s)
            return s;
        auto r = quiet.runChecked(inspectState(name), CommandRunner::Output::Omit);
        if (!r)
            return r.error();
        auto state = parseContainerState(r->stdoutData);
        if (!state)
            return state.error();
        const QString why = notReadyReason(*state);
        if (!why.isEmpty()) {
            runner.note(QStringLiteral("wait"), QStringLiteral("%1 did not become ready: %2").arg(name, why));
            return Error::make(ErrorKind::RemoteFailed, QStringLiteral("%1 did not become ready: %2").arg(name, why));
        }
        if (state->running && state->health == QLatin1String("healthy")) {
            runner.note(QStringLiteral("wait"), QStringLiteral("%1 is running and healthy").arg(name));
            return {};
        }
        if (state->running && state->health.isEmpty() && ++stableRunningPolls >= 2) {
            runner.note(QStringLiteral("wait"), QStringLiteral("%1 is running").arg(name));
            return {};
        }
        if (auto s = runner.pause(pollIntervalMs, QStringLiteral("waiting for %1 to become ready").arg(name)); !s)
            return s;
    }
}

Result<DockerOrchestrator::ReplicaSteps> DockerOrchestrator::replicaSteps(const Application &app, int slot, const QString &image,
                                                                          const ContainerRow *old, qint64 deploymentId) const
{
    ReplicaSteps r;
    r.name = containerName(app, slot);
    r.aside = replacedName(app, slot, deploymentId);
    if (old) {
        r.setAside << renameContainer(r.name, r.aside);
        // A host port is held by one container at a time: the old one stops before the new one starts.
        if (publishesPorts(app) && old->state == QLatin1String("running")) {
            r.setAside << stopContainers({r.aside});
            r.stopsOld = true;
        }
        r.removeOld = removeContainers({r.aside});
    }
    auto create = createContainer(app, CreateSpec{r.name, slot, image, deploymentId}, m_proxy);
    if (!create)
        return create.error();
    r.start << *create;
    const QStringList nets = networksOf(app, m_proxy);
    for (qsizetype i = 1; i < nets.size(); ++i)
        r.start << networkConnect(nets.at(i), r.name);
    r.start << startContainer(r.name);
    return r;
}

Result<DockerOrchestrator::RolloutSteps> DockerOrchestrator::rolloutSteps(CommandRunner &runner, const Application &app,
                                                                          const QString &image, bool onlyExisting)
{
    const int n = desiredReplicas(app);
    auto rows = containersOf(runner, app);
    if (!rows)
        return rows.error();
    if (onlyExisting && rows->isEmpty())
        return Error::make(ErrorKind::NotFound, QStringLiteral("%1 has no containers on %2 to restart: deploy it first")
                                                    .arg(app.name, runner.where()));
    RolloutSteps steps;
    for (const QString &net : networksOf(app, m_proxy)) {
        auto r = runner.run(networkInspect(net));
        if (!r)
            return r.error();
        if (r->succeeded())
            continue;
        if (isEngineDown(r->stderrData))
            return engineError(*r, QStringLiteral("look up network %1").arg(net), runner.where());
        PlannedCommand create = networkCreate(net, false);
        create.alreadyDoneWhen = QStringLiteral("already exists");   // a concurrent deploy made it meanwhile
        steps.networks << create;
    }
    QList<int> replicaSlots;
    if (onlyExisting) {
        for (const ContainerRow &r : *rows)
            if (int slot = slotOf(app, r.name); slot > 0)
                replicaSlots << slot;
        std::sort(replicaSlots.begin(), replicaSlots.end());
    } else {
        for (int slot = 1; slot <= n; ++slot)
            replicaSlots << slot;
    }
    for (int slot : replicaSlots) {
        const ContainerRow *old = findByName(*rows, containerName(app, slot));
        // A restart keeps each replica's image; a deploy brings the application's.
        auto r = replicaSteps(app, slot, onlyExisting && old ? old->image : image, old, runner.context().deploymentId);
        if (!r)
            return r.error();
        steps.replacesSome = steps.replacesSome || old;
        steps.replicas << *r;
    }
    if (!onlyExisting) {
        QStringList extra;
        for (const ContainerRow &r : *rows) {
            const int slot = slotOf(app, r.name);
            if (slot == 0 || slot > n)
                extra << r.name;
        }
        if (!extra.isEmpty())
            steps.removeExtra = removeContainers(extra);
    }
    return steps;
}

Status DockerOrchestrator::replaceReplica(CommandRunner &runner, const ReplicaSteps &steps, bool wait)
{
    if (auto s = runner.runSteps(steps.setAside); !s)
        return s;
    Status result = runner.runSteps(steps.start);
    if (result && wait)
        result = waitReady(runner, steps.name);
    if (!result) {
        // Put things back as they were: the failed replacement goes, the old container returns.
        CommandRunner cleanup(m_transport, cleanupContext(runner.context()));
        if (!isEngineDown(result.error().detail.toUtf8()) && !result.error().message.contains(QLatin1String("not answering"))) {
            // Keep the last lines of the failed container in the log: they usually say why.
            LogOptions tail;
            tail.tail = 20;
            (void)cleanup.run(containerLogs(steps.name, tail));
            (void)cleanup.run(removeContainers({steps.name}));
            if (steps.removeOld) {
                (void)cleanup.run(renameContainer(steps.aside, steps.name));
                if (steps.stopsOld)
                    (void)cleanup.run(startContainer(steps.name));
            }
        }
        if (steps.removeOld)
            cleanup.note(QStringLiteral("replace"), QStringLiteral("%1: the previous container was kept").arg(steps.name));
        return result;
    }
    if (steps.removeOld)
        if (auto r = runner.runChecked(*steps.removeOld); !r)
            return r.error();
    return {};
}

Result<int> DockerOrchestrator::rollout(const Application &app, const QString &image, const OperationContext &ctx, bool onlyExisting)
{
    CommandRunner runner(m_transport, ctx);
    auto steps = rolloutSteps(runner, app, image, onlyExisting);
    if (!steps)
        return steps.error();
    if (auto s = runner.runSteps(steps->networks); !s)
        return s.error();
    for (const ReplicaSteps &r : steps->replicas)
        if (auto s = replaceReplica(runner, r, true); !s)
            return s.error();
    if (steps->removeExtra)
        if (auto r = runner.runChecked(*steps->removeExtra); !r)
            return r.error();
    return int(steps->replicas.size());
}

namespace {
DeployOutcome outcomeOf(const Application &app, PlanAction action, const QString &image, int desired, bool converged)
{
    DeployOutcome out;
    out.target = app.name;
    out.action = action;
    out.image = image;
    out.desired = desired;
    out.converged = converged;
    out.appliedAtMs = QDateTime::currentMSecsSinceEpoch();
    return out;
}
} // namespace

Result<DeployOutcome> DockerOrchestrator::deploy(const Application &app, const OperationContext &ctx)
{
    const int n = desiredReplicas(app);
    if (auto s = checkReplicas(app, n); !s)
        return s.error();
    if (auto s = checkSecretEnv(app.env); !s)
        return s.error();
    auto done = rollout(app, app.image, ctx, false);
    if (!done)
        return done.error();
    return outcomeOf(app, PlanAction::Replace, app.image, n, true);
}

Result<RolloutProgress> DockerOrchestrator::checkRollout(const Application &app, const DeployOutcome &outcome,
                                                         const OperationContext &ctx)
{
    auto st = status(app, ctx);
    if (!st)
        return st.error();
    return judgeStandaloneRollout(*st, outcome.desired);
}

Result<DeployOutcome> DockerOrchestrator::scale(const Application &app, int replicas, const OperationContext &ctx)
{
    if (replicas < 0)
        return Error::invalid(QStringLiteral("replicas"), QStringLiteral("cannot be negative"));
    if (auto s = checkReplicas(app, replicas); !s)
        return s.error();
    CommandRunner runner(m_transport, ctx);
    auto rows = containersOf(runner, app);
    if (!rows)
        return rows.error();
    // New replicas copy the running ones (image and deployment), not whatever was edited since.
    QString image = app.image;
    qint64 deploymentId = ctx.deploymentId;
    int templateSlot = 0;
    for (const ContainerRow &r : *rows) {
        const int slot = slotOf(app, r.name);
        if (slot > 0 && (templateSlot == 0 || slot < templateSlot)) {
            templateSlot = slot;
            image = r.image;
            deploymentId = r.labels.value(labels::deployment()).toLongLong();
        }
    }
    QStringList extra;
    for (const ContainerRow &r : *rows) {
        const int slot = slotOf(app, r.name);
        if (slot == 0 || slot > replicas)
            extra << r.name;
    }
    if (!extra.isEmpty()) {
        if (auto r = runner.runChecked(stopContainers(extra)); !r)
            return r.error();
        if (auto r = runner.runChecked(removeContainers(extra)); !r)
            return r.error();
    }
    if (replicas > 0)
        if (auto s = ensureNetworks(runner, app); !s)
            return s.error();
    OperationContext sub = ctx;
    sub.deploymentId = deploymentId;
    CommandRunner creator(m_transport, sub);
    for (int slot = 1; slot <= replicas; ++slot) {
        const ContainerRow *existing = findByName(*rows, containerName(app, slot));
        if (existing) {
            if (existing->state != QLatin1String("running"))
                if (auto r = runner.runChecked(startContainer(existing->name)); !r)
                    return r.error();
            continue;
        }
        auto steps = replicaSteps(app, slot, image, nullptr, sub.deploymentId);
        if (!steps)
            return steps.error();
        if (auto s = replaceReplica(creator, *steps, false); !s)
            return s.error();
    }
    return outcomeOf(app, PlanAction::Scale, image, replicas, false);
}

Result<DeployOutcome> DockerOrchestrator::stop(const Application &app, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto rows = containersOf(runner, app);
    if (!rows)
        return rows.error();
    QStringList names;
    for (const ContainerRow &r : *rows)
        names << r.name;
    if (!names.isEmpty()) {
        if (auto r = runner.runChecked(stopContainers(names)); !r)
            return r.error();
        if (auto r = runner.runChecked(removeContainers(names)); !r)
            return r.error();
    }
    return outcomeOf(app, PlanAction::Stop, QString(), 0, true);
}

Result<DeployOutcome> DockerOrchestrator::restart(const Application &app, const OperationContext &ctx)
{
    auto n = rollout(app, app.image, ctx, true);
    if (!n)
        return n.error();
    return outcomeOf(app, PlanAction::Restart, QString(), *n, true);
}

Result<DeployOutcome> DockerOrchestrator::rollback(const Application &app, const QString &previousImage, const OperationContext &ctx)
{
    if (previousImage.isEmpty())
        return Error::make(ErrorKind::NotFound,
                           QStringLiteral("%1 has no earlier successful deployment to roll back to").arg(app.name));
    Application previous = app;
    previous.image = previousImage;
    if (auto s = checkReplicas(previous, desiredReplicas(previous)); !s)
        return s.error();
    auto n = rollout(previous, previousImage, ctx, false);
    if (!n)
        return n.error();
    return outcomeOf(app, PlanAction::Rollback, previousImage, *n, true);
}

Result<AppStatus> DockerOrchestrator::status(const Application &app, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto rows = containersOf(runner, app);
    if (!rows)
        return rows.error();
    return standaloneStatus(app, *rows);
}

Result<QList<AppStatus>> DockerOrchestrator::statusAll(const QList<Application> &apps, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto r = runner.runChecked(listContainers(labels::managedFilter()));
    if (!r)
        return r.error();
    auto rows = parseContainerList(r->stdoutData);
    if (!rows)
        return rows.error();
    QList<AppStatus> out;
    out.reserve(apps.size());
    for (const Application &app : apps)
        out.append(standaloneStatus(app, *rows));
    return out;
}

Result<QList<LogLine>> DockerOrchestrator::logs(const Application &app, const LogOptions &options, const OperationContext &ctx)
{
    auto st = status(app, ctx);
    if (!st)
        return st.error();
    CommandRunner runner(m_transport, ctx);
    QList<LogLine> out;
    LogOptions o = options;
    o.follow = false;
    for (const ReplicaStatus &r : st->replicas) {
        if (!r.current)
            continue;
        auto res = runner.runChecked(containerLogs(r.name, o), CommandRunner::Output::Omit);
        if (!res)
            return res.error();
        for (const QByteArray &l : res->stdoutData.split('\n'))
            if (!l.isEmpty())
                out.append(parseContainerLogLine(l, o.timestamps, r.name, StreamChannel::Stdout));
        for (const QByteArray &l : res->stderrData.split('\n'))
            if (!l.isEmpty())
                out.append(parseContainerLogLine(l, o.timestamps, r.name, StreamChannel::Stderr));
    }
    if (o.timestamps)
        std::stable_sort(out.begin(), out.end(), [](const LogLine &a, const LogLine &b) { return a.timestamp < b.timestamp; });
    return out;
}

Result<std::unique_ptr<LogStream>> DockerOrchestrator::followLogs(const Application &app, const LogOptions &options,
                                                                  const OperationContext &ctx)
{
    QElapsedTimer sinceQuery;
    sinceQuery.start();
    CommandRunner runner(m_transport, ctx);
    auto rows = containersOf(runner, app);
    if (!rows)
        return rows.error();
    QList<ContainerLogFollower::Container> initial;
    for (const ContainerRow &r : *rows)
        if (slotOf(app, r.name) > 0)
            initial.append({r.id, r.name});
    if (initial.isEmpty())
        return Error::make(ErrorKind::NotFound, QStringLiteral("%1 has no containers to follow").arg(app.name));
    std::sort(initial.begin(), initial.end(), [&](const auto &a, const auto &b) { return slotOf(app, a.name) < slotOf(app, b.name); });
    // The events are replayed from a little before the query (reckoned by the server's clock), so a
    // container started in between is not missed; the ones already followed are known by ID.
    const QString eventsSince = QStringLiteral("%1s").arg(sinceQuery.elapsed() / 1000 + 5);
    auto follower = std::make_unique<ContainerLogFollower>(m_transport, app, options, initial, eventsSince);
    follower->start();
    auto stream = std::make_unique<LogStream>();
    stream->setReplicaCount(int(initial.size()));
    const bool timestamps = options.timestamps;
    stream->addSource(std::move(follower), [timestamps](const StreamLine &line) {
        return ContainerLogFollower::parseLine(line, timestamps);
    });
    return stream;
}

const ContainerRow *DockerOrchestrator::pickReplica(const Application &app, const QList<ContainerRow> &rows,
                                                    const QString &choice, QString *error) const
{
    QList<const ContainerRow *> current;
    for (const ContainerRow &r : rows)
        if (slotOf(app, r.name) > 0)
            current << &r;
    std::sort(current.begin(), current.end(),
              [&](const ContainerRow *a, const ContainerRow *b) { return slotOf(app, a->name) < slotOf(app, b->name); });
    if (choice.isEmpty()) {
        for (const ContainerRow *r : current)
            if (r->state == QLatin1String("running"))
                return r;
        *error = QStringLiteral("%1 has no running replica").arg(app.name);
        return nullptr;
    }
    bool isNumber = false;
    const int slot = choice.toInt(&isNumber);
    for (const ContainerRow *r : current) {
        if ((isNumber && slotOf(app, r->name) == slot) || r->name == choice || (choice.size() >= 4 && r->id.startsWith(choice)))
            return r;
    }
    *error = QStringLiteral("%1 has no replica %2").arg(app.name, choice);
    return nullptr;
}

Result<ExecTarget> DockerOrchestrator::execTarget(CommandRunner &runner, const Application &app, const ExecRequest &request)
{
    if (request.argv.isEmpty())
        return Error::invalid(QStringLiteral("command"), QStringLiteral("is required: the command to run in the replica"));
    auto rows = containersOf(runner, app);
    if (!rows)
        return rows.error();
    QString why;
    const ContainerRow *target = pickReplica(app, *rows, request.replica, &why);
    if (!target)
        return Error::make(ErrorKind::NotFound, why);
    if (target->state != QLatin1String("running"))
        return Error::make(ErrorKind::Invalid, QStringLiteral("replica %1 is not running (%2)").arg(target->name, target->status));
    return ExecTarget{target->name, target->name};
}

Result<CommandResult> DockerOrchestrator::exec(const Application &app, const ExecRequest &request, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto target = execTarget(runner, app, request);
    if (!target)
        return target.error();
    auto r = runner.run(execIn(target->container, request.argv, request.timeoutMs), CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    // The engine's own failures (not the command's exit code) are errors.
    if (r->exitCode != 0 && (isEngineDown(r->stderrData) || r->stderrData.startsWith("Error response from daemon")))
        return engineError(*r, QStringLiteral("exec in %1").arg(target->replica), runner.where());
    return r;
}

Result<std::unique_ptr<RemoteStream>> DockerOrchestrator::execStream(const Application &app, const ExecRequest &request,
                                                                     const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto target = execTarget(runner, app, request);
    if (!target)
        return target.error();
    return streamExec(m_transport, *target, request.argv, runner.where());
}

Result<QList<ResourceUsage>> DockerOrchestrator::resources(const Application &app, const OperationContext &ctx)
{
    CommandRunner runner(m_transport, ctx);
    auto rows = containersOf(runner, app);
    if (!rows)
        return rows.error();
    QStringList names;
    for (const ContainerRow &r : *rows)
        if (slotOf(app, r.name) > 0 && r.state == QLatin1String("running"))
            names << r.name;
    if (names.isEmpty())
        return QList<ResourceUsage>{};
    std::sort(names.begin(), names.end());
    auto r = runner.runChecked(stats(names));
    if (!r)
        return r.error();
    auto usage = parseStats(r->stdoutData);
    if (!usage)
        return usage.error();
    for (ResourceUsage &u : *usage)
        u.node = m_server.name;
    return usage;
}

Result<checks::ConnectionReport> DockerOrchestrator::testConnection(const CancelToken &cancel)
{
    return checks::testDocker(*m_transport, cancel);
}

} // namespace fleetdeck
