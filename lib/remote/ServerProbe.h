// ServerProbe: `server check` — asks a server (through any Transport) what it runs.
#pragma once

#include "core/Result.h"
#include "remote/HostFacts.h"
#include "remote/Transport.h"

namespace fleetdeck {

// Blocking (worker thread). A transport failure (host key unknown/changed, auth, unreachable) is the
// error; a missing tool is not: it shows as "not present" in the facts. Runs 3-4 short commands.
Result<HostFacts> probeServer(Transport &transport, const CancelToken &cancel = {});

} // namespace fleetdeck
