// ClusterService: cluster and namespace rows, credentials taken from the server's kubeconfig.
#include "services/ClusterService.h"

#include "core/Translate.h"
#include "domain/Validation.h"
#include "kubeconfig/Kubeconfig.h"
#include "orchestrators/kubernetes/KubernetesOrchestrator.h"
#include "orchestrators/kubernetes/KubernetesStore.h"
#include "store/Repositories.h"

#include <QtConcurrent>

namespace fleetdeck {

ClusterService::ClusterService(std::shared_ptr<Store> store, TransportProvider transports)
    : m_store(std::move(store)), m_backends(m_store, std::move(transports))
{
    m_pool.setMaxThreadCount(2);
}

ClusterService::~ClusterService()
{
    m_pool.waitForDone();
}

Result<QList<KubernetesCluster>> ClusterService::clusters(qint64 serverId)
{
    return m_store->clusters(serverId);
}

Result<KubernetesCluster> ClusterService::saveCluster(KubernetesCluster c, const QString &kubeconfig)
{
    if (Status v = validate::cluster(c); !v)
        return v.error();
    ClusterPatch patch;
    patch.name = c.name;
    patch.context = c.context;
    patch.apiEndpoint = c.apiEndpoint;
    patch.version = c.version;
    // The cluster keeps the context's credentials (sealed by the store).
    if (!kubeconfig.trimmed().isEmpty() && !c.context.isEmpty()) {
        Result<kubeconfig::Credentials> creds = kubeconfig::credentialsFor(kubeconfig, c.context);
        if (!creds)
            return creds.error();
        patch.kubeconfig = kubeconfig;
        patch.caCertificate = creds->caCertificate;
        patch.clientCertificate = creds->clientCertificate;
        patch.clientKey = creds->clientKey;
        if (c.apiEndpoint.isEmpty())
            patch.apiEndpoint = creds->server;
    }
    if (c.id != 0)
        return m_store->patchCluster(c.id, patch);
    patch.applyTo(c);
    return m_store->addCluster(c);
}

Status ClusterService::removeCluster(qint64 id)
{
    return m_store->removeCluster(id);
}

Result<QList<KubernetesNamespace>> ClusterService::namespaces(qint64 clusterId)
{
    return m_store->namespaces(clusterId);
}

Result<KubernetesNamespace> ClusterService::saveNamespace(const KubernetesNamespace &ns)
{
    if (ns.id == 0)
        return m_store->addNamespace(ns);
    NamespacePatch patch;
    patch.name = ns.name;
    patch.resourceQuota = ns.resourceQuota;
    patch.limitRange = ns.limitRange;
    return m_store->patchNamespace(ns.id, patch);
}

Result<KubernetesNamespace> ClusterService::changeNamespace(qint64 id, const NamespacePatch &patch)
{
    return m_store->patchNamespace(id, patch);
}

Status ClusterService::removeNamespace(qint64 id)
{
    return m_store->removeNamespace(id);
}

Result<KubernetesNamespace> ClusterService::serverNamespace(const Server &server, bool create)
{
    if (auto existing = kubernetes::namespaceSettingsFor(*m_store, server))
        return *existing;
    if (!create)
        return Error::notFound(QCoreApplication::translate("fleetdeck::services", "no settings stored for namespace %1 of server %2 (fleetdeck-cli namespace set %2 ...)")
                                   .arg(server.settings.kubernetesNamespace, server.name));
    auto clusters = m_store->clusters(server.id);
    if (!clusters)
        return clusters.error();
    KubernetesCluster cluster;
    if (!clusters->isEmpty()) {
        cluster = clusters->first();
    } else {
        cluster.serverId = server.id;
        cluster.name = QStringLiteral("default");
        cluster.context = server.settings.kubeContext;
        auto added = m_store->addCluster(cluster);
        if (!added)
            return added.error();
        cluster = *added;
    }
    KubernetesNamespace ns;
    ns.clusterId = cluster.id;
    ns.name = server.settings.kubernetesNamespace;
    return m_store->addNamespace(ns);
}

Result<manifests::ManifestSet> ClusterService::manifests(const Application &app, const Server &server, ManifestMode mode,
                                                        const OperationContext &ctx)
{
    const BackendSetup setup = m_backends.setupFor(server);
    if (mode == ManifestMode::Offline) {
        manifests::ManifestOptions options;
        options.namespaceSettings = setup.namespaceSettings;
        return manifests::buildManifests(app, server.settings, options);
    }
    KubernetesOrchestrator backend(setup.server, setup.transport, setup.namespaceSettings);
    auto set = backend.manifestsFor(app, ctx);
    if (set && mode == ManifestMode::Validated)
        if (Status valid = backend.validateManifests(app, ctx); !valid)
            return valid.error();
    return set;
}

QFuture<Result<QList<KubernetesCluster>>> ClusterService::clustersAsync(qint64 serverId)
{
    return QtConcurrent::run(&m_pool, [this, serverId] { return clusters(serverId); });
}

QFuture<Result<KubernetesCluster>> ClusterService::saveClusterAsync(const KubernetesCluster &cluster, const QString &kubeconfig)
{
    return QtConcurrent::run(&m_pool, [this, cluster, kubeconfig] { return saveCluster(cluster, kubeconfig); });
}

QFuture<Status> ClusterService::removeClusterAsync(qint64 id)
{
    return QtConcurrent::run(&m_pool, [this, id] { return removeCluster(id); });
}

QFuture<Result<QList<KubernetesNamespace>>> ClusterService::namespacesAsync(qint64 clusterId)
{
    return QtConcurrent::run(&m_pool, [this, clusterId] { return namespaces(clusterId); });
}

QFuture<Result<KubernetesNamespace>> ClusterService::saveNamespaceAsync(const KubernetesNamespace &ns)
{
    return QtConcurrent::run(&m_pool, [this, ns] { return saveNamespace(ns); });
}

QFuture<Status> ClusterService::removeNamespaceAsync(qint64 id)
{
    return QtConcurrent::run(&m_pool, [this, id] { return removeNamespace(id); });
}

} // namespace fleetdeck
