// SshAuth (internal to lib/remote): authenticating a connected session as the server record says
// (private key, ssh-agent or password), with errors that name the field to fix.
#pragma once

#include "core/Result.h"
#include "domain/Server.h"

#include <libssh/libssh.h>

namespace fleetdeck {

// AuthFailed (field "identityFile" or "secret" when one is at fault), or Unreachable when the
// connection broke during authentication.
Status authenticate(ssh_session session, const Server &server);

} // namespace fleetdeck
