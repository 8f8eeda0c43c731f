#include "servers/OrchestratorSettingsForm.h"

#include "async/Async.h"
#include "domain/Validation.h"
#include "kubeconfig/Kubeconfig.h"
#include "orchestrators/ConnectionReport.h"
#include "servers/CheckReportView.h"
#include "widgets/FieldHighlight.h"
#include "widgets/Shortcuts.h"
#include "services/ServerService.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {

QLineEdit *lineEdit(const QString &objectName, const QString &accessibleName, const QString &placeholder = {})
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

OrchestratorSettingsForm::OrchestratorSettingsForm(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("orchestratorSettings"));
    buildUi();
    setEnabled(false);
}

OrchestratorSettingsForm::~OrchestratorSettingsForm()
{
    m_cancel.cancel();
}

void OrchestratorSettingsForm::buildUi()
{
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("settingsTitle"));
    m_title->setTextFormat(Qt::RichText);

    m_orchestrator = new QComboBox;
    m_orchestrator->setObjectName(QStringLiteral("orchestratorCombo"));
    m_orchestrator->setAccessibleName(tr("Orchestrator"));
    m_orchestrator->addItem(tr("Standalone Docker"), int(Orchestrator::None));
    m_orchestrator->addItem(tr("Docker Swarm"), int(Orchestrator::Swarm));
    m_orchestrator->addItem(tr("Kubernetes"), int(Orchestrator::Kubernetes));

    // Swarm
    m_swarmManager = new QRadioButton(tr("&Manager"));
    m_swarmManager->setObjectName(QStringLiteral("swarmManagerRadio"));
    m_swarmWorker = new QRadioButton(tr("&Worker"));
    m_swarmWorker->setObjectName(QStringLiteral("swarmWorkerRadio"));
    auto *swarmRoles = new QButtonGroup(this);
    swarmRoles->addButton(m_swarmManager);
    swarmRoles->addButton(m_swarmWorker);
    auto *swarmRoleRow = new QHBoxLayout;
    swarmRoleRow->addWidget(m_swarmManager);
    swarmRoleRow->addWidget(m_swarmWorker);
    swarmRoleRow->addStretch();
    m_publishMode = new QComboBox;
    m_publishMode->setObjectName(QStringLiteral("publishModeCombo"));
    m_publishMode->setAccessibleName(tr("Port publish mode"));
    m_publishMode->addItem(tr("ingress (routing mesh)"), QStringLiteral("ingress"));
    m_publishMode->addItem(tr("host (no IPVS needed)"), QStringLiteral("host"));
    m_swarmBox = new QGroupBox(tr("Docker Swarm"));
    m_swarmBox->setObjectName(QStringLiteral("swarmGroup"));
    auto *swarmForm = new QFormLayout(m_swarmBox);
    swarmForm->addRow(tr("This node is a:"), swarmRoleRow);
    swarmForm->addRow(tr("Pu&blish ports:"), m_publishMode);

    // Kubernetes
    m_kubeMaster = new QCheckBox(tr("Control plane (&master)"));
    m_kubeMaster->setObjectName(QStringLiteral("kubeMasterCheck"));
    m_kubeWorker = new QCheckBox(tr("Wo&rker"));
    m_kubeWorker->setObjectName(QStringLiteral("kubeWorkerCheck"));
    auto *kubeRoleRow = new QHBoxLayout;
    kubeRoleRow->addWidget(m_kubeMaster);
    kubeRoleRow->addWidget(m_kubeWorker);
    kubeRoleRow->addStretch();
    m_kubeVersion = lineEdit(QStringLiteral("kubeVersionEdit"), tr("Kubernetes version"), tr("filled by Detect, e.g. v1.32.4"));
    m_namespace = new QComboBox;
    m_namespace->setObjectName(QStringLiteral("namespaceCombo"));
    m_namespace->setAccessibleName(tr("Namespace"));
    m_namespace->setEditable(true);
    m_namespace->setInsertPolicy(QComboBox::NoInsert);
    m_namespace->lineEdit()->setObjectName(QStringLiteral("namespaceEdit"));
    m_namespace->lineEdit()->setAccessibleName(tr("Namespace"));
    m_ingress = new QCheckBox(tr("Create &ingresses for domains"));
    m_ingress->setObjectName(QStringLiteral("ingressCheck"));
    m_ingressClass = lineEdit(QStringLiteral("ingressClassEdit"), tr("Ingress class"), QStringLiteral("nginx"));
    m_certIssuer = lineEdit(QStringLiteral("certIssuerEdit"), tr("Certificate issuer"), tr("cert-manager ClusterIssuer, e.g. letsencrypt"));
    m_storageClass = lineEdit(QStringLiteral("storageClassEdit"), tr("Storage class"), tr("cluster default when empty"));
    m_kubeBox = new QGroupBox(tr("Kubernetes"));
    m_kubeBox->setObjectName(QStringLiteral("kubernetesGroup"));
    auto *kubeForm = new QFormLayout(m_kubeBox);
    kubeForm->addRow(tr("This server is:"), kubeRoleRow);
    kubeForm->addRow(tr("V&ersion:"), m_kubeVersion);
    kubeForm->addRow(tr("&Namespace:"), m_namespace);
    kubeForm->addRow(QString(), m_ingress);
    kubeForm->addRow(tr("In&gress class:"), m_ingressClass);
    kubeForm->addRow(tr("Cer&tificate issuer:"), m_certIssuer);
    kubeForm->addRow(tr("Storage class:"), m_storageClass);

    auto *top = new QFormLayout;
    top->addRow(tr("Or&chestrator:"), m_orchestrator);

    m_detect = new QPushButton(tr("Detect"));
    m_detect->setObjectName(QStringLiteral("detectButton"));
    bindShortcut(m_detect, QKeySequence(Qt::CTRL | Qt::Key_D));
    m_detect->setToolTip(tr("Ask the server what it runs and fill the form (Ctrl+D). Nothing is saved."));
    m_test = new QPushButton(tr("Test connection"));
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    bindShortcut(m_test, QKeySequence(Qt::CTRL | Qt::Key_T));
    m_test->setToolTip(tr("Check the orchestrator as set in this form: engine, nodes, namespace, permissions (Ctrl+T)"));
    m_revert = new QPushButton(tr("Revert"));
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_save = new QPushButton(tr("Save"));
    m_save->setObjectName(QStringLiteral("saveSettingsButton"));
    bindShortcut(m_save, QKeySequence::Save);
    m_save->setToolTip(tr("Validate and save (Ctrl+S)"));
    m_save->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_detect);
    buttons->addWidget(m_test);
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *formWidget = new QWidget;
    auto *formLayout = new QVBoxLayout(formWidget);
    formLayout->addWidget(m_title);
    formLayout->addLayout(top);
    formLayout->addWidget(m_swarmBox);
    formLayout->addWidget(m_kubeBox);
    formLayout->addStretch();
    formLayout->addWidget(m_message);
    formLayout->addLayout(buttons);
    auto *scroll = new QScrollArea;
    scroll->setWidget(formWidget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_report = new CheckReportView;
    m_report->setObjectName(QStringLiteral("settingsReport"));
    auto *reportBox = new QGroupBox(tr("Detection and connection test"));
    auto *reportLayout = new QVBoxLayout(reportBox);
    reportLayout->addWidget(m_report);

    auto *splitter = new QSplitter;
    splitter->addWidget(scroll);
    splitter->addWidget(reportBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    setTabOrder(m_orchestrator, m_swarmManager);
    setTabOrder(m_swarmManager, m_swarmWorker);
    setTabOrder(m_swarmWorker, m_publishMode);
    setTabOrder(m_publishMode, m_kubeMaster);
    setTabOrder(m_kubeMaster, m_kubeWorker);
    setTabOrder(m_kubeWorker, m_kubeVersion);
    setTabOrder(m_kubeVersion, m_namespace);
    setTabOrder(m_namespace, m_ingress);
    setTabOrder(m_ingress, m_ingressClass);
    setTabOrder(m_ingressClass, m_certIssuer);
    setTabOrder(m_certIssuer, m_storageClass);
    setTabOrder(m_storageClass, m_detect);
    setTabOrder(m_detect, m_test);
    setTabOrder(m_test, m_revert);
    setTabOrder(m_revert, m_save);

    connect(m_orchestrator, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        updateDirty();
    });
    for (QAbstractButton *b : std::initializer_list<QAbstractButton *>{m_swarmManager, m_swarmWorker, m_kubeMaster, m_kubeWorker, m_ingress})
        connect(b, &QAbstractButton::toggled, this, [this, b] {
            clearInvalid(b);
            updateVisibility();
            updateDirty();
        });
    for (QLineEdit *e : {m_kubeVersion, m_namespace->lineEdit(), m_ingressClass, m_certIssuer, m_storageClass})
        connect(e, &QLineEdit::textChanged, this, [this, e] {
            clearInvalid(e == m_namespace->lineEdit() ? static_cast<QWidget *>(m_namespace) : e);
            updateDirty();
        });
    connect(m_publishMode, &QComboBox::currentIndexChanged, this, [this] { updateDirty(); });
    connect(m_save, &QPushButton::clicked, this, &OrchestratorSettingsForm::save);
    connect(m_revert, &QPushButton::clicked, this, &OrchestratorSettingsForm::revert);
    connect(m_detect, &QPushButton::clicked, this, &OrchestratorSettingsForm::detect);
    connect(m_test, &QPushButton::clicked, this, &OrchestratorSettingsForm::testConnection);
    updateVisibility();
}

