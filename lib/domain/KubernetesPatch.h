// ClusterPatch / NamespacePatch: a change of some fields of one cluster or namespace row, each set only
// when it changes; the store applies it to the row as stored, inside one transaction.
#pragma once

#include "domain/Kubernetes.h"

#include <optional>

namespace fleetdeck {

struct ClusterPatch {
    std::optional<QString> name;
    std::optional<QString> apiEndpoint;
    std::optional<QString> version;
    std::optional<QString> context;
    // The context's credentials, taken from the server's kubeconfig when the context is set.
    std::optional<QString> kubeconfig;
    std::optional<QString> caCertificate;
    std::optional<QString> clientCertificate;
    std::optional<QString> clientKey;

    void applyTo(KubernetesCluster &c) const
    {
        auto put = [](auto &field, const auto &value) {
            if (value)
                field = *value;
        };
        put(c.name, name);
        put(c.apiEndpoint, apiEndpoint);
        put(c.version, version);
        put(c.context, context);
        put(c.kubeconfig, kubeconfig);
        put(c.caCertificate, caCertificate);
        put(c.clientCertificate, clientCertificate);
        put(c.clientKey, clientKey);
    }
};

struct NamespacePatch {
    std::optional<QString> name;
    std::optional<QJsonObject> resourceQuota;
    std::optional<QJsonObject> limitRange;

    void applyTo(KubernetesNamespace &ns) const
    {
        if (name)
            ns.name = *name;
        if (resourceQuota)
            ns.resourceQuota = *resourceQuota;
        if (limitRange)
            ns.limitRange = *limitRange;
    }
};

} // namespace fleetdeck
