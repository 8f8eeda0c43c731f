#include "servers/ClusterPanel.h"

#include "async/Async.h"
#include "domain/Quantity.h"
#include "domain/Validation.h"
#include "kubeconfig/Kubeconfig.h"
#include "servers/FieldHighlight.h"
#include "servers/Shortcuts.h"
#include "store/Repositories.h"

#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {

// The quotas most namespaces set; more rows can be added.
const QStringList kQuotaKeys = {QStringLiteral("requests.cpu"),    QStringLiteral("requests.memory"),
                                QStringLiteral("limits.cpu"),      QStringLiteral("limits.memory"),
                                QStringLiteral("pods"),            QStringLiteral("services"),
                                QStringLiteral("persistentvolumeclaims"), QStringLiteral("requests.storage")};
// LimitRange rows (JSON keys) and their labels.
const QList<std::pair<QString, const char *>> kLimitRows = {
    {QStringLiteral("default"), QT_TRANSLATE_NOOP("fleetdeck::ui::ClusterPanel", "Default limit")},
    {QStringLiteral("defaultRequest"), QT_TRANSLATE_NOOP("fleetdeck::ui::ClusterPanel", "Default request")},
    {QStringLiteral("max"), QT_TRANSLATE_NOOP("fleetdeck::ui::ClusterPanel", "Maximum")},
    {QStringLiteral("min"), QT_TRANSLATE_NOOP("fleetdeck::ui::ClusterPanel", "Minimum")},
};
const QStringList kLimitColumns = {QStringLiteral("cpu"), QStringLiteral("memory")};

const QColor kInvalidCell(0xff, 0xd7, 0xd5);

// One quantity of a quota or limit: CPU, memory/storage, or a count.
Status checkQuantity(const QString &field, const QString &key, const QString &value)
{
    if (key.contains(QLatin1String("cpu")))
        return parseCpu(value, field).ok() ? Status() : Status(parseCpu(value, field).error());
    // Kubernetes sizes here: the Docker spelling the shared parser suggests (4g) would be wrong advice.
    if (key.contains(QLatin1String("memory")) || key.contains(QLatin1String("storage")))
        return parseMemory(value, field).ok()
                   ? Status()
                   : Status(Error::invalid(field, ClusterPanel::tr("'%1' is not an unambiguous size: write binary units like "
                                                                   "512Mi or 4Gi").arg(value)));
    static const QRegularExpression count(QStringLiteral("^[0-9]+$"));
    if (!count.match(value).hasMatch())
        return Error::invalid(field, QStringLiteral("'%1' must be a whole number").arg(value));
    return {};
}

QLineEdit *lineEdit(const QString &objectName, const QString &accessibleName, const QString &placeholder = {})
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QLabel *messageLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

ClusterPanel::ClusterPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("clusterPanel"));
    buildUi();
    setEnabled(false);
}

