#include "servers/ClusterForm.h"

#include "async/Async.h"
#include "domain/Validation.h"
#include "kubeconfig/Kubeconfig.h"
#include "widgets/FieldHighlight.h"
#include "servers/PanelWidgets.h"
#include "services/ClusterService.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace fleetdeck::ui {

ClusterForm::ClusterForm(QWidget *parent) : QGroupBox(tr("Clusters"), parent)
{
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("clusterList"));
    m_list->setAccessibleName(tr("Clusters"));
    auto *newCluster = new QPushButton(tr("New &cluster"));
    newCluster->setObjectName(QStringLiteral("newClusterButton"));
    m_remove = new QPushButton(tr("Remove cluster"));
    m_remove->setObjectName(QStringLiteral("removeClusterButton"));
    m_name = formLineEdit(QStringLiteral("clusterName"), tr("Cluster name"), QStringLiteral("prod"));
    m_context = new QComboBox;
    m_context->setObjectName(QStringLiteral("clusterContext"));
    m_context->setAccessibleName(tr("Kubeconfig context"));
    m_endpoint = formLineEdit(QStringLiteral("clusterEndpoint"), tr("API endpoint"), QStringLiteral("https://10.0.0.5:6443"));
    m_version = formLineEdit(QStringLiteral("clusterVersion"), tr("Kubernetes version"), QStringLiteral("v1.32.4"));
    m_save = new QPushButton(tr("Save cluster"));
    m_save->setObjectName(QStringLiteral("saveClusterButton"));
    m_message = formMessageLabel(QStringLiteral("clusterMessage"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Con&text:"), m_context);
    form->addRow(tr("API endpo&int:"), m_endpoint);
    form->addRow(tr("V&ersion:"), m_version);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newCluster);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    auto *note = new QLabel(tr("A cluster uses the credentials of a context of this server's kubeconfig (Kubeconfig tab); "
                               "they are stored encrypted with it."));
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ClusterForm::onClusterSelected);
    connect(newCluster, &QPushButton::clicked, this, &ClusterForm::newCluster);
    connect(m_save, &QPushButton::clicked, this, &ClusterForm::saveCluster);
    connect(m_remove, &QPushButton::clicked, this, &ClusterForm::removeCluster);
    connect(m_context, &QComboBox::activated, this, &ClusterForm::fillEndpoint);
    connect(m_name, &QLineEdit::textEdited, this, [this] { clearInvalid(m_name); });
}

void ClusterForm::fillEndpoint()
{
    // The endpoint follows the context chosen (the kubeconfig is parsed off the GUI thread).
    const QString kubeconfig = m_server.settings.kubeconfig;
    const QString context = m_context->currentText();
    if (kubeconfig.trimmed().isEmpty() || context.isEmpty())
        return;
    runAsync(this, [kubeconfig, context] { return kubeconfig::credentialsFor(kubeconfig, context); },
             [this, context](const Result<kubeconfig::Credentials> &c) {
                 if (c && !c->server.isEmpty() && m_context->currentText() == context)
                     m_endpoint->setText(c->server);
             });
}

void ClusterForm::setService(std::shared_ptr<ClusterService> service)
{
    m_service = std::move(service);
}

void ClusterForm::setServer(const Server &server)
{
    const bool other = server.id != m_server.id;
    m_server = server;
    fillContexts();
    if (other)
        reloadClusters();
}

void ClusterForm::fillContexts()
{
    const QString kubeconfig = m_server.settings.kubeconfig;
    runAsync(this, [kubeconfig] { return kubeconfig::check(kubeconfig).config.contextNames(); }, [this](const QStringList &contexts) {
        m_contexts = contexts;
        const QString current = m_context->currentText();
        m_context->clear();
        m_context->addItems(contexts);
        m_context->setCurrentIndex(qMax(0, m_context->findText(current.isEmpty() ? m_cluster.context : current)));
        if (m_cluster.id == 0 && m_endpoint->text().isEmpty())
            fillEndpoint();
    });
}

