// KubernetesOrchestrator: deploy / scale / restart / rollback / stop / status / logs / exec / top.
#include "orchestrators/kubernetes/KubernetesOrchestrator.h"

#include "domain/Quantity.h"
#include "domain/Validation.h"
#include "manifests/KubernetesNames.h"
#include "orchestrators/Detection.h"
#include "orchestrators/kubernetes/KubeExec.h"
#include "orchestrators/kubernetes/KubeLogFollower.h"
#include "orchestrators/kubernetes/KubectlCommands.h"
#include "orchestrators/kubernetes/KubectlSession.h"
#include "orchestrators/kubernetes/KubernetesChecks.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace fleetdeck {

using namespace kubernetes;

namespace {

QString stdinSummary(const manifests::ManifestSet &set)
{
    QStringList parts;
    for (const manifests::Manifest &m : set.items)
        parts << QStringLiteral("%1 %2").arg(m.kind, m.name);
    QString text = QStringLiteral("%1 manifests (YAML): %2").arg(set.items.size()).arg(parts.join(QStringLiteral(", ")));
    if (set.holdsSecrets())
        text += QStringLiteral("; secret values not shown");
    return text;
}

bool isForbidden(const CommandResult &r)
{
    return r.stderrData.contains("Forbidden") || r.stderrData.contains("forbidden");
}

} // namespace

KubernetesOrchestrator::KubernetesOrchestrator(Server server, std::shared_ptr<Transport> transport,
                                               std::optional<KubernetesNamespace> namespaceSettings)
    : m_server(std::move(server)), m_transport(std::move(transport)), m_namespaceSettings(std::move(namespaceSettings))
{
}

DeployOutcome KubernetesOrchestrator::outcomeFor(const Application &app, PlanAction action, int desired) const
{
    DeployOutcome o;
    o.target = manifests::deploymentName(app);
    o.action = action;
    o.image = app.image;
    o.desired = desired;
    o.appliedAtMs = QDateTime::currentMSecsSinceEpoch();
    return o;
}

Result<KubernetesOrchestrator::Prepared> KubernetesOrchestrator::prepare(KubectlSession &session, const Application &app)
{
    if (auto s = session.open(); !s)
        return s.error();
    const KubectlTarget &t = session.target();
    Prepared p;
    // The objects this deploy writes, as they are now: an object of that name that is not this
    // application's (another tool's, or another Fleetdeck application's) is a Conflict, never taken over.
    QStringList names{QStringLiteral("deployment.apps/") + manifests::deploymentName(app)};
    if (!app.ports.isEmpty())
        names << QStringLiteral("service/") + manifests::serviceName(app);
    if (!app.ports.isEmpty() && !app.domains.isEmpty() && m_server.settings.useIngress)
        names << QStringLiteral("ingress.networking.k8s.io/") + manifests::ingressName(app);
    if (std::any_of(app.env.begin(), app.env.end(), [](const EnvVar &e) { return e.secret; }))
        names << QStringLiteral("secret/") + manifests::secretName(app);
    auto read = session.runChecked(getObjects(t, names), CommandRunner::Output::Omit);
    if (!read)
        return read.error();
    auto owners = parseOwners(read->stdoutData);
    if (!owners)
        return owners.error();
    for (const ObjectOwner &o : *owners)
        if (o.appUuid != app.uuid)
            return Error::make(ErrorKind::Conflict,
                               QStringLiteral("%1 %2 in namespace %3 exists and is not %4's (%5): rename the application, "
                                              "or remove the object")
                                   .arg(o.kind, o.name, t.nameSpace, app.name,
                                        o.appUuid.isEmpty() ? QStringLiteral("not made by Fleetdeck")
                                                            : QStringLiteral("it belongs to the application with uuid %1").arg(o.appUuid)));
    auto parsed = parseAppObjects(read->stdoutData);
    if (!parsed)
        return parsed.error();
    if (!parsed->deployments.isEmpty())
        p.existing = parsed->deployments.first();

    manifests::ManifestOptions options;
    options.deploymentId = session.runner().context().deploymentId;
    options.namespaceSettings = m_namespaceSettings;
    QStringList notes;
    if (p.existing) {
        options.includeNamespace = false;
    } else {
        auto ns = session.run(getNamespace(t));
        if (!ns)
            return ns.error();
        if (ns->succeeded()) {
            options.includeNamespace = ns->stdoutData.trimmed().isEmpty();
        } else if (isForbidden(*ns)) {
            // A namespace-scoped user may not read namespaces; then it has to exist already.
            options.includeNamespace = false;
            notes << QStringLiteral("not allowed to read namespace %1: assuming it exists").arg(t.nameSpace);
        } else {
            return kubectlError(*ns, getNamespace(t).description);
        }
    }
    // Replicas: what the user asks for, unless they did not change it since the last deploy and the
    // Deployment was scaled since (kubectl scale, the console's Scale Now): then the cluster's count
    // stays. Writing the current value keeps server-side apply from resetting it.
    p.replicas = app.kubernetesReplicas;
    if (p.existing && p.existing->lastAppliedReplicas && *p.existing->lastAppliedReplicas == app.kubernetesReplicas) {
        p.replicas = p.existing->specReplicas;
        if (p.replicas != app.kubernetesReplicas)
            notes << QStringLiteral("replicas stay at %1: the Deployment was scaled since the last deploy and the "
                                    "application's replicas (%2) did not change")
                         .arg(p.replicas).arg(app.kubernetesReplicas);
    }
    options.replicas = p.replicas;
    auto set = manifests::buildManifests(app, m_server.settings, options);
    if (!set)
        return set.error();
    p.set = std::move(*set);
    p.set.notes = notes + p.set.notes;
    if (p.existing) {
        if (!p.set.find(QStringLiteral("Secret")))
            p.prune << QStringLiteral("secrets");
        if (!p.set.find(QStringLiteral("Service")))
            p.prune << QStringLiteral("services");
        if (!p.set.find(QStringLiteral("Ingress")))
            p.prune << QStringLiteral("ingresses.networking.k8s.io");
    }
    return p;
}

