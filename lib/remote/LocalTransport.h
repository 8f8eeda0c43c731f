// LocalTransport: the Transport of "this machine" — commands run as local processes (QProcess).
#pragma once

#include "remote/Transport.h"

namespace fleetdeck {

// Thread-safe (holds no state). Commands run as `/bin/sh -c shellJoin(argv)`, exactly like over SSH,
// in their own session/process group so that a cancel or timeout ends the whole tree.
class LocalTransport final : public Transport
{
public:
    explicit LocalTransport(const QString &serverName = QStringLiteral("this machine"));

    Result<CommandResult> execute(const RemoteCommand &command, const CancelToken &cancel = {}) override;
    // The QProcess lives in the calling thread, which must run an event loop (as the GUI thread does).
    std::unique_ptr<RemoteStream> stream(const RemoteCommand &command) override;
    // Atomic: a 0600 temp file in the same directory, fchmod to `permissions`, fsync, rename(2).
    Status upload(const QByteArray &data, const QString &remotePath, int permissions) override;
    QString describe() const override;

    int killGraceMs = 2000;  // after a cancel/timeout: TERM to the process group, then KILL

private:
    QString m_serverName;
};

// "KILL" for SIGKILL, ... (the names SSH uses in exit-signal); the number as text when unknown.
QString signalName(int signalNumber);

} // namespace fleetdeck
