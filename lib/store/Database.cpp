// Database: opening the store, one connection per thread, write transactions.

#include "store/Database.h"

#include "core/Translate.h"
#include "core/Logging.h"
#include "store/Migrations.h"
#include "store/SqlDialect.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QThreadStorage>
#include <QUuid>

namespace fleetdeck {

namespace {

// Closes and removes this thread's connections when the thread ends.
struct ThreadConnections {
    QStringList names;
    ~ThreadConnections()
    {
        for (const QString &name : std::as_const(names)) {
            { QSqlDatabase::database(name, false).close(); }
            QSqlDatabase::removeDatabase(name);
        }
    }
};
QThreadStorage<ThreadConnections *> g_threadConnections;

Status configure(QSqlDatabase &db)
{
    QSqlQuery q(db);
    for (const QString &statement : SqlDialect::of(db).connectionSetup()) {
        if (!q.exec(statement))
            return sqlError(statement, q.lastError().text());
    }
    return {};
}

} // namespace

Error sqlError(const QString &what, const QString &driverText)
{
    Error e = Error::make(ErrorKind::Storage, QCoreApplication::translate("fleetdeck::store", "the store failed while %1").arg(what), driverText);
    if (SqlDialect::isUniqueViolation(driverText)) {
        e.kind = ErrorKind::Conflict;
        e.message = QStringLiteral("%1: the name is already taken").arg(what);
    }
    return e;
}

Database::Database(QString path)
    : m_path(std::move(path)), m_connectionPrefix(QStringLiteral("fleetdeck-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

Database::~Database() = default;

QString Database::defaultPath()
{
    const QString fromEnv = qEnvironmentVariable("FLEETDECK_DB");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/fleetdeck/fleetdeck.sqlite");
}

Result<std::shared_ptr<Database>> Database::open(const QString &path)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make(ErrorKind::Storage, QCoreApplication::translate("fleetdeck::store", "cannot create the folder %1 for the store").arg(info.absolutePath()));
    std::shared_ptr<Database> db(new Database(info.absoluteFilePath()));
    QSqlDatabase conn = db->connection();
    if (!conn.isOpen())
        return Error::make(ErrorKind::Storage, QCoreApplication::translate("fleetdeck::store", "cannot open the store %1").arg(path), conn.lastError().text());
    if (auto s = migrations::migrate(conn); !s)
        return s.error();
    return db;
}

QSqlDatabase Database::connection() const
{
    if (!g_threadConnections.hasLocalData())
        g_threadConnections.setLocalData(new ThreadConnections);
    const QString name = m_connectionPrefix + QLatin1Char('-')
                         + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(SqlDialect::of(SqlEngine::Sqlite).driverName(), name);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        qCWarning(lcStore) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    if (auto s = configure(db); !s)
        qCWarning(lcStore) << s.error().toString();
    g_threadConnections.localData()->names.append(name);
    return db;
}

Status Database::write(const std::function<Status(QSqlDatabase &)> &work) const
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(SqlDialect::of(db).beginWrite()))
        return sqlError(QStringLiteral("starting a write"), q.lastError().text());
    Status result = work(db);
    if (!result) {
        q.exec(QStringLiteral("ROLLBACK"));
        return result;
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QString text = q.lastError().text();
        q.exec(QStringLiteral("ROLLBACK"));
        return sqlError(QStringLiteral("committing a write"), text);
    }
    return {};
}

} // namespace fleetdeck
