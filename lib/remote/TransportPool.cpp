// TransportPool: one shared transport per server identity; Remote:: convenience calls on top.

#include "remote/TransportPool.h"

#include "remote/LocalTransport.h"

#include <QCryptographicHash>
#include <QMutexLocker>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace fleetdeck {

namespace {

QThreadPool &remotePool()
{
    // Its threads only wait on the network; many may wait at once without using a core. Never deleted:
    // nothing at exit waits for a blocked connect.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(64);
        p->setExpiryTimeout(30000);
        return p;
    }();
    return *pool;
}

// A transport's destructor joins its worker, which may sit in a connect for up to its timeout: let the
// last reference the pool held go on a pool thread, never on the caller's (often the GUI) thread.
void releaseLater(std::shared_ptr<Transport> transport)
{
    if (transport)
        (void)QtConcurrent::run(&remotePool(), [transport = std::move(transport)]() mutable { transport.reset(); });
}

} // namespace

TransportPool &TransportPool::instance()
{
    static TransportPool pool;
    return pool;
}

TransportPool::TransportPool(const SshOptions &options)
    : m_options(options)
{
}

QString TransportPool::keyOf(const Server &server)
{
    // Credentials take part so that an edited key or password never reuses a session's stale settings;
    // they enter only as a digest.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(server.identityFile.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(server.secret.toUtf8());
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
        .arg(server.id)
        .arg(server.host)
        .arg(server.port)
        .arg(server.user, server.hostKeyFingerprint, authMethodName(server.auth),
             QString::fromLatin1(hash.result().toHex().left(16)));
}

std::shared_ptr<Transport> TransportPool::transportFor(const Server &server)
{
    QMutexLocker lock(&m_mutex);
    if (server.isLocal) {
        if (!m_local)
            m_local = std::make_shared<LocalTransport>(server.name.isEmpty() ? QStringLiteral("this machine") : server.name);
        return m_local;
    }
    const QString key = keyOf(server);
    if (auto it = m_transports.constFind(key); it != m_transports.constEnd())
        return it.value();
    // A changed server record replaces its old transport (the old one lives on while callers hold it).
    if (server.id != 0) {
        const QString old = m_keyOfServer.value(server.id);
        if (!old.isEmpty())
            releaseLater(m_transports.take(old));
        m_keyOfServer.insert(server.id, key);
    }
    auto transport = std::make_shared<SshTransport>(server, m_options);
    m_transports.insert(key, transport);
    return transport;
}

std::shared_ptr<SshTransport> TransportPool::sshTransportFor(const Server &server)
{
    if (server.isLocal)
        return nullptr;
    return std::static_pointer_cast<SshTransport>(transportFor(server));
}

void TransportPool::forget(qint64 serverId)
{
    QMutexLocker lock(&m_mutex);
    const QString key = m_keyOfServer.take(serverId);
    if (!key.isEmpty())
        releaseLater(m_transports.take(key));
}

void TransportPool::clear()
{
    QHash<QString, std::shared_ptr<Transport>> dropped;
    {
        QMutexLocker lock(&m_mutex);
        dropped.swap(m_transports);
        m_keyOfServer.clear();
    }
    for (auto &transport : dropped)
        releaseLater(std::move(transport));
}

void TransportPool::shutdown()
{
    clear();
    // Sessions end (and their worker threads are joined) before the caller's QCoreApplication goes away.
    remotePool().waitForDone();
    QMutexLocker lock(&m_mutex);
    m_local.reset();
}

int TransportPool::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_transports.size());
}

void TransportPool::setOptions(const SshOptions &options)
{
    QMutexLocker lock(&m_mutex);
    m_options = options;
}

namespace Remote {

std::shared_ptr<Transport> transportFor(const Server &server)
{
    return TransportPool::instance().transportFor(server);
}

Result<CommandResult> run(const Server &server, const RemoteCommand &command, const CancelToken &cancel)
{
    return transportFor(server)->execute(command, cancel);
}

Result<CommandResult> run(const Server &server, const QStringList &argv, int timeoutMs)
{
    RemoteCommand command;
    command.argv = argv;
    command.timeoutMs = timeoutMs;
    return run(server, command);
}

QFuture<Result<CommandResult>> runAsync(const Server &server, const RemoteCommand &command, const CancelToken &cancel)
{
    std::shared_ptr<Transport> transport = transportFor(server);
    return QtConcurrent::run(&remotePool(), [transport, command, cancel] { return transport->execute(command, cancel); });
}

} // namespace Remote

} // namespace fleetdeck
