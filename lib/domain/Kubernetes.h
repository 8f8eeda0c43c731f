// Kubernetes clusters and namespaces known to a server (seed: KubernetesCluster, KubernetesNamespace).
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace fleetdeck {

struct KubernetesCluster {
    qint64 id = 0;
    qint64 serverId = 0;
    QString name;
    QString apiEndpoint;
    QString version;
    QString context;
    QString kubeconfig;          // secret
    QString caCertificate;
    QString clientCertificate;
    QString clientKey;           // secret
    QDateTime createdAt;
    bool operator==(const KubernetesCluster &) const = default;
};

struct KubernetesNamespace {
    qint64 id = 0;
    qint64 clusterId = 0;
    QString name;
    // ResourceQuota "hard" map, e.g. {"requests.cpu":"2","requests.memory":"4Gi","pods":"20"}
    QJsonObject resourceQuota;
    // LimitRange container defaults, e.g. {"default":{"cpu":"500m"},"defaultRequest":{"memory":"128Mi"}}
    QJsonObject limitRange;
    QDateTime createdAt;
    bool operator==(const KubernetesNamespace &) const = default;
};

} // namespace fleetdeck