void ClusterPanel::buildUi()
{
    // Clusters
    m_clusterList = new QListWidget;
    m_clusterList->setObjectName(QStringLiteral("clusterList"));
    m_clusterList->setAccessibleName(tr("Clusters"));
    auto *newCluster = new QPushButton(tr("New &cluster"));
    newCluster->setObjectName(QStringLiteral("newClusterButton"));
    m_removeCluster = new QPushButton(tr("Remove cluster"));
    m_removeCluster->setObjectName(QStringLiteral("removeClusterButton"));
    m_clusterName = lineEdit(QStringLiteral("clusterName"), tr("Cluster name"), QStringLiteral("prod"));
    m_clusterContext = new QComboBox;
    m_clusterContext->setObjectName(QStringLiteral("clusterContext"));
    m_clusterContext->setAccessibleName(tr("Kubeconfig context"));
    m_clusterEndpoint = lineEdit(QStringLiteral("clusterEndpoint"), tr("API endpoint"), QStringLiteral("https://10.0.0.5:6443"));
    m_clusterVersion = lineEdit(QStringLiteral("clusterVersion"), tr("Kubernetes version"), QStringLiteral("v1.32.4"));
    m_saveCluster = new QPushButton(tr("Save cluster"));
    m_saveCluster->setObjectName(QStringLiteral("saveClusterButton"));
    m_clusterMessage = messageLabel(QStringLiteral("clusterMessage"));
    auto *clusterForm = new QFormLayout;
    clusterForm->addRow(tr("&Name:"), m_clusterName);
    clusterForm->addRow(tr("Con&text:"), m_clusterContext);
    clusterForm->addRow(tr("API endpo&int:"), m_clusterEndpoint);
    clusterForm->addRow(tr("V&ersion:"), m_clusterVersion);
    auto *clusterButtons = new QHBoxLayout;
    clusterButtons->addWidget(newCluster);
    clusterButtons->addWidget(m_removeCluster);
    clusterButtons->addStretch();
    clusterButtons->addWidget(m_saveCluster);
    auto *clusterBox = new QGroupBox(tr("Clusters"));
    auto *clusterLayout = new QVBoxLayout(clusterBox);
    clusterLayout->addWidget(m_clusterList, 1);
    auto *note = new QLabel(tr("A cluster uses the credentials of a context of this server's kubeconfig (Kubeconfig tab); "
                               "they are stored encrypted with it."));
    note->setWordWrap(true);
    clusterLayout->addWidget(note);
    clusterLayout->addLayout(clusterForm);
    clusterLayout->addWidget(m_clusterMessage);
    clusterLayout->addLayout(clusterButtons);

    // Namespaces
    m_namespaceTitle = new QLabel;
    m_namespaceList = new QListWidget;
    m_namespaceList->setObjectName(QStringLiteral("namespaceList"));
    m_namespaceList->setAccessibleName(tr("Namespaces"));
    m_namespaceList->setMaximumHeight(96);
    m_namespaceName = lineEdit(QStringLiteral("namespaceName"), tr("Namespace name"), QStringLiteral("shop"));
    m_quota = new QTableWidget(int(kQuotaKeys.size()), 2);
    m_quota->setObjectName(QStringLiteral("quotaTable"));
    m_quota->setAccessibleName(tr("Resource quota: resource and hard limit"));
    m_quota->setHorizontalHeaderLabels({tr("Resource"), tr("Hard limit")});
    m_quota->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_quota->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_quota->verticalHeader()->hide();
    m_quota->setTabKeyNavigation(false);   // Tab leaves the table; arrows move inside
    auto *addQuota = new QPushButton(tr("Add ro&w"));
    addQuota->setObjectName(QStringLiteral("addQuotaRow"));
    m_limits = new QTableWidget(int(kLimitRows.size()), int(kLimitColumns.size()));
    m_limits->setObjectName(QStringLiteral("limitRangeTable"));
    m_limits->setAccessibleName(tr("Limit range per container: CPU and memory"));
    m_limits->setHorizontalHeaderLabels({tr("CPU"), tr("Memory")});
    QStringList rowLabels;
    for (const auto &row : kLimitRows)
        rowLabels << tr(row.second);
    m_limits->setVerticalHeaderLabels(rowLabels);
    m_limits->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_limits->setTabKeyNavigation(false);
    // Exactly its four rows: nothing to scroll.
    m_limits->setFixedHeight(m_limits->verticalHeader()->defaultSectionSize() * int(kLimitRows.size())
                             + m_limits->horizontalHeader()->sizeHint().height() + 2 * m_limits->frameWidth());
    m_limits->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_quota->setMinimumHeight(m_limits->height());
    auto *newNamespace = new QPushButton(tr("New namespace"));
    newNamespace->setObjectName(QStringLiteral("newNamespaceButton"));
    m_removeNamespace = new QPushButton(tr("Remove namespace"));
    m_removeNamespace->setObjectName(QStringLiteral("removeNamespaceButton"));
    m_saveNamespace = new QPushButton(tr("Save namespace"));
    m_saveNamespace->setObjectName(QStringLiteral("saveNamespaceButton"));
    bindShortcut(m_saveNamespace, QKeySequence::Save);
    m_namespaceMessage = messageLabel(QStringLiteral("namespaceMessage"));
    auto *nsForm = new QFormLayout;
    nsForm->addRow(tr("Namespace na&me:"), m_namespaceName);
    auto *quotaLabel = new QLabel(tr("Resource &quota (empty = no limit; CPU: 2 or 500m; memory: 4Gi):"));
    quotaLabel->setBuddy(m_quota);
    quotaLabel->setWordWrap(true);
    auto *limitLabel = new QLabel(tr("Limit &range per container:"));
    limitLabel->setBuddy(m_limits);
    auto *nsButtons = new QHBoxLayout;
    nsButtons->addWidget(newNamespace);
    nsButtons->addWidget(m_removeNamespace);
    nsButtons->addStretch();
    nsButtons->addWidget(m_saveNamespace);
    m_namespaceSide = new QGroupBox(tr("Namespaces"));
    auto *nsLayout = new QVBoxLayout(m_namespaceSide);
    nsLayout->addWidget(m_namespaceTitle);
    nsLayout->addWidget(m_namespaceList);
    nsLayout->addLayout(nsForm);
    auto *quotaColumn = new QVBoxLayout;
    quotaColumn->addWidget(quotaLabel);
    quotaColumn->addWidget(m_quota, 1);
    quotaColumn->addWidget(addQuota, 0, Qt::AlignLeft);
    auto *limitColumn = new QVBoxLayout;
    limitColumn->addWidget(limitLabel);
    limitColumn->addWidget(m_limits);
    limitColumn->addStretch();
    auto *tables = new QHBoxLayout;
    tables->addLayout(quotaColumn, 1);
    tables->addLayout(limitColumn, 1);
    nsLayout->addLayout(tables, 1);
    nsLayout->addWidget(m_namespaceMessage);
    nsLayout->addLayout(nsButtons);

    auto *splitter = new QSplitter;
    splitter->addWidget(clusterBox);
    splitter->addWidget(m_namespaceSide);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_clusterList, &QListWidget::currentRowChanged, this, &ClusterPanel::onClusterSelected);
    connect(m_namespaceList, &QListWidget::currentRowChanged, this, &ClusterPanel::onNamespaceSelected);
    connect(newCluster, &QPushButton::clicked, this, &ClusterPanel::newCluster);
    connect(m_saveCluster, &QPushButton::clicked, this, &ClusterPanel::saveCluster);
    connect(m_removeCluster, &QPushButton::clicked, this, &ClusterPanel::removeCluster);
    connect(newNamespace, &QPushButton::clicked, this, &ClusterPanel::newNamespace);
    connect(m_saveNamespace, &QPushButton::clicked, this, &ClusterPanel::saveNamespace);
    connect(m_removeNamespace, &QPushButton::clicked, this, &ClusterPanel::removeNamespace);
    connect(addQuota, &QPushButton::clicked, this, [this] {
        m_quota->insertRow(m_quota->rowCount());
        m_quota->setCurrentCell(m_quota->rowCount() - 1, 0);
        m_quota->setFocus();
        m_quota->editItem(m_quota->item(m_quota->rowCount() - 1, 0));
    });
    connect(m_clusterContext, &QComboBox::activated, this, &ClusterPanel::fillEndpoint);
    connect(m_quota, &QTableWidget::itemChanged, this, [](QTableWidgetItem *item) { item->setBackground(QBrush()); });
    connect(m_limits, &QTableWidget::itemChanged, this, [](QTableWidgetItem *item) { item->setBackground(QBrush()); });
    connect(m_namespaceName, &QLineEdit::textEdited, this, [this] { clearInvalid(m_namespaceName); });
    connect(m_clusterName, &QLineEdit::textEdited, this, [this] { clearInvalid(m_clusterName); });
}

