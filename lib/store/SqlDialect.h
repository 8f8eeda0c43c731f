// SqlDialect: the one seam where the store's SQL differs between engines (SQLite today, PostgreSQL
// for a shared team store later): connection setup, write transactions, the schema version, DDL
// tokens, new row ids and constraint errors. Every other statement in lib/store is portable SQL.
#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace fleetdeck {

enum class SqlEngine { Sqlite, Postgres };

class SqlDialect
{
public:
    static const SqlDialect &of(SqlEngine engine);
    // By the connection's Qt driver: QSQLITE -> Sqlite, QPSQL -> Postgres (SQLite for anything else).
    static const SqlDialect &of(const QSqlDatabase &db);

    SqlEngine engine() const { return m_engine; }
    QString driverName() const;                 // "QSQLITE", "QPSQL"

    // Run on every new connection: on SQLite WAL, busy timeout 10 s, foreign keys, synchronous NORMAL.
    QStringList connectionSetup() const;

    // Starts a write transaction that holds the write lock from its first statement, so two writers
    // never both read and then collide (SQLite: BEGIN IMMEDIATE).
    QString beginWrite() const;

    // The schema version: SQLite keeps it in PRAGMA user_version (transactional, so it commits with a
    // migration); PostgreSQL in a one-row table that schemaVersionSetup() creates.
    QStringList schemaVersionSetup() const;
    QString readSchemaVersion() const;
    QString writeSchemaVersion(int version) const;

    // Migration DDL with engine tokens: {autoId} (an integer key that numbers new rows: SQLite's
    // INTEGER PRIMARY KEY rowid alias) and {user} (a column named user, reserved in PostgreSQL).
    // On SQLite the rendering is exactly the text the migrations always had.
    QString ddl(const QString &statement) const;

    // An INSERT whose new row id is wanted: the statement to prepare (PostgreSQL adds RETURNING id),
    // and, after it ran, the id.
    QString insertReturningId(const QString &insert) const;
    Result<qint64> insertedId(QSqlQuery &query) const;

    // Whether a driver error text reports a UNIQUE constraint violation (a name already taken).
    static bool isUniqueViolation(const QString &driverText);
    // ... a FOREIGN KEY violation (the referenced row does not exist).
    static bool isForeignKeyViolation(const QString &driverText);

private:
    explicit SqlDialect(SqlEngine engine) : m_engine(engine) {}
    SqlEngine m_engine;
};

} // namespace fleetdeck
