// Parsers of Docker Swarm output and the judgements made on it (see SwarmParsers.h).
#include "orchestrators/swarm/SwarmParsers.h"

#include "orchestrators/Labels.h"
#include "orchestrators/docker/DockerParsers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace fleetdeck::swarm {

namespace {

QHash<QString, QString> stringMap(const QJsonValue &v)
{
    QHash<QString, QString> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

QString stripDigest(const QString &image)
{
    const qsizetype at = image.indexOf(QLatin1Char('@'));
    return at < 0 ? image : image.left(at);
}

bool isSchedulingError(const QString &error)
{
    return error.contains(QLatin1String("no suitable node"));
}

// Placement failures that no amount of waiting fixes (unlike "host-mode port already in use", which
// clears once the old task has stopped during a stop-first update).
bool isHardSchedulingError(const QString &error)
{
    return isSchedulingError(error)
        && (error.contains(QLatin1String("constraints not satisfied")) || error.contains(QLatin1String("platform"))
            || error.contains(QLatin1String("insufficient resources")));
}

} // namespace

QStringList ServiceSpec::envKeys() const
{
    QStringList keys;
    for (const QString &e : env)
        keys.append(e.section(QLatin1Char('='), 0, 0));
    return keys;
}

Result<ServiceSpec> parseServiceObject(const QJsonObject &o)
{
    ServiceSpec s;
    s.id = o.value(QLatin1String("ID")).toString();
    const QJsonObject spec = o.value(QLatin1String("Spec")).toObject();
    s.name = spec.value(QLatin1String("Name")).toString();
    if (s.id.isEmpty() || s.name.isEmpty())
        return Error::make(ErrorKind::ParseFailed, QStringLiteral("docker service inspect printed a service without ID or name"));
    s.labels = stringMap(spec.value(QLatin1String("Labels")));
    const QJsonObject task = spec.value(QLatin1String("TaskTemplate")).toObject();
    const QJsonObject container = task.value(QLatin1String("ContainerSpec")).toObject();
    s.image = stripDigest(container.value(QLatin1String("Image")).toString());
    s.containerLabels = stringMap(container.value(QLatin1String("Labels")));
    s.env = stringList(container.value(QLatin1String("Env")));
    const QJsonObject health = container.value(QLatin1String("Healthcheck")).toObject();
    s.healthTest = stringList(health.value(QLatin1String("Test")));
    s.healthIntervalNs = qint64(health.value(QLatin1String("Interval")).toDouble());
    s.healthTimeoutNs = qint64(health.value(QLatin1String("Timeout")).toDouble());
    s.healthRetries = health.value(QLatin1String("Retries")).toInt();
    s.healthStartPeriodNs = qint64(health.value(QLatin1String("StartPeriod")).toDouble());
    const QJsonObject resources = task.value(QLatin1String("Resources")).toObject();
    const QJsonObject limits = resources.value(QLatin1String("Limits")).toObject();
    const QJsonObject reservations = resources.value(QLatin1String("Reservations")).toObject();
    s.limitNanoCpus = qint64(limits.value(QLatin1String("NanoCPUs")).toDouble());
    s.limitMemoryBytes = qint64(limits.value(QLatin1String("MemoryBytes")).toDouble());
    s.reserveNanoCpus = qint64(reservations.value(QLatin1String("NanoCPUs")).toDouble());
    s.reserveMemoryBytes = qint64(reservations.value(QLatin1String("MemoryBytes")).toDouble());
    s.restartCondition = task.value(QLatin1String("RestartPolicy")).toObject().value(QLatin1String("Condition")).toString();
    s.constraints = stringList(task.value(QLatin1String("Placement")).toObject().value(QLatin1String("Constraints")));
    const QJsonObject mode = spec.value(QLatin1String("Mode")).toObject();
    s.global = mode.contains(QLatin1String("Global"));
    s.replicas = mode.value(QLatin1String("Replicated")).toObject().value(QLatin1String("Replicas")).toInt();
    const QJsonObject update = spec.value(QLatin1String("UpdateConfig")).toObject();
    s.updateOrder = update.value(QLatin1String("Order")).toString();
    s.updateFailureAction = update.value(QLatin1String("FailureAction")).toString();
    for (const QJsonValue &pv : spec.value(QLatin1String("EndpointSpec")).toObject().value(QLatin1String("Ports")).toArray()) {
        const QJsonObject p = pv.toObject();
        PortSpec port;
        port.target = p.value(QLatin1String("TargetPort")).toInt();
        port.published = p.value(QLatin1String("PublishedPort")).toInt();
        port.protocol = p.value(QLatin1String("Protocol")).toString(QStringLiteral("tcp"));
        port.mode = p.value(QLatin1String("PublishMode")).toString(QStringLiteral("ingress"));
        s.ports.append(port);
    }
    const QJsonObject previous = o.value(QLatin1String("PreviousSpec")).toObject();
    s.hasPreviousSpec = !previous.isEmpty();
    s.previousImage = stripDigest(previous.value(QLatin1String("TaskTemplate")).toObject()
                                      .value(QLatin1String("ContainerSpec")).toObject()
                                      .value(QLatin1String("Image")).toString());
    const QJsonObject us = o.value(QLatin1String("UpdateStatus")).toObject();
    s.update.state = us.value(QLatin1String("State")).toString();
    s.update.startedAt = us.value(QLatin1String("StartedAt")).toString();
    s.update.completedAt = us.value(QLatin1String("CompletedAt")).toString();
    s.update.message = us.value(QLatin1String("Message")).toString();
    s.createdAt = o.value(QLatin1String("CreatedAt")).toString();
    s.updatedAt = o.value(QLatin1String("UpdatedAt")).toString();
    return s;
}

Result<QList<ServiceSpec>> parseServiceInspect(const QByteArray &output)
{
    // `docker service inspect` without --format prints one JSON array; with {{json .}} one object per line.
    const QByteArray trimmed = output.trimmed();
    QList<QJsonObject> objects;
    if (trimmed.startsWith('[')) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &err);
        if (err.error != QJsonParseError::NoError || !doc.isArray())
            return Error::make(ErrorKind::ParseFailed, QStringLiteral("could not read docker service inspect"), err.errorString());
        for (const QJsonValue &v : doc.array())
            objects.append(v.toObject());
    } else {
        auto lines = docker::parseJsonLines(output, QStringLiteral("docker service inspect"));
        if (!lines)
            return lines.error();
        objects = *lines;
    }
    QList<ServiceSpec> out;
    for (const QJsonObject &o : objects) {
        auto s = parseServiceObject(o);
        if (!s)
            return s.error();
        out.append(*s);
    }
    return out;
}