void ClusterPanel::fillEndpoint()
{
    // The endpoint follows the context chosen (the kubeconfig is parsed off the GUI thread).
    const QString kubeconfig = m_server.settings.kubeconfig;
    const QString context = m_clusterContext->currentText();
    if (kubeconfig.trimmed().isEmpty() || context.isEmpty())
        return;
    runAsync(this, [kubeconfig, context] { return kubeconfig::credentialsFor(kubeconfig, context); },
             [this, context](const Result<kubeconfig::Credentials> &c) {
                 if (c && !c->server.isEmpty() && m_clusterContext->currentText() == context)
                     m_clusterEndpoint->setText(c->server);
             });
}

void ClusterPanel::setStore(std::shared_ptr<Store> store)
{
    m_store = std::move(store);
}

void ClusterPanel::setServer(const Server &server)
{
    const bool other = server.id != m_server.id;
    m_server = server;
    setEnabled(server.id != 0);
    fillContexts();
    if (other)
        reloadClusters();
}

void ClusterPanel::fillContexts()
{
    const QString kubeconfig = m_server.settings.kubeconfig;
    runAsync(this, [kubeconfig] { return kubeconfig::check(kubeconfig).config.contextNames(); }, [this](const QStringList &contexts) {
        m_contexts = contexts;
        const QString current = m_clusterContext->currentText();
        m_clusterContext->clear();
        m_clusterContext->addItems(contexts);
        m_clusterContext->setCurrentIndex(qMax(0, m_clusterContext->findText(current.isEmpty() ? m_cluster.context : current)));
        if (m_cluster.id == 0 && m_clusterEndpoint->text().isEmpty())
            fillEndpoint();
    });
}

