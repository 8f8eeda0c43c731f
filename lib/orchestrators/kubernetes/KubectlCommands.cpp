// Argv builders of the Kubernetes backend.
#include "orchestrators/kubernetes/KubectlCommands.h"

#include "orchestrators/kubernetes/KubectlInvocation.h"

#include <QRegularExpression>

namespace fleetdeck::kubernetes {

namespace {

QString requestTimeout()
{
    return QStringLiteral("--request-timeout=%1s").arg(kRequestTimeoutSeconds);
}

QString ns(const KubectlTarget &t)
{
    return QStringLiteral("--namespace=") + t.nameSpace;
}

// Every builder ends here: kubectlCommand() hands the kubeconfig over.
PlannedCommand command(const KubectlTarget &t, const QString &step, const QString &description, const QStringList &argv,
                       int timeoutMs, const QByteArray &payload = {})
{
    PlannedCommand c;
    c.step = step;
    c.description = description;
    c.command = kubectlCommand(t, argv, payload);
    c.command.timeoutMs = timeoutMs;
    c.command.purpose = description;
    return c;
}

// A little more than kubectl's own limit, so kubectl reports the timeout, not the transport.
int quickTimeoutMs()
{
    return (kRequestTimeoutSeconds + 15) * 1000;
}

void addLogOptions(QStringList &argv, const LogOptions &options)
{
    argv << QStringLiteral("--tail=%1").arg(options.tail);
    if (options.timestamps)
        argv << QStringLiteral("--timestamps");
    if (!options.since.isEmpty()) {
        // kubectl takes a duration with --since and an RFC 3339 time with --since-time.
        static const QRegularExpression duration(QStringLiteral("^([0-9]+(ns|us|ms|s|m|h))+$"));
        argv << (duration.match(options.since).hasMatch() ? QStringLiteral("--since=") : QStringLiteral("--since-time="))
                    + options.since;
    }
    if (options.follow)
        argv << QStringLiteral("--follow");
}

} // namespace

QStringList kubectlPrefix(const KubectlTarget &t)
{
    QStringList argv{QStringLiteral("kubectl")};
    if (!t.context.isEmpty())
        argv << QStringLiteral("--context=") + t.context;
    return argv;
}

PlannedCommand getDeployment(const KubectlTarget &t, const QString &name)
{
    return command(t, QStringLiteral("inspect"), QStringLiteral("read Deployment %1").arg(name),
                   kubectlPrefix(t) << QStringLiteral("get") << QStringLiteral("deployment.apps") << name << ns(t)
                                    << QStringLiteral("--output=json") << QStringLiteral("--ignore-not-found")
                                    << requestTimeout(),
                   quickTimeoutMs());
}

PlannedCommand getObjects(const KubectlTarget &t, const QStringList &kindSlashNames)
{
    return command(t, QStringLiteral("inspect"), QStringLiteral("read %1").arg(kindSlashNames.join(QStringLiteral(", "))),
                   kubectlPrefix(t) << QStringLiteral("get") << kindSlashNames << ns(t) << QStringLiteral("--output=json")
                                    << QStringLiteral("--ignore-not-found") << requestTimeout(),
                   quickTimeoutMs());
}

PlannedCommand getNamespace(const KubectlTarget &t)
{
    return command(t, QStringLiteral("inspect"), QStringLiteral("check namespace %1").arg(t.nameSpace),
                   kubectlPrefix(t) << QStringLiteral("get") << QStringLiteral("namespace") << t.nameSpace
                                    << QStringLiteral("--output=name") << QStringLiteral("--ignore-not-found")
                                    << requestTimeout(),
                   quickTimeoutMs());
}

PlannedCommand getAppObjects(const KubectlTarget &t, const QString &selector)
{
    return command(t, QStringLiteral("status"), QStringLiteral("read the Deployment, ReplicaSets and pods (%1)").arg(selector),
                   kubectlPrefix(t) << QStringLiteral("get") << QStringLiteral("deployments.apps,replicasets.apps,pods")
                                    << QStringLiteral("--selector=") + selector << ns(t) << QStringLiteral("--output=json")
                                    << requestTimeout(),
                   quickTimeoutMs());
}

PlannedCommand getPods(const KubectlTarget &t, const QString &selector)
{
    return command(t, QStringLiteral("pods"), QStringLiteral("list pods (%1)").arg(selector),
                   kubectlPrefix(t) << QStringLiteral("get") << QStringLiteral("pods") << QStringLiteral("--selector=") + selector
                                    << ns(t) << QStringLiteral("--output=json") << requestTimeout(),
                   quickTimeoutMs());
}

PlannedCommand topPods(const KubectlTarget &t, const QString &selector)
{
    return command(t, QStringLiteral("resources"), QStringLiteral("read pod metrics (%1)").arg(selector),
                   kubectlPrefix(t) << QStringLiteral("top") << QStringLiteral("pods") << QStringLiteral("--selector=") + selector
                                    << ns(t) << QStringLiteral("--no-headers") << requestTimeout(),
                   quickTimeoutMs());
}

PlannedCommand apply(const KubectlTarget &t, const QByteArray &manifests, bool holdsSecrets, const QString &stdinSummary)
{
    // --force-conflicts: a deploy is the user's statement of what the application is; fields another
    // manager took over (an image set by hand) return to it. Replicas are handled by the caller, so
    // that a manual scale is not undone by a deploy that did not change them.
    PlannedCommand c = command(t, QStringLiteral("apply"), QStringLiteral("apply the manifests (server-side)"),
                               kubectlPrefix(t) << QStringLiteral("apply") << QStringLiteral("--server-side")
                                                << QStringLiteral("--field-manager=fleetdeck") << QStringLiteral("--force-conflicts")
                                                << QStringLiteral("--filename=-") << QStringLiteral("--output=name")
                                                << requestTimeout(),
                               quickTimeoutMs() * 2, manifests);
    c.command.stdinIsSecret = c.command.stdinIsSecret || holdsSecrets;
    c.stdinSummary = stdinSummary;
    return c;
}

PlannedCommand applyDryRun(const KubectlTarget &t, const QByteArray &manifests, bool holdsSecrets)
{
    PlannedCommand c = command(t, QStringLiteral("validate"), QStringLiteral("validate the manifests (server-side dry run)"),
                               kubectlPrefix(t) << QStringLiteral("apply") << QStringLiteral("--server-side")
                                                << QStringLiteral("--field-manager=fleetdeck") << QStringLiteral("--force-conflicts")
                                                << QStringLiteral("--dry-run=server") << QStringLiteral("--filename=-")
                                                << QStringLiteral("--output=name") << requestTimeout(),
                               quickTimeoutMs() * 2, manifests);
    c.command.stdinIsSecret = c.command.stdinIsSecret || holdsSecrets;
    c.stdinSummary = QStringLiteral("the manifests (YAML)");
    return c;
}

PlannedCommand deleteObjects(const KubectlTarget &t, const QStringList &kindSlashNames)
{
    return command(t, QStringLiteral("prune"), QStringLiteral("remove objects no longer generated: %1").arg(kindSlashNames.join(QStringLiteral(", "))),
                   kubectlPrefix(t) << QStringLiteral("delete") << kindSlashNames << ns(t) << QStringLiteral("--ignore-not-found")
                                    << requestTimeout(),
                   quickTimeoutMs());
}

PlannedCommand deleteBySelector(const KubectlTarget &t, const QStringList &kinds, const QString &selector, int timeoutSeconds,
                                const QString &step)
{
    // Foreground: the call returns once the pods are gone too, so "stopped" means stopped.
    return command(t, step, QStringLiteral("delete %1 (%2)").arg(kinds.join(QLatin1Char(',')), selector),
                   kubectlPrefix(t) << QStringLiteral("delete") << kinds.join(QLatin1Char(','))
                                    << QStringLiteral("--selector=") + selector << ns(t) << QStringLiteral("--ignore-not-found")
                                    << QStringLiteral("--cascade=foreground") << QStringLiteral("--wait=true")
                                    << QStringLiteral("--timeout=%1s").arg(timeoutSeconds),
                   (timeoutSeconds + 15) * 1000);
}

PlannedCommand scale(const KubectlTarget &t, const QString &deployment, int replicas)
{
    return command(t, QStringLiteral("scale"), QStringLiteral("scale Deployment %1 to %2").arg(deployment).arg(replicas),
                   kubectlPrefix(t) << QStringLiteral("scale") << QStringLiteral("deployment.apps/") + deployment
                                    << QStringLiteral("--replicas=%1").arg(replicas) << ns(t) << requestTimeout(),
                   quickTimeoutMs());
}

PlannedCommand rolloutRestart(const KubectlTarget &t, const QString &deployment)
{
    return command(t, QStringLiteral("restart"), QStringLiteral("restart the pods of Deployment %1").arg(deployment),
                   kubectlPrefix(t) << QStringLiteral("rollout") << QStringLiteral("restart")
                                    << QStringLiteral("deployment.apps/") + deployment << ns(t) << requestTimeout(),
                   quickTimeoutMs());
}

PlannedCommand rolloutUndo(const KubectlTarget &t, const QString &deployment)
{
    return command(t, QStringLiteral("rollback"), QStringLiteral("roll Deployment %1 back to its previous revision").arg(deployment),
                   kubectlPrefix(t) << QStringLiteral("rollout") << QStringLiteral("undo")
                                    << QStringLiteral("deployment.apps/") + deployment << ns(t) << requestTimeout(),
                   quickTimeoutMs());
}

PlannedCommand rolloutStatus(const KubectlTarget &t, const QString &deployment, int timeoutSeconds)
{
    return command(t, QStringLiteral("wait"), QStringLiteral("wait for the rollout of %1 (at most %2 s)").arg(deployment).arg(timeoutSeconds),
                   kubectlPrefix(t) << QStringLiteral("rollout") << QStringLiteral("status")
                                    << QStringLiteral("deployment.apps/") + deployment << ns(t) << QStringLiteral("--watch=true")
                                    << QStringLiteral("--timeout=%1s").arg(timeoutSeconds),
                   (timeoutSeconds + 15) * 1000);
}

PlannedCommand logs(const KubectlTarget &t, const QString &selector, const LogOptions &options, int maxRequests)
{
    QStringList argv = kubectlPrefix(t) << QStringLiteral("logs") << QStringLiteral("--selector=") + selector << ns(t)
                                        << QStringLiteral("--prefix") << QStringLiteral("--all-containers=true")
                                        << QStringLiteral("--max-log-requests=%1").arg(qMax(1, maxRequests))
                                        << QStringLiteral("--ignore-errors=true");
    addLogOptions(argv, options);
    return command(t, QStringLiteral("logs"), QStringLiteral("read the logs of every pod (%1)").arg(selector), argv,
                   options.follow ? 0 : quickTimeoutMs() * 2);
}

PlannedCommand podLogs(const KubectlTarget &t, const QString &pod, const LogOptions &options)
{
    QStringList argv = kubectlPrefix(t) << QStringLiteral("logs") << QStringLiteral("pod/") + pod << ns(t)
                                        << QStringLiteral("--prefix") << QStringLiteral("--all-containers=true");
    addLogOptions(argv, options);
    return command(t, QStringLiteral("logs"), QStringLiteral("read the log of pod %1").arg(pod), argv,
                   options.follow ? 0 : quickTimeoutMs() * 2);
}

PlannedCommand watchPods(const KubectlTarget &t, const QString &selector)
{
    return command(t, QStringLiteral("logs"), QStringLiteral("watch the pods (%1)").arg(selector),
                   kubectlPrefix(t) << QStringLiteral("get") << QStringLiteral("pods") << QStringLiteral("--selector=") + selector
                                    << ns(t) << QStringLiteral("--watch-only=true")
                                    << QStringLiteral("--output=jsonpath={.metadata.name}{\" \"}{.status.phase}{\" \"}"
                                                      "{.metadata.deletionTimestamp}{\"\\n\"}"),
                   0);
}

PlannedCommand exec(const KubectlTarget &t, const QString &pod, const QString &container, const QStringList &argv,
                    int timeoutMs)
{
    QStringList full = kubectlPrefix(t) << QStringLiteral("exec") << pod << ns(t);
    if (!container.isEmpty())
        full << QStringLiteral("--container=") + container;
    full << QStringLiteral("--") << argv;
    return command(t, QStringLiteral("exec"), QStringLiteral("run a command in pod %1").arg(pod), full, timeoutMs);
}

} // namespace fleetdeck::kubernetes
