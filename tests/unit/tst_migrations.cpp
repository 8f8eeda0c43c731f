// Schema migrations: from empty, and from every older version with data in it, to the latest.
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Repositories.h"
#include "store/SqlDialect.h"

#include "TestEnvironment.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetdeck;

class TestMigrations : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_counter = 0;

    QSqlDatabase rawDatabase()
    {
        const QString name = QStringLiteral("raw-%1").arg(++m_counter);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_dir.filePath(name + QStringLiteral(".sqlite")));
        if (!db.open())
            qFatal("cannot open");
        QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        return db;
    }

    static void exec(QSqlDatabase &db, const QString &sql)
    {
        QSqlQuery q(db);
        if (!q.exec(sql))
            QFAIL(qPrintable(q.lastError().text() + QStringLiteral(": ") + sql));
    }

private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void fromEmpty()
    {
        QSqlDatabase db = rawDatabase();
        QCOMPARE(*migrations::currentVersion(db), 0);
        QVERIFY(migrations::migrate(db).ok());
        QCOMPARE(*migrations::currentVersion(db), migrations::latestVersion());
        // Idempotent: a second run changes nothing.
        QVERIFY(migrations::migrate(db).ok());
        QCOMPARE(*migrations::currentVersion(db), migrations::latestVersion());
    }

    void fromEveryOlderVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < migrations::latestVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }
    void fromEveryOlderVersion()
    {
        QFETCH(int, from);
        QSqlDatabase db = rawDatabase();
        QVERIFY(migrations::migrate(db, from).ok());
        QCOMPARE(*migrations::currentVersion(db), from);
        // Rows as a store of that version would have written them.
        exec(db, QStringLiteral("INSERT INTO servers (id, name, host, port, user, auth, created_at, updated_at) VALUES "
                                "(1, 'old', '10.0.0.9', 2222, 'ops', 'agent', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"));
        exec(db, QStringLiteral("INSERT INTO server_settings (server_id, is_swarm_manager) VALUES (1, 1)"));
        exec(db, QStringLiteral("INSERT INTO applications (id, uuid, name, server_id, image, ports, swarm_replicas, "
                                "swarm_placement_constraints, created_at, updated_at) VALUES (1, 'u-1', 'legacy', 1, 'nginx:1', "
                                "'[8080]', 4, '[\"node.role == manager\"]', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"));
        const QString path = db.databaseName();
        db.close();

        auto opened = Store::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        auto store = *opened;
        auto server = store->serverByName(QStringLiteral("old"));
        QVERIFY(server.ok());
        QCOMPARE(server->port, 2222);
        QCOMPARE(server->user, QStringLiteral("ops"));
        QVERIFY(server->settings.swarmManager);
        // Columns added later get their documented defaults.
        QCOMPARE(server->settings.orchestrator, Orchestrator::None);
        QCOMPARE(server->settings.kubernetesNamespace, QStringLiteral("default"));
        QCOMPARE(server->settings.ingressClass, QStringLiteral("nginx"));
        auto app = store->applicationByName(QStringLiteral("legacy"));
        QVERIFY(app.ok());
        QCOMPARE(app->ports, QList<int>{8080});
        QCOMPARE(app->swarmReplicas, 4);
        QCOMPARE(app->swarmConstraints, QStringList{QStringLiteral("node.role == manager")});
        QCOMPARE(app->kubernetesReplicas, 1);
        QCOMPARE(app->serviceType, ServiceType::ClusterIP);
        QCOMPARE(app->restartPolicy, QStringLiteral("unless-stopped"));
        QCOMPARE(app->project, QString());   // 4: no project until one is set
        QVERIFY(store->deployments(app->id).ok());
    }

    void failedMigrationLeavesPreviousVersion()
    {
        QSqlDatabase db = rawDatabase();
        QVERIFY(migrations::migrate(db, 1).ok());
        // A table that migration 2 would not expect: make migration 2 fail half-way (its CREATE TABLE clashes).
        exec(db, QStringLiteral("CREATE TABLE kubernetes_clusters (x INTEGER)"));
        const Status s = migrations::migrate(db);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, ErrorKind::Storage);
        QVERIFY(s.error().message.contains(QLatin1String("migration 2")));
        QCOMPARE(*migrations::currentVersion(db), 1);
        // The ALTERs that ran before the failing statement were rolled back with it.
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('server_settings') WHERE name = 'orchestrator'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // The SQLite rendering of the migrations (SqlDialect tokens) is the text they shipped with: a store
    // migrated to version 4 has exactly the schema recorded from the v4 migrations.
    void sqliteSchemaIsTheShippedOne()
    {
        const QString source = qEnvironmentVariable("FLEETDECK_SOURCE_DIR");
        QVERIFY2(!source.isEmpty(), "FLEETDECK_SOURCE_DIR is not set (run the test through ctest)");
        QFile recorded(source + QStringLiteral("/tests/data/store/sqlite-schema-v4.txt"));
        QVERIFY2(recorded.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(recorded.fileName()));
        QString expected;
        for (const QString &line : QString::fromUtf8(recorded.readAll()).split(u'\n'))
            if (!line.startsWith(u'#'))
                expected += line + u'\n';
        QSqlDatabase db = rawDatabase();
        QVERIFY(migrations::migrate(db, 4).ok());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")));
        QString actual = QStringLiteral("\n");  // the blank line after the header comment
        while (q.next())
            actual += QStringLiteral("%1 %2 on %3:\n%4\n\n").arg(q.value(0).toString(), q.value(1).toString(),
                                                                q.value(2).toString(), q.value(3).toString());
        QCOMPARE(actual + u'\n', expected);
    }

    void dialectRendersEngineSpecifics()
    {
        const SqlDialect &sqlite = SqlDialect::of(SqlEngine::Sqlite);
        const SqlDialect &postgres = SqlDialect::of(SqlEngine::Postgres);
        const QString ddl = QStringLiteral("CREATE TABLE t (id {autoId}, {user} TEXT)");
        QCOMPARE(sqlite.ddl(ddl), QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, user TEXT)"));
        QCOMPARE(postgres.ddl(ddl),
                 QStringLiteral("CREATE TABLE t (id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, \"user\" TEXT)"));
        QCOMPARE(sqlite.beginWrite(), QStringLiteral("BEGIN IMMEDIATE"));
        QCOMPARE(postgres.beginWrite(), QStringLiteral("BEGIN"));
        QCOMPARE(sqlite.writeSchemaVersion(5), QStringLiteral("PRAGMA user_version = 5"));
        QVERIFY(!postgres.writeSchemaVersion(5).contains(QLatin1String("PRAGMA")));
        for (const QString &statement : postgres.connectionSetup() + postgres.schemaVersionSetup())
            QVERIFY2(!statement.contains(QLatin1String("PRAGMA")), qPrintable(statement));
        QCOMPARE(postgres.insertReturningId(QStringLiteral("INSERT INTO t (a) VALUES (1)")),
                 QStringLiteral("INSERT INTO t (a) VALUES (1) RETURNING id"));
        QCOMPARE(&SqlDialect::of(rawDatabase()), &sqlite);
        QVERIFY(SqlDialect::isUniqueViolation(QStringLiteral("UNIQUE constraint failed: servers.name Unable to fetch row")));
        QVERIFY(SqlDialect::isUniqueViolation(QStringLiteral("ERROR:  duplicate key value violates unique constraint \"servers_name_key\"")));
        QVERIFY(!SqlDialect::isUniqueViolation(QStringLiteral("FOREIGN KEY constraint failed")));
        QVERIFY(SqlDialect::isForeignKeyViolation(QStringLiteral("FOREIGN KEY constraint failed")));
    }

    void refusesNewerStore()
    {
        QSqlDatabase db = rawDatabase();
        exec(db, QStringLiteral("PRAGMA user_version = 999"));
        const Status s = migrations::migrate(db);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QLatin1String("newer than this Fleetdeck")));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
