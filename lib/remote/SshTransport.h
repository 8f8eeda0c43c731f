// SshTransport: the Transport of a remote server, over one libssh session owned by one worker thread.
#pragma once

#include "domain/Server.h"
#include "remote/Transport.h"

#include <memory>

namespace fleetdeck {

struct SshOptions {
    int connectTimeoutMs = 10000;      // TCP connect + SSH handshake + each authentication step
    int keepaliveIntervalMs = 30000;   // a keepalive@openssh.com request after this much silence
    int keepaliveMaxMisses = 4;        // unanswered keepalives before the connection is declared dead
    int maxChannels = 10;              // concurrent channels; OpenSSH's MaxSessions defaults to 10
    int reconnectBackoffInitialMs = 250;  // wait before retrying after a failed connect, doubled ...
    int reconnectBackoffMaxMs = 8000;     // ... up to this
    int killGraceMs = 2000;            // after a cancel/timeout: TERM, then KILL if still running
};

class SshConnection; // internal: the worker thread and its libssh session (SshConnection.cpp)

// Thread-safe. All calls from any number of threads share one authenticated session, opened on first
// use and reopened (with backoff) after the connection dropped. Nothing runs on a host whose key is not
// the trusted server.hostKeyFingerprint: HostKeyUnknown / HostKeyChanged errors carry the fingerprints.
class SshTransport final : public Transport
{
public:
    explicit SshTransport(const Server &server, const SshOptions &options = {});
    ~SshTransport() override;

    SshTransport(const SshTransport &) = delete;
    SshTransport &operator=(const SshTransport &) = delete;

    Result<CommandResult> execute(const RemoteCommand &command, const CancelToken &cancel = {}) override;
    // The remote side runs under a pty, so the process gets SIGHUP when the channel closes (and TERM,
    // then KILL, on cancel); with a pty stderr arrives merged into stdout (all lines are Stdout).
    std::unique_ptr<RemoteStream> stream(const RemoteCommand &command) override;
    // Atomic: written to a random temp name next to remotePath (umask 077), chmod, then rename (mv -T).
    Status upload(const QByteArray &data, const QString &remotePath, int permissions) override;
    QString describe() const override;

    // Blocks (worker thread) until the session is up: host key verified and authenticated. What
    // `server check` calls first; HostKeyUnknown carries the offered fingerprint.
    Status connect(const CancelToken &cancel = {});

    const Server &server() const;
    const SshOptions &options() const;

    // For tests and benchmarks: successful authentications so far (1 while the session is reused),
    // and whether a session is up right now.
    int connectCount() const;
    bool isConnected() const;

    // Connects without authenticating and returns the host key's SHA256 fingerprint (for
    // `server trust`). The key type ("ED25519") goes to *keyType when given. Blocking.
    static Result<QString> fetchHostKeyFingerprint(const Server &server, int timeoutMs = 10000,
                                                   QString *keyType = nullptr);

private:
    std::shared_ptr<SshConnection> m_connection;
};

} // namespace fleetdeck
