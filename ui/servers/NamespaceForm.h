// NamespaceForm: the namespaces of one cluster: the list, and the selected (or new) namespace's name,
// resource quota and limit range; Save checks every value before anything is written.
#pragma once

#include "core/Result.h"
#include "domain/Kubernetes.h"

#include <QGroupBox>

#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace fleetdeck {
class ClusterService;
}

namespace fleetdeck::ui {

class QuotaLimitsEditor;

class NamespaceForm final : public QGroupBox
{
    Q_OBJECT
public:
    explicit NamespaceForm(QWidget *parent = nullptr);

    void setService(std::shared_ptr<ClusterService> service);
    // The cluster whose namespaces are shown (id 0: none yet, the form is disabled).
    void setCluster(const KubernetesCluster &cluster);

    // The form as typed; an Invalid error names the field ("name", "quota:ROW", "limit:ROW:COL", ...).
    Result<KubernetesNamespace> namespaceFromForm() const;

public Q_SLOTS:
    void loadNamespaces();
    void newNamespace();
    void saveNamespace();
    void removeNamespace();

Q_SIGNALS:
    void namespacesLoaded(int count);
    void namespaceSaved(const fleetdeck::KubernetesNamespace &ns);
    void namespaceRejected(const QString &field);

private:
    void onNamespaceSelected();
    void showNamespaceForm(const KubernetesNamespace &ns);

    std::shared_ptr<ClusterService> m_service;
    KubernetesCluster m_cluster;
    QList<KubernetesNamespace> m_namespaces;
    KubernetesNamespace m_namespace;   // the one in the form (id 0 = new)

    QLabel *m_title = nullptr;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QuotaLimitsEditor *m_limits = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace fleetdeck::ui
