// TransportPool: the registry that hands every caller the one shared Transport of a server.
#pragma once

#include "domain/Server.h"
#include "remote/SshTransport.h"
#include "remote/Transport.h"

#include <QFuture>
#include <QHash>
#include <QMutex>

#include <memory>

namespace fleetdeck {

// Thread-safe. One SshTransport (so one SSH session) per server identity: id, host, port, user, trusted
// fingerprint and credentials. When a server is edited (new key trusted, new password), the next call
// gets a fresh transport and the stale one is dropped once its last user lets go.
class TransportPool
{
public:
    static TransportPool &instance();

    explicit TransportPool(const SshOptions &options = {});

    std::shared_ptr<Transport> transportFor(const Server &server);
    // The SSH transport itself (connect(), connectCount()); nullptr for a local server.
    std::shared_ptr<SshTransport> sshTransportFor(const Server &server);

    void forget(qint64 serverId);   // e.g. after the server was deleted
    void clear();
    // Ends every session and waits for their threads: call from main() before the application object
    // is destroyed (blocks up to a connect timeout; never from a live GUI).
    void shutdown();
    int size() const;

    void setOptions(const SshOptions &options); // for transports created from now on

private:
    static QString keyOf(const Server &server);

    mutable QMutex m_mutex;
    SshOptions m_options;
    QHash<QString, std::shared_ptr<Transport>> m_transports;
    QHash<qint64, QString> m_keyOfServer;
    std::shared_ptr<Transport> m_local;
};

// The calls the orchestrators and controllers make (architecture: Remote::run(server, argv)).
namespace Remote {

std::shared_ptr<Transport> transportFor(const Server &server);

// Blocking: worker threads only.
Result<CommandResult> run(const Server &server, const RemoteCommand &command, const CancelToken &cancel = {});
Result<CommandResult> run(const Server &server, const QStringList &argv, int timeoutMs = 0);

// Non-blocking: runs on the remote thread pool; for the GUI thread (watch the future with a guard object).
QFuture<Result<CommandResult>> runAsync(const Server &server, const RemoteCommand &command, const CancelToken &cancel = {});

} // namespace Remote

} // namespace fleetdeck
