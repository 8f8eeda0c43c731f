// ClusterPanel: a server's Kubernetes clusters (ClusterForm) beside the namespaces of the selected one
// with their resource quota and limit range (NamespaceForm).
#pragma once

#include "core/Result.h"
#include "domain/Kubernetes.h"
#include "domain/Server.h"

#include <QWidget>

#include <memory>

namespace fleetdeck {
class ClusterService;
}

namespace fleetdeck::ui {

class ClusterForm;
class NamespaceForm;

class ClusterPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterPanel(QWidget *parent = nullptr);

    void setService(std::shared_ptr<ClusterService> service);
    void setServer(const Server &server);

    // The namespace form as typed; an Invalid error names the field ("name", "quota:requests.cpu", ...).
    Result<KubernetesNamespace> namespaceFromForm() const;

public Q_SLOTS:
    void reloadClusters();
    void newCluster();
    void saveCluster();
    void removeCluster();
    void newNamespace();
    void saveNamespace();
    void removeNamespace();

Q_SIGNALS:
    void clustersLoaded(int count);
    void namespacesLoaded(int count);
    void clusterSaved(const fleetdeck::KubernetesCluster &cluster);
    void namespaceSaved(const fleetdeck::KubernetesNamespace &ns);
    void namespaceRejected(const QString &field);
    void clusterRejected(const QString &field);

private:
    ClusterForm *m_clusters = nullptr;
    NamespaceForm *m_namespaces = nullptr;
};

} // namespace fleetdeck::ui
