// Database: the SQLite file (PostgreSQL later, through SqlDialect), one named connection per thread
// set up by the dialect (WAL + busy timeout + foreign keys), and write transactions that take the
// write lock at once (BEGIN IMMEDIATE).
#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace fleetdeck {

class Database
{
public:
    // Opens (creating if needed) the store at `path` and migrates it to the current schema.
    static Result<std::shared_ptr<Database>> open(const QString &path);
    ~Database();

    // XDG data location: $XDG_DATA_HOME/fleetdeck/fleetdeck.sqlite, overridden by FLEETDECK_DB.
    static QString defaultPath();

    QString path() const { return m_path; }

    // This thread's connection (opened on first use, closed when the thread ends).
    QSqlDatabase connection() const;

    // Runs `work` inside the dialect's write transaction (BEGIN IMMEDIATE ... COMMIT); rolls back when
    // it fails. Nothing half-applied.
    Status write(const std::function<Status(QSqlDatabase &)> &work) const;

private:
    explicit Database(QString path);
    QString m_path;
    QString m_connectionPrefix;
};

// A SQL failure as an Error (kind Storage), naming the statement.
Error sqlError(const QString &what, const QString &driverText);

} // namespace fleetdeck
