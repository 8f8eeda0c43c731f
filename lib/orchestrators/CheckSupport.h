// CheckSupport: what every backend's checks share: report items, a missing tool, the line of stderr
// that explains a failure, one timeout.
#pragma once

#include "orchestrators/ConnectionReport.h"
#include "remote/RemoteCommand.h"

namespace fleetdeck::checks {

constexpr int kCheckCommandTimeoutMs = 30000;

CheckItem ok(const QString &title, const QString &detail);
CheckItem warn(const QString &title, const QString &detail);
CheckItem fail(const QString &title, const QString &detail);

// Exit 127/126: the tool is not installed (or not executable).
bool toolMissing(const CommandResult &r);

// stderr's last line that is not klog noise ("E1126 20:21:56.05 ... memcache.go:265] ..."), without "error: ".
QString meaningfulStderr(const QByteArray &stderrData);

} // namespace fleetdeck::checks
