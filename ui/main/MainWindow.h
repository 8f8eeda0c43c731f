// MainWindow: servers on the left (live connection state, orchestrator badge); on the right the
// selected server's tabs: applications, orchestrator settings, kubeconfig, clusters and namespaces;
// the activity log docked below. Everything it reads from the store or the network is read on a
// thread pool; the window never waits on the disk or a server.
#pragma once

#include "core/Result.h"
#include "domain/Server.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace fleetdeck {
class ClusterService;
class OperationsService;
class ServerService;
class Store;
}

namespace fleetdeck::ui {

class ActivityDock;
class AddServerWizard;
class ApplicationsPanel;
class ClusterPanel;
class KubeconfigEditor;
class OrchestratorSettingsForm;
class ServerPanel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum Tab { ApplicationsTab, OrchestratorTab, KubeconfigTab, ClustersTab };

    // `dbPath` is opened (and migrated) in the background; the window shows at once.
    explicit MainWindow(const QString &dbPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    std::shared_ptr<Store> store() const { return m_store; }
    // Made once the store is open (null before).
    std::shared_ptr<ServerService> serverService() const { return m_servers; }
    ServerPanel *serverPanel() const { return m_panel; }
    OrchestratorSettingsForm *settingsForm() const { return m_settings; }
    KubeconfigEditor *kubeconfigEditor() const { return m_kubeconfig; }
    ClusterPanel *clusterPanel() const { return m_clusters; }
    ActivityDock *activityDock() const { return m_activity; }
    QTabWidget *tabs() const { return m_tabs; }
    // The Applications tab's panel (status, actions, logs, exec); made once the store is open.
    ApplicationsPanel *applicationsPanel() const { return m_operations; }
    void showTab(Tab tab);

Q_SIGNALS:
    void storeOpened();
    void serversLoaded(int count);
    void applicationsLoaded(int count);
    void serverRemoved(qint64 serverId);

public Q_SLOTS:
    void refresh();
    // Refresh + a fresh connection check of every server (F5).
    void refreshAndCheck();
    AddServerWizard *addServer();
    AddServerWizard *editServer();
    void removeServer();

private:
    void buildUi();
    void buildActions();
    void onStoreOpened(const Result<std::shared_ptr<Store>> &store);
    void onServerSelected(qint64 serverId);
    void onServerSaved(const Server &server);
    void syncPanels(const Server &server);
    void updateActions();
    void showMessage(const QString &text, bool error = false);
    AddServerWizard *openWizard(const Server *existing);

    QString m_dbPath;
    std::shared_ptr<Store> m_store;
    bool m_firstLoad = true;

    ServerPanel *m_panel = nullptr;
    QStackedWidget *m_appStack = nullptr;
    QLabel *m_emptyApps = nullptr;
    QLabel *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    OrchestratorSettingsForm *m_settings = nullptr;
    KubeconfigEditor *m_kubeconfig = nullptr;
    ClusterPanel *m_clusters = nullptr;
    ActivityDock *m_activity = nullptr;
    std::shared_ptr<ServerService> m_servers;
    std::shared_ptr<ClusterService> m_clusterService;
    std::shared_ptr<OperationsService> m_ops;
    ApplicationsPanel *m_operations = nullptr;

    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_refreshAction = nullptr;
};

} // namespace fleetdeck::ui
