// SshSession (internal to lib/remote): creating a libssh session with our options and connecting its socket.
#pragma once

#include "core/Result.h"
#include "domain/Server.h"

#include <libssh/libssh.h>

namespace fleetdeck {

// "root@10.0.0.5:22": how messages and the activity log name a server.
QString sshTarget(const Server &server);
// libssh's last error text for the session (empty without a session).
QString libsshError(ssh_session session);
// "10 s", "2.5 s": a timeout in messages.
QString secondsText(int ms);

// A fresh blocking session with our options; nothing from ~/.ssh/config or known_hosts is used:
// the trusted host key lives with the server record. nullptr when libssh cannot allocate one.
ssh_session newSession(const Server &server, int timeoutMs);
void freeSession(ssh_session session);   // disconnects too; nullptr is fine

// TCP connect and key exchange; Unreachable with a message that says why.
Status connectSocket(ssh_session session, const Server &server, int timeoutMs);

} // namespace fleetdeck
