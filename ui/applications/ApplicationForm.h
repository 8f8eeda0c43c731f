// ApplicationForm: an application's general settings (name, server, image or build source, ports,
// domains), environment (secret values masked), health check, and limits/reservations with unit hints.
// Save validates with lib/domain's rules, points at the field at fault and writes nothing when invalid.
#pragma once

#include "domain/Application.h"
#include "domain/ApplicationPatch.h"
#include "domain/Server.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fleetdeck {
class ApplicationService;
}

namespace fleetdeck::ui {

class ErrorBanner;

class ApplicationForm final : public QWidget
{
    Q_OBJECT
public:
    explicit ApplicationForm(std::shared_ptr<ApplicationService> applications, QWidget *parent = nullptr);

    void setServers(const QList<Server> &servers);
    void setApplication(const Application &app);     // edit
    void newApplication(qint64 serverId);            // create
    const Application &application() const { return m_app; }

    // The form's values over the loaded application; problems (field -> reason) when invalid.
    Application collect(QList<QPair<QString, QString>> *problems) const;
    // The form's fields as a settings patch (every field it shows; see changesFrom for the edits).
    ApplicationSettingsPatch fieldsPatch(QList<QPair<QString, QString>> *problems) const;
    QString errorText() const;

public Q_SLOTS:
    void save();

Q_SIGNALS:
    void saved(const fleetdeck::Application &app, bool created);
    void saveFailed(const QString &reason);

private:
    void addEnvRow(const EnvVar &var);
    void setSecretsVisible(bool visible);
    void updateHints();
    QWidget *fieldFor(const QString &field) const;
    void clearMarks();

    std::shared_ptr<ApplicationService> m_applications;
    Application m_app;
    QList<Server> m_servers;

    QLineEdit *m_name;
    QLineEdit *m_project;
    QComboBox *m_server;
    QLineEdit *m_image;
    QLineEdit *m_buildSource;
    QLineEdit *m_ports;
    QLineEdit *m_domains;
    QTableWidget *m_env;
    QCheckBox *m_showSecrets;
    QLineEdit *m_healthPath;
    QSpinBox *m_healthPort;
    QSpinBox *m_healthInterval;
    QSpinBox *m_healthTimeout;
    QSpinBox *m_healthRetries;
    QLineEdit *m_cpuLimit;
    QLineEdit *m_memoryLimit;
    QLineEdit *m_cpuReservation;
    QLineEdit *m_memoryReservation;
    QLabel *m_cpuHint;
    QLabel *m_memoryHint;
    ErrorBanner *m_error;
    QPushButton *m_save;
};

} // namespace fleetdeck::ui
