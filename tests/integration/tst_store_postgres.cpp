// Integration: the store's migrations and inserts through SqlDialect on a real PostgreSQL, started by
// the test (initdb into a temp dir as an unprivileged user, postgres on a loopback port), so the SQL
// stays portable before the shared team store exists.

#include "store/Database.h"
#include "store/Migrations.h"
#include "store/SqlDialect.h"
#include "store/SqlHelpers.h"

#include "RealComponent.h"

#include <QDir>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace fleetdeck;

namespace {

// The newest installed server's bin folder (Debian: /usr/lib/postgresql/<major>/bin).
QString postgresBinDir()
{
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList majors = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &major : majors)
        if (QFileInfo(root.filePath(major + QStringLiteral("/bin/initdb"))).isExecutable())
            return root.filePath(major + QStringLiteral("/bin"));
    return {};
}

int freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

class TestStorePostgres : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_bin;
    QString m_data;
    int m_port = 0;
    bool m_started = false;
    int m_counter = 0;     // connections
    int m_databases = 0;

    // PostgreSQL refuses to run as root: as root, its tools run as `nobody`, who owns the temp dir.
    QProcess *tool(const QString &name, const QStringList &args)
    {
        auto *process = new QProcess(this);
        process->setProcessChannelMode(QProcess::MergedChannels);
        if (::geteuid() == 0)
            process->start(QStringLiteral("setpriv"), QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                                                   QStringLiteral("--clear-groups"), m_bin + u'/' + name} + args);
        else
            process->start(m_bin + u'/' + name, args);
        return process;
    }

    bool runTool(const QString &name, const QStringList &args, QString *output)
    {
        QProcess *process = tool(name, args);
        const bool finished = process->waitForFinished(120000);
        *output = QString::fromLocal8Bit(process->readAll());
        return finished && process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0;
    }

    QSqlDatabase openDatabase(const QString &database = QStringLiteral("postgres"))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pg-%1").arg(++m_counter));
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setUserName(QStringLiteral("fleetdeck"));
        db.setDatabaseName(database);
        if (!db.open())
            qWarning() << db.lastError().text();
        return db;
    }

    // A fresh database per test, so every test starts from an empty schema.
    QSqlDatabase freshDatabase()
    {
        const QString name = QStringLiteral("store_%1").arg(++m_databases);
        QSqlDatabase admin = openDatabase();
        QSqlQuery create(admin);
        if (!create.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            qWarning() << create.lastError().text();
        return openDatabase(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bin = postgresBinDir();
        FLEETDECK_REQUIRE_COMPONENT(!m_bin.isEmpty(), QStringLiteral("PostgreSQL server (scripts/install-deps.sh installs postgresql)"));
        FLEETDECK_REQUIRE_COMPONENT(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
                                    QStringLiteral("Qt's PostgreSQL driver (libqt6sql6-psql)"));
        QVERIFY(m_dir.isValid());
        if (::geteuid() == 0) {
            const passwd *nobody = ::getpwnam("nobody");
            QVERIFY(nobody);
            QVERIFY(::chown(QFile::encodeName(m_dir.path()).constData(), nobody->pw_uid, nobody->pw_gid) == 0);
        }
        m_data = m_dir.filePath(QStringLiteral("data"));
        QString output;
        QVERIFY2(runTool(QStringLiteral("initdb"), {QStringLiteral("-D"), m_data, QStringLiteral("-U"), QStringLiteral("fleetdeck"),
                                                    QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8")},
                         &output),
                 qPrintable(output));
        m_port = freeLoopbackPort();
        QVERIFY(m_port > 0);
        const QString options = QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2").arg(m_port).arg(m_dir.path());
        QVERIFY2(runTool(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_data, QStringLiteral("-o"), options, QStringLiteral("-l"),
                                                    m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                                                    QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")},
                         &output),
                 qPrintable(output));
        m_started = true;
    }

    void cleanupTestCase()
    {
        if (!m_started)
            return;
        QString output;
        if (!runTool(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_data, QStringLiteral("-m"), QStringLiteral("immediate"),
                                                QStringLiteral("-w"), QStringLiteral("stop")},
                     &output))
            qWarning().noquote() << "pg_ctl stop:" << output;
    }

    void migratesFromEmptyAndAgain()
    {
        QSqlDatabase db = freshDatabase();
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        QCOMPARE(&SqlDialect::of(db), &SqlDialect::of(SqlEngine::Postgres));
        QCOMPARE(*migrations::currentVersion(db), 0);
        const Status migrated = migrations::migrate(db);
        QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().toString() + u' ' + migrated.error().detail));
        QCOMPARE(*migrations::currentVersion(db), migrations::latestVersion());
        QVERIFY(migrations::migrate(db).ok());
        QCOMPARE(*migrations::currentVersion(db), migrations::latestVersion());
    }

    void migratesFromEveryOlderVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < migrations::latestVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }
    void migratesFromEveryOlderVersion()
    {
        QFETCH(int, from);
        QSqlDatabase db = freshDatabase();
        QVERIFY(migrations::migrate(db, from).ok());
        QCOMPARE(*migrations::currentVersion(db), from);
        QVERIFY(migrations::migrate(db).ok());
        QCOMPARE(*migrations::currentVersion(db), migrations::latestVersion());
    }

    // New ids come back through the dialect; constraint failures read as on SQLite.
    void insertsReturnIdsAndConstraintsAreRecognised()
    {
        QSqlDatabase db = freshDatabase();
        QVERIFY(migrations::migrate(db).ok());
        const QString insert = QStringLiteral("INSERT INTO servers (name, host, \"user\", created_at, updated_at) "
                                              "VALUES (:name, '127.0.0.1', 'ops', 'now', 'now')");
        const Result<qint64> first = sql::insert(db, insert, {{QStringLiteral("name"), QStringLiteral("a")}});
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().detail));
        const Result<qint64> second = sql::insert(db, insert, {{QStringLiteral("name"), QStringLiteral("b")}});
        QVERIFY(second.ok());
        QVERIFY(*second > *first);
        const Result<qint64> taken = sql::insert(db, insert, {{QStringLiteral("name"), QStringLiteral("a")}});
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().kind, ErrorKind::Conflict);
        const Result<qint64> orphan = sql::insert(db, QStringLiteral("INSERT INTO deployments (uuid, application_id, status, created_at) "
                                                                     "VALUES ('u', 999, 'queued', 'now')"));
        QVERIFY(!orphan.ok());
        QVERIFY2(SqlDialect::isForeignKeyViolation(orphan.error().detail), qPrintable(orphan.error().detail));
    }

    // A failed migration leaves the previous version, as on SQLite (PostgreSQL DDL is transactional).
    void failedMigrationLeavesPreviousVersion()
    {
        QSqlDatabase db = freshDatabase();
        QVERIFY(migrations::migrate(db, 1).ok());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE kubernetes_clusters (x INTEGER)")));
        QVERIFY(!migrations::migrate(db).ok());
        QCOMPARE(*migrations::currentVersion(db), 1);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'server_settings' "
                                      "AND column_name = 'orchestrator'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStorePostgres)
#include "tst_store_postgres.moc"
