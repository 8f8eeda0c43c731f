#include "servers/DetectionPage.h"

#include "async/Async.h"
#include "servers/ConnectionPage.h"
#include "servers/WizardLabels.h"
#include "services/ServerService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {

int comboIndexOf(Orchestrator o)
{
    return o == Orchestrator::Swarm ? 1 : o == Orchestrator::Kubernetes ? 2 : 0;
}

} // namespace

DetectionPage::DetectionPage(AddServerWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Detection"));
    setSubTitle(tr("Fleetdeck logs in and looks at what the server runs."));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("detectionStatus"));
    m_status->setWordWrap(true);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("detectionProgress"));
    m_progress->setAccessibleName(tr("Detecting"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(10);
    m_progress->setTextVisible(false);

    m_os = valueLabel(QStringLiteral("detectedOs"), tr("Operating system"));
    m_docker = valueLabel(QStringLiteral("detectedDocker"), tr("Docker"));
    m_swarm = valueLabel(QStringLiteral("detectedSwarm"), tr("Swarm"));
    m_kubectl = valueLabel(QStringLiteral("detectedKubectl"), tr("kubectl"));
    m_cluster = valueLabel(QStringLiteral("detectedCluster"), tr("Kubernetes cluster"));
    m_results = new QWidget;
    auto *form = new QFormLayout(m_results);
    form->addRow(tr("Operating system:"), m_os);
    form->addRow(tr("Docker:"), m_docker);
    form->addRow(tr("Swarm:"), m_swarm);
    form->addRow(tr("kubectl:"), m_kubectl);
    form->addRow(tr("Kubernetes:"), m_cluster);

    m_orchestrator = new QComboBox;
    m_orchestrator->setObjectName(QStringLiteral("proposedOrchestrator"));
    m_orchestrator->setAccessibleName(tr("Orchestrator"));
    m_orchestrator->addItem(tr("Standalone Docker"), int(Orchestrator::None));
    m_orchestrator->addItem(tr("Docker Swarm"), int(Orchestrator::Swarm));
    m_orchestrator->addItem(tr("Kubernetes"), int(Orchestrator::Kubernetes));
    m_reason = new QLabel;
    m_reason->setObjectName(QStringLiteral("proposalReason"));
    m_reason->setWordWrap(true);
    m_apply = new QCheckBox(tr("&Use the detected orchestrator settings"));
    m_apply->setObjectName(QStringLiteral("applyProposal"));
    auto *proposal = new QFormLayout;
    proposal->addRow(tr("&Orchestrator:"), m_orchestrator);
    proposal->addRow(QString(), m_reason);
    proposal->addRow(QString(), m_apply);
    m_proposalBox = new QFrame;
    m_proposalBox->setFrameShape(QFrame::StyledPanel);
    m_proposalBox->setLayout(proposal);

    m_error = errorLabel(QStringLiteral("detectionError"));
    m_retry = new QPushButton(tr("&Retry"));
    m_retry->setObjectName(QStringLiteral("retryDetection"));
    m_retry->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_results);
    layout->addWidget(m_proposalBox);
    layout->addWidget(m_error);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addStretch();
    connect(m_retry, &QPushButton::clicked, this, &DetectionPage::run);
    connect(m_apply, &QCheckBox::toggled, m_orchestrator, &QWidget::setEnabled);
}

bool DetectionPage::applyProposal() const
{
    return m_apply->isChecked();
}

ServerSettings DetectionPage::settings(const ServerSettings &base) const
{
    ServerSettings s = base;
    s.orchestrator = Orchestrator(m_orchestrator->currentData().toInt());
    if (m_detection) {
        const checks::Proposal &p = m_detection->proposal;
        s.swarmManager = p.swarmManager;
        s.swarmWorker = p.swarmWorker;
        if (s.orchestrator == Orchestrator::Swarm && !s.swarmManager && !s.swarmWorker)
            s.swarmManager = true;
        s.kubernetesMaster = p.kubernetesMaster;
        s.kubernetesWorker = p.kubernetesWorker;
        if (!m_detection->facts.kubernetesServerVersion.isEmpty())
            s.kubernetesVersion = m_detection->facts.kubernetesServerVersion;
    }
    return s;
}

void DetectionPage::showSaveError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    Q_EMIT completeChanged();
}

void DetectionPage::run()
{
    Server server = m_wizard->candidate();
    const quint64 generation = ++m_generation;
    m_busy = true;
    m_connected = false;
    m_detection.reset();
    m_error->hide();
    m_retry->hide();
    m_results->hide();
    m_proposalBox->hide();
    m_progress->show();
    m_status->setText(tr("Logging in to %1@%2 …").arg(server.user, server.host));
    Q_EMIT completeChanged();
    const CancelToken cancel = m_wizard->cancelToken();
    auto service = m_wizard->m_service;
    runNetworkAsync(
        this, [service, server, cancel] { return service->detectNew(server, cancel); },
        [this, generation](const Result<checks::Detection> &result) {
            if (generation != m_generation)
                return;
            m_busy = false;
            m_progress->hide();
            if (!result) {
                const Error &e = result.error();
                m_status->setText(e.kind == ErrorKind::AuthFailed ? tr("Authentication failed: go Back and check the key or password.")
                                                                  : tr("Could not log in."));
                m_error->setText(e.toString());
                m_error->show();
                m_retry->show();
                if (e.kind == ErrorKind::AuthFailed)
                    m_wizard->m_connection->showError(e);
                Q_EMIT completeChanged();
                Q_EMIT m_wizard->detectionFinished(false);
                return;
            }
            m_connected = true;
            m_detection = *result;
            showDetection();
            Q_EMIT completeChanged();
            Q_EMIT m_wizard->detectionFinished(true);
        });
}

void DetectionPage::showDetection()
{
    const HostFacts &f = m_detection->facts;
    const QString absent = tr("not installed");
    m_os->setText(f.os.isEmpty() ? tr("unknown") : f.os);
    if (!f.dockerPresent)
        m_docker->setText(absent);
    else if (f.dockerEngineVersion.isEmpty())
        m_docker->setText(tr("client %1, engine not reachable: %2").arg(f.dockerClientVersion, f.dockerError));
    else
        m_docker->setText(tr("engine %1 (client %2)").arg(f.dockerEngineVersion, f.dockerClientVersion));
    m_swarm->setText(swarmStateName(f.swarm));
    m_kubectl->setText(f.kubectlPresent ? (f.kubectlClientVersion.isEmpty() ? tr("installed") : f.kubectlClientVersion) : absent);
    m_cluster->setText(!f.kubernetesServerVersion.isEmpty() ? (m_detection->nodes.size() == 1 ? tr("%1, 1 node") : tr("%1, %2 nodes").arg(QStringLiteral("%1")).arg(m_detection->nodes.size())).arg(f.kubernetesServerVersion)
                       : f.kubectlPresent ? tr("no cluster answered: %1").arg(f.kubectlError)
                                          : tr("—"));
    m_orchestrator->setCurrentIndex(comboIndexOf(m_detection->proposal.orchestrator));
    m_reason->setText(tr("Proposed because %1.").arg(m_detection->proposal.reason));
    // Adding: the proposal applies unless changed. Editing: the stored settings stay unless asked.
    m_apply->setVisible(m_wizard->isEditing());
    m_apply->setChecked(!m_wizard->isEditing());
    m_orchestrator->setEnabled(!m_wizard->isEditing());
    m_status->setText(tr("Logged in as %1. Found:").arg(m_wizard->candidate().user));
    m_results->show();
    m_proposalBox->show();
}

} // namespace fleetdeck::ui
