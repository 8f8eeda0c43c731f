// DockerExec: a streamed `docker exec` in one container, shared by the standalone and Swarm backends.
#pragma once

#include "orchestrators/ExecStream.h"

#include <memory>

namespace fleetdeck::docker {

// Runs argv in `target.container` with the stop mark in its environment (`docker exec -e`), so that
// cancelling ends the command in the container. `where`: the transport, for error messages.
std::unique_ptr<RemoteStream> streamExec(std::shared_ptr<Transport> transport, const ExecTarget &target,
                                         const QStringList &argv, const QString &where);

} // namespace fleetdeck::docker
