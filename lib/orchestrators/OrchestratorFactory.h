// The factory that picks a backend from the server's orchestrator: none -> standalone Docker,
// swarm -> Docker Swarm, kubernetes -> the Kubernetes backend (lib/orchestrators/kubernetes/).
// Services get their backends through lib/services/Backends, which fills BackendSetup from the store.
#pragma once

#include "core/Result.h"
#include "domain/Kubernetes.h"
#include "domain/Server.h"
#include "orchestrators/OrchestratorInterface.h"
#include "orchestrators/proxy/Traefik.h"

#include <functional>
#include <memory>
#include <optional>

namespace fleetdeck {

class Transport;

// Everything a backend needs, given at creation: no hook runs on a backend after it was made.
struct BackendSetup {
    Server server;
    std::shared_ptr<Transport> transport;
    proxy::ProxySettings proxy;                              // standalone Docker and Swarm (Traefik labels)
    std::optional<KubernetesNamespace> namespaceSettings;    // Kubernetes: quota and limit range of the server's namespace
};

namespace Orchestrators {

using Factory = std::function<Result<std::unique_ptr<OrchestratorInterface>>(const BackendSetup &setup)>;

// The backend of `setup.server.settings.orchestrator`. NotSupported when none is registered,
// Internal without a transport.
Result<std::unique_ptr<OrchestratorInterface>> create(const BackendSetup &setup);

// Replaces the backend of `kind` (tests register scripted ones; a new backend adds itself to
// registerBuiltins() in OrchestratorFactory.cpp). Thread-safe. An empty factory unregisters.
void registerBackend(Orchestrator kind, Factory factory);

} // namespace Orchestrators

} // namespace fleetdeck