void OrchestratorSettingsForm::setService(std::shared_ptr<ServerService> service)
{
    m_service = std::move(service);
}

void OrchestratorSettingsForm::setServer(const Server &server)
{
    const bool other = server.id != m_server.id;
    // The same server refreshed (e.g. the kubeconfig editor saved): unsaved edits here stay.
    const bool keepFields = !other && isDirty();
    m_server = server;
    setEnabled(server.id != 0);
    m_title->setText(tr("<h3>%1 — orchestrator</h3>").arg(server.name.toHtmlEscaped()));
    if (keepFields) {
        updateDirty();
    } else {
        clearAllInvalid();
        loadFields(server.settings);
    }
    if (other) {
        m_message->hide();
        m_report->clear();
    }
    // The namespace picker offers what the kubeconfig names (parsed off the GUI thread: it may be big).
    const QString kubeconfig = server.settings.kubeconfig;
    if (!kubeconfig.isEmpty())
        runAsync(this, [kubeconfig] { return kubeconfig::check(kubeconfig).config.namespaces(); },
                 [this, id = server.id](const QStringList &namespaces) {
                     if (id == m_server.id)
                         offerNamespaces(namespaces);
                 });
}

void OrchestratorSettingsForm::offerNamespaces(const QStringList &namespaces)
{
    const QString current = m_namespace->currentText();
    const bool wasLoading = m_loading;
    m_loading = true;
    for (const QString &ns : namespaces)
        if (m_namespace->findText(ns) < 0)
            m_namespace->addItem(ns);
    m_namespace->setEditText(current);
    m_loading = wasLoading;
}

