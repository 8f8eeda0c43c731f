#include "applications/ApplicationStatusModel.h"
#include "widgets/Palette.h"

#include <QBrush>
#include <QColor>

#include <optional>

namespace fleetdeck::ui {

namespace {
// Status column colours: the engine's state while it is known, else the status the store keeps.
std::optional<QColor> stateColour(EngineState state)
{
    switch (state) {
    case EngineState::Running: return palette::ok();
    case EngineState::Failed:
    case EngineState::Degraded:
    case EngineState::Unknown: return palette::error();
    case EngineState::Starting:
    case EngineState::Updating: return palette::busy();
    case EngineState::NotDeployed:
    case EngineState::Stopped:
    case EngineState::RollingBack: break;
    }
    return std::nullopt;
}

std::optional<QColor> statusColour(ApplicationStatus status)
{
    switch (status) {
    case ApplicationStatus::Running: return palette::ok();
    case ApplicationStatus::Failed:
    case ApplicationStatus::Degraded: return palette::error();
    case ApplicationStatus::Deploying: return palette::busy();
    case ApplicationStatus::Stopped: break;
    }
    return std::nullopt;
}
} // namespace

void ApplicationStatusModel::setData(const QList<Application> &apps, const QList<Server> &servers)
{
    beginResetModel();
    m_apps = apps;
    m_servers.clear();
    for (const Server &s : servers)
        m_servers.insert(s.id, s);
    endResetModel();
}

int ApplicationStatusModel::rowOf(qint64 appId) const
{
    for (int i = 0; i < m_apps.size(); ++i)
        if (m_apps.at(i).id == appId)
            return i;
    return -1;
}

void ApplicationStatusModel::setStatus(const AppStatus &status)
{
    const int row = rowOf(status.applicationId);
    if (row < 0)
        return;
    m_status.insert(status.applicationId, status);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ApplicationStatusModel::setBusy(qint64 appId, const QString &what)
{
    if (what.isEmpty())
        m_busy.remove(appId);
    else
        m_busy.insert(appId, what);
    const int row = rowOf(appId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ApplicationStatusModel::setApplication(const Application &app)
{
    const int row = rowOf(app.id);
    if (row < 0) {
        beginInsertRows({}, int(m_apps.size()), int(m_apps.size()));
        m_apps.append(app);
        endInsertRows();
        return;
    }
    m_apps[row] = app;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const Application *ApplicationStatusModel::applicationAt(int row) const
{
    return row >= 0 && row < m_apps.size() ? &m_apps.at(row) : nullptr;
}

const Server *ApplicationStatusModel::serverOf(qint64 appId) const
{
    const int row = rowOf(appId);
    if (row < 0)
        return nullptr;
    auto it = m_servers.constFind(m_apps.at(row).serverId);
    return it == m_servers.constEnd() ? nullptr : &*it;
}

const AppStatus *ApplicationStatusModel::statusOf(qint64 appId) const
{
    auto it = m_status.constFind(appId);
    return it == m_status.constEnd() ? nullptr : &*it;
}

QString ApplicationStatusModel::statusText(qint64 appId) const
{
    if (auto b = m_busy.value(appId); !b.isEmpty())
        return b;
    const AppStatus *s = statusOf(appId);
    if (!s) {
        const int row = rowOf(appId);
        return row >= 0 ? applicationStatusLabel(m_apps.at(row).status) : QString();
    }
    if (s->state == EngineState::NotDeployed || s->state == EngineState::Unknown)
        return engineStateLabel(s->state);
    return tr("%1 %2/%3").arg(engineStateLabel(s->state)).arg(s->running).arg(s->desired);
}

int ApplicationStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_apps.size());
}

int ApplicationStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApplicationStatusModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_apps.size())
        return {};
    const Application &a = m_apps.at(index.row());
    const AppStatus *s = statusOf(a.id);
    if (role == ApplicationIdRole)
        return a.id;
    if (role == StateRole)
        return s ? engineStateName(s->state) : applicationStatusName(a.status);
    if (role == Qt::ToolTipRole && s)
        return s->message.isEmpty() ? s->errors.join(QLatin1Char('\n')) : s->message;
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        // The engine's state when known, else the stored status.
        const std::optional<QColor> colour = s ? stateColour(s->state) : statusColour(a.status);
        return colour ? QVariant(QBrush(*colour)) : QVariant();
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn: return a.name;
    case ProjectColumn: return a.project;
    case ServerColumn: {
        auto it = m_servers.constFind(a.serverId);
        return it == m_servers.constEnd() ? QString() : tr("%1 (%2)").arg(it->name, orchestratorName(it->settings.orchestrator));
    }
    case ImageColumn: return a.image;
    case ReplicasColumn: return s ? tr("%1/%2").arg(s->running).arg(s->desired) : QString();
    case StatusColumn: return statusText(a.id);
    default: return {};
    }
}

QVariant ApplicationStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Application");
    case ProjectColumn: return tr("Project");
    case ServerColumn: return tr("Server");
    case ImageColumn: return tr("Image");
    case ReplicasColumn: return tr("Replicas");
    case StatusColumn: return tr("Status");
    default: return {};
    }
}

} // namespace fleetdeck::ui
