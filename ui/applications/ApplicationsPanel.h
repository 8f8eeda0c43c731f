// ApplicationsPanel: the applications of a server (or all), their live status from batched polling
// (ONE statusAll per cycle: one remote query per server; paused while the window is hidden), the
// one-click actions (toolbar + context menu), and the selected application's settings, orchestration,
// deployments and resources. Log windows and exec consoles open as separate windows.
#pragma once

#include "domain/Application.h"
#include "domain/Server.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QTabWidget;
class QStackedWidget;
class QTableView;
class QToolBar;

namespace fleetdeck {
class OperationsService;
class Store;
}

namespace fleetdeck::ui {

class ErrorBanner;

class ApplicationForm;
class ApplicationStatusModel;
class DeploymentsView;
class ExecConsole;
class LogWindow;
class OrchestrationForm;
class ResourceCharts;

class ApplicationsPanel final : public QWidget
{
    Q_OBJECT
public:
    ApplicationsPanel(std::shared_ptr<Store> store, std::shared_ptr<OperationsService> ops, QWidget *parent = nullptr);
    ~ApplicationsPanel() override;

    void setServerFilter(qint64 serverId);           // 0 = every server
    // As offered by the toolbar's project list: a null string or an unknown project = all projects,
    // "" = the applications without a project.
    void setProjectFilter(const QString &project);
    QString projectFilter() const;                   // "" for all projects (or for "no project")
    void setPollInterval(int ms);                    // default 5000; 0 = no polling
    void setConfirmDestructive(bool ask) { m_confirm = ask; }   // tests answer "yes" this way

    ApplicationStatusModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ApplicationForm *settingsForm() const { return m_form; }
    OrchestrationForm *orchestrationForm() const { return m_orchestration; }
    DeploymentsView *deploymentsView() const { return m_deployments; }
    ResourceCharts *resourceCharts() const { return m_resources; }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *action(const QString &name) const;     // "deploy", "scaleUp", "scaleDown", "restart", ...
    qint64 currentApplicationId() const;
    bool selectApplication(qint64 appId);
    QString message() const;
    int pollCount() const { return m_polls; }

public Q_SLOTS:
    void reload();
    void pollStatus();
    void newApplication();
    void deploy();
    void scaleBy(int delta);
    void scaleTo(qint64 appId, int replicas);
    void restart();
    void rollback();
    void stop();
    void showPlan();
    LogWindow *openLogs();
    ExecConsole *openExec();

Q_SIGNALS:
    void applicationsLoaded(int count);
    void statusPolled(int applications);
    // One-click results: `what` is the action ("deploy", "scale", ...).
    void actionFinished(const QString &what, bool ok, const QString &message);

private:
    void buildUi();
    void onCurrentChanged();
    void updateActions();
    void showEmptyStateIfNeeded();
    QList<Application> inProject(const QList<Application> &apps);
    void notify(const QString &text, bool error = false);
    bool confirm(const QString &title, const QString &text);
    template<typename Future>
    void runAction(const QString &what, const QString &busy, Future future);

    std::shared_ptr<Store> m_store;
    std::shared_ptr<OperationsService> m_ops;
    qint64 m_serverFilter = 0;
    QComboBox *m_projectFilter = nullptr;
    bool m_confirm = true;
    bool m_polling = false;
    int m_polls = 0;
    QTimer m_poll;
    QList<Server> m_servers;

    ApplicationStatusModel *m_model;
    QToolBar *m_toolbar = nullptr;
    QTableView *m_table = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QLabel *m_empty = nullptr;
    QTabWidget *m_tabs = nullptr;
    ApplicationForm *m_form = nullptr;
    OrchestrationForm *m_orchestration = nullptr;
    DeploymentsView *m_deployments = nullptr;
    ResourceCharts *m_resources = nullptr;
    ErrorBanner *m_message = nullptr;
    QList<QAction *> m_appActions;   // need a selected application
};

} // namespace fleetdeck::ui
