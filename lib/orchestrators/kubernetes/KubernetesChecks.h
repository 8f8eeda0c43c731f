// KubernetesChecks: the Kubernetes backend's Test connection (API server, nodes, namespace,
// permissions, named classes) and its part of Detect (the cluster's version and nodes). They only
// ever read from the cluster. Blocking: worker threads only.
#pragma once

#include "core/Result.h"
#include "domain/Server.h"
#include "orchestrators/ConnectionReport.h"
#include "remote/RemoteCommand.h"

namespace fleetdeck {
class Transport;
}

namespace fleetdeck::checks {

// kubectl with `kubeconfig` handed over as kubernetes::kubectlCommand() does (KubectlInvocation.h:
// on stdin, through a private directory removed before kubectl starts). An empty kubeconfig runs
// kubectl with the server's own configuration (~/.kube/config).
RemoteCommand kubectlCommand(const QStringList &kubectlArgs, const QString &kubeconfig, const QString &context,
                             int timeoutMs, const QString &purpose);

QList<Permission> requiredPermissions(const ServerSettings &settings, bool namespaceExists);

// The cluster part of Detect: with a kubeconfig in `server.settings`, the cluster's version (kubectl
// presence, or why it did not answer in clusterError); when a cluster answers, its nodes. Only a
// transport failure is an error.
Status probeCluster(Transport &transport, const Server &server, Detection &detection, const CancelToken &cancel = {});

// Test connection for Kubernetes with `settings`: API server, version, nodes (which one is NotReady),
// namespace, permissions (which one is missing). Problems are items; only a transport failure is an error.
Result<ConnectionReport> testCluster(Transport &transport, const ServerSettings &settings, const CancelToken &cancel = {});

} // namespace fleetdeck::checks
