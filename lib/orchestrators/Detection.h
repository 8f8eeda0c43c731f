// Detection: the console's Detect. What the server runs (its tools, swarm membership, and with a
// kubeconfig the cluster's nodes, asked by the Kubernetes backend's probe) and the orchestrator it suggests.
#pragma once

#include "core/Result.h"
#include "domain/Server.h"
#include "orchestrators/ConnectionReport.h"
#include "remote/RemoteCommand.h"

namespace fleetdeck {
class Transport;
}

namespace fleetdeck::checks {

// Pure: from what the server reported (and, when a cluster answered, its nodes) to a proposal.
// `hostNames` are the names and addresses this server is known by (to find its own node).
Proposal propose(const HostFacts &facts, const QList<NodeState> &nodes, const QStringList &hostNames);

// probeServer + the Kubernetes probe, then propose(). Blocking: worker threads only. A transport
// failure (host key, auth, unreachable) is the error; a missing tool is part of the result.
Result<Detection> detect(Transport &transport, const Server &server, const CancelToken &cancel = {});

} // namespace fleetdeck::checks
