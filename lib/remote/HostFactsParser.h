// HostFactsParser: pure parsers of the outputs `server check` collects. No I/O; unit-tested on
// output recorded from the real tools.
#pragma once

#include "core/Result.h"
#include "remote/HostFacts.h"

#include <QByteArray>

namespace fleetdeck {

// /etc/os-release: PRETTY_NAME (unquoted per os-release(5)); falls back to "NAME VERSION".
Result<QString> parseOsRelease(const QByteArray &text);

// `docker version --format '{{json .}}'` (one JSON object; "Server" is null when the engine is down).
Result<DockerVersionInfo> parseDockerVersion(const QByteArray &json);

// `docker info --format '{{json .Swarm}}'`: LocalNodeState + ControlAvailable -> manager/worker/...
Result<SwarmInfo> parseSwarmInfo(const QByteArray &json);

// `kubectl version -o json`: clientVersion.gitVersion and, when a cluster answered, serverVersion.gitVersion.
Result<KubectlVersionInfo> parseKubectlVersion(const QByteArray &json);

} // namespace fleetdeck
