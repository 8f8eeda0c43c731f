#include "applications/ApplicationsPanel.h"

#include "applications/ApplicationForm.h"
#include "applications/ApplicationStatusModel.h"
#include "applications/OrchestrationForm.h"
#include "widgets/ErrorBanner.h"
#include "widgets/Watch.h"
#include "async/Async.h"
#include "deployments/DeploymentsView.h"
#include "exec/ExecConsole.h"
#include "logs/LogWindow.h"
#include "resources/ResourceCharts.h"
#include "services/Operations.h"
#include "services/ApplicationService.h"
#include "store/Repositories.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {
constexpr int kDefaultPollMs = 5000;

QString describe(const AppStatus &s)
{
    return ApplicationsPanel::tr("%1: %2 %3/%4").arg(s.application, engineStateLabel(s.state)).arg(s.running).arg(s.desired);
}
} // namespace

ApplicationsPanel::ApplicationsPanel(std::shared_ptr<Store> store, std::shared_ptr<OperationsService> ops, QWidget *parent)
    : QWidget(parent)
    , m_store(std::move(store))
    , m_ops(std::move(ops))
    , m_model(new ApplicationStatusModel(this))
{
    setObjectName(QStringLiteral("applicationsPanel"));
    buildUi();
    m_poll.setInterval(kDefaultPollMs);
    connect(&m_poll, &QTimer::timeout, this, &ApplicationsPanel::pollStatus);
    m_poll.start();
    connect(&m_ops->queue(), &DeploymentQueue::deploymentStarted, this, [this](qint64, qint64 appId) {
        m_model->setBusy(appId, tr("deploying…"));
    });
    connect(&m_ops->queue(), &DeploymentQueue::deploymentFinished, this,
            [this](qint64, qint64 appId, const QString &status, const QString &) {
                m_model->setBusy(appId, QString());
                Q_UNUSED(status);
                pollStatus();
            });
    reload();
}

ApplicationsPanel::~ApplicationsPanel() = default;

void ApplicationsPanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_toolbar = new QToolBar(tr("Application actions"), this);
    m_toolbar->setObjectName(QStringLiteral("applicationToolBar"));
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(m_toolbar);

    auto add = [this](const char *name, const QString &text, const QKeySequence &key, const QString &tip, bool needsApp,
                      auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        m_toolbar->addAction(a);
        addAction(a);
        if (needsApp)
            m_appActions << a;
        return a;
    };
    add("new", tr("&New"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), tr("Create an application"), false, [this] { newApplication(); });
    m_toolbar->addSeparator();
    add("deploy", tr("&Deploy"), QKeySequence(Qt::CTRL | Qt::Key_D), tr("Deploy the saved settings"), true, [this] { deploy(); });
    add("scaleUp", tr("Scale +1"), QKeySequence(Qt::CTRL | Qt::Key_Equal), tr("One replica more"), true, [this] { scaleBy(1); });
    add("scaleDown", tr("Scale −1"), QKeySequence(Qt::CTRL | Qt::Key_Minus), tr("One replica less"), true, [this] { scaleBy(-1); });
    add("restart", tr("&Restart"), QKeySequence(Qt::CTRL | Qt::Key_R), tr("Replace every replica with a fresh one"), true, [this] { restart(); });
    add("rollback", tr("Roll&back"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), tr("Back to the previous version"), true, [this] { rollback(); });
    add("stop", tr("S&top"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), tr("Stop every replica"), true, [this] { stop(); });
    m_toolbar->addSeparator();
    add("plan", tr("&Plan…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), tr("The commands a deploy would run"), true, [this] { showPlan(); });
    add("logs", tr("&Logs"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), tr("Open a live log window"), true, [this] { openLogs(); });
    add("exec", tr("&Exec"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), tr("Run a command in a replica"), true, [this] { openExec(); });

    // Project filter, right-aligned in the toolbar: the projects of the listed server, refreshed on reload.
    auto *spacer = new QWidget(m_toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolbar->addWidget(spacer);
    auto *projectLabel = new QLabel(tr("Pro&ject:"), m_toolbar);
    m_projectFilter = new QComboBox(m_toolbar);
    m_projectFilter->setObjectName(QStringLiteral("projectFilter"));
    m_projectFilter->setAccessibleName(tr("Show the applications of a project"));
    m_projectFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_projectFilter->addItem(tr("All projects"), QVariant());
    projectLabel->setBuddy(m_projectFilter);
    m_toolbar->addWidget(projectLabel);
    m_toolbar->addWidget(m_projectFilter);
    connect(m_projectFilter, &QComboBox::activated, this, [this] { reload(); });

    auto *split = new QSplitter(Qt::Horizontal, this);
    // The list, or in its place what to do when there is nothing to list.
    m_listStack = new QStackedWidget(split);
    m_empty = new QLabel(m_listStack);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setContentsMargins(24, 24, 24, 24);
    connect(m_empty, &QLabel::linkActivated, this, [this] { newApplication(); });
    m_table = new QTableView(m_listStack);
    m_table->setObjectName(QStringLiteral("applicationStatusTable"));
    m_table->setAccessibleName(tr("Applications"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_table->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        menu.addActions(m_appActions);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ApplicationsPanel::onCurrentChanged);
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this] { openLogs(); });

    m_tabs = new QTabWidget(split);
    m_tabs->setObjectName(QStringLiteral("applicationTabs"));
    auto applications = std::make_shared<ApplicationService>(m_store);
    m_form = new ApplicationForm(applications, m_tabs);
    m_orchestration = new OrchestrationForm(applications, m_tabs);
    m_deployments = new DeploymentsView(m_ops, m_tabs);
    m_resources = new ResourceCharts(m_ops, m_tabs);
    m_tabs->addTab(m_form, tr("&Settings"));
    m_tabs->addTab(m_orchestration, tr("&Orchestration"));
    m_tabs->addTab(m_deployments, tr("De&ployments"));
    m_tabs->addTab(m_resources, tr("Reso&urces"));
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(m_empty);
    split->addWidget(m_listStack);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({560, 720});
    layout->addWidget(split, 1);

    m_message = new ErrorBanner(this);
    m_message->setObjectName(QStringLiteral("panelMessage"));
    m_message->setContentsMargins(6, 2, 6, 4);
    layout->addWidget(m_message);

    connect(m_form, &ApplicationForm::saved, this, [this](const Application &app, bool created) {
        m_model->setApplication(app);
        showEmptyStateIfNeeded();
        if (created)
            selectApplication(app.id);
        notify(created ? tr("Created %1").arg(app.name) : tr("Saved %1").arg(app.name));
    });
    connect(m_form, &ApplicationForm::saveFailed, this, [this](const QString &why) { notify(tr("Not saved: %1").arg(why), true); });
    connect(m_orchestration, &OrchestrationForm::saved, this, [this](const Application &app) { m_model->setApplication(app); });
    connect(m_orchestration, &OrchestrationForm::scaleRequested, this, &ApplicationsPanel::scaleTo);
    updateActions();
}

QAction *ApplicationsPanel::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

void ApplicationsPanel::setServerFilter(qint64 serverId)
{
    m_serverFilter = serverId;
    reload();
}

void ApplicationsPanel::setProjectFilter(const QString &project)
{
    const int i = project.isNull() ? 0 : m_projectFilter->findData(project);
    m_projectFilter->setCurrentIndex(std::max(0, i));
    reload();
}

QString ApplicationsPanel::projectFilter() const
{
    return m_projectFilter->currentData().toString();
}

// Offers the projects of `apps` (the server's, unfiltered) and returns those of the chosen one.
QList<Application> ApplicationsPanel::inProject(const QList<Application> &apps)
{
    const QVariant chosen = m_projectFilter->currentData();
    QStringList projects;
    bool unassigned = false;
    for (const Application &a : apps) {
        if (a.project.isEmpty())
            unassigned = true;
        else if (!projects.contains(a.project))
            projects << a.project;
    }
    projects.sort();
    m_projectFilter->clear();
    m_projectFilter->addItem(tr("All projects"), QVariant());
    for (const QString &p : std::as_const(projects))
        m_projectFilter->addItem(p, p);
    if (unassigned && !projects.isEmpty())
        m_projectFilter->addItem(tr("(no project)"), QString(QStringLiteral("")));
    const int keep = chosen.isValid() ? m_projectFilter->findData(chosen) : 0;
    m_projectFilter->setCurrentIndex(std::max(0, keep));
    if (!m_projectFilter->currentData().isValid())
        return apps;
    const QString project = m_projectFilter->currentData().toString();
    QList<Application> out;
    for (const Application &a : apps)
        if (a.project == project)
            out << a;
    return out;
}

void ApplicationsPanel::showEmptyStateIfNeeded()
{
    const bool empty = m_model->rowCount() == 0;
    if (!empty) {
        m_listStack->setCurrentWidget(m_table);
        return;
    }
    QString where;
    for (const Server &s : m_servers)
        if (s.id == m_serverFilter)
            where = s.name;
    if (m_projectFilter->currentData().isValid() && !projectFilter().isEmpty())
        where = where.isEmpty() ? tr("project %1").arg(projectFilter()) : tr("%1 in project %2").arg(where, projectFilter());
    m_empty->setText(where.isEmpty()
                         ? tr("<h2>No applications yet</h2><p><a href=\"new\">New application…</a> (Ctrl+Shift+N), or "
                              "from a script: <code>fleetdeck-cli app add NAME --server SERVER --image IMAGE</code></p>")
                         : tr("<h2>No applications on %1</h2><p><a href=\"new\">New application…</a> (Ctrl+Shift+N), or "
                              "from a script: <code>fleetdeck-cli app add NAME --server %1 --image IMAGE</code></p>")
                               .arg(where.toHtmlEscaped()));
    m_listStack->setCurrentWidget(m_empty);
}

void ApplicationsPanel::setPollInterval(int ms)
{
    if (ms <= 0) {
        m_poll.stop();
        return;
    }
    m_poll.setInterval(ms);
    m_poll.start();
}

void ApplicationsPanel::reload()
{
    const qint64 keep = currentApplicationId();
    runAsync(this, [store = m_store, filter = m_serverFilter]() -> Result<QPair<QList<Application>, QList<Server>>> {
        auto apps = store->applications(filter);
        if (!apps)
            return apps.error();
        auto servers = store->servers();
        if (!servers)
            return servers.error();
        return qMakePair(*apps, *servers);
    }, [this, keep](const Result<QPair<QList<Application>, QList<Server>>> &r) {
        if (!r) {
            notify(r.error().toString(), true);
            return;
        }
        m_servers = r->second;
        m_form->setServers(m_servers);
        m_model->setData(inProject(r->first), r->second);
        if (!selectApplication(keep) && m_model->rowCount() > 0)
            m_table->selectRow(0);
        updateActions();
        showEmptyStateIfNeeded();
        Q_EMIT applicationsLoaded(m_model->rowCount());
        pollStatus();
    });
}

void ApplicationsPanel::pollStatus()
{
    // Hidden or minimised windows cost no remote query; one poll at a time.
    if (m_polling || !isVisible() || window()->isMinimized() || m_model->rowCount() == 0)
        return;
    m_polling = true;
    watch(this, m_ops->statusAllAsync(), [this](const Result<FleetStatus> &r) {
        m_polling = false;
        ++m_polls;
        if (!r) {
            notify(tr("Status: %1").arg(r.error().toString()), true);
            return;
        }
        for (const AppStatus &s : r->applications)
            m_model->setStatus(s);
        Q_EMIT statusPolled(int(r->applications.size()));
    });
}

qint64 ApplicationsPanel::currentApplicationId() const
{
    const Application *a = m_model->applicationAt(m_table->currentIndex().row());
    return a ? a->id : 0;
}

bool ApplicationsPanel::selectApplication(qint64 appId)
{
    const int row = appId ? m_model->rowOf(appId) : -1;
    if (row < 0)
        return false;
    m_table->selectRow(row);
    return true;
}

void ApplicationsPanel::onCurrentChanged()
{
    const Application *a = m_model->applicationAt(m_table->currentIndex().row());
    updateActions();
    if (!a)
        return;
    notify(QString());
    m_form->setApplication(*a);
    const Server *s = m_model->serverOf(a->id);
    m_orchestration->setApplication(*a, s ? *s : Server{});
    m_deployments->setApplication(a->id);
    m_resources->setApplication(a->id);
}

void ApplicationsPanel::updateActions()
{
    const bool has = currentApplicationId() != 0;
    for (QAction *a : std::as_const(m_appActions))
        a->setEnabled(has);
}

QString ApplicationsPanel::message() const
{
    return m_message->text();
}

void ApplicationsPanel::notify(const QString &text, bool error)
{
    if (error)
        m_message->showError(text);
    else
        m_message->showInfo(text);
}

bool ApplicationsPanel::confirm(const QString &title, const QString &text)
{
    if (!m_confirm)
        return true;
    return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
}

void ApplicationsPanel::newApplication()
{
    m_table->clearSelection();
    m_table->setCurrentIndex({});
    m_form->newApplication(m_serverFilter ? m_serverFilter : (m_servers.isEmpty() ? 0 : m_servers.first().id));
    m_tabs->setCurrentWidget(m_form);
    updateActions();
}

template<typename Future>
void ApplicationsPanel::runAction(const QString &what, const QString &busy, Future future)
{
    const qint64 appId = currentApplicationId();
    m_model->setBusy(appId, busy);
    notify(tr("%1…").arg(busy));
    watch(this, std::move(future), [this, what, appId](const auto &r) {
        m_model->setBusy(appId, QString());
        if (!r) {
            notify(tr("%1 failed: %2").arg(what, r.error().toString()), true);
            Q_EMIT actionFinished(what, false, r.error().toString());
            return;
        }
        QString text;
        using T = std::decay_t<decltype(*r)>;
        if constexpr (std::is_same_v<T, AppStatus>) {
            m_model->setStatus(*r);
            text = describe(*r);
        } else {
            text = tr("deployment %1: %2").arg(r->id).arg(deploymentStatusName(r->status));
            if (!r->error.isEmpty())
                text += QStringLiteral(" (") + r->error + QLatin1Char(')');
        }
        const bool ok = !std::is_same_v<T, Deployment> || text.contains(QStringLiteral(": finished"));
        notify(tr("%1: %2").arg(what, text), !ok);
        Q_EMIT actionFinished(what, ok, text);
        pollStatus();
        if (auto *a = m_model->applicationAt(m_model->rowOf(appId)); a && appId == currentApplicationId())
            m_deployments->reload();
    });
}

void ApplicationsPanel::deploy()
{
    const qint64 id = currentApplicationId();
    if (!id)
        return;
    DeployOptions o;
    o.triggeredBy = QStringLiteral("console");
    m_tabs->setCurrentWidget(m_deployments);
    runAction(tr("Deploy"), tr("deploying"), m_ops->deployAsync(id, o));
}

void ApplicationsPanel::scaleBy(int delta)
{
    const qint64 id = currentApplicationId();
    if (!id)
        return;
    const AppStatus *s = m_model->statusOf(id);
    int current = s ? s->desired : 0;
    if (!s || !s->exists) {
        const Application *a = m_model->applicationAt(m_model->rowOf(id));
        const Server *server = m_model->serverOf(id);
        const Orchestrator o = server ? server->settings.orchestrator : Orchestrator::None;
        current = o == Orchestrator::Swarm ? a->swarmReplicas : o == Orchestrator::Kubernetes ? a->kubernetesReplicas : a->replicas;
    }
    scaleTo(id, std::max(0, current + delta));
}

void ApplicationsPanel::scaleTo(qint64 appId, int replicas)
{
    if (!appId)
        return;
    if (appId != currentApplicationId())
        selectApplication(appId);
    OperationOptions o;
    o.wait = true;
    o.timeoutSeconds = 120;
    m_orchestration->setBusy(true);
    connect(this, &ApplicationsPanel::actionFinished, m_orchestration, [this] { m_orchestration->setBusy(false); },
            Qt::SingleShotConnection);
    runAction(tr("Scale"), tr("scaling to %1").arg(replicas), m_ops->scaleAsync(appId, replicas, o));
    // The stored count changes too: the forms show it once the store answers.
    runAsync(this, [store = m_store, appId] { return store->application(appId); }, [this](const Result<Application> &a) {
        if (a)
            m_model->setApplication(*a);
    });
}

void ApplicationsPanel::restart()
{
    if (const qint64 id = currentApplicationId()) {
        OperationOptions o;
        o.wait = true;
        runAction(tr("Restart"), tr("restarting"), m_ops->restartAsync(id, o));
    }
}

void ApplicationsPanel::rollback()
{
    const qint64 id = currentApplicationId();
    if (!id || !confirm(tr("Roll back"), tr("Roll %1 back to its previous version?").arg(m_model->applicationAt(m_model->rowOf(id))->name)))
        return;
    DeployOptions o;
    o.triggeredBy = QStringLiteral("console");
    runAction(tr("Rollback"), tr("rolling back"), m_ops->rollbackAsync(id, o));
}

void ApplicationsPanel::stop()
{
    const qint64 id = currentApplicationId();
    if (!id || !confirm(tr("Stop"), tr("Stop every replica of %1? It serves nothing until it is deployed or scaled again.")
                                          .arg(m_model->applicationAt(m_model->rowOf(id))->name)))
        return;
    OperationOptions o;
    o.wait = true;
    runAction(tr("Stop"), tr("stopping"), m_ops->stopAsync(id, o));
}

void ApplicationsPanel::showPlan()
{
    if (currentApplicationId()) {
        m_tabs->setCurrentWidget(m_deployments);
        m_deployments->showPlan();
    }
}

LogWindow *ApplicationsPanel::openLogs()
{
    const qint64 id = currentApplicationId();
    if (!id)
        return nullptr;
    auto *w = new LogWindow(m_ops, id, m_model->applicationAt(m_model->rowOf(id))->name);
    w->show();
    return w;
}

ExecConsole *ApplicationsPanel::openExec()
{
    const qint64 id = currentApplicationId();
    if (!id)
        return nullptr;
    auto *w = new ExecConsole(m_ops, id, m_model->applicationAt(m_model->rowOf(id))->name);
    w->show();
    return w;
}

} // namespace fleetdeck::ui
