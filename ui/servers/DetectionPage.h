// DetectionPage: the add-server wizard's last step: logs in and shows what the server runs (OS,
// Docker, swarm, kubectl and cluster) with the orchestrator that suggests.
#pragma once

#include "domain/Server.h"
#include "orchestrators/ConnectionReport.h"
#include "servers/AddServerWizard.h"

#include <QWizardPage>

#include <optional>

class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;

namespace fleetdeck::ui {

class DetectionPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit DetectionPage(AddServerWizard *wizard);

    void initializePage() override { run(); }
    void cleanupPage() override { ++m_generation; }
    bool isComplete() const override { return m_connected && !m_busy && !m_wizard->m_saving; }

    bool applyProposal() const;
    // The settings the proposal makes, with the orchestrator the user picked.
    ServerSettings settings(const ServerSettings &base) const;
    void showSaveError(const QString &message);

private:
    void run();
    void showDetection();

    AddServerWizard *m_wizard;
    QLabel *m_status, *m_os, *m_docker, *m_swarm, *m_kubectl, *m_cluster, *m_reason, *m_error;
    QProgressBar *m_progress;
    QWidget *m_results;
    QFrame *m_proposalBox;
    QComboBox *m_orchestrator;
    QCheckBox *m_apply;
    QPushButton *m_retry;
    std::optional<checks::Detection> m_detection;
    bool m_busy = false;
    bool m_connected = false;
    quint64 m_generation = 0;
};

} // namespace fleetdeck::ui
