// ServerService: server rows through field-group patches, and the network checks over the transport
// provider.
#include "services/ServerService.h"

#include "orchestrators/Detection.h"
#include "orchestrators/kubernetes/KubernetesOrchestrator.h"
#include "remote/ServerProbe.h"
#include "remote/SshTransport.h"
#include "remote/TransportPool.h"
#include "store/Repositories.h"

#include <QtConcurrent>

namespace fleetdeck {

namespace {
constexpr qint64 kClusterCheckMs = 180000;   // bounds a cluster check that neither answers nor fails
}

ServerService::ServerService(std::shared_ptr<Store> store, TransportProvider transports, TransportForget forget, QObject *parent)
    : QObject(parent), m_store(std::move(store)),
      m_transports(transports ? std::move(transports) : TransportProvider([](const Server &s) { return Remote::transportFor(s); })),
      m_forget(std::move(forget)), m_backends(m_store, m_transports)
{
    if (!m_forget)
        m_forget = [](qint64 id) { TransportPool::instance().forget(id); };
    m_pool.setMaxThreadCount(8);
}

ServerService::~ServerService()
{
    m_pool.waitForDone();
}

// ---------------------------------------------------------------- rows

Result<QList<Server>> ServerService::servers()
{
    return m_store->servers();
}

Result<Server> ServerService::server(qint64 id)
{
    return m_store->server(id);
}

Result<Server> ServerService::serverByName(const QString &name)
{
    return m_store->serverByName(name);
}

Result<Server> ServerService::add(const Server &server)
{
    auto added = m_store->addServer(server);
    if (added)
        Q_EMIT serverChanged(added->id);
    return added;
}

Result<Server> ServerService::applyPatch(qint64 id, const ServerPatch &patch)
{
    auto changed = m_store->patchServer(id, patch);
    if (changed) {
        // The pooled session was opened with the old address or credentials.
        if (!patch.connectionPart().isEmpty())
            m_forget(id);
        Q_EMIT serverChanged(id);
    }
    return changed;
}

Result<Server> ServerService::changeConnection(qint64 id, const ServerPatch &patch)
{
    return applyPatch(id, patch.connectionPart());
}

Result<Server> ServerService::changeSettings(qint64 id, const ServerPatch &patch)
{
    return applyPatch(id, patch.settingsPart());
}

Result<Server> ServerService::changeKubeconfig(qint64 id, const ServerPatch &patch)
{
    return applyPatch(id, patch.kubeconfigPart());
}

Result<Server> ServerService::change(qint64 id, const ServerPatch &patch)
{
    return applyPatch(id, patch);
}

Result<Server> ServerService::trustHostKey(qint64 id, const QString &fingerprint)
{
    ServerPatch patch;
    patch.hostKeyFingerprint = fingerprint;
    return applyPatch(id, patch);
}

Status ServerService::remove(qint64 id)
{
    Status removed = m_store->removeServer(id);
    if (removed) {
        m_forget(id);
        Q_EMIT serverChanged(id);
    }
    return removed;
}

// ---------------------------------------------------------------- network

Result<HostKeyOffer> ServerService::fetchHostKey(const Server &server, int timeoutMs)
{
    HostKeyOffer offer;
    auto fingerprint = SshTransport::fetchHostKeyFingerprint(server, timeoutMs, &offer.keyType);
    if (!fingerprint)
        return fingerprint.error();
    offer.fingerprint = *fingerprint;
    return offer;
}

ConnectionCheck ServerService::check(const Server &server, bool probe, const CancelToken &cancel)
{
    ConnectionCheck check;
    const std::shared_ptr<Transport> transport = m_transports(server);
    check.transport = transport->describe();
    if (auto ssh = std::dynamic_pointer_cast<SshTransport>(transport)) {
        check.connection = ssh->connect(cancel);
        if (!check.connection)
            return check;
    }
    if (probe) {
        Result<HostFacts> facts = probeServer(*transport, cancel);
        if (facts)
            check.facts = *facts;
        else
            check.probe = facts.error();
    }
    return check;
}

Result<checks::Detection> ServerService::detectNew(const Server &server, const CancelToken &cancel)
{
    // A private transport: nothing is pooled for a server that is not stored yet.
    auto transport = std::make_shared<SshTransport>(server, SshOptions{});
    if (Status connected = transport->connect(cancel); !connected)
        return connected.error();
    return checks::detect(*transport, server, cancel);
}

Result<checks::Detection> ServerService::detect(const Server &server, const CancelToken &cancel)
{
    return m_backends.detect(server, cancel);
}

Result<checks::ConnectionReport> ServerService::testConnection(const Server &server, const CancelToken &cancel)
{
    // The backend's test: for Kubernetes it also names an unusable stored kubeconfig (expired certificate, ...).
    return m_backends.testConnection(server, cancel);
}

Result<checks::ConnectionReport> ServerService::testCluster(const Server &server, const ServerSettings &settings,
                                                            const CancelToken &cancel)
{
    return m_backends.testCluster(server, settings, cancel);
}

Result<checks::Detection> ServerService::detectCluster(const Server &server, const CancelToken &cancel)
{
    const BackendSetup setup = m_backends.setupFor(server);
    OperationContext ctx;
    ctx.cancel = cancel;
    ctx.deadline = QDeadlineTimer(kClusterCheckMs);
    return KubernetesOrchestrator(setup.server, setup.transport, setup.namespaceSettings).detect(ctx);
}

// ---------------------------------------------------------------- async twins

QFuture<Result<QList<Server>>> ServerService::serversAsync()
{
    return QtConcurrent::run(&m_pool, [this] { return servers(); });
}

QFuture<Result<Server>> ServerService::addAsync(const Server &server)
{
    return QtConcurrent::run(&m_pool, [this, server] { return add(server); });
}

QFuture<Result<Server>> ServerService::changeConnectionAsync(qint64 id, const ServerPatch &patch)
{
    return QtConcurrent::run(&m_pool, [this, id, patch] { return changeConnection(id, patch); });
}

QFuture<Result<Server>> ServerService::changeSettingsAsync(qint64 id, const ServerPatch &patch)
{
    return QtConcurrent::run(&m_pool, [this, id, patch] { return changeSettings(id, patch); });
}

QFuture<Result<Server>> ServerService::changeKubeconfigAsync(qint64 id, const ServerPatch &patch)
{
    return QtConcurrent::run(&m_pool, [this, id, patch] { return changeKubeconfig(id, patch); });
}

QFuture<Status> ServerService::removeAsync(qint64 id)
{
    return QtConcurrent::run(&m_pool, [this, id] { return remove(id); });
}

QFuture<Result<HostKeyOffer>> ServerService::fetchHostKeyAsync(const Server &server, int timeoutMs)
{
    return QtConcurrent::run(&m_pool, [this, server, timeoutMs] { return fetchHostKey(server, timeoutMs); });
}

QFuture<ConnectionCheck> ServerService::checkAsync(const Server &server, bool probe, const CancelToken &cancel)
{
    return QtConcurrent::run(&m_pool, [this, server, probe, cancel] { return check(server, probe, cancel); });
}

QFuture<Result<checks::Detection>> ServerService::detectNewAsync(const Server &server, const CancelToken &cancel)
{
    return QtConcurrent::run(&m_pool, [this, server, cancel] { return detectNew(server, cancel); });
}

QFuture<Result<checks::Detection>> ServerService::detectAsync(const Server &server, const CancelToken &cancel)
{
    return QtConcurrent::run(&m_pool, [this, server, cancel] { return detect(server, cancel); });
}

QFuture<Result<checks::ConnectionReport>> ServerService::testConnectionAsync(const Server &server, const CancelToken &cancel)
{
    return QtConcurrent::run(&m_pool, [this, server, cancel] { return testConnection(server, cancel); });
}

QFuture<Result<checks::ConnectionReport>> ServerService::testClusterAsync(const Server &server, const ServerSettings &settings,
                                                                         const CancelToken &cancel)
{
    return QtConcurrent::run(&m_pool, [this, server, settings, cancel] { return testCluster(server, settings, cancel); });
}

} // namespace fleetdeck
