#include "models/ApplicationTableModel.h"

#include <QColor>

namespace fleetdeck::ui {

void ApplicationTableModel::setApplications(const QList<Application> &apps)
{
    beginResetModel();
    m_apps = apps;
    endResetModel();
}

const Application *ApplicationTableModel::applicationAt(int row) const
{
    return row >= 0 && row < m_apps.size() ? &m_apps[row] : nullptr;
}

int ApplicationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_apps.size());
}

int ApplicationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApplicationTableModel::data(const QModelIndex &index, int role) const
{
    const Application *a = applicationAt(index.row());
    if (!a)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn: return a->name;
        case ImageColumn: return a->image;
        case ReplicasColumn:
            return tr("%1 docker / %2 swarm / %3 k8s").arg(a->replicas).arg(a->swarmReplicas).arg(a->kubernetesReplicas);
        case StatusColumn: return a->status;
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (a->status == QLatin1String("running")) return QColor(0x2e, 0xa0, 0x43);
        if (a->status == QLatin1String("failed")) return QColor(0xcf, 0x22, 0x2e);
        if (a->status == QLatin1String("degraded") || a->status == QLatin1String("deploying")) return QColor(0xbf, 0x87, 0x00);
    }
    return {};
}

QVariant ApplicationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Application");
    case ImageColumn: return tr("Image");
    case ReplicasColumn: return tr("Replicas");
    case StatusColumn: return tr("Status");
    default: return {};
    }
}

} // namespace fleetdeck::ui
