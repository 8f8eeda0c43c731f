// ServerService: the one core API through which the GUI, the CLI and the REST API manage servers: list,
// add, change one field group (connection, orchestrator settings, kubeconfig), trust a host key,
// remove; and the network checks (host key, connection, detect, test connection, test cluster).
//
// Every change is a ServerPatch the store applies in ONE transaction (read + merge + write), so two
// windows or a window and the CLI saving different fields never lose each other's. A change or a
// removal also drops the server's pooled transport, so the next command connects with what was saved.
//
// Blocking calls are for worker threads (or the CLI's main thread); each has an ...Async twin that runs
// it on this service's pool and returns a QFuture (watch it with a guard object in the GUI).
#pragma once

#include "core/Result.h"
#include "domain/Server.h"
#include "domain/ServerPatch.h"
#include "orchestrators/ConnectionReport.h"
#include "remote/HostFacts.h"
#include "remote/RemoteCommand.h"
#include "services/Backends.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

namespace fleetdeck {

class Store;
class Transport;

// What a server offers as its host key.
struct HostKeyOffer {
    QString fingerprint;           // "SHA256:..."
    QString keyType;               // "ssh-ed25519", ...
};

// A connection check: SSH connect (not for this machine), then, when asked, the probe of its tools.
struct ConnectionCheck {
    Status connection;             // the connect failure (host key, auth, unreachable)
    std::optional<HostFacts> facts;
    Status probe;                  // the probe failed after a good connect
    QString transport;             // "root@10.0.0.5:22" or "this machine"
};

class ServerService final : public QObject
{
    Q_OBJECT
public:
    using TransportProvider = std::function<std::shared_ptr<Transport>(const Server &)>;
    using TransportForget = std::function<void(qint64 serverId)>;

    // `transports` defaults to the shared pool (Remote::transportFor), `forget` to dropping the server's
    // transport from that pool.
    explicit ServerService(std::shared_ptr<Store> store, TransportProvider transports = {}, TransportForget forget = {},
                           QObject *parent = nullptr);
    ~ServerService() override;

    std::shared_ptr<Store> store() const { return m_store; }

    // --- Rows ---
    Result<QList<Server>> servers();
    Result<Server> server(qint64 id);
    Result<Server> serverByName(const QString &name);
    Result<Server> add(const Server &server);                         // validated; with its trusted fingerprint
    // One field group each: fields of the patch outside the group are ignored.
    Result<Server> changeConnection(qint64 id, const ServerPatch &patch);
    Result<Server> changeSettings(qint64 id, const ServerPatch &patch);
    Result<Server> changeKubeconfig(qint64 id, const ServerPatch &patch);
    // Any fields in one transaction (`server set` with options of several groups).
    Result<Server> change(qint64 id, const ServerPatch &patch);
    Result<Server> trustHostKey(qint64 id, const QString &fingerprint);
    Status remove(qint64 id);                                         // refuses while applications use it

    // --- Network (blocking: worker threads only) ---
    // The key `server` offers (no credentials are sent).
    Result<HostKeyOffer> fetchHostKey(const Server &server, int timeoutMs = 10000);
    // Connects (SSH) and, with `probe`, asks what the server runs.
    ConnectionCheck check(const Server &server, bool probe, const CancelToken &cancel = {});
    // Detect for a server that is not stored yet: logs in over a private transport (nothing pooled).
    Result<checks::Detection> detectNew(const Server &server, const CancelToken &cancel = {});
    // Detect / Test connection with the settings in `server` (the form's, saved or not).
    Result<checks::Detection> detect(const Server &server, const CancelToken &cancel = {});
    Result<checks::ConnectionReport> testConnection(const Server &server, const CancelToken &cancel = {});
    // The Kubernetes part alone with `settings` (the kubeconfig editor's, saved or not).
    Result<checks::ConnectionReport> testCluster(const Server &server, const ServerSettings &settings,
                                                 const CancelToken &cancel = {});
    // The cluster's version and nodes (Kubernetes servers).
    Result<checks::Detection> detectCluster(const Server &server, const CancelToken &cancel = {});

    // --- Async twins (run on this service's pool) ---
    QFuture<Result<QList<Server>>> serversAsync();
    QFuture<Result<Server>> addAsync(const Server &server);
    QFuture<Result<Server>> changeConnectionAsync(qint64 id, const ServerPatch &patch);
    QFuture<Result<Server>> changeSettingsAsync(qint64 id, const ServerPatch &patch);
    QFuture<Result<Server>> changeKubeconfigAsync(qint64 id, const ServerPatch &patch);
    QFuture<Status> removeAsync(qint64 id);
    QFuture<Result<HostKeyOffer>> fetchHostKeyAsync(const Server &server, int timeoutMs = 10000);
    QFuture<ConnectionCheck> checkAsync(const Server &server, bool probe, const CancelToken &cancel = {});
    QFuture<Result<checks::Detection>> detectNewAsync(const Server &server, const CancelToken &cancel = {});
    QFuture<Result<checks::Detection>> detectAsync(const Server &server, const CancelToken &cancel = {});
    QFuture<Result<checks::ConnectionReport>> testConnectionAsync(const Server &server, const CancelToken &cancel = {});
    QFuture<Result<checks::ConnectionReport>> testClusterAsync(const Server &server, const ServerSettings &settings,
                                                               const CancelToken &cancel = {});

Q_SIGNALS:
    // Emitted (from the calling thread) after a server was added, changed or removed.
    void serverChanged(qint64 serverId);

private:
    Result<Server> applyPatch(qint64 id, const ServerPatch &patch);

    std::shared_ptr<Store> m_store;
    TransportProvider m_transports;
    TransportForget m_forget;
    Backends m_backends;          // Detect and Test connection, answered by the server's backend
    QThreadPool m_pool;
};

} // namespace fleetdeck