void ClusterPanel::reloadClusters()
{
    if (!m_store || m_server.id == 0)
        return;
    auto store = m_store;
    const qint64 serverId = m_server.id;
    runAsync(this, [store, serverId] { return store->clusters(serverId); }, [this, serverId](const Result<QList<KubernetesCluster>> &clusters) {
        if (serverId != m_server.id)
            return;
        if (!clusters) {
            showMessage(m_clusterMessage, clusters.error().toString(), true);
            return;
        }
        const qint64 keep = m_cluster.id;
        m_clusters = *clusters;
        const QSignalBlocker block(m_clusterList);
        m_clusterList->clear();
        int select = m_clusters.isEmpty() ? -1 : 0;
        for (int i = 0; i < m_clusters.size(); ++i) {
            const KubernetesCluster &c = m_clusters.at(i);
            auto *item = new QListWidgetItem(c.version.isEmpty() ? tr("%1 — %2").arg(c.name, c.apiEndpoint)
                                                                 : tr("%1 — %2 (%3)").arg(c.name, c.apiEndpoint, c.version),
                                             m_clusterList);
            item->setData(Qt::UserRole, c.id);
            if (c.id == keep)
                select = i;
        }
        m_clusterList->setCurrentRow(select);
        onClusterSelected();
        Q_EMIT clustersLoaded(int(m_clusters.size()));
    });
}

void ClusterPanel::onClusterSelected()
{
    const int row = m_clusterList->currentRow();
    if (row < 0 || row >= m_clusters.size()) {
        showClusterForm(KubernetesCluster{});
        return;
    }
    showClusterForm(m_clusters.at(row));
}

void ClusterPanel::showClusterForm(const KubernetesCluster &cluster)
{
    m_cluster = cluster;
    clearInvalid(m_clusterName);
    m_clusterMessage->hide();
    m_clusterName->setText(cluster.name);
    m_clusterEndpoint->setText(cluster.apiEndpoint);
    m_clusterVersion->setText(cluster.version);
    m_clusterContext->setCurrentIndex(qMax(0, m_clusterContext->findText(cluster.context)));
    m_removeCluster->setEnabled(cluster.id != 0);
    m_namespaceSide->setEnabled(cluster.id != 0);
    m_namespaceTitle->setText(cluster.id ? tr("Namespaces of cluster <b>%1</b>").arg(cluster.name.toHtmlEscaped())
                                         : tr("Save the cluster first, then add its namespaces."));
    loadNamespaces();
}

void ClusterPanel::newCluster()
{
    m_clusterList->setCurrentRow(-1);
    showClusterForm(KubernetesCluster{});
    fillEndpoint();
    m_clusterName->setFocus();
}

