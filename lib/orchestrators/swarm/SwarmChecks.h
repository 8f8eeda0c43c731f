// SwarmChecks: the Swarm backend's Test connection: the engine, swarm membership and role, and (on a
// manager) which node is not Ready or unreachable. Blocking: worker threads only.
#pragma once

#include "core/Result.h"
#include "domain/Server.h"
#include "orchestrators/ConnectionReport.h"
#include "remote/RemoteCommand.h"

namespace fleetdeck {
class Transport;
}

namespace fleetdeck::checks {

// Problems found are items of the report; only a transport failure is an error.
Result<ConnectionReport> testSwarm(Transport &transport, const ServerSettings &settings, const CancelToken &cancel = {});

} // namespace fleetdeck::checks
