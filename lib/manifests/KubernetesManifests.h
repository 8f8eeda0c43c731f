// KubernetesManifests: the objects a deploy applies for one application, built from the application,
// the server's Kubernetes settings and (optionally) the namespace's quota and limit range. Pure.
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "domain/Kubernetes.h"
#include "domain/Server.h"
#include "manifests/ManifestValue.h"

#include <QStringList>

#include <optional>

namespace fleetdeck::manifests {

struct ManifestOptions {
    // spec.replicas to write; nullopt = the application's kubernetesReplicas. The backend passes the
    // cluster's current count when the user did not change replicas, so a manual scale survives.
    std::optional<int> replicas;
    qint64 deploymentId = 0;             // > 0: pod template annotation (each deploy is a rollout)
    bool includeNamespace = true;        // a Namespace document first (the backend drops it when it exists)
    std::optional<KubernetesNamespace> namespaceSettings; // ResourceQuota + LimitRange when set
};

struct Manifest {
    QString apiVersion;
    QString kind;
    QString name;
    QString nameSpace;                   // "" for cluster-scoped objects (Namespace)
    Value body;                          // what is applied
    Value maskedBody;                    // what is shown: secret values replaced by "***"
    bool holdsSecrets = false;
};

struct ManifestSet {
    QList<Manifest> items;               // apply order: Namespace, quota, limits, Secret, Deployment, Service, Ingress
    QStringList notes;                   // settings that do not apply on Kubernetes, objects left out and why

    const Manifest *find(const QString &kind) const;
    bool holdsSecrets() const;
    // All documents as one YAML stream ("---" before each); masked for display, unmasked for kubectl.
    QByteArray yaml(bool masked) const;
    QStringList documents(bool masked) const;
};

// Invalid (naming the field) when the application or settings cannot make valid objects: e.g. a
// health check without a port, a pod label that would hijack the selector, a bad quantity.
Result<ManifestSet> buildManifests(const Application &app, const ServerSettings &settings,
                                   const ManifestOptions &options = {});

// Kinds (plural resource names for `kubectl delete`) of the per-application objects Fleetdeck creates.
QStringList applicationResourceKinds();   // deployments.apps, services, ingresses.networking.k8s.io, secrets

} // namespace fleetdeck::manifests