void ClusterPanel::saveCluster()
{
    if (!m_store)
        return;
    clearInvalid(m_clusterName);
    KubernetesCluster c = m_cluster;
    c.serverId = m_server.id;
    c.name = m_clusterName->text().trimmed();
    c.context = m_clusterContext->currentText();
    c.apiEndpoint = m_clusterEndpoint->text().trimmed();
    c.version = m_clusterVersion->text().trimmed();
    if (Status s = validate::kubernetesName(QStringLiteral("name"), c.name); !s) {
        markInvalid(m_clusterName, s.error().toString());
        showMessage(m_clusterMessage, tr("Not saved: %1").arg(s.error().toString()), true);
        Q_EMIT clusterRejected(QStringLiteral("name"));
        return;
    }
    if (!c.apiEndpoint.isEmpty() && !c.apiEndpoint.startsWith(QLatin1String("https://")) && !c.apiEndpoint.startsWith(QLatin1String("http://"))) {
        markInvalid(m_clusterEndpoint, tr("the API endpoint is a URL like https://10.0.0.5:6443"));
        showMessage(m_clusterMessage, tr("Not saved: the API endpoint is a URL like https://10.0.0.5:6443"), true);
        Q_EMIT clusterRejected(QStringLiteral("api-endpoint"));
        return;
    }
    auto store = m_store;
    const QString kubeconfig = m_server.settings.kubeconfig;
    runAsync(
        this,
        [store, c, kubeconfig]() mutable -> Result<KubernetesCluster> {
            // The cluster keeps the context's credentials (sealed by the store).
            if (!kubeconfig.trimmed().isEmpty() && !c.context.isEmpty()) {
                Result<kubeconfig::Credentials> creds = kubeconfig::credentialsFor(kubeconfig, c.context);
                if (!creds)
                    return creds.error();
                c.kubeconfig = kubeconfig;
                c.caCertificate = creds->caCertificate;
                c.clientCertificate = creds->clientCertificate;
                c.clientKey = creds->clientKey;
                if (c.apiEndpoint.isEmpty())
                    c.apiEndpoint = creds->server;
            }
            if (c.id == 0)
                return store->addCluster(c);
            if (Status s = store->updateCluster(c); !s)
                return s.error();
            return c;
        },
        [this](const Result<KubernetesCluster> &saved) {
            if (!saved) {
                if (saved.error().field == QLatin1String("name"))
                    markInvalid(m_clusterName, saved.error().toString());
                showMessage(m_clusterMessage, tr("Not saved: %1").arg(saved.error().toString()), true);
                Q_EMIT clusterRejected(saved.error().field);
                return;
            }
            m_cluster = *saved;
            showMessage(m_clusterMessage, tr("Cluster %1 saved.").arg(saved->name), false);
            Q_EMIT clusterSaved(*saved);
            reloadClusters();
        });
}

void ClusterPanel::removeCluster()
{
    if (!m_store || m_cluster.id == 0)
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
        auto store = m_store;
        runAsync(this, [store, id] { return store->removeCluster(id); }, [this](const Status &s) {
            if (!s)
                showMessage(m_clusterMessage, s.error().toString(), true);
            m_cluster = KubernetesCluster{};
            reloadClusters();
        });
    });
    box->open();
}

void ClusterPanel::loadNamespaces()
{
    const QSignalBlocker block(m_namespaceList);
    m_namespaceList->clear();
    m_namespaces.clear();
    if (!m_store || m_cluster.id == 0) {
        showNamespaceForm(KubernetesNamespace{});
        return;
    }
    auto store = m_store;
    const qint64 clusterId = m_cluster.id;
    runAsync(this, [store, clusterId] { return store->namespaces(clusterId); },
             [this, clusterId](const Result<QList<KubernetesNamespace>> &namespaces) {
                 if (clusterId != m_cluster.id)
                     return;
                 if (!namespaces) {
                     showMessage(m_namespaceMessage, namespaces.error().toString(), true);
                     return;
                 }
                 const qint64 keep = m_namespace.id;
                 m_namespaces = *namespaces;
                 const QSignalBlocker blocker(m_namespaceList);
                 m_namespaceList->clear();
                 int select = m_namespaces.isEmpty() ? -1 : 0;
                 for (int i = 0; i < m_namespaces.size(); ++i) {
                     const KubernetesNamespace &ns = m_namespaces.at(i);
                     const QString quota = ns.resourceQuota.isEmpty() ? tr("no quota") : (ns.resourceQuota.size() == 1 ? tr("1 quota") : tr("%1 quotas").arg(ns.resourceQuota.size()));
                     auto *item = new QListWidgetItem(tr("%1 — %2").arg(ns.name, quota), m_namespaceList);
                     item->setData(Qt::UserRole, ns.id);
                     if (ns.id == keep)
                         select = i;
                 }
                 // A new namespace the user already started typing stays in the form.
                 const bool typing = m_namespace.id == 0 && !m_namespaceName->text().isEmpty();
                 if (!typing) {
                     m_namespaceList->setCurrentRow(select);
                     onNamespaceSelected();
                 }
                 Q_EMIT namespacesLoaded(int(m_namespaces.size()));
             });
}

