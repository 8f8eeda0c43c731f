#include "servers/NamespaceForm.h"

#include "async/Async.h"
#include "domain/Validation.h"
#include "widgets/FieldHighlight.h"
#include "servers/PanelWidgets.h"
#include "servers/QuotaLimitsEditor.h"
#include "widgets/Shortcuts.h"
#include "services/ClusterService.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace fleetdeck::ui {

NamespaceForm::NamespaceForm(QWidget *parent) : QGroupBox(tr("Namespaces"), parent)
{
    m_title = new QLabel;
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("namespaceList"));
    m_list->setAccessibleName(tr("Namespaces"));
    m_list->setMaximumHeight(96);
    m_name = formLineEdit(QStringLiteral("namespaceName"), tr("Namespace name"), QStringLiteral("shop"));
    m_limits = new QuotaLimitsEditor;
    auto *newNamespace = new QPushButton(tr("New namespace"));
    newNamespace->setObjectName(QStringLiteral("newNamespaceButton"));
    m_remove = new QPushButton(tr("Remove namespace"));
    m_remove->setObjectName(QStringLiteral("removeNamespaceButton"));
    m_save = new QPushButton(tr("Save namespace"));
    m_save->setObjectName(QStringLiteral("saveNamespaceButton"));
    bindShortcut(m_save, QKeySequence::Save);
    m_message = formMessageLabel(QStringLiteral("namespaceMessage"));
    auto *form = new QFormLayout;
    form->addRow(tr("Namespace na&me:"), m_name);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newNamespace);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    layout->addLayout(form);
    layout->addWidget(m_limits, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &NamespaceForm::onNamespaceSelected);
    connect(newNamespace, &QPushButton::clicked, this, &NamespaceForm::newNamespace);
    connect(m_save, &QPushButton::clicked, this, &NamespaceForm::saveNamespace);
    connect(m_remove, &QPushButton::clicked, this, &NamespaceForm::removeNamespace);
    connect(m_name, &QLineEdit::textEdited, this, [this] { clearInvalid(m_name); });
}

void NamespaceForm::setService(std::shared_ptr<ClusterService> service)
{
    m_service = std::move(service);
}

void NamespaceForm::setCluster(const KubernetesCluster &cluster)
{
    m_cluster = cluster;
    setEnabled(cluster.id != 0);
    m_title->setText(cluster.id ? tr("Namespaces of cluster <b>%1</b>").arg(cluster.name.toHtmlEscaped())
                                : tr("Save the cluster first, then add its namespaces."));
    loadNamespaces();
}

void NamespaceForm::loadNamespaces()
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    m_namespaces.clear();
    if (!m_service || m_cluster.id == 0) {
        showNamespaceForm(KubernetesNamespace{});
        return;
    }
    auto service = m_service;
    const qint64 clusterId = m_cluster.id;
    runAsync(this, [service, clusterId] { return service->namespaces(clusterId); },
             [this, clusterId](const Result<QList<KubernetesNamespace>> &namespaces) {
                 if (clusterId != m_cluster.id)
                     return;
                 if (!namespaces) {
                     showFormMessage(m_message, namespaces.error().toString(), true);
                     return;
                 }
                 const qint64 keep = m_namespace.id;
                 m_namespaces = *namespaces;
                 const QSignalBlocker blocker(m_list);
                 m_list->clear();
                 int select = m_namespaces.isEmpty() ? -1 : 0;
                 for (int i = 0; i < m_namespaces.size(); ++i) {
                     const KubernetesNamespace &ns = m_namespaces.at(i);
                     const QString quota = ns.resourceQuota.isEmpty() ? tr("no quota") : (ns.resourceQuota.size() == 1 ? tr("1 quota") : tr("%1 quotas").arg(ns.resourceQuota.size()));
                     auto *item = new QListWidgetItem(tr("%1 — %2").arg(ns.name, quota), m_list);
                     item->setData(Qt::UserRole, ns.id);
                     if (ns.id == keep)
                         select = i;
                 }
                 // A new namespace the user already started typing stays in the form.
                 const bool typing = m_namespace.id == 0 && !m_name->text().isEmpty();
                 if (!typing) {
                     m_list->setCurrentRow(select);
                     onNamespaceSelected();
                 }
                 Q_EMIT namespacesLoaded(int(m_namespaces.size()));
             });
}

void NamespaceForm::onNamespaceSelected()
{
    const int row = m_list->currentRow();
    showNamespaceForm(row >= 0 && row < m_namespaces.size() ? m_namespaces.at(row) : KubernetesNamespace{});
}

void NamespaceForm::showNamespaceForm(const KubernetesNamespace &ns)
{
    m_namespace = ns;
    clearInvalid(m_name);
    m_message->hide();
    m_name->setText(ns.name);
    m_limits->setValues(ns.resourceQuota, ns.limitRange);
    m_remove->setEnabled(ns.id != 0);
}

void NamespaceForm::newNamespace()
{
    m_list->setCurrentRow(-1);
    showNamespaceForm(KubernetesNamespace{});
    m_name->setFocus();
}

Result<KubernetesNamespace> NamespaceForm::namespaceFromForm() const
{
    KubernetesNamespace ns = m_namespace;
    ns.clusterId = m_cluster.id;
    ns.name = m_name->text().trimmed();
    ns.resourceQuota = {};
    ns.limitRange = {};
    if (const QList<Error> problems = validate::namespaceProblems(ns); !problems.isEmpty())
        return problems.first();
    auto values = m_limits->values();
    if (!values)
        return values.error();
    ns.resourceQuota = values->first;
    ns.limitRange = values->second;
    return ns;
}

void NamespaceForm::saveNamespace()
{
    if (!m_service || m_cluster.id == 0)
        return;
    m_limits->commitEdits(m_save);
    clearInvalid(m_name);
    m_limits->clearMarks();
    Result<KubernetesNamespace> ns = namespaceFromForm();
    if (!ns) {
        // Nothing is written; the field (or the table cell) at fault is marked and focused.
        const Error &e = ns.error();
        if (!m_limits->markCell(e.field))
            markInvalid(m_name, e.toString());
        showFormMessage(m_message, tr("Not saved: %1").arg(e.message), true);
        Q_EMIT namespaceRejected(e.field);
        return;
    }
    auto service = m_service;
    const KubernetesNamespace value = *ns;
    runAsync(
        this, [service, value] { return service->saveNamespace(value); },
        [this](const Result<KubernetesNamespace> &saved) {
            if (!saved) {
                if (saved.error().field == QLatin1String("name"))
                    markInvalid(m_name, saved.error().toString());
                showFormMessage(m_message, tr("Not saved: %1").arg(saved.error().toString()), true);
                Q_EMIT namespaceRejected(saved.error().field);
                return;
            }
            m_namespace = *saved;
            showFormMessage(m_message, tr("Namespace %1 saved.").arg(saved->name), false);
            Q_EMIT namespaceSaved(*saved);
            loadNamespaces();
        });
}

void NamespaceForm::removeNamespace()
{
    if (!m_service || m_namespace.id == 0)
        return;
    auto service = m_service;
    const qint64 id = m_namespace.id;
    runAsync(this, [service, id] { return service->removeNamespace(id); }, [this](const Status &s) {
        if (!s)
            showFormMessage(m_message, s.error().toString(), true);
        m_namespace = KubernetesNamespace{};
        loadNamespaces();
    });
}

} // namespace fleetdeck::ui
