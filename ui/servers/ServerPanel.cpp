#include "servers/ServerPanel.h"

#include "async/Async.h"
#include "models/ServerListModel.h"
#include "servers/ServerItemDelegate.h"
#include "services/ServerService.h"

#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

#include <optional>

namespace fleetdeck::ui {

namespace {

ConnectionState stateOf(const Error &e)
{
    switch (e.kind) {
    case ErrorKind::HostKeyUnknown: return ConnectionState::HostKeyUnknown;
    case ErrorKind::HostKeyChanged: return ConnectionState::HostKeyChanged;
    case ErrorKind::AuthFailed: return ConnectionState::AuthFailed;
    case ErrorKind::Unreachable:
    case ErrorKind::Timeout: return ConnectionState::Unreachable;
    default: return ConnectionState::Failed;
    }
}

// Enter on a row opens it for editing, like a double-click.
class ServerListView final : public QListView
{
public:
    using QListView::QListView;
    std::function<void()> onActivate;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid() && onActivate) {
            onActivate();
            return;
        }
        QListView::keyPressEvent(event);
    }
};

} // namespace

ServerPanel::ServerPanel(QWidget *parent) : QWidget(parent)
{
    m_model = new ServerListModel(this);
    auto *view = new ServerListView;
    m_view = view;
    m_view->setObjectName(QStringLiteral("serverList"));
    m_view->setAccessibleName(tr("Servers"));
    m_view->setAccessibleDescription(tr("Each server with its connection state and orchestrator. Enter edits the server."));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ServerItemDelegate(m_view));
    m_view->setMinimumWidth(260);
    m_view->setUniformItemSizes(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ServerPanel::onCurrentChanged);
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT activated(index.data(ServerListModel::ServerIdRole).toLongLong());
    });
    view->onActivate = [this] {
        if (const Server *s = currentServer())
            Q_EMIT activated(s->id);
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, &ServerPanel::onCurrentChanged);

    auto *title = new QLabel(tr("<b>Servers</b>"));
    title->setBuddy(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);

    m_timer = new QTimer(this);
    m_timer->setInterval(60000);
    connect(m_timer, &QTimer::timeout, this, [this] { checkAll(false); });
    m_timer->start();
}

ServerPanel::~ServerPanel()
{
    m_cancel.cancel();
}

void ServerPanel::setAutoCheckInterval(int ms)
{
    if (ms <= 0) {
        m_timer->stop();
        return;
    }
    m_timer->setInterval(ms);
    m_timer->start();
}

void ServerPanel::setServers(const QList<Server> &servers)
{
    const qint64 selected = currentServer() ? currentServer()->id : 0;
    // The reset empties the selection for a moment: that is no change of server (announcing "none"
    // would make the panels drop their unsaved edits).
    m_reloading = true;
    m_model->setServers(servers);
    int row = selected ? m_model->rowOf(selected) : -1;
    if (row < 0 && !servers.isEmpty())
        row = 0;
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row));
    m_reloading = false;
    onCurrentChanged();
}

const Server *ServerPanel::currentServer() const
{
    return m_model->serverAt(m_view->currentIndex().row());
}

void ServerPanel::selectServer(qint64 serverId)
{
    const int row = m_model->rowOf(serverId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row));
}

void ServerPanel::onCurrentChanged()
{
    if (m_reloading)
        return;
    const Server *s = currentServer();
    const qint64 id = s ? s->id : 0;
    if (id == m_lastEmitted)
        return;
    m_lastEmitted = id;
    Q_EMIT currentServerChanged(id);
}

void ServerPanel::checkAll(bool probe)
{
    for (const Server &s : m_model->servers())
        checkServer(s, probe);
}

void ServerPanel::setService(std::shared_ptr<ServerService> service)
{
    m_service = std::move(service);
}

void ServerPanel::checkServer(const Server &server, bool probe)
{
    if (!m_service)
        return;
    const quint64 sequence = m_nextSequence++;
    m_checkSequence.insert(server.id, sequence);
    ServerStatus status = m_model->status(server.id);
    if (status.state == ConnectionState::Unknown)
        status.state = ConnectionState::Checking;
    m_model->setStatus(server.id, status);

    const CancelToken cancel = m_cancel;
    auto service = m_service;
    runNetworkAsync(
        this, [service, server, probe, cancel] { return service->check(server, probe, cancel); },
        [this, id = server.id, sequence](const ConnectionCheck &check) {
            if (m_checkSequence.value(id) != sequence)
                return;   // a newer check of this server is under way
            ServerStatus st = m_model->status(id);
            st.checkedAt = QDateTime::currentDateTimeUtc();
            if (!check.connection) {
                st.state = stateOf(check.connection.error());
                st.detail = check.connection.error().toString();
            } else if (!check.probe) {
                st.state = stateOf(Error::make(ErrorKind::Internal, check.probe.error().toString()));
                st.detail = check.probe.error().toString();
            } else {
                st.state = ConnectionState::Connected;
                if (check.facts) {
                    st.dockerVersion = check.facts->dockerEngineVersion;
                    st.kubernetesVersion = check.facts->kubernetesServerVersion;
                    st.swarmState = swarmStateName(check.facts->swarm);
                    st.detail = check.facts->toText();
                }
            }
            m_model->setStatus(id, st);
            Q_EMIT serverChecked(id, int(st.state));
        });
}

} // namespace fleetdeck::ui