void ClusterPanel::onNamespaceSelected()
{
    const int row = m_namespaceList->currentRow();
    showNamespaceForm(row >= 0 && row < m_namespaces.size() ? m_namespaces.at(row) : KubernetesNamespace{});
}

void ClusterPanel::showNamespaceForm(const KubernetesNamespace &ns)
{
    m_namespace = ns;
    clearInvalid(m_namespaceName);
    m_namespaceMessage->hide();
    m_namespaceName->setText(ns.name);
    const QSignalBlocker quotaBlock(m_quota);
    const QSignalBlocker limitBlock(m_limits);
    QStringList keys = kQuotaKeys;
    for (auto it = ns.resourceQuota.begin(); it != ns.resourceQuota.end(); ++it)
        if (!keys.contains(it.key()))
            keys.append(it.key());
    m_quota->setRowCount(int(keys.size()));
    for (int row = 0; row < keys.size(); ++row) {
        m_quota->setItem(row, 0, new QTableWidgetItem(keys.at(row)));
        m_quota->setItem(row, 1, new QTableWidgetItem(ns.resourceQuota.value(keys.at(row)).toString()));
    }
    for (int row = 0; row < kLimitRows.size(); ++row) {
        const QJsonObject limits = ns.limitRange.value(kLimitRows.at(row).first).toObject();
        for (int col = 0; col < kLimitColumns.size(); ++col)
            m_limits->setItem(row, col, new QTableWidgetItem(limits.value(kLimitColumns.at(col)).toString()));
    }
    m_removeNamespace->setEnabled(ns.id != 0);
}

void ClusterPanel::newNamespace()
{
    m_namespaceList->setCurrentRow(-1);
    showNamespaceForm(KubernetesNamespace{});
    m_namespaceName->setFocus();
}

Result<KubernetesNamespace> ClusterPanel::namespaceFromForm() const
{
    KubernetesNamespace ns = m_namespace;
    ns.clusterId = m_cluster.id;
    ns.name = m_namespaceName->text().trimmed();
    if (const QList<Error> problems = validate::namespaceProblems(ns); !problems.isEmpty())
        return problems.first();
    QJsonObject quota;
    for (int row = 0; row < m_quota->rowCount(); ++row) {
        const QString key = m_quota->item(row, 0) ? m_quota->item(row, 0)->text().trimmed() : QString();
        const QString value = m_quota->item(row, 1) ? m_quota->item(row, 1)->text().trimmed() : QString();
        if (value.isEmpty())
            continue;
        const QString field = QStringLiteral("quota:%1").arg(row);
        if (Status s = validate::labelKey(field, key); !s)
            return Error::invalid(field, tr("quota resource '%1' is not a resource name like requests.cpu").arg(key));
        if (Status s = checkQuantity(field, key, value); !s)
            return Error::invalid(field, tr("quota %1: %2").arg(key, s.error().message));
        quota.insert(key, value);
    }
    QJsonObject limitRange;
    for (int row = 0; row < kLimitRows.size(); ++row) {
        QJsonObject limits;
        for (int col = 0; col < kLimitColumns.size(); ++col) {
            const QString value = m_limits->item(row, col) ? m_limits->item(row, col)->text().trimmed() : QString();
            if (value.isEmpty())
                continue;
            const QString field = QStringLiteral("limit:%1:%2").arg(row).arg(col);
            if (Status s = checkQuantity(field, kLimitColumns.at(col), value); !s)
                return Error::invalid(field, tr("%1 %2: %3").arg(tr(kLimitRows.at(row).second), kLimitColumns.at(col), s.error().message));
            limits.insert(kLimitColumns.at(col), value);
        }
        if (!limits.isEmpty())
            limitRange.insert(kLimitRows.at(row).first, limits);
    }
    // Through the shared JSON validators too, so GUI and CLI accept the same shapes.
    if (auto q = validate::resourceQuotaJson(QStringLiteral("quota"), QString::fromUtf8(QJsonDocument(quota).toJson())); !q)
        return q.error();
    if (auto l = validate::limitRangeJson(QStringLiteral("limit-range"), QString::fromUtf8(QJsonDocument(limitRange).toJson())); !l)
        return l.error();
    ns.resourceQuota = quota;
    ns.limitRange = limitRange;
    return ns;
}

