// Store lookups of the Kubernetes backend.
#include "orchestrators/kubernetes/KubernetesStore.h"

#include "store/Repositories.h"

namespace fleetdeck::kubernetes {

std::optional<KubernetesNamespace> namespaceSettingsFor(const Store &store, const Server &server)
{
    const auto clusters = store.clusters(server.id);
    if (!clusters)
        return std::nullopt;
    for (const KubernetesCluster &c : *clusters) {
        const auto namespaces = store.namespaces(c.id);
        if (!namespaces)
            continue;
        for (const KubernetesNamespace &ns : *namespaces)
            if (ns.name == server.settings.kubernetesNamespace)
                return ns;
    }
    return std::nullopt;
}

} // namespace fleetdeck::kubernetes