Result<QList<Task>> parseServicePs(const QByteArray &output)
{
    auto rows = docker::parseJsonLines(output, QStringLiteral("docker service ps"));
    if (!rows)
        return rows.error();
    QList<Task> out;
    for (const QJsonObject &o : *rows) {
        Task t;
        t.id = o.value(QLatin1String("ID")).toString();
        t.name = o.value(QLatin1String("Name")).toString().trimmed();
        // The table format prefixes history rows with "\_ "; be tolerant if a template ever does.
        if (t.name.startsWith(QLatin1String("\\_")))
            t.name = t.name.mid(2).trimmed();
        const qsizetype dot = t.name.lastIndexOf(QLatin1Char('.'));
        t.service = dot > 0 ? t.name.left(dot) : t.name;
        t.slot = dot > 0 ? t.name.mid(dot + 1).toInt() : 0;
        t.image = stripDigest(o.value(QLatin1String("Image")).toString());
        t.node = o.value(QLatin1String("Node")).toString();
        t.desiredState = o.value(QLatin1String("DesiredState")).toString().toLower();
        const docker::TaskState st = docker::parseCurrentState(o.value(QLatin1String("CurrentState")).toString());
        t.state = st.state;
        t.since = st.since;
        t.error = docker::unquoteError(o.value(QLatin1String("Error")).toString());
        t.ports = o.value(QLatin1String("Ports")).toString();
        if (t.id.isEmpty() || t.name.isEmpty())
            return Error::make(ErrorKind::ParseFailed, QStringLiteral("docker service ps printed a task without ID or name"));
        out.append(t);
    }
    return out;
}

