// Parsers of kubectl JSON and the status / rollout judgements made from it.
#include "orchestrators/kubernetes/KubectlParsers.h"

#include "orchestrators/kubernetes/KubectlErrors.h"
#include "remote/HostFactsParser.h"
#include "manifests/KubernetesNames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace fleetdeck::kubernetes {

namespace {

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

int integer(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInt();
}

qint64 idFrom(const QJsonObject &annotations)
{
    return annotations.value(manifests::deploymentAnnotation()).toString().toLongLong();
}

QList<Condition> conditionsOf(const QJsonObject &status)
{
    QList<Condition> out;
    for (const QJsonValue &v : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject c = v.toObject();
        out.append({str(c, "type"), str(c, "status"), str(c, "reason"), str(c, "message")});
    }
    return out;
}

QString firstImage(const QJsonObject &podSpec)
{
    const QJsonArray containers = podSpec.value(QLatin1String("containers")).toArray();
    return containers.isEmpty() ? QString() : str(containers.first().toObject(), "image");
}

Result<QJsonObject> parseObject(const QByteArray &json, const QString &what)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::make(ErrorKind::ParseFailed, QStringLiteral("could not read the output of %1").arg(what),
                           QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return Error::make(ErrorKind::ParseFailed, QStringLiteral("the output of %1 is not a JSON object").arg(what));
    return doc.object();
}

// The scheduler's first sentence, without the "preemption: ..." appendix.
QString schedulerSentence(const QString &message)
{
    QString m = message.trimmed();
    const qsizetype cut = m.indexOf(QLatin1String(" preemption:"));
    if (cut > 0)
        m.truncate(cut);
    while (m.endsWith(QLatin1Char('.')))
        m.chop(1);
    return m;
}

QString podReason(const QJsonObject &pod, bool terminating)
{
    const QJsonObject status = obj(pod, "status");
    const QString phase = str(status, "phase");
    if (terminating)
        return QStringLiteral("Terminating");
    const QList<Condition> conditions = conditionsOf(status);
    for (const Condition &c : conditions) {
        if (c.type == QLatin1String("PodScheduled") && c.status == QLatin1String("False")) {
            if (c.reason == QLatin1String("Unschedulable"))
                return unschedulableReason(c.message);
            return QStringLiteral("Pending: %1%2").arg(c.reason, c.message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(c.message));
        }
    }
    if (phase == QLatin1String("Failed") || phase == QLatin1String("Succeeded")) {
        const QString reason = str(status, "reason");
        const QString message = str(status, "message");
        return QStringLiteral("%1%2%3").arg(phase, reason.isEmpty() ? QString() : QStringLiteral(": ") + reason,
                                            message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(message));
    }
    QJsonArray statuses = status.value(QLatin1String("initContainerStatuses")).toArray();
    for (const QJsonValue &v : status.value(QLatin1String("containerStatuses")).toArray())
        statuses.append(v);
    for (const QJsonValue &v : statuses) {
        const QJsonObject cs = v.toObject();
        const QJsonObject state = obj(cs, "state");
        const QJsonObject waiting = obj(state, "waiting");
        if (!waiting.isEmpty()) {
            const QString reason = str(waiting, "reason");
            if (reason == QLatin1String("CrashLoopBackOff")) {
                const QJsonObject last = obj(obj(cs, "lastState"), "terminated");
                QString text = QStringLiteral("CrashLoopBackOff: container %1 restarted %2 times")
                                   .arg(str(cs, "name")).arg(integer(cs, "restartCount"));
                if (!last.isEmpty())
                    text += QStringLiteral(", last exit code %1%2").arg(integer(last, "exitCode"))
                                .arg(str(last, "reason").isEmpty() ? QString() : QStringLiteral(" (%1)").arg(str(last, "reason")));
                return text;
            }
            const QString message = str(waiting, "message");
            return QStringLiteral("Waiting: %1%2").arg(reason.isEmpty() ? QStringLiteral("container not started") : reason,
                                                       message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(message));
        }
        const QJsonObject terminated = obj(state, "terminated");
        if (!terminated.isEmpty() && phase == QLatin1String("Running"))
            return QStringLiteral("Terminated: container %1 exited with code %2%3").arg(str(cs, "name"))
                .arg(integer(terminated, "exitCode"))
                .arg(str(terminated, "reason").isEmpty() ? QString() : QStringLiteral(" (%1)").arg(str(terminated, "reason")));
    }
    if (phase == QLatin1String("Running")) {
        for (const Condition &c : conditions)
            if (c.type == QLatin1String("Ready") && c.status != QLatin1String("True"))
                return QStringLiteral("Not ready%1").arg(c.message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(c.message));
        return QString();
    }
    return phase.isEmpty() ? QStringLiteral("Unknown") : phase;
}

QString lowerState(const PodInfo &p)
{
    if (p.terminating)
        return QStringLiteral("terminating");
    return p.phase.isEmpty() ? QStringLiteral("unknown") : p.phase.toLower();
}

ReplicaStatus replicaOf(const PodInfo &p, const QString &currentHash)
{
    ReplicaStatus r;
    r.id = p.name;
    r.name = p.name;
    r.node = p.node;
    r.image = p.image;
    r.state = lowerState(p);
    if (p.hasReadinessProbe && p.phase == QLatin1String("Running") && !p.terminating)
        r.health = p.ready ? QStringLiteral("healthy") : (p.restarts == 0 ? QStringLiteral("starting") : QStringLiteral("unhealthy"));
    r.since = p.startTime;
    r.error = p.reason;
    r.desiredState = p.terminating ? QStringLiteral("shutdown") : QStringLiteral("running");
    r.deploymentId = p.deploymentId;
    r.running = p.phase == QLatin1String("Running") && p.ready && !p.terminating;
    r.current = !p.terminating && (currentHash.isEmpty() || p.templateHash == currentHash);
    return r;
}

QString counts(const DeploymentInfo &d)
{
    return QStringLiteral("%1 desired, %2 ready, %3 available, %4 updated")
        .arg(d.specReplicas).arg(d.ready).arg(d.available).arg(d.updated);
}

// The most useful reason why pods do not run: a ReplicaSet that cannot create pods (quota), else
// the first problem of a current pod, else of any pod.
QString problemOf(const DeploymentInfo &d, const QList<PodInfo> &pods, const QString &currentHash)
{
    if (const Condition *c = d.condition(QStringLiteral("ReplicaFailure")); c && c->status == QLatin1String("True"))
        return QStringLiteral("cannot create pods: %1").arg(c->message.isEmpty() ? c->reason : c->message);
    for (const PodInfo &p : pods)
        if (!p.terminating && !p.reason.isEmpty() && (currentHash.isEmpty() || p.templateHash == currentHash))
            return p.reason;
    for (const PodInfo &p : pods)
        if (!p.terminating && !p.reason.isEmpty())
            return p.reason;
    return QString();
}

QList<PodInfo> podsOf(const QString &uuid, const QList<PodInfo> &pods)
{
    QList<PodInfo> out;
    for (const PodInfo &p : pods)
        if (p.appUuid == uuid)
            out.append(p);
    return out;
}

} // namespace