void OrchestratorSettingsForm::loadFields(const ServerSettings &s)
{
    m_loaded = s;
    m_loading = true;
    m_orchestrator->setCurrentIndex(m_orchestrator->findData(int(s.orchestrator)));
    m_swarmManager->setChecked(s.swarmManager || !s.swarmWorker);
    m_swarmWorker->setChecked(s.swarmWorker);
    m_publishMode->setCurrentIndex(qMax(0, m_publishMode->findData(s.swarmPublishMode)));
    m_kubeMaster->setChecked(s.kubernetesMaster);
    m_kubeWorker->setChecked(s.kubernetesWorker);
    m_kubeVersion->setText(s.kubernetesVersion);
    m_namespace->clear();
    m_namespace->addItem(QStringLiteral("default"));
    m_namespace->setEditText(s.kubernetesNamespace);
    m_ingress->setChecked(s.useIngress);
    m_ingressClass->setText(s.ingressClass);
    m_certIssuer->setText(s.certIssuer);
    m_storageClass->setText(s.storageClass);
    m_loading = false;
    updateVisibility();
    updateDirty();
}

ServerSettings OrchestratorSettingsForm::formSettings() const
{
    return settingsOver(m_server.settings);
}

ServerSettings OrchestratorSettingsForm::settingsOver(const ServerSettings &base) const
{
    ServerSettings s = base;
    s.orchestrator = Orchestrator(m_orchestrator->currentData().toInt());
    // Roles are read from the group of the orchestrator chosen; the hidden group keeps what is stored.
    if (s.orchestrator == Orchestrator::Swarm) {
        s.swarmManager = m_swarmManager->isChecked();
        s.swarmWorker = m_swarmWorker->isChecked();
    }
    s.swarmPublishMode = m_publishMode->currentData().toString();
    if (s.orchestrator == Orchestrator::Kubernetes) {
        s.kubernetesMaster = m_kubeMaster->isChecked();
        s.kubernetesWorker = m_kubeWorker->isChecked();
    }
    s.kubernetesVersion = m_kubeVersion->text().trimmed();
    s.kubernetesNamespace = m_namespace->currentText().trimmed();
    s.useIngress = m_ingress->isChecked();
    s.ingressClass = m_ingressClass->text().trimmed();
    s.certIssuer = m_certIssuer->text().trimmed();
    s.storageClass = m_storageClass->text().trimmed();
    return s;
}

