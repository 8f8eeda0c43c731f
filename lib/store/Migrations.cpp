// Migrations: the schema steps (engine specifics through SqlDialect::ddl tokens) and running them.

#include "store/Migrations.h"

#include "core/Logging.h"
#include "store/Database.h"
#include "store/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace fleetdeck::migrations {

namespace {

// Migration N takes the schema from version N-1 to N. Never edit one that has shipped: add another.
// {autoId} and {user} are SqlDialect::ddl tokens; on SQLite they render the text these steps shipped with
// (tests/unit/tst_migrations checks the resulting schema against the one recorded from v4).
const QList<QStringList> &steps()
{
    static const QList<QStringList> all = {
        // 1: servers with their settings (seed: servers + server_settings), applications.
        {
            QStringLiteral("CREATE TABLE servers (id {autoId}, name TEXT NOT NULL UNIQUE, host TEXT NOT NULL, "
                           "port INTEGER NOT NULL DEFAULT 22, {user} TEXT NOT NULL DEFAULT 'root', auth TEXT NOT NULL DEFAULT 'key', "
                           "identity_file TEXT NOT NULL DEFAULT '', secret TEXT NOT NULL DEFAULT '', "
                           "host_key_fingerprint TEXT NOT NULL DEFAULT '', is_local INTEGER NOT NULL DEFAULT 0, "
                           "created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE server_settings (server_id INTEGER PRIMARY KEY REFERENCES servers(id) ON DELETE CASCADE, "
                           "is_swarm_manager INTEGER NOT NULL DEFAULT 0, is_swarm_worker INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE applications (id {autoId}, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE, "
                           "server_id INTEGER NOT NULL REFERENCES servers(id) ON DELETE RESTRICT, image TEXT NOT NULL, "
                           "ports TEXT NOT NULL DEFAULT '[]', domains TEXT NOT NULL DEFAULT '[]', env TEXT NOT NULL DEFAULT '[]', "
                           "health TEXT NOT NULL DEFAULT '{}', limits_cpus TEXT NOT NULL DEFAULT '', limits_memory TEXT NOT NULL DEFAULT '', "
                           "reservation_cpus TEXT NOT NULL DEFAULT '', reservation_memory TEXT NOT NULL DEFAULT '', "
                           "swarm_replicas INTEGER NOT NULL DEFAULT 1, swarm_placement_constraints TEXT NOT NULL DEFAULT '[]', "
                           "status TEXT NOT NULL DEFAULT 'stopped', created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX applications_server ON applications(server_id)"),
        },
        // 2: the Kubernetes plan: orchestrator settings, per-application Kubernetes fields, clusters, namespaces.
        {
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN orchestrator TEXT NOT NULL DEFAULT 'none' "
                           "CHECK (orchestrator IN ('none','swarm','kubernetes'))"),
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN is_kubernetes_master INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN is_kubernetes_worker INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN kubernetes_version TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN kubernetes_config TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN kubernetes_context TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN kubernetes_namespace TEXT NOT NULL DEFAULT 'default'"),
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN kubernetes_use_ingress INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN kubernetes_ingress_class TEXT NOT NULL DEFAULT 'nginx'"),
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN kubernetes_cert_issuer TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN kubernetes_storage_class TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN kubernetes_replicas INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN kubernetes_node_selector TEXT NOT NULL DEFAULT '{}'"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN kubernetes_tolerations TEXT NOT NULL DEFAULT '[]'"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN kubernetes_affinity TEXT NOT NULL DEFAULT '{}'"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN kubernetes_pod_labels TEXT NOT NULL DEFAULT '{}'"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN kubernetes_service_annotations TEXT NOT NULL DEFAULT '{}'"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN kubernetes_service_type TEXT NOT NULL DEFAULT 'ClusterIP' "
                           "CHECK (kubernetes_service_type IN ('ClusterIP','NodePort','LoadBalancer'))"),
            QStringLiteral("CREATE TABLE kubernetes_clusters (id {autoId}, server_id INTEGER NOT NULL REFERENCES servers(id) "
                           "ON DELETE CASCADE, name TEXT NOT NULL, api_endpoint TEXT NOT NULL DEFAULT '', version TEXT NOT NULL DEFAULT '', "
                           "context TEXT NOT NULL DEFAULT '', kubeconfig TEXT NOT NULL DEFAULT '', ca_certificate TEXT NOT NULL DEFAULT '', "
                           "client_certificate TEXT NOT NULL DEFAULT '', client_key TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, "
                           "UNIQUE (server_id, name))"),
            QStringLiteral("CREATE TABLE kubernetes_namespaces (id {autoId}, cluster_id INTEGER NOT NULL REFERENCES "
                           "kubernetes_clusters(id) ON DELETE CASCADE, name TEXT NOT NULL, resource_quota TEXT NOT NULL DEFAULT '{}', "
                           "limit_range TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL, UNIQUE (cluster_id, name))"),
        },
        // 3: deployments and their step log; build source, restart policy, standalone replicas, publish mode.
        {
            QStringLiteral("CREATE TABLE deployments (id {autoId}, uuid TEXT NOT NULL UNIQUE, application_id INTEGER NOT NULL "
                           "REFERENCES applications(id) ON DELETE CASCADE, status TEXT NOT NULL CHECK (status IN "
                           "('queued','in_progress','finished','failed','cancelled')), orchestrator TEXT NOT NULL DEFAULT '', "
                           "image TEXT NOT NULL DEFAULT '', triggered_by TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '', "
                           "created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT)"),
            QStringLiteral("CREATE INDEX deployments_application ON deployments(application_id, id)"),
            QStringLiteral("CREATE TABLE deployment_logs (id {autoId}, deployment_id INTEGER NOT NULL REFERENCES "
                           "deployments(id) ON DELETE CASCADE, at TEXT NOT NULL, step TEXT NOT NULL, command TEXT NOT NULL DEFAULT '', "
                           "output TEXT NOT NULL DEFAULT '', exit_code INTEGER NOT NULL DEFAULT -1)"),
            QStringLiteral("CREATE INDEX deployment_logs_deployment ON deployment_logs(deployment_id, id)"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN build_source TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN dockerfile TEXT NOT NULL DEFAULT 'Dockerfile'"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN restart_policy TEXT NOT NULL DEFAULT 'unless-stopped'"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN network TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE applications ADD COLUMN replicas INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral("ALTER TABLE server_settings ADD COLUMN swarm_publish_mode TEXT NOT NULL DEFAULT 'ingress'"),
        },
        // 4: projects group applications.
        {
            QStringLiteral("ALTER TABLE applications ADD COLUMN project TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX applications_project ON applications(project, name)"),
        },
        // 5: REST API tokens, stored as the SHA-256 of the token (the token itself is shown once, never stored).
        {
            QStringLiteral("CREATE TABLE api_tokens (id {autoId}, name TEXT NOT NULL UNIQUE, token_hash TEXT NOT NULL UNIQUE, "
                           "read_only INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, last_used_at TEXT)"),
        },
    };
    return all;
}

} // namespace

