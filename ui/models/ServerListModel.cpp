#include "models/ServerListModel.h"

#include <QIcon>

namespace fleetdeck::ui {

void ServerListModel::setServers(const QList<Server> &servers)
{
    beginResetModel();
    m_servers = servers;
    endResetModel();
}

const Server *ServerListModel::serverAt(int row) const
{
    return row >= 0 && row < m_servers.size() ? &m_servers[row] : nullptr;
}

int ServerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

QVariant ServerListModel::data(const QModelIndex &index, int role) const
{
    const Server *s = serverAt(index.row());
    if (!s)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        const QString where = s->isLocal ? tr("this machine")
                                         : s->user + QLatin1Char('@') + s->host + QLatin1Char(':') + QString::number(s->port);
        static const QHash<Orchestrator, QString> badges = {
            {Orchestrator::None, tr("Docker")}, {Orchestrator::Swarm, tr("Swarm")}, {Orchestrator::Kubernetes, tr("Kubernetes")}};
        return QStringLiteral("%1\n%2 · %3").arg(s->name, where, badges.value(s->settings.orchestrator));
    }
    case Qt::ToolTipRole:
        return s->hostKeyFingerprint.isEmpty() ? tr("Host key not trusted yet") : tr("Host key %1").arg(s->hostKeyFingerprint);
    case Qt::AccessibleTextRole:
        return tr("Server %1").arg(s->name);
    case ServerIdRole:
        return s->id;
    case OrchestratorRole:
        return orchestratorName(s->settings.orchestrator);
    default:
        return {};
    }
}

} // namespace fleetdeck::ui
