// KubectlErrors: what a failed kubectl command's stderr means, as an Error a person can act on.
#pragma once

#include "core/Result.h"
#include "remote/RemoteCommand.h"

namespace fleetdeck::checks {

// AuthFailed (401 / Unauthorized), Unreachable (refused, DNS, timeout), RemoteFailed with a TLS hint
// (x509), NotFound (namespace), NotSupported (no kubectl), or RemoteFailed as is.
Error classifyKubectlError(const CommandResult &result, const QString &what);

// stderr says the user may not do this / the object does not exist.
bool kubectlForbidden(const CommandResult &r);
bool kubectlNotFound(const CommandResult &r);

} // namespace fleetdeck::checks