bool OrchestratorSettingsForm::isDirty() const
{
    return m_server.id != 0 && !(formSettings() == m_server.settings);
}

void OrchestratorSettingsForm::updateVisibility()
{
    const auto o = Orchestrator(m_orchestrator->currentData().toInt());
    m_swarmBox->setVisible(o == Orchestrator::Swarm);
    m_kubeBox->setVisible(o == Orchestrator::Kubernetes);
    m_ingressClass->setEnabled(m_ingress->isChecked());
}

void OrchestratorSettingsForm::updateDirty()
{
    if (m_loading)
        return;
    const bool dirty = isDirty();
    m_save->setEnabled(!m_saving);
    m_revert->setEnabled(dirty);
    m_save->setText(dirty ? tr("Save*") : tr("Save"));
}

QWidget *OrchestratorSettingsForm::widgetFor(const QString &field) const
{
    if (field == QLatin1String("namespace")) return m_namespace;
    if (field == QLatin1String("ingress-class")) return m_ingressClass;
    if (field == QLatin1String("cert-issuer")) return m_certIssuer;
    if (field == QLatin1String("storage-class")) return m_storageClass;
    if (field == QLatin1String("publish-mode")) return m_publishMode;
    if (field == QLatin1String("swarm-role")) return m_swarmManager;
    if (field == QLatin1String("kubernetes-version")) return m_kubeVersion;
    if (field == QLatin1String("orchestrator")) return m_orchestrator;
    return nullptr;
}

void OrchestratorSettingsForm::clearAllInvalid()
{
    for (QWidget *w : {static_cast<QWidget *>(m_namespace), static_cast<QWidget *>(m_ingressClass), static_cast<QWidget *>(m_certIssuer),
                       static_cast<QWidget *>(m_storageClass), static_cast<QWidget *>(m_publishMode), static_cast<QWidget *>(m_swarmManager),
                       static_cast<QWidget *>(m_kubeVersion), static_cast<QWidget *>(m_orchestrator)})
        clearInvalid(w);
}

void OrchestratorSettingsForm::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #82071e; background: #ffebe9; padding: 6px; border-radius: 3px; }")
                                   : QStringLiteral("QLabel { color: #0f5323; background: #dafbe1; padding: 6px; border-radius: 3px; }"));
    m_message->setAccessibleName(text);
    m_message->show();
}

void OrchestratorSettingsForm::save()
{
    if (m_saving || !m_service || m_server.id == 0)
        return;
    clearAllInvalid();
    Server candidate = m_server;
    candidate.settings = formSettings();
    QList<Error> problems = validate::serverProblems(candidate);
    static const QRegularExpression version(QStringLiteral(R"(^v?\d+\.\d+(\.\d+)?([-+][0-9A-Za-z.-]+)?$)"));
    if (!candidate.settings.kubernetesVersion.isEmpty() && !version.match(candidate.settings.kubernetesVersion).hasMatch())
        problems.append(Error::invalid(QStringLiteral("kubernetes-version"),
                                       tr("'%1' is not a version like v1.32.4").arg(candidate.settings.kubernetesVersion)));
    if (!problems.isEmpty()) {
        // Nothing is written; every field at fault is marked, the first one gets the focus.
        for (auto it = problems.rbegin(); it != problems.rend(); ++it)
            markInvalid(widgetFor(it->field), it->toString());
        showMessage(tr("Not saved: %1").arg(problems.first().toString()), true);
        Q_EMIT saveRejected(problems.first().field);
        return;
    }
    m_saving = true;
    updateDirty();
    // Only what the user changed since the fields were loaded: what another window (the kubeconfig
    // editor) or the CLI saved meanwhile stays as stored.
    const ServerPatch patch = ServerPatch::settingsChanges(m_loaded, settingsOver(m_loaded));
    auto service = m_service;
    const qint64 id = m_server.id;
    runAsync(
        this, [service, id, patch] { return service->changeSettings(id, patch); },
        [this](const Result<Server> &result) {
            m_saving = false;
            if (!result) {
                markInvalid(widgetFor(result.error().field), result.error().toString());
                showMessage(tr("Not saved: %1").arg(result.error().toString()), true);
                updateDirty();
                Q_EMIT saveRejected(result.error().field);
                return;
            }
            m_server = *result;
            loadFields(m_server.settings);
            showMessage(tr("Saved."), false);
            Q_EMIT saved(m_server);
        });
}