const Condition *DeploymentInfo::condition(const QString &type) const
{
    for (const Condition &c : conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

DeploymentInfo deploymentFromJson(const QJsonObject &o)
{
    DeploymentInfo d;
    const QJsonObject meta = obj(o, "metadata");
    const QJsonObject spec = obj(o, "spec");
    const QJsonObject status = obj(o, "status");
    const QJsonObject annotations = obj(meta, "annotations");
    const QJsonObject templ = obj(spec, "template");
    d.name = str(meta, "name");
    d.appUuid = obj(meta, "labels").value(manifests::appLabel()).toString();
    d.generation = meta.value(QLatin1String("generation")).toInteger();
    d.observedGeneration = status.value(QLatin1String("observedGeneration")).toInteger();
    d.specReplicas = spec.contains(QLatin1String("replicas")) ? integer(spec, "replicas") : 1;
    d.replicas = integer(status, "replicas");
    d.updated = integer(status, "updatedReplicas");
    d.ready = integer(status, "readyReplicas");
    d.available = integer(status, "availableReplicas");
    d.unavailable = integer(status, "unavailableReplicas");
    bool ok = false;
    const int last = annotations.value(manifests::replicasAnnotation()).toString().toInt(&ok);
    if (ok)
        d.lastAppliedReplicas = last;
    d.deploymentId = idFrom(obj(obj(templ, "metadata"), "annotations"));
    d.revision = annotations.value(QLatin1String("deployment.kubernetes.io/revision")).toString();
    d.image = firstImage(obj(templ, "spec"));
    d.conditions = conditionsOf(status);
    return d;
}

ReplicaSetInfo replicaSetFromJson(const QJsonObject &o)
{
    ReplicaSetInfo r;
    const QJsonObject meta = obj(o, "metadata");
    const QJsonObject labels = obj(meta, "labels");
    r.name = str(meta, "name");
    for (const QJsonValue &v : meta.value(QLatin1String("ownerReferences")).toArray())
        if (str(v.toObject(), "kind") == QLatin1String("Deployment"))
            r.owner = str(v.toObject(), "name");
    r.appUuid = labels.value(manifests::appLabel()).toString();
    r.revision = obj(meta, "annotations").value(QLatin1String("deployment.kubernetes.io/revision")).toString();
    r.templateHash = labels.value(QLatin1String("pod-template-hash")).toString();
    r.specReplicas = integer(obj(o, "spec"), "replicas");
    r.ready = integer(obj(o, "status"), "readyReplicas");
    const QJsonObject templ = obj(obj(o, "spec"), "template");
    r.image = firstImage(obj(templ, "spec"));
    r.deploymentId = idFrom(obj(obj(templ, "metadata"), "annotations"));
    r.created = QDateTime::fromString(str(meta, "creationTimestamp"), Qt::ISODate);
    return r;
}

PodInfo podFromJson(const QJsonObject &o)
{
    PodInfo p;
    const QJsonObject meta = obj(o, "metadata");
    const QJsonObject spec = obj(o, "spec");
    const QJsonObject status = obj(o, "status");
    const QJsonObject labels = obj(meta, "labels");
    p.name = str(meta, "name");
    p.appUuid = labels.value(manifests::appLabel()).toString();
    p.templateHash = labels.value(QLatin1String("pod-template-hash")).toString();
    p.node = str(spec, "nodeName");
    p.phase = str(status, "phase");
    p.terminating = meta.contains(QLatin1String("deletionTimestamp"));
    for (const Condition &c : conditionsOf(status))
        if (c.type == QLatin1String("Ready"))
            p.ready = c.status == QLatin1String("True");
    for (const QJsonValue &v : spec.value(QLatin1String("containers")).toArray())
        p.hasReadinessProbe = p.hasReadinessProbe || v.toObject().contains(QLatin1String("readinessProbe"));
    for (const QJsonValue &v : status.value(QLatin1String("containerStatuses")).toArray())
        p.restarts += integer(v.toObject(), "restartCount");
    p.image = firstImage(spec);
    p.startTime = str(status, "startTime");
    if (p.startTime.isEmpty())
        p.startTime = str(meta, "creationTimestamp");
    p.deploymentId = idFrom(obj(meta, "annotations"));
    p.reason = podReason(o, p.terminating);
    return p;
}

Result<std::optional<DeploymentInfo>> parseDeployment(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return std::optional<DeploymentInfo>();
    auto o = parseObject(json, QStringLiteral("kubectl get deployment"));
    if (!o)
        return o.error();
    if (str(*o, "kind") != QLatin1String("Deployment"))
        return Error::make(ErrorKind::ParseFailed, QStringLiteral("kubectl get deployment answered a %1, not a Deployment")
                                                       .arg(str(*o, "kind")));
    return std::optional<DeploymentInfo>(deploymentFromJson(*o));
}

Result<AppObjects> parseAppObjects(const QByteArray &json)
{
    AppObjects out;
    if (json.trimmed().isEmpty())
        return out;
    auto o = parseObject(json, QStringLiteral("kubectl get deployments,replicasets,pods"));
    if (!o)
        return o.error();
    QJsonArray items;
    if (o->contains(QLatin1String("items")))
        items = o->value(QLatin1String("items")).toArray();
    else
        items.append(*o);
    for (const QJsonValue &v : items) {
        if (!v.isObject())
            return Error::make(ErrorKind::ParseFailed, QStringLiteral("an item of the kubectl list is not an object"));
        const QJsonObject item = v.toObject();
        const QString kind = str(item, "kind");
        if (kind == QLatin1String("Deployment"))
            out.deployments.append(deploymentFromJson(item));
        else if (kind == QLatin1String("ReplicaSet"))
            out.replicaSets.append(replicaSetFromJson(item));
        else if (kind == QLatin1String("Pod") || (kind.isEmpty() && item.contains(QLatin1String("spec"))))
            out.pods.append(podFromJson(item));
    }
    return out;
}

Result<QList<ObjectOwner>> parseOwners(const QByteArray &json)
{
    QList<ObjectOwner> out;
    if (json.trimmed().isEmpty())
        return out;
    auto o = parseObject(json, QStringLiteral("kubectl get"));
    if (!o)
        return o.error();
    QJsonArray items;
    if (o->contains(QLatin1String("items")))
        items = o->value(QLatin1String("items")).toArray();
    else
        items.append(*o);
    for (const QJsonValue &v : items) {
        const QJsonObject meta = obj(v.toObject(), "metadata");
        out.append({str(v.toObject(), "kind"), str(meta, "name"), obj(meta, "labels").value(manifests::appLabel()).toString()});
    }
    return out;
}

QString unschedulableReason(const QString &schedulerMessage)
{
    const QString m = schedulerSentence(schedulerMessage);
    QString summary;
    if (m.contains(QLatin1String("Insufficient cpu")))
        summary = QStringLiteral("Pending: not enough CPU");
    else if (m.contains(QLatin1String("Insufficient memory")))
        summary = QStringLiteral("Pending: not enough memory");
    else if (m.contains(QLatin1String("Insufficient ")))
        summary = QStringLiteral("Pending: not enough resources");
    else if (m.contains(QLatin1String("didn't match Pod's node affinity")) || m.contains(QLatin1String("didn't match node selector")))
        summary = QStringLiteral("Pending: no node matches");
    else if (m.contains(QLatin1String("untolerated taint")) || m.contains(QLatin1String("had taint")))
        summary = QStringLiteral("Pending: no node tolerated (every node has a taint the pods do not tolerate)");
    else if (m.contains(QLatin1String("pod affinity")) || m.contains(QLatin1String("anti-affinity")))
        summary = QStringLiteral("Pending: the pod affinity rules match no node");
    else if (m.contains(QLatin1String("no nodes available")) || m.startsWith(QLatin1String("0/0 nodes")))
        summary = QStringLiteral("Pending: the cluster has no node");
    else
        summary = QStringLiteral("Pending: no node can run it");
    return m.isEmpty() ? summary : QStringLiteral("%1 (%2)").arg(summary, m);
}

QString currentTemplateHash(const DeploymentInfo &d, const QList<ReplicaSetInfo> &replicaSets)
{
    if (d.revision.isEmpty())
        return QString();
    for (const ReplicaSetInfo &r : replicaSets)
        if (r.owner == d.name && r.revision == d.revision)
            return r.templateHash;
    return QString();
}

AppStatus appStatus(const Application &app, const DeploymentInfo *d, const QList<ReplicaSetInfo> &replicaSets,
                    const QList<PodInfo> &pods)
{
    AppStatus s;
    s.applicationId = app.id;
    s.application = app.name;
    s.orchestrator = Orchestrator::Kubernetes;
    s.target = manifests::deploymentName(app);
    const QString hash = d ? currentTemplateHash(*d, replicaSets) : QString();
    QList<PodInfo> sorted = pods;
    std::sort(sorted.begin(), sorted.end(), [&](const PodInfo &a, const PodInfo &b) {
        const bool ca = !a.terminating && (hash.isEmpty() || a.templateHash == hash);
        const bool cb = !b.terminating && (hash.isEmpty() || b.templateHash == hash);
        return ca != cb ? ca : a.name < b.name;
    });
    QSet<QString> seen;
    for (const PodInfo &p : sorted) {
        s.replicas.append(replicaOf(p, hash));
        if (!p.reason.isEmpty() && !p.terminating && !seen.contains(p.reason)) {
            seen.insert(p.reason);
            s.errors.append(p.reason);
        }
    }
    if (!d) {
        s.exists = !pods.isEmpty();
        s.state = EngineState::NotDeployed;
        return s;
    }
    s.exists = true;
    s.desired = d->specReplicas;
    s.running = d->ready;
    s.image = d->image;
    s.deploymentId = d->deploymentId;
    if (const Condition *c = d->condition(QStringLiteral("Progressing")))
        s.updateState = c->reason;
    const Condition *progressing = d->condition(QStringLiteral("Progressing"));
    const bool deadline = progressing && progressing->reason == QLatin1String("ProgressDeadlineExceeded");
    const bool inProgress = d->observedGeneration < d->generation || d->updated < d->specReplicas || d->replicas > d->updated;
    int live = 0;
    for (const PodInfo &p : pods)
        live += p.terminating ? 0 : 1;
    const Condition *replicaFailure = d->condition(QStringLiteral("ReplicaFailure"));
    if (deadline)
        s.state = EngineState::Failed;
    else if (replicaFailure && replicaFailure->status == QLatin1String("True") && d->ready < d->specReplicas)
        s.state = d->ready == 0 ? EngineState::Failed : EngineState::Degraded;   // pods cannot even be created (quota)
    else if (d->specReplicas == 0)
        s.state = live == 0 ? EngineState::Stopped : EngineState::Updating;
    else if (inProgress)
        s.state = d->ready == 0 ? EngineState::Starting : EngineState::Updating;
    else if (d->ready >= d->specReplicas && d->available >= d->specReplicas)
        s.state = EngineState::Running;
    else
        s.state = d->ready == 0 ? EngineState::Starting : EngineState::Degraded;
    const QString problem = problemOf(*d, pods, hash);
    if (s.state == EngineState::Running || s.state == EngineState::Stopped || problem.isEmpty())
        s.message = counts(*d);
    else
        s.message = QStringLiteral("%1; %2").arg(problem, counts(*d));
    if (deadline && !progressing->message.isEmpty())
        s.errors.prepend(progressing->message);
    return s;
}

AppStatus appStatusFrom(const Application &app, const AppObjects &objects)
{
    const DeploymentInfo *d = nullptr;
    for (const DeploymentInfo &candidate : objects.deployments)
        if (candidate.appUuid == app.uuid)
            d = &candidate;
    QList<ReplicaSetInfo> sets;
    for (const ReplicaSetInfo &r : objects.replicaSets)
        if (r.appUuid == app.uuid)
            sets.append(r);
    return appStatus(app, d, sets, podsOf(app.uuid, objects.pods));
}

RolloutProgress judgeRollout(const Application &app, const DeploymentInfo *d, const QList<ReplicaSetInfo> &replicaSets,
                             const QList<PodInfo> &pods)
{
    RolloutProgress r;
    r.status = appStatus(app, d, replicaSets, pods);
    if (!d) {
        r.phase = RolloutPhase::Failed;
        r.reason = QStringLiteral("the Deployment %1 does not exist (deleted during the rollout?)").arg(manifests::deploymentName(app));
        return r;
    }
    const QString hash = currentTemplateHash(*d, replicaSets);
    const QString problem = problemOf(*d, pods, hash);
    auto withProblem = [&](const QString &text) { return problem.isEmpty() ? text : QStringLiteral("%1; %2").arg(problem, text); };
    const Condition *progressing = d->condition(QStringLiteral("Progressing"));
    if (progressing && progressing->reason == QLatin1String("ProgressDeadlineExceeded")) {
        r.phase = RolloutPhase::Failed;
        r.reason = withProblem(QStringLiteral("the rollout made no progress within its deadline (%1)").arg(counts(*d)));
        return r;
    }
    r.phase = RolloutPhase::InProgress;
    if (d->observedGeneration < d->generation)
        r.reason = QStringLiteral("waiting for the Deployment controller to see the change");
    else if (d->updated < d->specReplicas)
        r.reason = withProblem(QStringLiteral("%1 of %2 pods updated").arg(d->updated).arg(d->specReplicas));
    else if (d->replicas > d->updated)
        r.reason = withProblem(QStringLiteral("%1 old pods still running").arg(d->replicas - d->updated));
    else if (d->available < d->updated)
        r.reason = withProblem(QStringLiteral("%1 of %2 pods available").arg(d->available).arg(d->updated));
    else {
        r.phase = RolloutPhase::Converged;
        r.reason = QStringLiteral("%1 of %2 pods updated and available").arg(d->available).arg(d->specReplicas);
    }
    return r;
}

RolloutProgress judgeRemoval(const Application &app, const DeploymentInfo *d, const QList<ReplicaSetInfo> &replicaSets,
                             const QList<PodInfo> &pods)
{
    RolloutProgress r;
    r.status = appStatus(app, d, replicaSets, pods);
    if (d)
        r.reason = QStringLiteral("the Deployment %1 is still there").arg(d->name);
    else if (!pods.isEmpty())
        r.reason = QStringLiteral("%1 pods still terminating").arg(pods.size());
    else {
        r.phase = RolloutPhase::Converged;
        r.reason = QStringLiteral("every object of the application is gone");
    }
    return r;
}

LogLine parseLogLine(const QByteArray &raw, bool timestamps, StreamChannel channel)
{
    LogLine line;
    line.channel = channel;
    QString text = QString::fromUtf8(raw);
    if (text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    // "[pod/NAME/CONTAINER] ": kubectl --prefix. Pod and container names hold no '/' nor ']'.
    static const QRegularExpression prefix(QStringLiteral("^\\[pod/([^/\\]]+)/([^\\]]+)\\] ?"));
    if (const auto m = prefix.match(text); m.hasMatch()) {
        line.replica = m.captured(1);
        text = text.mid(m.capturedLength());
    }
    if (timestamps) {
        static const QRegularExpression stamp(QStringLiteral("^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)) ?"));
        if (const auto m = stamp.match(text); m.hasMatch()) {
            line.timestamp = m.captured(1);
            text = text.mid(m.capturedLength());
        }
    }
    line.text = text;
    return line;
}

std::optional<PodEvent> parsePodEvent(const QByteArray &raw)
{
    // kubectl passes jsonpath output through its tab writer: the separators arrive as runs of spaces.
    const QStringList parts = QString::fromUtf8(raw).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.size() > 3)
        return std::nullopt;
    static const QRegularExpression name(QStringLiteral("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$"));
    PodEvent e;
    e.name = parts.value(0);
    if (!name.match(e.name).hasMatch())
        return std::nullopt;
    e.phase = parts.value(1);
    e.deleting = !parts.value(2).isEmpty();
    return e;
}

std::optional<double> parseCpuMillicores(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)(n|u|m)?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const double n = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit == QLatin1String("n")) return n / 1e6;
    if (unit == QLatin1String("u")) return n / 1e3;
    if (unit == QLatin1String("m")) return n;
    return n * 1000;
}

