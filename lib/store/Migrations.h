// Versioned schema migrations. Each migration runs in its own transaction together with the
// bump of the schema version (SQLite: PRAGMA user_version), so a failure leaves the previous version intact.
#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace fleetdeck::migrations {

int latestVersion();
Result<int> currentVersion(QSqlDatabase &db);
// Brings `db` up to `target` (default: latest). Refuses a store newer than this build.
Status migrate(QSqlDatabase &db, int target = -1);

} // namespace fleetdeck::migrations