void OrchestratorSettingsForm::revert()
{
    clearAllInvalid();
    m_message->hide();
    loadFields(m_server.settings);
}

void OrchestratorSettingsForm::detect()
{
    if (!m_service || m_server.id == 0 || m_report->isBusy())
        return;
    m_report->setBusy(tr("Detecting what %1 runs…").arg(m_server.name));
    m_detect->setEnabled(false);
    Server server = m_server;
    server.settings = formSettings();   // the kubeconfig and its context as stored
    const CancelToken cancel = m_cancel;
    auto service = m_service;
    runNetworkAsync(
        this, [service, server, cancel] { return service->detect(server, cancel); },
        [this, id = server.id](const Result<checks::Detection> &result) {
            m_detect->setEnabled(true);
            if (id != m_server.id)
                return;
            if (!result) {
                m_report->setError(result.error());
                Q_EMIT detected(false);
                return;
            }
            const checks::Detection &d = *result;
            const checks::Proposal &p = d.proposal;
            m_orchestrator->setCurrentIndex(m_orchestrator->findData(int(p.orchestrator)));
            if (p.orchestrator == Orchestrator::Swarm) {
                m_swarmManager->setChecked(p.swarmManager);
                m_swarmWorker->setChecked(p.swarmWorker);
            }
            if (p.orchestrator == Orchestrator::Kubernetes) {
                m_kubeMaster->setChecked(p.kubernetesMaster);
                m_kubeWorker->setChecked(p.kubernetesWorker);
                if (!p.kubernetesVersion.isEmpty())
                    m_kubeVersion->setText(p.kubernetesVersion);
            }
            QStringList lines = d.facts.toText().split(QLatin1Char('\n'));
            for (const checks::NodeState &n : d.nodes)
                lines << tr("Node %1: %2%3").arg(n.name, n.ready ? tr("Ready") : tr("NotReady (%1)").arg(n.reason),
                                                 n.roles.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(n.roles.join(QStringLiteral(", "))));
            if (!d.clusterError.isEmpty())
                lines << tr("Cluster: %1").arg(d.clusterError);
            m_report->setLines(tr("Proposed: %1 — because %2. Review, then Save.").arg(m_orchestrator->currentText(), p.reason), lines);
            Q_EMIT detected(true);
        });
}

void OrchestratorSettingsForm::testConnection()
{
    if (!m_service || m_server.id == 0 || m_report->isBusy())
        return;
    Server server = m_server;
    server.settings = formSettings();   // the kubeconfig and its context as stored
    m_report->setBusy(tr("Testing %1 on %2…").arg(m_orchestrator->currentText(), server.name));
    m_test->setEnabled(false);
    const CancelToken cancel = m_cancel;
    auto service = m_service;
    runNetworkAsync(
        this, [service, server, cancel] { return service->testConnection(server, cancel); },
        [this, id = server.id](const Result<checks::ConnectionReport> &report) {
            m_test->setEnabled(true);
            if (id != m_server.id)
                return;
            if (!report) {
                m_report->setError(report.error());
                Q_EMIT tested(false);
                return;
            }
            m_report->setReport(*report);
            offerNamespaces(report->namespaces);
            Q_EMIT tested(report->ok());
        });
}

} // namespace fleetdeck::ui
