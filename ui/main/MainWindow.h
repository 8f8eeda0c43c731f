// MainWindow: servers on the left, the selected server's applications on the right. Everything it
// reads from the store is read on the thread pool; the window never waits on the disk.
#pragma once

#include "core/Result.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QListView;
class QStackedWidget;
class QTableView;

namespace fleetdeck {
class Store;
}

namespace fleetdeck::ui {

class ApplicationTableModel;
class ServerListModel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // `dbPath` is opened (and migrated) in the background; the window shows at once.
    explicit MainWindow(const QString &dbPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    std::shared_ptr<Store> store() const { return m_store; }

Q_SIGNALS:
    void storeOpened();
    void serversLoaded(int count);
    void applicationsLoaded(int count);

public Q_SLOTS:
    void refresh();

private:
    void buildUi();
    void onStoreOpened(const Result<std::shared_ptr<Store>> &store);
    void onServerSelected();
    void showMessage(const QString &text, bool error = false);

    QString m_dbPath;
    std::shared_ptr<Store> m_store;
    ServerListModel *m_servers = nullptr;
    ApplicationTableModel *m_apps = nullptr;
    QListView *m_serverView = nullptr;
    QTableView *m_appView = nullptr;
    QStackedWidget *m_appStack = nullptr;
    QLabel *m_emptyApps = nullptr;
    QLabel *m_banner = nullptr;
};

} // namespace fleetdeck::ui
