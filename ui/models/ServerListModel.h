// ServerListModel: the servers shown in the side panel (name, connection, orchestrator badge).
#pragma once

#include "domain/Server.h"

#include <QAbstractListModel>

namespace fleetdeck::ui {

class ServerListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { ServerIdRole = Qt::UserRole + 1, OrchestratorRole };
    using QAbstractListModel::QAbstractListModel;

    void setServers(const QList<Server> &servers);
    const Server *serverAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<Server> m_servers;
};

} // namespace fleetdeck::ui