Result<Snapshot> parseSnapshot(const QByteArray &output)
{
    const qsizetype s = output.indexOf("@@services\n");
    const qsizetype t = output.indexOf("@@tasks\n");
    if (s < 0 || t < 0 || t < s)
        return Error::make(ErrorKind::ParseFailed, QStringLiteral("the swarm status query printed no complete answer"),
                           QString::fromUtf8(output.left(300)));
    Snapshot snap;
    auto services = parseServiceInspect(output.mid(s + 11, t - s - 11));
    if (!services)
        return services.error();
    snap.services = *services;
    auto tasks = parseServicePs(output.mid(t + 8));
    if (!tasks)
        return tasks.error();
    snap.tasks = *tasks;
    return snap;
}

namespace {

const ServiceSpec *findService(const Application &app, const Snapshot &snap)
{
    for (const ServiceSpec &s : snap.services)
        if (s.labels.value(labels::app()) == app.uuid)
            return &s;
    return nullptr;
}

bool isCurrent(const Task &t)
{
    return t.desiredState != QLatin1String("shutdown") && t.desiredState != QLatin1String("remove")
        && t.desiredState != QLatin1String("orphaned");
}

} // namespace

AppStatus statusOf(const Application &app, const Snapshot &snap)
{
    AppStatus st;
    st.applicationId = app.id;
    st.application = app.name;
    st.orchestrator = Orchestrator::Swarm;
    st.target = app.name;
    const ServiceSpec *service = findService(app, snap);
    if (!service) {
        st.state = EngineState::NotDeployed;
        for (const ServiceSpec &s : snap.services)
            if (s.name == app.name)
                st.message = QStringLiteral("a service named %1 exists but Fleetdeck did not create it").arg(app.name);
        return st;
    }
    st.exists = true;
    st.target = service->name;
    st.image = service->image;
    st.updateState = service->update.state;
    st.deploymentId = service->labels.value(labels::deployment()).toLongLong();
    QList<const Task *> current;
    QString pendingError;
    QString failedError;
    QSet<QString> seenErrors;
    for (const Task &t : snap.tasks) {
        if (t.service != service->name)
            continue;
        ReplicaStatus r;
        r.id = t.id;
        r.name = t.name;
        r.slot = t.slot;
        r.node = t.node;
        r.image = t.image;
        r.state = t.state;
        r.since = t.since;
        r.error = t.error;
        r.desiredState = t.desiredState;
        r.current = isCurrent(t);
        // A task being shut down still runs (as `docker service ls` counts it) until it stopped.
        r.running = t.state == QLatin1String("running");
        if (t.state == QLatin1String("starting"))
            r.health = QStringLiteral("starting");
        st.replicas.append(r);
        if (r.current)
            current.append(&t);
        if (r.running)
            ++st.running;
        if (!t.error.isEmpty()) {
            if (!seenErrors.contains(t.error)) {
                seenErrors.insert(t.error);
                st.errors.append(t.error);
            }
            if (r.current && pendingError.isEmpty())
                pendingError = t.error;
            if (!r.current && failedError.isEmpty())
                failedError = t.error;
        }
    }
    st.desired = service->global ? int(current.size()) : service->replicas;
    const QString us = service->update.state;
    if (us == QLatin1String("updating")) {
        st.state = EngineState::Updating;
    } else if (us == QLatin1String("rollback_started")) {
        st.state = EngineState::RollingBack;
    } else if (us == QLatin1String("paused") || us == QLatin1String("rollback_paused")) {
        st.state = EngineState::Degraded;
    } else if (st.running > st.desired) {
        st.state = EngineState::Updating;   // replicas still draining after a scale-down or restart
    } else if (st.desired == 0) {
        st.state = EngineState::Stopped;
    } else if (st.running == st.desired) {
        st.state = EngineState::Running;
    } else if (st.running > 0) {
        st.state = EngineState::Degraded;
    } else if (!pendingError.isEmpty() || !failedError.isEmpty()) {
        st.state = EngineState::Failed;
    } else {
        st.state = EngineState::Starting;
    }
    if (!pendingError.isEmpty())
        st.message = pendingError;
    else if (st.running < st.desired && !failedError.isEmpty())
        st.message = failedError;
    else if (us.startsWith(QLatin1String("rollback")) || us == QLatin1String("paused"))
        st.message = service->update.message;
    return st;
}