std::optional<qint64> parseByteQuantity(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)(?:[eE]([0-9]+))?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    double n = m.captured(1).toDouble();
    if (!m.captured(2).isEmpty())
        n *= std::pow(10.0, m.captured(2).toDouble());
    static const QHash<QString, double> factors = {
        {QStringLiteral("Ki"), 1024.0}, {QStringLiteral("Mi"), 1024.0 * 1024}, {QStringLiteral("Gi"), 1024.0 * 1024 * 1024},
        {QStringLiteral("Ti"), std::pow(1024.0, 4)}, {QStringLiteral("Pi"), std::pow(1024.0, 5)}, {QStringLiteral("Ei"), std::pow(1024.0, 6)},
        {QStringLiteral("k"), 1e3}, {QStringLiteral("M"), 1e6}, {QStringLiteral("G"), 1e9}, {QStringLiteral("T"), 1e12},
        {QStringLiteral("P"), 1e15}, {QStringLiteral("E"), 1e18}};
    if (!m.captured(3).isEmpty())
        n *= factors.value(m.captured(3));
    if (n > 9.0e18)
        return std::nullopt;
    return qint64(std::llround(n));
}

Result<QList<ResourceUsage>> parseTopPods(const QByteArray &output, qint64 memoryLimitBytes)
{
    QList<ResourceUsage> out;
    int lineNo = 0;
    for (const QByteArray &raw : output.split('\n')) {
        ++lineNo;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList cols = line.split(QRegularExpression(QStringLiteral("\\s+")));
        const auto cpu = cols.size() == 3 ? parseCpuMillicores(cols.at(1)) : std::nullopt;
        const auto memory = cols.size() == 3 ? parseByteQuantity(cols.at(2)) : std::nullopt;
        if (!cpu || !memory)
            return Error::make(ErrorKind::ParseFailed,
                               QStringLiteral("could not read line %1 of kubectl top pods").arg(lineNo), line);
        ResourceUsage u;
        u.replica = cols.at(0);
        u.id = cols.at(0);
        u.cpuPercent = *cpu / 10.0;
        u.memoryBytes = *memory;
        u.memoryLimitBytes = memoryLimitBytes;
        if (memoryLimitBytes > 0)
            u.memoryPercent = 100.0 * double(*memory) / double(memoryLimitBytes);
        out.append(u);
    }
    return out;
}

