#include "main/MainWindow.h"

#include "async/Async.h"
#include "models/ApplicationTableModel.h"
#include "models/ServerListModel.h"
#include "store/Repositories.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace fleetdeck::ui {

MainWindow::MainWindow(const QString &dbPath, QWidget *parent)
    : QMainWindow(parent), m_dbPath(dbPath)
{
    buildUi();
    showMessage(tr("Opening %1 …").arg(dbPath));
    runAsync(this, [dbPath] { return Store::open(dbPath); },
             [this](const Result<std::shared_ptr<Store>> &store) { onStoreOpened(store); });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    setWindowTitle(tr("Fleetdeck"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/fleetdeck.svg")));
    resize(1100, 680);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    auto *addServer = toolbar->addAction(tr("Add server…"));
    addServer->setObjectName(QStringLiteral("addServerAction"));
    addServer->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    addServer->setToolTip(tr("Add a server reached over SSH (Ctrl+N)"));
    auto *refreshAction = toolbar->addAction(tr("Refresh"));
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    connect(refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_servers = new ServerListModel(this);
    m_serverView = new QListView;
    m_serverView->setObjectName(QStringLiteral("serverList"));
    m_serverView->setAccessibleName(tr("Servers"));
    m_serverView->setModel(m_servers);
    m_serverView->setSpacing(4);
    m_serverView->setMinimumWidth(240);
    connect(m_serverView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onServerSelected);

    m_apps = new ApplicationTableModel(this);
    m_appView = new QTableView;
    m_appView->setObjectName(QStringLiteral("applicationTable"));
    m_appView->setAccessibleName(tr("Applications"));
    m_appView->setModel(m_apps);
    m_appView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_appView->horizontalHeader()->setStretchLastSection(true);
    m_appView->verticalHeader()->hide();

    m_emptyApps = new QLabel;
    m_emptyApps->setObjectName(QStringLiteral("emptyState"));
    m_emptyApps->setAlignment(Qt::AlignCenter);
    m_emptyApps->setWordWrap(true);
    m_emptyApps->setTextFormat(Qt::RichText);

    m_appStack = new QStackedWidget;
    m_appStack->addWidget(m_emptyApps);
    m_appStack->addWidget(m_appView);

    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->hide();

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_appStack);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_serverView);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    statusBar();
}

void MainWindow::onStoreOpened(const Result<std::shared_ptr<Store>> &store)
{
    if (!store) {
        showMessage(tr("Cannot open the store: %1").arg(store.error().toString()), true);
        return;
    }
    m_store = *store;
    showMessage(tr("Store: %1").arg(m_dbPath));
    Q_EMIT storeOpened();
    refresh();
}

void MainWindow::refresh()
{
    if (!m_store)
        return;
    auto store = m_store;
    runAsync(this, [store] { return store->servers(); }, [this](const Result<QList<Server>> &servers) {
        if (!servers) {
            showMessage(servers.error().toString(), true);
            return;
        }
        m_servers->setServers(*servers);
        if (!servers->isEmpty() && !m_serverView->currentIndex().isValid())
            m_serverView->setCurrentIndex(m_servers->index(0));
        else
            onServerSelected();
        Q_EMIT serversLoaded(int(servers->size()));
    });
}

void MainWindow::onServerSelected()
{
    const Server *server = m_servers->serverAt(m_serverView->currentIndex().row());
    if (!server || !m_store) {
        m_emptyApps->setText(tr("<h2>No server yet</h2><p>Add a server reached over SSH with <b>Add server…</b> (Ctrl+N), "
                                "or deploy on this machine.</p>"));
        m_appStack->setCurrentWidget(m_emptyApps);
        return;
    }
    auto store = m_store;
    const qint64 id = server->id;
    const QString name = server->name;
    runAsync(this, [store, id] { return store->applications(id); }, [this, name](const Result<QList<Application>> &apps) {
        if (!apps) {
            showMessage(apps.error().toString(), true);
            return;
        }
        m_apps->setApplications(*apps);
        if (apps->isEmpty()) {
            m_emptyApps->setText(tr("<h2>No applications on %1</h2><p>Add one with <code>fleetdeck-cli app add NAME --server %1 "
                                    "--image IMAGE</code>; it appears here.</p>").arg(name.toHtmlEscaped()));
            m_appStack->setCurrentWidget(m_emptyApps);
        } else {
            m_appStack->setCurrentWidget(m_appView);
            m_appView->resizeColumnsToContents();
        }
        Q_EMIT applicationsLoaded(int(apps->size()));
    });
}

void MainWindow::showMessage(const QString &text, bool error)
{
    statusBar()->showMessage(text);
    m_banner->setVisible(error);
    if (error) {
        m_banner->setText(text);
        m_banner->setStyleSheet(QStringLiteral("QLabel { background: #ffebe9; color: #82071e; padding: 8px; }"));
    }
}

} // namespace fleetdeck::ui
