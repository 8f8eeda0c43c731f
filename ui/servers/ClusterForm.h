// ClusterForm: a server's Kubernetes clusters: the list, and the selected (or new) cluster's name,
// kubeconfig context (its credentials are stored with it), API endpoint and version.
#pragma once

#include "domain/Kubernetes.h"
#include "domain/Server.h"

#include <QGroupBox>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace fleetdeck {
class ClusterService;
}

namespace fleetdeck::ui {

class ClusterForm final : public QGroupBox
{
    Q_OBJECT
public:
    explicit ClusterForm(QWidget *parent = nullptr);

    void setService(std::shared_ptr<ClusterService> service);
    void setServer(const Server &server);

public Q_SLOTS:
    void reloadClusters();
    void newCluster();
    void saveCluster();
    void removeCluster();

Q_SIGNALS:
    void clustersLoaded(int count);
    void clusterSaved(const fleetdeck::KubernetesCluster &cluster);
    void clusterRejected(const QString &field);
    // The cluster in the form changed (id 0: a new one, not saved yet).
    void currentClusterChanged(const fleetdeck::KubernetesCluster &cluster);

private:
    void onClusterSelected();
    void showClusterForm(const KubernetesCluster &cluster);
    void fillContexts();
    void fillEndpoint();

    std::shared_ptr<ClusterService> m_service;
    Server m_server;
    QList<KubernetesCluster> m_clusters;
    KubernetesCluster m_cluster;       // the one in the form (id 0 = new)
    QStringList m_contexts;

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_context = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLineEdit *m_version = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace fleetdeck::ui