Result<manifests::ManifestSet> KubernetesOrchestrator::manifestsFor(const Application &app, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    auto p = prepare(session, app);
    if (!p)
        return p.error();
    return p->set;
}

Status KubernetesOrchestrator::validateManifests(const Application &app, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    auto p = prepare(session, app);
    if (!p)
        return p.error();
    QByteArray yaml = p->set.yaml(false);
    if (const manifests::Manifest *ns = p->set.find(QStringLiteral("Namespace"))) {
        // A dry run creates nothing, so the objects of a namespace that does not exist yet cannot be
        // checked in it: check them in "default" (the namespace is no part of their validity), and
        // the Namespace itself as it is.
        ServerSettings elsewhere = m_server.settings;
        elsewhere.kubernetesNamespace = QStringLiteral("default");
        manifests::ManifestOptions options;
        options.replicas = p->replicas;
        options.deploymentId = ctx.deploymentId;
        options.includeNamespace = false;
        options.namespaceSettings = m_namespaceSettings;
        auto retargeted = manifests::buildManifests(app, elsewhere, options);
        if (!retargeted)
            return retargeted.error();
        yaml = manifests::toYamlDocuments({ns->body}) + retargeted->yaml(false);
    }
    auto r = session.runChecked(applyDryRun(session.target(), yaml, p->set.holdsSecrets()));
    if (!r)
        return r.error();
    return {};
}

QList<PlannedCommand> KubernetesOrchestrator::deploySteps(const KubectlTarget &t, const Application &app, const Prepared &p,
                                                         bool maskSecrets) const
{
    QList<PlannedCommand> steps{apply(t, p.set.yaml(maskSecrets), p.set.holdsSecrets(), stdinSummary(p.set))};
    if (!p.prune.isEmpty())
        steps << deleteBySelector(t, p.prune, manifests::appSelector(app), 60, QStringLiteral("prune"));
    return steps;
}

Result<DeployPlan> KubernetesOrchestrator::plan(const Application &app, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    auto p = prepare(session, app);
    if (!p)
        return p.error();
    const KubectlTarget &t = session.target();
    DeployPlan plan;
    plan.orchestrator = Orchestrator::Kubernetes;
    plan.target = QStringLiteral("%1/%2").arg(t.nameSpace, manifests::deploymentName(app));
    plan.action = p->existing ? PlanAction::Update : PlanAction::Create;
    plan.commands = deploySteps(t, app, *p, true);
    plan.manifests = p->set.documents(true);
    plan.notes = p->set.notes;
    plan.notes << QStringLiteral("a deployment then waits until the rollout converged (every pod of the new ReplicaSet ready)");
    if (!t.kubeconfig.isEmpty())
        plan.notes << QStringLiteral("the stored kubeconfig reaches each kubectl on stdin, through a private directory removed "
                                     "before kubectl starts");
    return plan;
}

