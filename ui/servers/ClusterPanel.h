// ClusterPanel: a server's Kubernetes clusters and, per cluster, its namespaces with resource quota
// and limit range edited as forms (tables of quantities, each checked before anything is written).
#pragma once

#include "core/Result.h"
#include "domain/Kubernetes.h"
#include "domain/Server.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace fleetdeck {
class Store;
}

namespace fleetdeck::ui {

class ClusterPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterPanel(QWidget *parent = nullptr);

    void setStore(std::shared_ptr<Store> store);
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
    void buildUi();
    void onClusterSelected();
    void onNamespaceSelected();
    void loadNamespaces();
    void showClusterForm(const KubernetesCluster &cluster);
    void showNamespaceForm(const KubernetesNamespace &ns);
    void fillContexts();
    void fillEndpoint();
    void showMessage(QLabel *label, const QString &text, bool error);
    void clearTableMarks(QTableWidget *table);

    std::shared_ptr<Store> m_store;
    Server m_server;
    QList<KubernetesCluster> m_clusters;
    QList<KubernetesNamespace> m_namespaces;
    KubernetesCluster m_cluster;       // the one in the form (id 0 = new)
    KubernetesNamespace m_namespace;   // the one in the form (id 0 = new)
    QStringList m_contexts;

    QListWidget *m_clusterList = nullptr;
    QLineEdit *m_clusterName = nullptr;
    QComboBox *m_clusterContext = nullptr;
    QLineEdit *m_clusterEndpoint = nullptr;
    QLineEdit *m_clusterVersion = nullptr;
    QPushButton *m_saveCluster = nullptr;
    QPushButton *m_removeCluster = nullptr;
    QLabel *m_clusterMessage = nullptr;

    QWidget *m_namespaceSide = nullptr;
    QLabel *m_namespaceTitle = nullptr;
    QListWidget *m_namespaceList = nullptr;
    QLineEdit *m_namespaceName = nullptr;
    QTableWidget *m_quota = nullptr;
    QTableWidget *m_limits = nullptr;
    QPushButton *m_saveNamespace = nullptr;
    QPushButton *m_removeNamespace = nullptr;
    QLabel *m_namespaceMessage = nullptr;
};

} // namespace fleetdeck::ui
