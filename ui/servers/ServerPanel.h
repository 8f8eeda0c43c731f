// ServerPanel: the server list on the left of the main window. It keeps every server's connection
// state live: a check (SSH connect; with `probe`, also OS/Docker/swarm/kubectl versions) runs on the
// network pool at load, on Refresh and every minute; the rows show state dot, address and badge.
#pragma once

#include "domain/Server.h"
#include "remote/RemoteCommand.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QListView;
class QTimer;

namespace fleetdeck {
class ServerService;
}

namespace fleetdeck::ui {

class ServerListModel;

class ServerPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ServerPanel(QWidget *parent = nullptr);
    ~ServerPanel() override;

    ServerListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }

    // Replaces the list; the selected server stays selected when it is still there.
    void setServers(const QList<Server> &servers);
    const Server *currentServer() const;
    void selectServer(qint64 serverId);

    void setAutoCheckInterval(int ms);   // 0 = no periodic check (tests)
    // The checks go through `service` (none are made before it is set).
    void setService(std::shared_ptr<ServerService> service);

public Q_SLOTS:
    void checkAll(bool probe = true);
    void checkServer(const fleetdeck::Server &server, bool probe = true);

Q_SIGNALS:
    void currentServerChanged(qint64 serverId);   // 0 = none
    void activated(qint64 serverId);              // double-click / Enter: edit
    void serverChecked(qint64 serverId, int state);

private:
    void onCurrentChanged();

    std::shared_ptr<ServerService> m_service;
    ServerListModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QTimer *m_timer = nullptr;
    CancelToken m_cancel;
    QHash<qint64, quint64> m_checkSequence;   // a newer check wins over an older one still running
    quint64 m_nextSequence = 1;
    qint64 m_lastEmitted = -1;
    bool m_reloading = false;   // setServers() is replacing the list
};

} // namespace fleetdeck::ui
