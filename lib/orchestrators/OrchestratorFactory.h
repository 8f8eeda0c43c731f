// The factory that picks a backend from the server's orchestrator: none -> standalone Docker,
// swarm -> Docker Swarm, kubernetes -> the Kubernetes backend (lib/orchestrators/kubernetes/).
#pragma once

#include "core/Result.h"
#include "domain/Server.h"
#include "orchestrators/OrchestratorInterface.h"
#include "orchestrators/proxy/Traefik.h"

#include <functional>
#include <memory>

namespace fleetdeck {

class Transport;

namespace Orchestrators {

using Factory = std::function<Result<std::unique_ptr<OrchestratorInterface>>(const Server &server,
                                                                               std::shared_ptr<Transport> transport,
                                                                               const proxy::ProxySettings &proxy)>;

// The backend of `server.settings.orchestrator` over `transport`. NotSupported when none is registered.
Result<std::unique_ptr<OrchestratorInterface>> create(const Server &server, std::shared_ptr<Transport> transport,
                                                      const proxy::ProxySettings &proxy = {});
// Same, over the server's shared transport from the pool (Remote::transportFor).
Result<std::unique_ptr<OrchestratorInterface>> forServer(const Server &server, const proxy::ProxySettings &proxy = {});

// Replaces the backend of `kind` (tests register scripted ones; a new backend adds itself to
// registerBuiltins() in OrchestratorFactory.cpp). Thread-safe. An empty factory unregisters.
void registerBackend(Orchestrator kind, Factory factory);

} // namespace Orchestrators

} // namespace fleetdeck