Result<DeployOutcome> KubernetesOrchestrator::deploy(const Application &app, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    auto p = prepare(session, app);
    if (!p)
        return p.error();
    const KubectlTarget &t = session.target();
    for (const QString &n : p->set.notes)
        session.runner().note(QStringLiteral("manifests"), n);
    if (auto s = session.runSteps(deploySteps(t, app, *p, false)); !s)
        return s.error();
    DeployOutcome o = outcomeFor(app, p->existing ? PlanAction::Update : PlanAction::Create, p->replicas);
    o.rolloutMarker = QString::number(ctx.deploymentId);
    return o;
}

Result<AppObjects> KubernetesOrchestrator::objects(const Application &app, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    if (auto s = session.open(); !s)
        return s.error();
    auto r = session.runChecked(getAppObjects(session.target(), manifests::appSelector(app)), CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    return parseAppObjects(r->stdoutData);
}

Result<RolloutProgress> KubernetesOrchestrator::checkRollout(const Application &app, const DeployOutcome &outcome, const OperationContext &ctx)
{
    auto o = objects(app, ctx);
    if (!o)
        return o.error();
    const DeploymentInfo *d = nullptr;
    for (const DeploymentInfo &candidate : o->deployments)
        if (candidate.appUuid == app.uuid)
            d = &candidate;
    if (outcome.action == PlanAction::Stop)
        return judgeRemoval(app, d, o->replicaSets, o->pods);
    return judgeRollout(app, d, o->replicaSets, o->pods);
}

Result<RolloutProgress> KubernetesOrchestrator::waitForRollout(const Application &app, const DeployOutcome &outcome,
                                                               int timeoutSeconds, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    if (auto s = session.open(); !s)
        return s.error();
    auto waited = session.run(rolloutStatus(session.target(), manifests::deploymentName(app), qMax(1, timeoutSeconds)));
    if (!waited)
        return waited.error();
    auto progress = checkRollout(app, outcome, ctx);
    if (!progress)
        return progress;
    if (waited->succeeded()) {
        // rollout status said so: trust it over a look that may have raced with the last pod.
        progress->phase = RolloutPhase::Converged;
        return progress;
    }
    const QByteArray err = waited->stderrData;
    if (err.contains("timed out waiting") || err.contains("exceeded its progress deadline")) {
        if (progress->phase != RolloutPhase::Converged) {
            progress->phase = RolloutPhase::Failed;
            progress->reason = QStringLiteral("%1 (did not converge within %2 s)")
                                   .arg(progress->reason.isEmpty() ? QStringLiteral("the rollout did not finish") : progress->reason)
                                   .arg(timeoutSeconds);
        }
        return progress;
    }
    return kubectlError(*waited, QStringLiteral("waiting for the rollout"));
}

Result<DeployOutcome> KubernetesOrchestrator::scale(const Application &app, int replicas, const OperationContext &ctx)
{
    if (auto s = fleetdeck::validate::replicas(QStringLiteral("replicas"), replicas); !s)
        return s.error();
    KubectlSession session(m_server, m_transport, ctx);
    if (auto s = session.open(); !s)
        return s.error();
    auto r = session.runChecked(kubernetes::scale(session.target(), manifests::deploymentName(app), replicas));
    if (!r)
        return r.error();
    return outcomeFor(app, PlanAction::Scale, replicas);
}

Result<DeployOutcome> KubernetesOrchestrator::stop(const Application &app, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    if (auto s = session.open(); !s)
        return s.error();
    auto r = session.runChecked(deleteBySelector(session.target(), manifests::applicationResourceKinds(),
                                                 manifests::appSelector(app), stopTimeoutSeconds));
    if (!r)
        return r.error();
    DeployOutcome o = outcomeFor(app, PlanAction::Stop, 0);
    o.converged = true;
    return o;
}

Result<DeployOutcome> KubernetesOrchestrator::restart(const Application &app, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    if (auto s = session.open(); !s)
        return s.error();
    auto r = session.runChecked(rolloutRestart(session.target(), manifests::deploymentName(app)));
    if (!r)
        return r.error();
    return outcomeFor(app, PlanAction::Restart, app.kubernetesReplicas);
}

Result<DeployOutcome> KubernetesOrchestrator::rollback(const Application &app, const QString &, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    if (auto s = session.open(); !s)
        return s.error();
    auto r = session.run(rolloutUndo(session.target(), manifests::deploymentName(app)));
    if (!r)
        return r.error();
    if (!r->succeeded()) {
        if (r->stderrData.contains("no rollout history") || r->stderrData.contains("unable to find specified revision")
            || r->stderrData.contains("no revision found"))
            return Error::make(ErrorKind::NotFound,
                               QStringLiteral("Deployment %1 has no previous revision to return to").arg(manifests::deploymentName(app)),
                               QString::fromUtf8(r->stderrData).trimmed());
        return kubectlError(*r, QStringLiteral("rolling back"));
    }
    return outcomeFor(app, PlanAction::Rollback, app.kubernetesReplicas);
}

Result<AppStatus> KubernetesOrchestrator::status(const Application &app, const OperationContext &ctx)
{
    auto o = objects(app, ctx);
    if (!o)
        return o.error();
    return appStatusFrom(app, *o);
}

Result<QList<AppStatus>> KubernetesOrchestrator::statusAll(const QList<Application> &apps, const OperationContext &ctx)
{
    QList<AppStatus> out;
    if (apps.isEmpty())
        return out;
    KubectlSession session(m_server, m_transport, ctx);
    if (auto s = session.open(); !s)
        return s.error();
    // One command for every application of the server: everything Fleetdeck manages in the namespace.
    auto r = session.runChecked(getAppObjects(session.target(), manifests::managedSelector()), CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    auto o = parseAppObjects(r->stdoutData);
    if (!o)
        return o.error();
    for (const Application &app : apps)
        out.append(appStatusFrom(app, *o));
    return out;
}

Result<QList<LogLine>> KubernetesOrchestrator::logs(const Application &app, const LogOptions &options, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    if (auto s = session.open(); !s)
        return s.error();
    LogOptions once = options;
    once.follow = false;
    auto r = session.runChecked(kubernetes::logs(session.target(), manifests::appSelector(app), once, maxLogRequests),
                                CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    QList<LogLine> out;
    QList<QByteArray> lines = r->stdoutData.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    out.reserve(lines.size());
    for (const QByteArray &line : lines)
        out.append(parseLogLine(line, options.timestamps));
    return out;
}

Result<std::unique_ptr<LogStream>> KubernetesOrchestrator::followLogs(const Application &app, const LogOptions &options,
                                                                      const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    if (auto s = session.open(); !s)
        return s.error();
    const QString selector = manifests::appSelector(app);
    auto r = session.runChecked(getPods(session.target(), selector), CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    auto o = parseAppObjects(r->stdoutData);
    if (!o)
        return o.error();
    QSet<QString> running;
    for (const PodInfo &p : o->pods)
        if (p.phase == QLatin1String("Running") && !p.terminating)
            running.insert(p.name);
    if (running.size() > maxLogRequests)
        return Error::make(ErrorKind::NotSupported,
                           QStringLiteral("%1 pods run: more than the %2 logs followed at once; follow one pod with exec, "
                                          "or read the last lines without following").arg(running.size()).arg(maxLogRequests));
    // Room for the pods a rollout adds while the old ones still run.
    const int maxRequests = qMin(maxLogRequests, int(running.size()) * 2 + 2);
    auto streamTarget = session.streamTarget();
    if (!streamTarget)
        return streamTarget.error();
    auto follower = std::make_unique<KubeLogFollower>(m_transport, session.lease(), *streamTarget, selector, options,
                                                      running, maxRequests, maxFollowedNewPods);
    follower->start();
    auto stream = std::make_unique<LogStream>();
    stream->setReplicaCount(int(running.size()));   // one follower source covers every pod
    const bool timestamps = options.timestamps;
    stream->addSource(std::move(follower), [timestamps](const StreamLine &line) {
        return parseLogLine(line.text, timestamps, line.channel);
    });
    return stream;
}

Result<ExecTarget> KubernetesOrchestrator::execTarget(KubectlSession &session, const Application &app, const ExecRequest &request)
{
    if (request.argv.isEmpty())
        return Error::invalid(QStringLiteral("command"), QStringLiteral("a command to run is needed"));
    if (auto s = session.open(); !s)
        return s.error();
    auto r = session.runChecked(getPods(session.target(), manifests::appSelector(app)), CommandRunner::Output::Omit);
    if (!r)
        return r.error();
    auto o = parseAppObjects(r->stdoutData);
    if (!o)
        return o.error();
    QList<PodInfo> running;
    for (const PodInfo &p : o->pods)
        if (p.phase == QLatin1String("Running") && !p.terminating)
            running.append(p);
    std::sort(running.begin(), running.end(), [](const PodInfo &a, const PodInfo &b) { return a.name < b.name; });
    QStringList names;
    for (const PodInfo &p : running)
        names << p.name;
    if (running.isEmpty())
        return Error::make(ErrorKind::NotFound, QStringLiteral("%1 has no running pod to run the command in").arg(app.name));
    QString pod;
    static const QRegularExpression number(QStringLiteral("^[1-9][0-9]{0,2}$"));
    if (request.replica.isEmpty()) {
        pod = names.first();
    } else if (number.match(request.replica).hasMatch()) {
        const int n = request.replica.toInt();
        if (n > names.size())
            return Error::invalid(QStringLiteral("replica"), QStringLiteral("%1 has %2 running pods, not %3 (%4)")
                                                                 .arg(app.name).arg(names.size()).arg(n).arg(names.join(QStringLiteral(", "))));
        pod = names.at(n - 1);
    } else if (names.contains(request.replica)) {
        pod = request.replica;
    } else {
        const QStringList matches = names.filter(QRegularExpression(QStringLiteral("^") + QRegularExpression::escape(request.replica)));
        if (matches.size() != 1)
            return Error::invalid(QStringLiteral("replica"),
                                  QStringLiteral("'%1' %2 running pod of %3 (%4)")
                                      .arg(request.replica, matches.isEmpty() ? QStringLiteral("names no") : QStringLiteral("names more than one"),
                                           app.name, names.join(QStringLiteral(", "))));
        pod = matches.first();
    }
    return ExecTarget{pod, pod};
}

Result<CommandResult> KubernetesOrchestrator::exec(const Application &app, const ExecRequest &request, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    auto target = execTarget(session, app, request);
    if (!target)
        return target.error();
    const QString pod = target->container;
    auto result = session.run(kubernetes::exec(session.target(), pod, manifests::containerName(app), request.argv,
                                               request.timeoutMs > 0 ? request.timeoutMs : CommandRunner::kDefaultTimeoutMs));
    if (!result)
        return result;
    // kubectl's own failures (not the command's exit code) come with kubectl's words on stderr.
    const QByteArray err = result->stderrData;
    if (const auto code = reportedExitStatus(err)) {
        result->exitCode = *code;
        return result;
    }
    if (!result->succeeded() && result->stdoutData.isEmpty() && isKubectlFailure(err))
        return kubectlError(*result, QStringLiteral("running a command in pod %1").arg(pod));
    return result;
}

Result<std::unique_ptr<RemoteStream>> KubernetesOrchestrator::execStream(const Application &app, const ExecRequest &request,
                                                                         const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    auto target = execTarget(session, app, request);
    if (!target)
        return target.error();
    auto streamTarget = session.streamTarget();
    if (!streamTarget)
        return streamTarget.error();
    // The stream holds the session's kubeconfig lease: the handed-over file stays while kubectl runs.
    return kubernetes::streamExec(session, *streamTarget, target->container, manifests::containerName(app), request.argv);
}

Result<QList<ResourceUsage>> KubernetesOrchestrator::resources(const Application &app, const OperationContext &ctx)
{
    KubectlSession session(m_server, m_transport, ctx);
    if (auto s = session.open(); !s)
        return s.error();
    auto r = session.runChecked(topPods(session.target(), manifests::appSelector(app)));
    if (!r)
        return r.error();
    qint64 limit = 0;
    if (!app.memoryLimit.isEmpty())
        if (auto bytes = parseMemory(app.memoryLimit); bytes)
            limit = *bytes;
    return parseTopPods(r->stdoutData, limit);
}

Result<checks::ConnectionReport> KubernetesOrchestrator::testConnection(const CancelToken &cancel)
{
    if (!m_server.settings.kubeconfig.trimmed().isEmpty()) {
        if (auto s = checkStoredKubeconfig(m_server.settings.kubeconfig, m_server.settings.kubeContext); !s) {
            checks::ConnectionReport report;
            report.summary = QStringLiteral("Kubernetes: the stored kubeconfig cannot be used (%1)").arg(s.error().toString());
            report.items.append({checks::CheckItem::Level::Failed, QStringLiteral("Kubeconfig"), s.error().toString()});
            return report;
        }
    }
    return checks::testCluster(*m_transport, m_server.settings, cancel);
}

Result<checks::Detection> KubernetesOrchestrator::detect(const OperationContext &ctx)
{
    return checks::detect(*m_transport, m_server, ctx.cancel);
}

} // namespace fleetdeck