int latestVersion()
{
    return int(steps().size());
}

Result<int> currentVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    for (const QString &statement : SqlDialect::of(db).schemaVersionSetup()) {
        if (!q.exec(statement))
            return sqlError(QStringLiteral("creating the schema version"), q.lastError().text());
    }
    if (!q.exec(SqlDialect::of(db).readSchemaVersion()) || !q.next())
        return sqlError(QStringLiteral("reading the schema version"), q.lastError().text());
    return q.value(0).toInt();
}

Status migrate(QSqlDatabase &db, int target)
{
    const SqlDialect &dialect = SqlDialect::of(db);
    if (target < 0)
        target = latestVersion();
    auto current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return Error::make(ErrorKind::Storage,
                           QStringLiteral("the store %1 has schema version %2, newer than this Fleetdeck (%3): upgrade Fleetdeck")
                               .arg(db.databaseName()).arg(*current).arg(latestVersion()));
    for (int version = *current + 1; version <= target; ++version) {
        QSqlQuery q(db);
        if (!q.exec(dialect.beginWrite()))
            return sqlError(QStringLiteral("starting migration %1").arg(version), q.lastError().text());
        for (const QString &step : steps().at(version - 1)) {
            const QString statement = dialect.ddl(step);
            if (!q.exec(statement)) {
                const QString text = q.lastError().text();
                q.exec(QStringLiteral("ROLLBACK"));
                return sqlError(QStringLiteral("migration %1 (%2)").arg(version).arg(statement.left(60)), text);
            }
        }
        // The version is transactional (SQLite's PRAGMA user_version too): it commits with the migration.
        if (!q.exec(dialect.writeSchemaVersion(version)) || !q.exec(QStringLiteral("COMMIT"))) {
            const QString text = q.lastError().text();
            q.exec(QStringLiteral("ROLLBACK"));
            return sqlError(QStringLiteral("committing migration %1").arg(version), text);
        }
        qCInfo(lcStore) << "migrated" << db.databaseName() << "to schema version" << version;
    }
    return {};
}

} // namespace fleetdeck::migrations
