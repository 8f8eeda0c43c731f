// Argv builders of the Kubernetes backend: every kubectl call Fleetdeck makes, as a PlannedCommand.
// Pure: names and selectors in, argv lists out; nothing here runs or quotes anything.
#pragma once

#include "orchestrators/OrchestratorTypes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace fleetdeck::kubernetes {

// Where kubectl looks: its kubeconfig (the stored one, handed over as KubectlInvocation.h says, or ""
// for the server's own ~/.kube/config / $KUBECONFIG), the context ("" = current-context) and the namespace.
struct KubectlTarget {
    QString kubeconfig;
    QString leaseDir;        // streams: the private directory the kubeconfig was handed over to
    QString context;
    QString nameSpace = QStringLiteral("default");
};

// Requests that should answer quickly carry --request-timeout so that an unreachable API server
// fails in seconds, not at the TCP timeout. Watches and follows do not (it would cut them off).
constexpr int kRequestTimeoutSeconds = 30;

// "kubectl [--context=C]" (the kubeconfig is handed over by kubectlCommand(), never named in argv)
QStringList kubectlPrefix(const KubectlTarget &target);

// Reads.
PlannedCommand getDeployment(const KubectlTarget &t, const QString &name);          // -o json, --ignore-not-found
// Several objects by "kind/name" in one call (-o json, --ignore-not-found): a List of those that exist.
PlannedCommand getObjects(const KubectlTarget &t, const QStringList &kindSlashNames);
PlannedCommand getNamespace(const KubectlTarget &t);                                // -o name, --ignore-not-found
PlannedCommand getAppObjects(const KubectlTarget &t, const QString &selector);      // deployments + pods, -o json
PlannedCommand getPods(const KubectlTarget &t, const QString &selector);            // -o json
PlannedCommand topPods(const KubectlTarget &t, const QString &selector);            // --no-headers table

// Changes. The manifests travel on stdin (`-f -`), never in a file; server-side apply with
// --field-manager=fleetdeck so Fleetdeck owns exactly the fields it writes.
PlannedCommand apply(const KubectlTarget &t, const QByteArray &manifests, bool holdsSecrets, const QString &stdinSummary);
PlannedCommand applyDryRun(const KubectlTarget &t, const QByteArray &manifests, bool holdsSecrets);  // --dry-run=server
PlannedCommand deleteObjects(const KubectlTarget &t, const QStringList &kindSlashNames);            // --ignore-not-found
// `step` names it in the deployment log ("stop", or "prune" for objects a redeploy no longer makes).
PlannedCommand deleteBySelector(const KubectlTarget &t, const QStringList &kinds, const QString &selector, int timeoutSeconds,
                                const QString &step = QStringLiteral("stop"));
PlannedCommand scale(const KubectlTarget &t, const QString &deployment, int replicas);
PlannedCommand rolloutRestart(const KubectlTarget &t, const QString &deployment);
PlannedCommand rolloutUndo(const KubectlTarget &t, const QString &deployment);
PlannedCommand rolloutStatus(const KubectlTarget &t, const QString &deployment, int timeoutSeconds);

// Logs of every pod of the selector, each line prefixed "[pod/NAME/CONTAINER] ". `maxRequests`
// bounds the concurrent log streams kubectl opens (kubectl refuses to follow more pods than that).
PlannedCommand logs(const KubectlTarget &t, const QString &selector, const LogOptions &options, int maxRequests);
// One pod (a pod that appeared after a follow began), same prefix.
PlannedCommand podLogs(const KubectlTarget &t, const QString &pod, const LogOptions &options);
// Pod changes as "NAME PHASE DELETION-TIMESTAMP" lines, one per event, until cancelled.
PlannedCommand watchPods(const KubectlTarget &t, const QString &selector);

// `kubectl exec POD -c CONTAINER -- ARGV...`: argv verbatim after "--", never a shell string.
PlannedCommand exec(const KubectlTarget &t, const QString &pod, const QString &container, const QStringList &argv,
                    int timeoutMs);

} // namespace fleetdeck::kubernetes
