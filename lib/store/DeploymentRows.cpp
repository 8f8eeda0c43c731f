// Deployment rows and their append-only step log.
#include "store/Repositories.h"

#include "core/Translate.h"
#include "store/SqlHelpers.h"

#include <QUuid>

namespace fleetdeck {

using namespace sql;

namespace {
const QString kDeploymentSelect = QStringLiteral(
    "SELECT id, uuid, application_id, status, orchestrator, image, triggered_by, error, created_at, started_at, finished_at "
    "FROM deployments ");

Deployment deploymentFromRow(const QSqlQuery &q)
{
    Deployment d;
    d.id = q.value(0).toLongLong();
    d.uuid = q.value(1).toString();
    d.applicationId = q.value(2).toLongLong();
    parseDeploymentStatus(q.value(3).toString(), &d.status);
    d.orchestrator = q.value(4).toString();
    d.image = q.value(5).toString();
    d.triggeredBy = q.value(6).toString();
    d.error = q.value(7).toString();
    d.createdAt = timeOf(q.value(8));
    d.startedAt = timeOf(q.value(9));
    d.finishedAt = timeOf(q.value(10));
    return d;
}
} // namespace

Result<Deployment> Store::addDeployment(Deployment d)
{
    if (d.uuid.isEmpty())
        d.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!d.createdAt.isValid())
        d.createdAt = QDateTime::currentDateTimeUtc();
    Status s = m_db->write([&](QSqlDatabase &db) -> Status {
        auto id = insert(db, QStringLiteral("INSERT INTO deployments (uuid, application_id, status, orchestrator, image, triggered_by, "
                                        "error, created_at, started_at, finished_at) VALUES (:uuid, :app, :status, :orch, :image, "
                                        ":by, :error, :created, :started, :finished)"),
                     {{QStringLiteral("uuid"), d.uuid}, {QStringLiteral("app"), d.applicationId},
                      {QStringLiteral("status"), deploymentStatusName(d.status)}, {QStringLiteral("orch"), d.orchestrator},
                      {QStringLiteral("image"), d.image}, {QStringLiteral("by"), d.triggeredBy}, {QStringLiteral("error"), d.error},
                      {QStringLiteral("created"), timeText(d.createdAt)}, {QStringLiteral("started"), nullableTime(d.startedAt)},
                      {QStringLiteral("finished"), nullableTime(d.finishedAt)}});
        if (!id)
            return SqlDialect::isForeignKeyViolation(id.error().detail)
                       ? Error::notFound(QCoreApplication::translate("fleetdeck::store", "no application with id %1").arg(d.applicationId))
                       : id.error();
        d.id = *id;
        return {};
    });
    if (!s)
        return s.error();
    return d;
}

Result<Deployment> Store::deployment(qint64 id) const
{
    auto q = run(m_db->connection(), kDeploymentSelect + QStringLiteral("WHERE id = :id"), {{QStringLiteral("id"), id}});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no deployment with id %1").arg(id));
    Deployment d = deploymentFromRow(*q);
    auto log = run(m_db->connection(), QStringLiteral("SELECT at, step, command, output, exit_code FROM deployment_logs WHERE "
                                                      "deployment_id = :id ORDER BY id"), {{QStringLiteral("id"), id}});
    if (!log)
        return log.error();
    while (log->next())
        d.log.append({timeOf(log->value(0)), log->value(1).toString(), log->value(2).toString(), log->value(3).toString(),
                      log->value(4).toInt()});
    return d;
}

Result<QList<Deployment>> Store::deployments(qint64 applicationId, int limit) const
{
    auto q = run(m_db->connection(), kDeploymentSelect + QStringLiteral("WHERE application_id = :app ORDER BY id DESC LIMIT :limit"),
                 {{QStringLiteral("app"), applicationId}, {QStringLiteral("limit"), limit}});
    if (!q)
        return q.error();
    QList<Deployment> out;
    while (q->next())
        out.append(deploymentFromRow(*q));
    return out;
}

Status Store::updateDeployment(const Deployment &d)
{
    return m_db->write([&](QSqlDatabase &db) -> Status {
        auto q = run(db, QStringLiteral("UPDATE deployments SET status = :status, orchestrator = :orch, image = :image, error = :error, "
                                        "started_at = :started, finished_at = :finished WHERE id = :id"),
                     {{QStringLiteral("id"), d.id}, {QStringLiteral("status"), deploymentStatusName(d.status)},
                      {QStringLiteral("orch"), d.orchestrator}, {QStringLiteral("image"), d.image},
                      {QStringLiteral("error"), d.error}, {QStringLiteral("started"), nullableTime(d.startedAt)},
                      {QStringLiteral("finished"), nullableTime(d.finishedAt)}});
        if (!q)
            return q.error();
        if (q->numRowsAffected() != 1)
            return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no deployment with id %1").arg(d.id));
        return {};
    });
}

Status Store::appendDeploymentLog(qint64 deploymentId, const DeploymentLogEntry &e)
{
    return m_db->write([&](QSqlDatabase &db) -> Status {
        auto q = run(db, QStringLiteral("INSERT INTO deployment_logs (deployment_id, at, step, command, output, exit_code) VALUES "
                                        "(:id, :at, :step, :command, :output, :exit)"),
                     {{QStringLiteral("id"), deploymentId},
                      {QStringLiteral("at"), timeText(e.at.isValid() ? e.at : QDateTime::currentDateTimeUtc())},
                      {QStringLiteral("step"), e.step}, {QStringLiteral("command"), e.command},
                      {QStringLiteral("output"), e.output}, {QStringLiteral("exit"), e.exitCode}});
        return q ? Status() : Status(q.error());
    });
}

} // namespace fleetdeck