void ClusterForm::reloadClusters()
{
    if (!m_service || m_server.id == 0)
        return;
    auto service = m_service;
    const qint64 serverId = m_server.id;
    runAsync(this, [service, serverId] { return service->clusters(serverId); }, [this, serverId](const Result<QList<KubernetesCluster>> &clusters) {
        if (serverId != m_server.id)
            return;
        if (!clusters) {
            showFormMessage(m_message, clusters.error().toString(), true);
            return;
        }
        const qint64 keep = m_cluster.id;
        m_clusters = *clusters;
        const QSignalBlocker block(m_list);
        m_list->clear();
        int select = m_clusters.isEmpty() ? -1 : 0;
        for (int i = 0; i < m_clusters.size(); ++i) {
            const KubernetesCluster &c = m_clusters.at(i);
            auto *item = new QListWidgetItem(c.version.isEmpty() ? tr("%1 — %2").arg(c.name, c.apiEndpoint)
                                                                 : tr("%1 — %2 (%3)").arg(c.name, c.apiEndpoint, c.version),
                                             m_list);
            item->setData(Qt::UserRole, c.id);
            if (c.id == keep)
                select = i;
        }
        m_list->setCurrentRow(select);
        onClusterSelected();
        Q_EMIT clustersLoaded(int(m_clusters.size()));
    });
}

void ClusterForm::onClusterSelected()
{
    const int row = m_list->currentRow();
    showClusterForm(row >= 0 && row < m_clusters.size() ? m_clusters.at(row) : KubernetesCluster{});
}

void ClusterForm::showClusterForm(const KubernetesCluster &cluster)
{
    m_cluster = cluster;
    clearInvalid(m_name);
    m_message->hide();
    m_name->setText(cluster.name);
    m_endpoint->setText(cluster.apiEndpoint);
    m_version->setText(cluster.version);
    m_context->setCurrentIndex(qMax(0, m_context->findText(cluster.context)));
    m_remove->setEnabled(cluster.id != 0);
    Q_EMIT currentClusterChanged(cluster);
}

void ClusterForm::newCluster()
{
    m_list->setCurrentRow(-1);
    showClusterForm(KubernetesCluster{});
    fillEndpoint();
    m_name->setFocus();
}

void ClusterForm::saveCluster()
{
    if (!m_service)
        return;
    clearInvalid(m_name);
    KubernetesCluster c = m_cluster;
    c.serverId = m_server.id;
    c.name = m_name->text().trimmed();
    c.context = m_context->currentText();
    c.apiEndpoint = m_endpoint->text().trimmed();
    c.version = m_version->text().trimmed();
    // lib/domain's checks, before anything is written; the field at fault is marked.
    if (const QList<Error> problems = validate::clusterProblems(c); !problems.isEmpty()) {
        const Error &e = problems.first();
        if (e.field == QLatin1String("api-endpoint")) {
            markInvalid(m_endpoint, tr("the API endpoint is a URL like https://10.0.0.5:6443"));
            showFormMessage(m_message, tr("Not saved: the API endpoint is a URL like https://10.0.0.5:6443"), true);
        } else {
            markInvalid(m_name, e.toString());
            showFormMessage(m_message, tr("Not saved: %1").arg(e.toString()), true);
        }
        Q_EMIT clusterRejected(e.field);
        return;
    }
    auto service = m_service;
    const QString kubeconfig = m_server.settings.kubeconfig;
    runAsync(
        this, [service, c, kubeconfig] { return service->saveCluster(c, kubeconfig); },
        [this](const Result<KubernetesCluster> &saved) {
            if (!saved) {
                if (saved.error().field == QLatin1String("name"))
                    markInvalid(m_name, saved.error().toString());
                showFormMessage(m_message, tr("Not saved: %1").arg(saved.error().toString()), true);
                Q_EMIT clusterRejected(saved.error().field);
                return;
            }
            m_cluster = *saved;
            showFormMessage(m_message, tr("Cluster %1 saved.").arg(saved->name), false);
            Q_EMIT clusterSaved(*saved);
            reloadClusters();
        });
}

void ClusterForm::removeCluster()
{
    if (!m_service || m_cluster.id == 0)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove cluster"),
                                tr("Remove cluster %1 and its namespaces from Fleetdeck? Nothing changes in the cluster itself.")
                                    .arg(m_cluster.name),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeClusterConfirm"));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, id = m_cluster.id](QAbstractButton *clicked) {
        if (clicked != remove)
            return;
        auto service = m_service;
        runAsync(this, [service, id] { return service->removeCluster(id); }, [this](const Status &s) {
            if (!s)
                showFormMessage(m_message, s.error().toString(), true);
            m_cluster = KubernetesCluster{};
            reloadClusters();
        });
    });
    box->open();
}

} // namespace fleetdeck::ui
