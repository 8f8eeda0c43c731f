// DockerChecks: the standalone Docker backend's Test connection (the engine answers, its version),
// whose engine part the Swarm checks start with. Blocking: worker threads only.
#pragma once

#include "core/Result.h"
#include "orchestrators/ConnectionReport.h"
#include "remote/RemoteCommand.h"

namespace fleetdeck {
class Transport;
}

namespace fleetdeck::checks {

// One read-only docker command of a check (purpose "test connection").
Result<CommandResult> runDockerCheck(Transport &transport, const QStringList &argv, const CancelToken &cancel);

// `docker version`: adds the engine's item to `report` and returns its version; "" when docker is
// missing or its engine does not answer (the report then has its failed item and summary).
Result<QString> checkDockerEngine(Transport &transport, ConnectionReport &report, const CancelToken &cancel = {});

// Test connection for standalone Docker. Problems are items; only a transport failure is an error.
Result<ConnectionReport> testDocker(Transport &transport, const CancelToken &cancel = {});

} // namespace fleetdeck::checks
