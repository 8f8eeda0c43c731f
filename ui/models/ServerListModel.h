// ServerListModel: the servers shown in the side panel: name, address, live connection state, and the
// orchestrator badge with the version found by the last check.
#pragma once

#include "domain/Server.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>

namespace fleetdeck::ui {

enum class ConnectionState { Unknown, Checking, Connected, Unreachable, HostKeyUnknown, HostKeyChanged, AuthFailed, Failed };

QString connectionStateText(ConnectionState state);   // translated, e.g. "host key unknown"

struct ServerStatus {
    ConnectionState state = ConnectionState::Unknown;
    QString detail;                // the error message, or what was found
    QString dockerVersion;         // engine version, empty = none found
    QString kubernetesVersion;     // cluster version found by the check
    QString swarmState;            // "manager", "worker", "inactive", ...
    QDateTime checkedAt;
};

class ServerListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ServerIdRole = Qt::UserRole + 1,
        OrchestratorRole,          // "none" | "swarm" | "kubernetes"
        ConnectionStateRole,       // int(ConnectionState)
        ConnectionTextRole,        // "connected", "unreachable", ...
        BadgeRole,                 // "Swarm 24.0.7"
        AddressRole,               // "deploy@10.0.0.5:22" or "this machine"
        NameRole,
        DetailRole,
    };
    using QAbstractListModel::QAbstractListModel;

    void setServers(const QList<Server> &servers);
    const Server *serverAt(int row) const;
    int rowOf(qint64 serverId) const;
    QList<Server> servers() const { return m_servers; }

    void setStatus(qint64 serverId, const ServerStatus &status);
    ServerStatus status(qint64 serverId) const { return m_status.value(serverId); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QString badge(const Server &s) const;

    QList<Server> m_servers;
    QHash<qint64, ServerStatus> m_status;
};

} // namespace fleetdeck::ui
