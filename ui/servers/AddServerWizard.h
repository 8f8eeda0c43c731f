// AddServerWizard: adds a server (or edits one's connection) in three steps: connection details,
// the host key fingerprint to confirm (a changed key is a blocking warning showing both), then
// authentication and detection (OS, Docker, swarm, kubectl/cluster) proposing an orchestrator.
// Every step goes through ServerService: network steps on the network pool, the store write on the
// thread pool.
#pragma once

#include "domain/Server.h"
#include "remote/RemoteCommand.h"

#include <QWizard>

#include <memory>
#include <optional>

namespace fleetdeck {
class ServerService;
}

namespace fleetdeck::ui {

class ConnectionPage;
class HostKeyPage;
class DetectionPage;

class AddServerWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { Connection, HostKey, Detection };

    // `known`: the servers already in the store (names must be unique; a host already trusted under
    // another record is compared against its key).
    AddServerWizard(std::shared_ptr<ServerService> service, const QList<Server> &known, QWidget *parent = nullptr);
    ~AddServerWizard() override;

    // Edit mode: the connection of `server` is changed; its orchestrator settings stay unless the
    // user applies the detected ones.
    void setExisting(const Server &server);
    bool isEditing() const { return m_existing.has_value(); }

    // The server as the pages describe it now (connection fields; fingerprint once confirmed).
    Server candidate() const;
    // The fingerprint this host was trusted with before (edit mode, or another record of host:port).
    QString knownFingerprint() const;
    const CancelToken &cancelToken() const { return m_cancel; }

    void accept() override;
    void reject() override;

Q_SIGNALS:
    void fingerprintFetched(const QString &fingerprint);
    void detectionFinished(bool connected);
    void serverSaved(const fleetdeck::Server &server);
    void saveFailed(const QString &message);

private:
    friend class ConnectionPage;
    friend class HostKeyPage;
    friend class DetectionPage;

    std::shared_ptr<ServerService> m_service;
    QList<Server> m_known;
    std::optional<Server> m_existing;
    ConnectionPage *m_connection = nullptr;
    HostKeyPage *m_hostKey = nullptr;
    DetectionPage *m_detection = nullptr;
    CancelToken m_cancel;
    bool m_saving = false;
};

} // namespace fleetdeck::ui
