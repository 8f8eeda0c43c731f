#include "servers/ClusterPanel.h"

#include "servers/ClusterForm.h"
#include "servers/NamespaceForm.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace fleetdeck::ui {

ClusterPanel::ClusterPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("clusterPanel"));
    m_clusters = new ClusterForm;
    m_namespaces = new NamespaceForm;
    auto *splitter = new QSplitter;
    splitter->addWidget(m_clusters);
    splitter->addWidget(m_namespaces);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_clusters, &ClusterForm::currentClusterChanged, m_namespaces, &NamespaceForm::setCluster);
    connect(m_clusters, &ClusterForm::clustersLoaded, this, &ClusterPanel::clustersLoaded);
    connect(m_clusters, &ClusterForm::clusterSaved, this, &ClusterPanel::clusterSaved);
    connect(m_clusters, &ClusterForm::clusterRejected, this, &ClusterPanel::clusterRejected);
    connect(m_namespaces, &NamespaceForm::namespacesLoaded, this, &ClusterPanel::namespacesLoaded);
    connect(m_namespaces, &NamespaceForm::namespaceSaved, this, &ClusterPanel::namespaceSaved);
    connect(m_namespaces, &NamespaceForm::namespaceRejected, this, &ClusterPanel::namespaceRejected);
    m_namespaces->setCluster(KubernetesCluster{});
    setEnabled(false);
}

void ClusterPanel::setService(std::shared_ptr<ClusterService> service)
{
    m_clusters->setService(service);
    m_namespaces->setService(std::move(service));
}

void ClusterPanel::setServer(const Server &server)
{
    setEnabled(server.id != 0);
    m_clusters->setServer(server);
}

Result<KubernetesNamespace> ClusterPanel::namespaceFromForm() const
{
    return m_namespaces->namespaceFromForm();
}

void ClusterPanel::reloadClusters() { m_clusters->reloadClusters(); }
void ClusterPanel::newCluster() { m_clusters->newCluster(); }
void ClusterPanel::saveCluster() { m_clusters->saveCluster(); }
void ClusterPanel::removeCluster() { m_clusters->removeCluster(); }
void ClusterPanel::newNamespace() { m_namespaces->newNamespace(); }
void ClusterPanel::saveNamespace() { m_namespaces->saveNamespace(); }
void ClusterPanel::removeNamespace() { m_namespaces->removeNamespace(); }

} // namespace fleetdeck::ui
