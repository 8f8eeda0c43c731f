// REST API token rows: the SHA-256 of each token with its name and scope (the token itself is never stored).
#include "store/Repositories.h"

#include "domain/Validation.h"
#include "store/SqlHelpers.h"

namespace fleetdeck {

using namespace sql;

Result<ApiToken> Store::addApiToken(ApiToken token)
{
    if (auto s = validate::serverName(QStringLiteral("name"), token.name); !s)
        return s.error();
    if (token.hash.size() != 32)
        return Error::make(ErrorKind::Internal, QStringLiteral("an API token is stored as its 32-byte SHA-256"));
    if (!token.createdAt.isValid())
        token.createdAt = QDateTime::currentDateTimeUtc();
    Status s = m_db->write([&](QSqlDatabase &db) -> Status {
        auto id = insert(db, QStringLiteral("INSERT INTO api_tokens (name, token_hash, read_only, created_at) "
                                            "VALUES (:name, :hash, :ro, :created)"),
                         {{QStringLiteral("name"), token.name}, {QStringLiteral("hash"), QString::fromLatin1(token.hash.toHex())},
                          {QStringLiteral("ro"), token.readOnly ? 1 : 0}, {QStringLiteral("created"), timeText(token.createdAt)}});
        if (!id)
            return SqlDialect::isUniqueViolation(id.error().detail)
                       ? Error::make(ErrorKind::Conflict, QStringLiteral("an API token named %1 exists: revoke it first or pick another name")
                                                              .arg(token.name))
                       : id.error();
        token.id = *id;
        return {};
    });
    if (!s)
        return s.error();
    return token;
}

Result<QList<ApiToken>> Store::apiTokens() const
{
    auto q = run(m_db->connection(), QStringLiteral("SELECT id, name, token_hash, read_only, created_at, last_used_at "
                                                    "FROM api_tokens ORDER BY name"));
    if (!q)
        return q.error();
    QList<ApiToken> out;
    while (q->next()) {
        ApiToken t;
        t.id = q->value(0).toLongLong();
        t.name = q->value(1).toString();
        t.hash = QByteArray::fromHex(q->value(2).toString().toLatin1());
        t.readOnly = q->value(3).toBool();
        t.createdAt = timeOf(q->value(4));
        t.lastUsedAt = timeOf(q->value(5));
        out.append(t);
    }
    return out;
}

Status Store::removeApiToken(const QString &name)
{
    return m_db->write([&](QSqlDatabase &db) -> Status {
        auto del = run(db, QStringLiteral("DELETE FROM api_tokens WHERE name = :name"), {{QStringLiteral("name"), name}});
        if (!del)
            return del.error();
        if (del->numRowsAffected() != 1)
            return Error::notFound(QStringLiteral("no API token named %1").arg(name));
        return {};
    });
}

Status Store::touchApiToken(qint64 id, const QDateTime &at)
{
    return m_db->write([&](QSqlDatabase &db) -> Status {
        auto q = run(db, QStringLiteral("UPDATE api_tokens SET last_used_at = :at WHERE id = :id"),
                     {{QStringLiteral("id"), id}, {QStringLiteral("at"), timeText(at)}});
        return q ? Status() : Status(q.error());
    });
}

} // namespace fleetdeck
