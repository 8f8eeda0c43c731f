#include "main/MainWindow.h"

#include "activity/ActivityDock.h"
#include "applications/ApplicationsPanel.h"
#include "async/Async.h"
#include "kubeconfig/KubeconfigEditor.h"
#include "models/ServerListModel.h"
#include "servers/AddServerWizard.h"
#include "servers/ClusterPanel.h"
#include "servers/OrchestratorSettingsForm.h"
#include "servers/ServerPanel.h"
#include "services/ClusterService.h"
#include "services/Operations.h"
#include "services/ServerService.h"
#include "store/Repositories.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace fleetdeck::ui {

MainWindow::MainWindow(const QString &dbPath, QWidget *parent)
    : QMainWindow(parent), m_dbPath(dbPath)
{
    buildUi();
    buildActions();
    showMessage(tr("Opening %1 …").arg(dbPath));
    runAsync(this, [dbPath] { return Store::open(dbPath); },
             [this](const Result<std::shared_ptr<Store>> &store) { onStoreOpened(store); });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    setWindowTitle(tr("Fleetdeck"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/fleetdeck.svg")));
    resize(1280, 800);

    m_panel = new ServerPanel;
    connect(m_panel, &ServerPanel::currentServerChanged, this, &MainWindow::onServerSelected);
    connect(m_panel, &ServerPanel::activated, this, [this] { editServer(); });

    // Applications of the selected server: the ApplicationsPanel once the store is open; until then (or
    // with no server at all) a page that says what is happening or what to do.
    m_emptyApps = new QLabel;
    m_emptyApps->setObjectName(QStringLiteral("windowState"));
    m_emptyApps->setAlignment(Qt::AlignCenter);
    m_emptyApps->setWordWrap(true);
    m_emptyApps->setTextFormat(Qt::RichText);
    m_emptyApps->setText(tr("<h2>Opening the store…</h2>"));
    m_appStack = new QStackedWidget;
    m_appStack->addWidget(m_emptyApps);

    m_settings = new OrchestratorSettingsForm;
    m_kubeconfig = new KubeconfigEditor;
    m_clusters = new ClusterPanel;
    connect(m_settings, &OrchestratorSettingsForm::saved, this, &MainWindow::onServerSaved);
    connect(m_kubeconfig, &KubeconfigEditor::saved, this, &MainWindow::onServerSaved);
    connect(m_kubeconfig, &KubeconfigEditor::namespacesFound, m_settings, &OrchestratorSettingsForm::offerNamespaces);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("serverTabs"));
    m_tabs->setAccessibleName(tr("Server details"));
    m_tabs->addTab(m_appStack, tr("&Applications"));
    m_tabs->addTab(m_settings, tr("&Orchestrator"));
    m_tabs->addTab(m_kubeconfig, tr("&Kubeconfig"));
    m_tabs->addTab(m_clusters, tr("Cl&usters && namespaces"));
    m_tabs->setTabToolTip(ApplicationsTab, tr("Applications on this server: live status, deploy, scale, logs, exec, "
                                              "resources (Alt+1)"));
    m_tabs->setTabToolTip(OrchestratorTab, tr("Orchestrator settings, Detect and Test connection (Alt+2)"));
    m_tabs->setTabToolTip(KubeconfigTab, tr("The kubeconfig used for Kubernetes (Alt+3)"));
    m_tabs->setTabToolTip(ClustersTab, tr("Clusters, namespaces, quotas and limit ranges (Alt+4)"));

    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->hide();

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 6, 6, 0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_tabs);

    auto *splitter = new QSplitter;
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_panel);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 980});
    setCentralWidget(splitter);

    m_activity = new ActivityDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_activity);
    resizeDocks({m_activity}, {160}, Qt::Vertical);
    statusBar();
    setTabOrder(m_panel->view(), m_tabs);
}

