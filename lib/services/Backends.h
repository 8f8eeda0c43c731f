// Backends: THE way services get a backend for a server. It reads from the store what a backend needs
// beyond the Server row (the Kubernetes namespace's quota and limit range), picks the server's
// transport and hands both to the factory; it also runs the console's Detect and Test connection.
//
// Every call but transportFor() blocks (store reads, remote commands): worker threads only.
#pragma once

#include "core/Result.h"
#include "domain/Server.h"
#include "orchestrators/ConnectionReport.h"
#include "orchestrators/OrchestratorFactory.h"
#include "orchestrators/OrchestratorInterface.h"
#include "orchestrators/proxy/Traefik.h"

#include <functional>
#include <memory>

namespace fleetdeck {

class Store;
class Transport;

class Backends
{
public:
    using TransportProvider = std::function<std::shared_ptr<Transport>(const Server &)>;

    // `transports` defaults to the shared pool (Remote::transportFor).
    explicit Backends(std::shared_ptr<Store> store, TransportProvider transports = {}, proxy::ProxySettings proxy = {});

    std::shared_ptr<Transport> transportFor(const Server &server) const;

    // What the factory gets for `server` (over `transport`, or the server's own when null).
    BackendSetup setupFor(const Server &server, std::shared_ptr<Transport> transport = {}) const;

    // The server's backend over its transport (or over `transport`, e.g. one that counts commands).
    Result<std::unique_ptr<OrchestratorInterface>> forServer(const Server &server,
                                                             std::shared_ptr<Transport> transport = {}) const;

    // The console's Detect: the server's tools, swarm membership and (with a kubeconfig) the cluster's
    // nodes, and the orchestrator they suggest. A transport failure is the error.
    Result<checks::Detection> detect(const Server &server, const CancelToken &cancel) const;
    // Test connection for the orchestrator in `server.settings`, answered by that backend. Problems
    // found are items of the report; only a transport failure is an error.
    Result<checks::ConnectionReport> testConnection(const Server &server, const CancelToken &cancel) const;
    // The Kubernetes part alone with `settings` (kubeconfig, context, namespace) not stored yet, over
    // `server`'s transport: the kubeconfig editor's Test button.
    Result<checks::ConnectionReport> testCluster(const Server &server, const ServerSettings &settings,
                                                 const CancelToken &cancel) const;

private:
    std::shared_ptr<Store> m_store;
    TransportProvider m_transports;
    proxy::ProxySettings m_proxy;
};

} // namespace fleetdeck
