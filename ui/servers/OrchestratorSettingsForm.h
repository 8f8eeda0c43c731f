// OrchestratorSettingsForm: one server's orchestrator settings (Standalone Docker / Docker Swarm /
// Kubernetes with their roles, version, namespace, ingress, cert issuer, storage class). Detect and
// Test connection run on the network pool; Save validates with lib/domain/Validation first and writes
// nothing when a field is wrong (the field is highlighted and focused).
#pragma once

#include "domain/Server.h"
#include "remote/RemoteCommand.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace fleetdeck {
class ServerService;
}

namespace fleetdeck::ui {

class CheckReportView;

class OrchestratorSettingsForm final : public QWidget
{
    Q_OBJECT
public:
    explicit OrchestratorSettingsForm(QWidget *parent = nullptr);
    ~OrchestratorSettingsForm() override;

    void setService(std::shared_ptr<ServerService> service);
    void setServer(const Server &server);
    const Server &server() const { return m_server; }

    // The settings as the form shows them (kubeconfig and context are the editor's and stay as stored).
    ServerSettings formSettings() const;
    bool isDirty() const;
    CheckReportView *report() const { return m_report; }

public Q_SLOTS:
    void save();
    void detect();
    void testConnection();
    void revert();
    // Namespaces known elsewhere (the kubeconfig, a cluster listing) offered by the namespace picker.
    void offerNamespaces(const QStringList &namespaces);

Q_SIGNALS:
    void saved(const fleetdeck::Server &server);
    void saveRejected(const QString &field);
    void detected(bool ok);
    void tested(bool ok);

private:
    void buildUi();
    void loadFields(const ServerSettings &settings);
    // The form's fields over `base` (hidden role groups keep `base`'s values).
    ServerSettings settingsOver(const ServerSettings &base) const;
    void updateVisibility();
    void updateDirty();
    void showMessage(const QString &text, bool error);
    QWidget *widgetFor(const QString &field) const;
    void clearAllInvalid();

    std::shared_ptr<ServerService> m_service;
    Server m_server;
    ServerSettings m_loaded;   // what the fields were loaded from: Save sends only what changed since
    CancelToken m_cancel;
    bool m_loading = false;
    bool m_saving = false;

    QLabel *m_title = nullptr;
    QComboBox *m_orchestrator = nullptr;
    QGroupBox *m_swarmBox = nullptr;
    QRadioButton *m_swarmManager = nullptr;
    QRadioButton *m_swarmWorker = nullptr;
    QComboBox *m_publishMode = nullptr;
    QGroupBox *m_kubeBox = nullptr;
    QCheckBox *m_kubeMaster = nullptr;
    QCheckBox *m_kubeWorker = nullptr;
    QLineEdit *m_kubeVersion = nullptr;
    QComboBox *m_namespace = nullptr;
    QCheckBox *m_ingress = nullptr;
    QLineEdit *m_ingressClass = nullptr;
    QLineEdit *m_certIssuer = nullptr;
    QLineEdit *m_storageClass = nullptr;
    QPushButton *m_detect = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_message = nullptr;
    CheckReportView *m_report = nullptr;
};

} // namespace fleetdeck::ui
