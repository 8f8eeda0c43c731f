// Backends: store lookups + transport + factory for one server; Detect and Test connection.
#include "services/Backends.h"

#include "orchestrators/Detection.h"
#include "orchestrators/kubernetes/KubernetesStore.h"
#include "remote/Transport.h"
#include "remote/TransportPool.h"

namespace fleetdeck {

Backends::Backends(std::shared_ptr<Store> store, TransportProvider transports, proxy::ProxySettings proxy)
    : m_store(std::move(store)), m_transports(std::move(transports)), m_proxy(std::move(proxy))
{
    if (!m_transports)
        m_transports = [](const Server &s) { return Remote::transportFor(s); };
}

std::shared_ptr<Transport> Backends::transportFor(const Server &server) const
{
    return m_transports(server);
}

BackendSetup Backends::setupFor(const Server &server, std::shared_ptr<Transport> transport) const
{
    BackendSetup setup;
    setup.server = server;
    setup.transport = transport ? std::move(transport) : transportFor(server);
    setup.proxy = m_proxy;
    if (server.settings.orchestrator == Orchestrator::Kubernetes && m_store)
        setup.namespaceSettings = kubernetes::namespaceSettingsFor(*m_store, server);
    return setup;
}

Result<std::unique_ptr<OrchestratorInterface>> Backends::forServer(const Server &server, std::shared_ptr<Transport> transport) const
{
    return Orchestrators::create(setupFor(server, std::move(transport)));
}

Result<checks::Detection> Backends::detect(const Server &server, const CancelToken &cancel) const
{
    const auto transport = transportFor(server);
    if (!transport)
        return Error::make(ErrorKind::Internal, QStringLiteral("no transport for server %1").arg(server.name));
    return checks::detect(*transport, server, cancel);
}

Result<checks::ConnectionReport> Backends::testConnection(const Server &server, const CancelToken &cancel) const
{
    auto backend = forServer(server);
    if (!backend)
        return backend.error();
    return (*backend)->testConnection(cancel);
}

Result<checks::ConnectionReport> Backends::testCluster(const Server &server, const ServerSettings &settings,
                                                       const CancelToken &cancel) const
{
    Server target = server;
    target.settings = settings;
    target.settings.orchestrator = Orchestrator::Kubernetes;
    return testConnection(target, cancel);
}

} // namespace fleetdeck
