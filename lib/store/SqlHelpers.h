// Small helpers shared by the repository files: JSON columns, timestamps, prepared statements, inserts.
#pragma once

#include "core/Result.h"
#include "store/Database.h"
#include "store/SqlDialect.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantMap>

namespace fleetdeck::sql {

inline QString toText(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
inline QString toText(const QJsonArray &a) { return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)); }
inline QJsonObject objectOf(const QVariant &v) { return QJsonDocument::fromJson(v.toString().toUtf8()).object(); }
inline QJsonArray arrayOf(const QVariant &v) { return QJsonDocument::fromJson(v.toString().toUtf8()).array(); }
inline QString timeText(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); }
inline QDateTime timeOf(const QVariant &v)
{
    if (v.isNull() || v.toString().isEmpty())
        return {};
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs); // stored with 'Z': comes back as UTC
}
inline QVariant nullableTime(const QDateTime &t) { return t.isValid() ? QVariant(timeText(t)) : QVariant(); }

// Prepares and runs `statement` with named bindings; returns the query positioned before the first row.
inline Result<QSqlQuery> run(QSqlDatabase db, const QString &statement, const QVariantMap &bindings = {})
{
    QSqlQuery q(db);
    if (!q.prepare(statement))
        return sqlError(QStringLiteral("preparing %1").arg(statement.left(40)), q.lastError().text());
    for (auto it = bindings.begin(); it != bindings.end(); ++it) {
        // A null QString would bind SQL NULL; text columns are NOT NULL, so bind "" instead.
        const bool nullText = it.value().typeId() == QMetaType::QString && it.value().toString().isNull();
        q.bindValue(QLatin1Char(':') + it.key(), nullText ? QVariant(QStringLiteral("")) : it.value());
    }
    if (!q.exec())
        return sqlError(statement.section(QLatin1Char(' '), 0, 2).toLower(), q.lastError().text());
    return q;
}

// Runs an INSERT and returns the new row's id, however the engine reports it (see SqlDialect).
inline Result<qint64> insert(QSqlDatabase db, const QString &statement, const QVariantMap &bindings = {})
{
    const SqlDialect &dialect = SqlDialect::of(db);
    auto q = run(db, dialect.insertReturningId(statement), bindings);
    if (!q)
        return q.error();
    return dialect.insertedId(*q);
}

} // namespace fleetdeck::sql