bool isMetricsUnavailable(const QByteArray &stderrData)
{
    return stderrData.contains("Metrics API not available") || stderrData.contains("metrics not available")
        || stderrData.contains("pods.metrics.k8s.io") || stderrData.contains("metrics.k8s.io/v1beta1");
}

Error kubectlError(const CommandResult &result, const QString &what)
{
    if (isMetricsUnavailable(result.stderrData)) {
        Error e = Error::make(ErrorKind::NotSupported,
                              QStringLiteral("metrics not available: the cluster serves no Metrics API (kubectl top needs "
                                             "metrics-server); install metrics-server to see CPU and memory"),
                              QString::fromUtf8(result.stderrData).trimmed());
        e.exitCode = result.exitCode;
        return e;
    }
    Error e = checks::classifyKubectlError(result, what);
    if (e.detail.isEmpty())
        e.detail = QString::fromUtf8(result.stderrData).trimmed();
    e.exitCode = result.exitCode;
    return e;
}

} // namespace fleetdeck::kubernetes

namespace fleetdeck::checks {

Result<QList<NodeState>> parseNodes(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(ErrorKind::ParseFailed, QStringLiteral("Could not understand the output of kubectl get nodes."),
                           error.errorString());
    QList<NodeState> nodes;
    for (const QJsonValue &v : doc.object().value(QLatin1String("items")).toArray()) {
        const QJsonObject node = v.toObject();
        const QJsonObject meta = node.value(QLatin1String("metadata")).toObject();
        const QJsonObject status = node.value(QLatin1String("status")).toObject();
        NodeState n;
        n.name = meta.value(QLatin1String("name")).toString();
        const QJsonObject labels = meta.value(QLatin1String("labels")).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            static const QString prefix = QStringLiteral("node-role.kubernetes.io/");
            if (it.key().startsWith(prefix) && it.key().size() > prefix.size())
                n.roles.append(it.key().mid(prefix.size()));
        }
        n.roles.sort();
        n.unschedulable = node.value(QLatin1String("spec")).toObject().value(QLatin1String("unschedulable")).toBool();
        for (const QJsonValue &a : status.value(QLatin1String("addresses")).toArray())
            n.addresses.append(a.toObject().value(QLatin1String("address")).toString());
        n.kubeletVersion = status.value(QLatin1String("nodeInfo")).toObject().value(QLatin1String("kubeletVersion")).toString();
        bool sawReady = false;
        for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
            const QJsonObject cond = c.toObject();
            const QString type = cond.value(QLatin1String("type")).toString();
            const QString value = cond.value(QLatin1String("status")).toString();
            if (type == QLatin1String("Ready")) {
                sawReady = true;
                n.ready = value == QLatin1String("True");
                if (!n.ready) {
                    n.reason = cond.value(QLatin1String("reason")).toString();
                    n.message = cond.value(QLatin1String("message")).toString();
                    if (value == QLatin1String("Unknown") && n.reason.isEmpty())
                        n.reason = QStringLiteral("NodeStatusUnknown");
                }
            } else if (value == QLatin1String("True")) {
                n.pressure.append(type);
            }
        }
        if (!sawReady)
            n.reason = QStringLiteral("no Ready condition reported");
        nodes.append(n);
    }
    return nodes;
}

QString parseServerVersion(const QByteArray &json)
{
    const Result<KubectlVersionInfo> info = parseKubectlVersion(json);
    return info ? info->serverVersion : QString();
}

} // namespace fleetdeck::checks