void ClusterPanel::clearTableMarks(QTableWidget *table)
{
    const QSignalBlocker block(table);
    for (int r = 0; r < table->rowCount(); ++r)
        for (int c = 0; c < table->columnCount(); ++c)
            if (QTableWidgetItem *item = table->item(r, c))
                item->setBackground(QBrush());
}

void ClusterPanel::saveNamespace()
{
    if (!m_store || m_cluster.id == 0)
        return;
    // A cell still being edited (Ctrl+S typed in it) is committed by moving the focus away.
    if (QWidget *focus = QApplication::focusWidget(); focus && (m_quota->isAncestorOf(focus) || m_limits->isAncestorOf(focus)))
        m_saveNamespace->setFocus();
    clearInvalid(m_namespaceName);
    clearTableMarks(m_quota);
    clearTableMarks(m_limits);
    Result<KubernetesNamespace> ns = namespaceFromForm();
    if (!ns) {
        // Nothing is written; the field (or the table cell) at fault is marked and focused.
        const Error &e = ns.error();
        const QStringList parts = e.field.split(QLatin1Char(':'));
        if (parts.first() == QLatin1String("quota") && parts.size() == 2) {
            const int row = parts.at(1).toInt();
            const QSignalBlocker block(m_quota);
            if (QTableWidgetItem *item = m_quota->item(row, 1))
                item->setBackground(kInvalidCell);
            // Current without selecting it, so that the red cell stays visible.
            m_quota->clearSelection();
            m_quota->setCurrentCell(row, 1, QItemSelectionModel::NoUpdate);
            m_quota->scrollToItem(m_quota->item(row, 1));
            m_quota->setFocus();
        } else if (parts.first() == QLatin1String("limit") && parts.size() == 3) {
            const QSignalBlocker block(m_limits);
            if (QTableWidgetItem *item = m_limits->item(parts.at(1).toInt(), parts.at(2).toInt()))
                item->setBackground(kInvalidCell);
            m_limits->clearSelection();
            m_limits->setCurrentCell(parts.at(1).toInt(), parts.at(2).toInt(), QItemSelectionModel::NoUpdate);
            m_limits->setFocus();
        } else {
            markInvalid(m_namespaceName, e.toString());
        }
        showMessage(m_namespaceMessage, tr("Not saved: %1").arg(e.message), true);
        Q_EMIT namespaceRejected(e.field);
        return;
    }
    auto store = m_store;
    const KubernetesNamespace value = *ns;
    runAsync(
        this,
        [store, value]() -> Result<KubernetesNamespace> {
            if (value.id == 0)
                return store->addNamespace(value);
            if (Status s = store->updateNamespace(value); !s)
                return s.error();
            return value;
        },
        [this](const Result<KubernetesNamespace> &saved) {
            if (!saved) {
                if (saved.error().field == QLatin1String("name"))
                    markInvalid(m_namespaceName, saved.error().toString());
                showMessage(m_namespaceMessage, tr("Not saved: %1").arg(saved.error().toString()), true);
                Q_EMIT namespaceRejected(saved.error().field);
                return;
            }
            m_namespace = *saved;
            showMessage(m_namespaceMessage, tr("Namespace %1 saved.").arg(saved->name), false);
            Q_EMIT namespaceSaved(*saved);
            loadNamespaces();
        });
}

void ClusterPanel::removeNamespace()
{
    if (!m_store || m_namespace.id == 0)
        return;
    auto store = m_store;
    const qint64 id = m_namespace.id;
    runAsync(this, [store, id] { return store->removeNamespace(id); }, [this](const Status &s) {
        if (!s)
            showMessage(m_namespaceMessage, s.error().toString(), true);
        m_namespace = KubernetesNamespace{};
        loadNamespaces();
    });
}

void ClusterPanel::showMessage(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setAccessibleName(text);
    label->setStyleSheet(error ? QStringLiteral("QLabel { color: #82071e; background: #ffebe9; padding: 6px; border-radius: 3px; }")
                               : QStringLiteral("QLabel { color: #0f5323; background: #dafbe1; padding: 6px; border-radius: 3px; }"));
    label->show();
}

} // namespace fleetdeck::ui