RolloutProgress judgeRollout(const AppStatus &status, const ServiceSpec *service, const DeployOutcome &outcome,
                             qint64 elapsedMs)
{
    RolloutProgress p;
    p.status = status;
    if (!service) {
        p.phase = elapsedMs > 15000 ? RolloutPhase::Failed : RolloutPhase::InProgress;
        p.reason = QStringLiteral("the service %1 is not on the swarm").arg(outcome.target);
        return p;
    }
    const UpdateStatus &us = service->update;
    const PlanAction action = outcome.action;
    // Changes that go through Swarm's updater (and so get a new UpdateStatus) vs. plain replica changes.
    const bool viaUpdater = action == PlanAction::Update || action == PlanAction::Restart || action == PlanAction::Rollback;
    const bool isRollback = action == PlanAction::Rollback;
    const bool fresh = !us.startedAt.isEmpty() && us.startedAt != outcome.rolloutMarker;
    const QString lastError = status.errors.isEmpty() ? QString() : status.errors.first();
    auto withError = [&](QString text) {
        if (!lastError.isEmpty())
            text += QStringLiteral(" (last task error: %1)").arg(lastError);
        return text;
    };
    if (viaUpdater && !fresh && elapsedMs < 10000) {
        // An update whose spec equals the old one never starts: after a while, judge by the tasks alone.
        p.reason = QStringLiteral("waiting for Swarm to start the update");
        return p;
    }
    if (viaUpdater && fresh) {
        const bool rollingBack = us.state == QLatin1String("rollback_started");
        if (!isRollback && (rollingBack || us.state == QLatin1String("rollback_completed")
                            || us.state == QLatin1String("rollback_paused"))) {
            p.phase = RolloutPhase::Failed;
            for (const ReplicaStatus &r : status.replicas)
                if (p.failedReplicaId.isEmpty() && !r.current && r.state != QLatin1String("shutdown") && r.image == outcome.image)
                    p.failedReplicaId = r.id;
            p.reason = withError(QStringLiteral("the update failed and Swarm %1 to the previous version: %2")
                                     .arg(rollingBack ? QStringLiteral("is rolling back") : QStringLiteral("rolled back"),
                                          us.message));
            return p;
        }
        if (us.state == QLatin1String("paused") || us.state == QLatin1String("rollback_paused")) {
            p.phase = RolloutPhase::Failed;
            p.reason = withError(QStringLiteral("Swarm paused the %1: %2")
                                     .arg(isRollback ? QStringLiteral("rollback") : QStringLiteral("update"), us.message));
            return p;
        }
        if (us.state == QLatin1String("updating") || rollingBack) {
            p.reason = withError(QStringLiteral("%1: %2 of %3 replicas running")
                                     .arg(rollingBack ? QStringLiteral("rolling back") : QStringLiteral("updating"))
                                     .arg(status.running)
                                     .arg(status.desired));
            // Tasks that cannot be placed are reported below rather than waited for.
            bool blocked = false;
            for (const ReplicaStatus &r : status.replicas)
                blocked = blocked || (r.current && !r.running && isHardSchedulingError(r.error));
            if (!blocked)
                return p;
        }
    }
    // Tasks that cannot be placed never fail by themselves: report them instead of waiting for the timeout.
    QString blocked;
    for (const ReplicaStatus &r : status.replicas)
        if (blocked.isEmpty() && r.current && !r.running && isHardSchedulingError(r.error))
            blocked = r.error;
    if (!blocked.isEmpty()) {
        if (elapsedMs >= 5000) {
            p.phase = RolloutPhase::Failed;
            p.reason = QStringLiteral("Swarm cannot place the service: %1 (check the placement constraints%2)")
                           .arg(blocked, action == PlanAction::Create ? QString()
                                                                           : QStringLiteral("; the previous tasks keep running"));
        } else {
            p.reason = blocked;
        }
        return p;
    }
    // A new service has no older tasks: any task that failed is one of this deployment's, and Swarm
    // would only retry it (forever). Updates have Swarm's automatic rollback for this.
    if (action == PlanAction::Create && status.running < status.desired) {
        for (const ReplicaStatus &r : status.replicas) {
            if (r.current)
                continue;
            const bool failed = r.state == QLatin1String("failed") || r.state == QLatin1String("rejected");
            // "complete": the container ended by itself, or with exit 0 when Swarm stopped it as unhealthy.
            if (failed || r.state == QLatin1String("complete")) {
                p.phase = RolloutPhase::Failed;
                p.failedReplicaId = r.id;
                p.reason = !r.error.isEmpty()
                    ? QStringLiteral("a task of the new service failed: %1").arg(r.error)
                    : QStringLiteral("a task of the new service ended before it was ready (%1 %2)").arg(r.state, r.since);
                return p;
            }
        }
    }
    int notRunning = 0;
    for (const ReplicaStatus &r : status.replicas)
        if (r.current && !r.running)
            ++notRunning;
    if (status.running == status.desired && notRunning == 0) {
        p.phase = RolloutPhase::Converged;
        p.reason = QStringLiteral("%1 of %2 replicas running").arg(status.running).arg(status.desired);
        return p;
    }
    p.reason = withError(QStringLiteral("%1 of %2 replicas running").arg(status.running).arg(status.desired));
    return p;
}

