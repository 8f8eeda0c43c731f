// ClusterService: a server's Kubernetes clusters and their namespaces with resource quota and limit
// range, for the GUI, the CLI and the REST API. Validation is lib/domain's (every error names its
// field); a change of an existing row is a patch the store applies in one transaction.
//
// Blocking calls are for worker threads (or the CLI's main thread); the ...Async twins run on this
// service's pool.
#pragma once

#include "core/Result.h"
#include "domain/Kubernetes.h"
#include "domain/KubernetesPatch.h"
#include "domain/Application.h"
#include "domain/Server.h"
#include "manifests/KubernetesManifests.h"
#include "orchestrators/OrchestratorInterface.h"
#include "services/Backends.h"

#include <QFuture>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace fleetdeck {

class Store;
class Transport;

// What `manifests` prints: built offline, read against the cluster, or also validated by its API server.
enum class ManifestMode { Offline, Live, Validated };

class ClusterService
{
public:
    using TransportProvider = std::function<std::shared_ptr<Transport>(const Server &)>;

    // `transports` defaults to the shared pool (Remote::transportFor).
    explicit ClusterService(std::shared_ptr<Store> store, TransportProvider transports = {});
    ~ClusterService();

    Result<QList<KubernetesCluster>> clusters(qint64 serverId);
    // Adds (id 0) or changes the cluster as the form shows it; with a context, the cluster keeps that
    // context's credentials from `kubeconfig` (and its server URL when no endpoint is given).
    Result<KubernetesCluster> saveCluster(KubernetesCluster cluster, const QString &kubeconfig);
    Status removeCluster(qint64 id);                    // and its namespaces

    Result<QList<KubernetesNamespace>> namespaces(qint64 clusterId);
    Result<KubernetesNamespace> saveNamespace(const KubernetesNamespace &ns);   // adds (id 0) or changes
    Result<KubernetesNamespace> changeNamespace(qint64 id, const NamespacePatch &patch);
    Status removeNamespace(qint64 id);

    // The row of the server's own namespace (settings.kubernetesNamespace) under any of its clusters;
    // with `create`, made when missing (under its first cluster, or a new one named "default").
    Result<KubernetesNamespace> serverNamespace(const Server &server, bool create);

    // The manifests a deploy of `app` (on Kubernetes server `server`) would apply, secrets included
    // (mask them when printing). Live and Validated ask the cluster over the server's transport.
    Result<manifests::ManifestSet> manifests(const Application &app, const Server &server, ManifestMode mode,
                                             const OperationContext &ctx);

    QFuture<Result<QList<KubernetesCluster>>> clustersAsync(qint64 serverId);
    QFuture<Result<KubernetesCluster>> saveClusterAsync(const KubernetesCluster &cluster, const QString &kubeconfig);
    QFuture<Status> removeClusterAsync(qint64 id);
    QFuture<Result<QList<KubernetesNamespace>>> namespacesAsync(qint64 clusterId);
    QFuture<Result<KubernetesNamespace>> saveNamespaceAsync(const KubernetesNamespace &ns);
    QFuture<Status> removeNamespaceAsync(qint64 id);

private:
    std::shared_ptr<Store> m_store;
    Backends m_backends;
    QThreadPool m_pool;
};

} // namespace fleetdeck
