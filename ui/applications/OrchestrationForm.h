// OrchestrationForm: replicas with "Scale now" (no redeploy), Swarm placement constraints, and the
// Kubernetes JSON editors (node selector, tolerations, affinity, pod labels, service annotations) plus
// the service type. Fields not used by the server's orchestrator are hidden; a standalone server says why.
#pragma once

#include "domain/Application.h"
#include "domain/Server.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace fleetdeck {
class ApplicationService;
}

namespace fleetdeck::ui {

class ErrorBanner;

class OrchestrationForm final : public QWidget
{
    Q_OBJECT
public:
    explicit OrchestrationForm(std::shared_ptr<ApplicationService> applications, QWidget *parent = nullptr);

    void setApplication(const Application &app, const Server &server);
    const Application &application() const { return m_app; }
    int replicas() const;
    QString errorText() const;
    void setBusy(bool busy);

public Q_SLOTS:
    void save();

Q_SIGNALS:
    void scaleRequested(qint64 appId, int replicas);
    void saved(const fleetdeck::Application &app);
    void saveFailed(const QString &reason);

private:
    QPlainTextEdit *jsonEditor(const char *name, const QString &accessible, const QString &placeholder);

    std::shared_ptr<ApplicationService> m_applications;
    Application m_app;
    Orchestrator m_orchestrator = Orchestrator::None;

    QLabel *m_kindNote;
    QSpinBox *m_replicas;
    QPushButton *m_scaleNow;
    QGroupBox *m_swarm;
    QPlainTextEdit *m_constraints;
    QGroupBox *m_kube;
    QPlainTextEdit *m_nodeSelector;
    QPlainTextEdit *m_tolerations;
    QPlainTextEdit *m_affinity;
    QPlainTextEdit *m_podLabels;
    QPlainTextEdit *m_annotations;
    QComboBox *m_serviceType;
    ErrorBanner *m_error;
    QLabel *m_note;
    QPushButton *m_save;
};

} // namespace fleetdeck::ui