void MainWindow::buildActions()
{
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_addAction = new QAction(tr("&Add server…"), this);
    m_addAction->setObjectName(QStringLiteral("addServerAction"));
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_addAction->setToolTip(tr("Add a server reached over SSH (Ctrl+N)"));
    connect(m_addAction, &QAction::triggered, this, [this] { addServer(); });
    m_editAction = new QAction(tr("&Edit server…"), this);
    m_editAction->setObjectName(QStringLiteral("editServerAction"));
    m_editAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_editAction->setToolTip(tr("Change the connection of the selected server (Ctrl+E, or Enter in the list)"));
    connect(m_editAction, &QAction::triggered, this, [this] { editServer(); });
    m_removeAction = new QAction(tr("&Remove server…"), this);
    m_removeAction->setObjectName(QStringLiteral("removeServerAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);   // Delete in a text field stays a key
    m_removeAction->setToolTip(tr("Remove the selected server from Fleetdeck (Delete in the server list)"));
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeServer);
    m_panel->view()->addAction(m_removeAction);
    m_refreshAction = new QAction(tr("Re&fresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Reload and check the connection of every server (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshAndCheck);
    toolbar->addAction(m_addAction);
    toolbar->addAction(m_editAction);
    toolbar->addAction(m_removeAction);
    toolbar->addSeparator();
    toolbar->addAction(m_refreshAction);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->addAction(m_addAction);
    server->addAction(m_editAction);
    server->addAction(m_removeAction);
    server->addSeparator();
    server->addAction(m_refreshAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *servers = view->addAction(tr("&Server list"));
    servers->setShortcut(QKeySequence(Qt::ALT | Qt::Key_0));
    connect(servers, &QAction::triggered, this, [this] { m_panel->view()->setFocus(); });
    const QList<std::pair<Tab, QString>> tabs = {{ApplicationsTab, tr("&Applications")},
                                                 {OrchestratorTab, tr("&Orchestrator settings")},
                                                 {KubeconfigTab, tr("&Kubeconfig")},
                                                 {ClustersTab, tr("&Clusters and namespaces")}};
    for (const auto &[tab, text] : tabs) {
        QAction *a = view->addAction(text);
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + int(tab))));
        connect(a, &QAction::triggered, this, [this, tab = tab] { showTab(tab); });
    }
    view->addSeparator();
    QAction *activity = m_activity->toggleViewAction();
    activity->setText(tr("Activity &log"));
    activity->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    activity->setObjectName(QStringLiteral("toggleActivityAction"));
    view->addAction(activity);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"));
    keys->setShortcut(QKeySequence::HelpContents);
    connect(keys, &QAction::triggered, this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Keyboard shortcuts"),
                                    tr("<table>"
                                       "<tr><td><b>Ctrl+N</b></td><td>Add a server</td></tr>"
                                       "<tr><td><b>Ctrl+E</b>, Enter</td><td>Edit the selected server</td></tr>"
                                       "<tr><td><b>Delete</b></td><td>Remove the selected server (in the list)</td></tr>"
                                       "<tr><td><b>F5</b></td><td>Refresh and check every server</td></tr>"
                                       "<tr><td><b>Alt+0</b></td><td>Server list</td></tr>"
                                       "<tr><td><b>Alt+1…4</b></td><td>Applications, Orchestrator, Kubeconfig, Clusters</td></tr>"
                                       "<tr><td><b>Ctrl+S</b></td><td>Save the current form</td></tr>"
                                       "<tr><td><b>Ctrl+D</b> / <b>Ctrl+T</b></td><td>Detect / Test connection</td></tr>"
                                       "<tr><td><b>Ctrl+O</b></td><td>Load a kubeconfig file</td></tr>"
                                       "<tr><td><b>F8</b></td><td>Next problem in the kubeconfig</td></tr>"
                                       "<tr><td><b>Ctrl+L</b></td><td>Show or hide the activity log</td></tr>"
                                       "</table>"),
                                    QMessageBox::Close, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    updateActions();
}

void MainWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
    m_tabs->currentWidget()->setFocus();
    if (QWidget *next = m_tabs->currentWidget()->nextInFocusChain(); next && m_tabs->currentWidget()->isAncestorOf(next))
        next->setFocus();
}

void MainWindow::onStoreOpened(const Result<std::shared_ptr<Store>> &store)
{
    if (!store) {
        showMessage(tr("Cannot open the store: %1").arg(store.error().toString()), true);
        m_emptyApps->setText(tr("<h2>Cannot open the store</h2><p>%1</p>").arg(store.error().toString().toHtmlEscaped()));
        return;
    }
    m_store = *store;
    // The services every panel uses, made once; transports come from the shared pool.
    m_servers = std::make_shared<ServerService>(m_store);
    m_clusterService = std::make_shared<ClusterService>(m_store);
    m_panel->setService(m_servers);
    m_settings->setService(m_servers);
    m_kubeconfig->setService(m_servers);
    m_clusters->setService(m_clusterService);
    m_ops = std::make_shared<OperationsService>(m_store);
    m_operations = new ApplicationsPanel(m_store, m_ops);
    connect(m_operations, &ApplicationsPanel::applicationsLoaded, this, &MainWindow::applicationsLoaded);
    m_appStack->addWidget(m_operations);
    m_appStack->setCurrentWidget(m_operations);
    showMessage(tr("Store: %1").arg(m_dbPath));
    Q_EMIT storeOpened();
    refresh();
}

void MainWindow::refresh()
{
    if (!m_store)
        return;
    auto service = m_servers;
    runAsync(this, [service] { return service->servers(); }, [this](const Result<QList<Server>> &servers) {
        if (!servers) {
            showMessage(servers.error().toString(), true);
            return;
        }
        const qint64 before = m_panel->currentServer() ? m_panel->currentServer()->id : -1;
        m_panel->setServers(*servers);
        const Server *current = m_panel->currentServer();
        // The same server stays selected: its panels get the fresh record (a new selection is
        // handled by onServerSelected).
        if (current && current->id == before)
            syncPanels(*current);
        else if (!current)
            onServerSelected(0);
        if (m_firstLoad) {
            m_firstLoad = false;
            m_panel->checkAll(true);
        }
        updateActions();
        Q_EMIT serversLoaded(int(servers->size()));
    });
}

void MainWindow::refreshAndCheck()
{
    refresh();
    m_panel->checkAll(true);
}

void MainWindow::onServerSelected(qint64 serverId)
{
    updateActions();
    const Server *server = serverId ? m_panel->currentServer() : nullptr;
    if (!server || !m_store) {
        setWindowTitle(tr("Fleetdeck"));
        if (m_store) {
            m_emptyApps->setText(tr("<h2>No server yet</h2><p>Add a server reached over SSH with <b>Add server…</b> "
                                    "(Ctrl+N), or deploy on this machine.</p>"));
            m_appStack->setCurrentWidget(m_emptyApps);
        }
        syncPanels(Server{});
        return;
    }
    setWindowTitle(tr("%1 — Fleetdeck").arg(server->name));
    syncPanels(*server);
    if (m_operations) {
        m_appStack->setCurrentWidget(m_operations);
        m_operations->setServerFilter(server->id);
    }
}

void MainWindow::syncPanels(const Server &server)
{
    m_settings->setServer(server);
    m_kubeconfig->setServer(server);
    m_clusters->setServer(server);
}

void MainWindow::onServerSaved(const Server &server)
{
    showMessage(tr("%1 saved.").arg(server.name));
    refresh();
    m_panel->checkServer(server, true);
}

void MainWindow::updateActions()
{
    const Server *s = m_panel->currentServer();
    m_addAction->setEnabled(m_store != nullptr);
    m_editAction->setEnabled(m_store && s && !s->isLocal);
    m_removeAction->setEnabled(m_store && s);
}

AddServerWizard *MainWindow::openWizard(const Server *existing)
{
    if (!m_store)
        return nullptr;
    auto *wizard = new AddServerWizard(m_servers, m_panel->model()->servers(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (existing)
        wizard->setExisting(*existing);
    connect(wizard, &AddServerWizard::serverSaved, this, [this](const Server &saved) {
        showMessage(tr("%1 saved.").arg(saved.name));
        refresh();
        m_panel->selectServer(saved.id);
        m_panel->checkServer(saved, true);
        // The list reloads asynchronously; select the new server once it is there.
        auto *once = new QObject(this);
        connect(this, &MainWindow::serversLoaded, once, [this, once, id = saved.id] {
            m_panel->selectServer(id);
            once->deleteLater();
        });
    });
    wizard->open();
    return wizard;
}

AddServerWizard *MainWindow::addServer()
{
    return openWizard(nullptr);
}

AddServerWizard *MainWindow::editServer()
{
    const Server *s = m_panel->currentServer();
    if (!s || s->isLocal)
        return nullptr;
    const Server copy = *s;
    return openWizard(&copy);
}

void MainWindow::removeServer()
{
    const Server *s = m_panel->currentServer();
    if (!s || !m_store)
        return;
    const Server server = *s;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove server"),
                                tr("Remove <b>%1</b> from Fleetdeck? Nothing on the server changes; its applications must be "
                                   "removed first.").arg(server.name.toHtmlEscaped()),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeServerConfirm"));
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    box->setDefaultButton(QMessageBox::Cancel);   // no accidental removal with Enter
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, server](QAbstractButton *clicked) {
        if (clicked != remove)
            return;
        auto service = m_servers;
        runAsync(this, [service, id = server.id] { return service->remove(id); }, [this, server](const Status &removed) {
            if (!removed) {
                showMessage(tr("%1 was not removed: %2").arg(server.name, removed.error().toString()), true);
                return;
            }
            showMessage(tr("%1 removed.").arg(server.name));
            Q_EMIT serverRemoved(server.id);
            refresh();
        });
    });
    box->open();
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
