// Lookups in the store the Kubernetes backend needs beyond the Server row.
#pragma once

#include "domain/Kubernetes.h"
#include "domain/Server.h"

#include <optional>

namespace fleetdeck {

class Store;

namespace kubernetes {

// The namespace settings (resource quota, limit range) of the server's namespace: the namespace of
// that name under any cluster of the server. nullopt when none is stored (or the store fails).
std::optional<KubernetesNamespace> namespaceSettingsFor(const Store &store, const Server &server);

} // namespace kubernetes

} // namespace fleetdeck
