// Building the RemoteCommands the transport tests run: an argv as given, or a `sh -c` script.
#pragma once

#include "remote/RemoteCommand.h"

namespace fleetdeck::test {

inline RemoteCommand cmd(const QStringList &argv, int timeoutMs = 0)
{
    RemoteCommand c;
    c.argv = argv;
    c.timeoutMs = timeoutMs;
    return c;
}

inline RemoteCommand sh(const QString &script, int timeoutMs = 0)
{
    return cmd({QStringLiteral("sh"), QStringLiteral("-c"), script}, timeoutMs);
}

} // namespace fleetdeck::test
