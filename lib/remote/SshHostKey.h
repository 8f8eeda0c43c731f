// SshHostKey (internal to lib/remote): reading the host key a server offers and checking it against the
// fingerprint trusted for that server.
#pragma once

#include "core/Result.h"
#include "domain/Server.h"

#include <libssh/libssh.h>

namespace fleetdeck {

struct HostKey {
    QString fingerprint;   // "SHA256:..."
    QString type;          // "ED25519"
};

// The key of a connected session.
Result<HostKey> readHostKey(ssh_session session);

// OK only when the session's key is server.hostKeyFingerprint; HostKeyUnknown / HostKeyChanged carry
// the fingerprints, and the messages say that nothing was run.
Status verifyHostKey(ssh_session session, const Server &server);

// Connects without authenticating and returns the host key fingerprint (SshTransport::fetchHostKeyFingerprint).
Result<QString> sshFetchHostKeyFingerprint(const Server &server, int timeoutMs, QString *keyType);

} // namespace fleetdeck