LogLine parseServiceLogLine(const QByteArray &raw, bool timestamps, StreamChannel channel)
{
    LogLine out;
    out.channel = channel;
    QString text = QString::fromUtf8(raw);
    if (text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    if (timestamps) {
        const qsizetype space = text.indexOf(QLatin1Char(' '));
        if (space >= 20 && text.at(4) == QLatin1Char('-') && text.at(10) == QLatin1Char('T')) {
            out.timestamp = text.left(space);
            text = text.mid(space + 1);
        }
    }
    const qsizetype bar = text.indexOf(QLatin1String(" | "));
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    if (bar > 0 && at > 0 && at < bar) {
        const QString task = text.left(at);          // web.1.taskid
        const QStringList parts = task.split(QLatin1Char('.'));
        out.replica = parts.size() >= 2 ? parts.at(0) + QLatin1Char('.') + parts.at(1) : task;
        text = text.mid(bar + 3);
    }
    out.text = text;
    return out;
}

} // namespace fleetdeck::swarm

namespace fleetdeck::checks {

Result<QList<SwarmNode>> parseSwarmNodes(const QByteArray &lines)
{
    QList<SwarmNode> nodes;
    for (const QByteArray &line : lines.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return Error::make(ErrorKind::ParseFailed, QStringLiteral("Could not understand the output of docker node ls."),
                               QString::fromUtf8(line.left(200)));
        const QJsonObject o = doc.object();
        SwarmNode n;
        n.hostname = o.value(QLatin1String("Hostname")).toString();
        n.status = o.value(QLatin1String("Status")).toString();
        n.availability = o.value(QLatin1String("Availability")).toString();
        n.managerStatus = o.value(QLatin1String("ManagerStatus")).toString();
        n.self = o.value(QLatin1String("Self")).toBool();
        nodes.append(n);
    }
    return nodes;
}

} // namespace fleetdeck::checks
