#include "models/ServerListModel.h"

#include <QColor>

namespace fleetdeck::ui {

QString connectionStateText(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Unknown: return ServerListModel::tr("not checked");
    case ConnectionState::Checking: return ServerListModel::tr("checking…");
    case ConnectionState::Connected: return ServerListModel::tr("connected");
    case ConnectionState::Unreachable: return ServerListModel::tr("unreachable");
    case ConnectionState::HostKeyUnknown: return ServerListModel::tr("host key unknown");
    case ConnectionState::HostKeyChanged: return ServerListModel::tr("host key CHANGED");
    case ConnectionState::AuthFailed: return ServerListModel::tr("authentication failed");
    case ConnectionState::Failed: return ServerListModel::tr("check failed");
    }
    return {};
}

void ServerListModel::setServers(const QList<Server> &servers)
{
    beginResetModel();
    m_servers = servers;
    // Keep what is known about servers that are still there.
    QHash<qint64, ServerStatus> kept;
    for (const Server &s : servers)
        if (m_status.contains(s.id))
            kept.insert(s.id, m_status.value(s.id));
    m_status = kept;
    endResetModel();
}

const Server *ServerListModel::serverAt(int row) const
{
    return row >= 0 && row < m_servers.size() ? &m_servers[row] : nullptr;
}

int ServerListModel::rowOf(qint64 serverId) const
{
    for (int i = 0; i < m_servers.size(); ++i)
        if (m_servers.at(i).id == serverId)
            return i;
    return -1;
}

void ServerListModel::setStatus(qint64 serverId, const ServerStatus &status)
{
    m_status.insert(serverId, status);
    const int row = rowOf(serverId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row));
}

int ServerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

QString ServerListModel::badge(const Server &s) const
{
    const ServerStatus st = m_status.value(s.id);
    switch (s.settings.orchestrator) {
    case Orchestrator::None:
        return st.dockerVersion.isEmpty() ? tr("Docker") : tr("Docker %1").arg(st.dockerVersion);
    case Orchestrator::Swarm:
        return st.dockerVersion.isEmpty() ? tr("Swarm") : tr("Swarm %1").arg(st.dockerVersion);
    case Orchestrator::Kubernetes: {
        const QString v = st.kubernetesVersion.isEmpty() ? s.settings.kubernetesVersion : st.kubernetesVersion;
        return v.isEmpty() ? tr("Kubernetes") : tr("Kubernetes %1").arg(v);
    }
    }
    return {};
}

QVariant ServerListModel::data(const QModelIndex &index, int role) const
{
    const Server *s = serverAt(index.row());
    if (!s)
        return {};
    const ServerStatus st = m_status.value(s->id);
    const QString where = s->isLocal ? tr("this machine")
                                     : s->user + QLatin1Char('@') + s->host + QLatin1Char(':') + QString::number(s->port);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2 · %3").arg(s->name, where, badge(*s));
    case Qt::ToolTipRole: {
        QStringList lines{tr("%1: %2").arg(s->name, connectionStateText(st.state))};
        if (!st.detail.isEmpty())
            lines << st.detail;
        if (!s->isLocal)
            lines << (s->hostKeyFingerprint.isEmpty() ? tr("Host key not trusted yet") : tr("Host key %1").arg(s->hostKeyFingerprint));
        if (st.checkedAt.isValid())
            lines << tr("Checked %1").arg(QLocale().toString(st.checkedAt.toLocalTime(), QLocale::ShortFormat));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::AccessibleTextRole:
        return tr("Server %1, %2, %3, %4").arg(s->name, where, connectionStateText(st.state), badge(*s));
    case ServerIdRole: return s->id;
    case OrchestratorRole: return orchestratorName(s->settings.orchestrator);
    case ConnectionStateRole: return int(st.state);
    case ConnectionTextRole: return connectionStateText(st.state);
    case BadgeRole: return badge(*s);
    case AddressRole: return where;
    case NameRole: return s->name;
    case DetailRole: return st.detail;
    default: return {};
    }
}

} // namespace fleetdeck::ui
