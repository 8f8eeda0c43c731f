// Application rows: every seed field, JSON columns for lists/maps, secret env values sealed.
#include "store/Repositories.h"

#include "core/Translate.h"
#include "domain/Validation.h"
#include "secrets/SecretBox.h"
#include "store/SqlHelpers.h"

#include <QUuid>

namespace fleetdeck {

using namespace sql;

namespace {

const QString kAppSelect = QStringLiteral(
    "SELECT id, uuid, name, server_id, image, build_source, dockerfile, ports, domains, env, health, limits_cpus, "
    "limits_memory, reservation_cpus, reservation_memory, restart_policy, network, replicas, swarm_replicas, "
    "kubernetes_replicas, swarm_placement_constraints, kubernetes_node_selector, kubernetes_tolerations, "
    "kubernetes_affinity, kubernetes_pod_labels, kubernetes_service_annotations, kubernetes_service_type, status, "
    "created_at, updated_at, project FROM applications ");

QJsonObject healthToJson(const HealthCheck &h)
{
    return {{QStringLiteral("path"), h.path}, {QStringLiteral("command"), h.command}, {QStringLiteral("port"), h.port},
            {QStringLiteral("interval"), h.intervalSeconds}, {QStringLiteral("timeout"), h.timeoutSeconds},
            {QStringLiteral("retries"), h.retries}, {QStringLiteral("start_period"), h.startPeriodSeconds}};
}

HealthCheck healthFromJson(const QJsonObject &o)
{
    HealthCheck h;
    h.path = o.value(QLatin1String("path")).toString();
    h.command = o.value(QLatin1String("command")).toString();
    h.port = o.value(QLatin1String("port")).toInt();
    h.intervalSeconds = o.value(QLatin1String("interval")).toInt(10);
    h.timeoutSeconds = o.value(QLatin1String("timeout")).toInt(5);
    h.retries = o.value(QLatin1String("retries")).toInt(3);
    h.startPeriodSeconds = o.value(QLatin1String("start_period")).toInt(5);
    return h;
}

Result<Application> appFromRow(const QSqlQuery &q, const SecretBox &secrets)
{
    Application a;
    a.id = q.value(0).toLongLong();
    a.uuid = q.value(1).toString();
    a.name = q.value(2).toString();
    a.serverId = q.value(3).toLongLong();
    a.image = q.value(4).toString();
    a.buildSource = q.value(5).toString();
    a.dockerfile = q.value(6).toString();
    for (const auto v : arrayOf(q.value(7)))
        a.ports.append(v.toInt());
    for (const auto v : arrayOf(q.value(8)))
        a.domains.append(v.toString());
    for (const auto v : arrayOf(q.value(9))) {
        const QJsonObject o = v.toObject();
        EnvVar e;
        e.key = o.value(QLatin1String("key")).toString();
        e.secret = o.value(QLatin1String("secret")).toBool();
        if (e.secret) {
            auto plain = secrets.open(o.value(QLatin1String("value")).toString());
            if (!plain)
                return plain.error();
            e.value = *plain;
        } else {
            e.value = o.value(QLatin1String("value")).toString();
        }
        a.env.append(e);
    }
    a.health = healthFromJson(objectOf(q.value(10)));
    a.cpuLimit = q.value(11).toString();
    a.memoryLimit = q.value(12).toString();
    a.cpuReservation = q.value(13).toString();
    a.memoryReservation = q.value(14).toString();
    a.restartPolicy = q.value(15).toString();
    a.network = q.value(16).toString();
    a.replicas = q.value(17).toInt();
    a.swarmReplicas = q.value(18).toInt();
    a.kubernetesReplicas = q.value(19).toInt();
    for (const auto v : arrayOf(q.value(20)))
        a.swarmConstraints.append(v.toString());
    a.nodeSelector = objectOf(q.value(21));
    a.tolerations = arrayOf(q.value(22));
    a.affinity = objectOf(q.value(23));
    a.podLabels = objectOf(q.value(24));
    a.serviceAnnotations = objectOf(q.value(25));
    parseServiceType(q.value(26).toString(), &a.serviceType);
    a.status = applicationStatusOrStopped(q.value(27).toString());   // no migration: the column keeps its words
    a.createdAt = timeOf(q.value(28));
    a.updatedAt = timeOf(q.value(29));
    a.project = q.value(30).toString();
    return a;
}

Result<QVariantMap> appBindings(const Application &a, const SecretBox &secrets)
{
    QJsonArray ports, domains, env, constraints;
    for (int p : a.ports)
        ports.append(p);
    for (const QString &d : a.domains)
        domains.append(d);
    for (const QString &c : a.swarmConstraints)
        constraints.append(c);
    for (const EnvVar &e : a.env) {
        QString value = e.value;
        if (e.secret) {
            auto sealed = secrets.seal(e.value);
            if (!sealed)
                return sealed.error();
            value = *sealed;
        }
        env.append(QJsonObject{{QStringLiteral("key"), e.key}, {QStringLiteral("value"), value}, {QStringLiteral("secret"), e.secret}});
    }
    return QVariantMap{
        {QStringLiteral("id"), a.id}, {QStringLiteral("uuid"), a.uuid}, {QStringLiteral("name"), a.name},
        {QStringLiteral("project"), a.project}, {QStringLiteral("server"), a.serverId}, {QStringLiteral("image"), a.image}, {QStringLiteral("build"), a.buildSource},
        {QStringLiteral("dockerfile"), a.dockerfile}, {QStringLiteral("ports"), toText(ports)},
        {QStringLiteral("domains"), toText(domains)}, {QStringLiteral("env"), toText(env)},
        {QStringLiteral("health"), toText(healthToJson(a.health))}, {QStringLiteral("cpu"), a.cpuLimit},
        {QStringLiteral("memory"), a.memoryLimit}, {QStringLiteral("rcpu"), a.cpuReservation},
        {QStringLiteral("rmemory"), a.memoryReservation}, {QStringLiteral("restart"), a.restartPolicy},
        {QStringLiteral("network"), a.network}, {QStringLiteral("replicas"), a.replicas},
        {QStringLiteral("sreplicas"), a.swarmReplicas}, {QStringLiteral("kreplicas"), a.kubernetesReplicas},
        {QStringLiteral("constraints"), toText(constraints)}, {QStringLiteral("selector"), toText(a.nodeSelector)},
        {QStringLiteral("tolerations"), toText(a.tolerations)}, {QStringLiteral("affinity"), toText(a.affinity)},
        {QStringLiteral("labels"), toText(a.podLabels)}, {QStringLiteral("annotations"), toText(a.serviceAnnotations)},
        {QStringLiteral("stype"), serviceTypeName(a.serviceType)}, {QStringLiteral("status"), applicationStatusName(a.status)},
        {QStringLiteral("now"), timeText(QDateTime::currentDateTimeUtc())}};
}

const QString kAppAssignments = QStringLiteral(
    "name = :name, project = :project, server_id = :server, image = :image, build_source = :build, dockerfile = :dockerfile, ports = :ports, "
    "domains = :domains, env = :env, health = :health, limits_cpus = :cpu, limits_memory = :memory, "
    "reservation_cpus = :rcpu, reservation_memory = :rmemory, restart_policy = :restart, network = :network, "
    "replicas = :replicas, swarm_replicas = :sreplicas, kubernetes_replicas = :kreplicas, "
    "swarm_placement_constraints = :constraints, kubernetes_node_selector = :selector, kubernetes_tolerations = :tolerations, "
    "kubernetes_affinity = :affinity, kubernetes_pod_labels = :labels, kubernetes_service_annotations = :annotations, "
    "kubernetes_service_type = :stype, status = :status, updated_at = :now");

Error nameTaken(const Error &e, const QString &name)
{
    if (e.kind == ErrorKind::Conflict)
        return Error::invalid(QStringLiteral("name"), QCoreApplication::translate("fleetdeck::store", "an application named '%1' already exists").arg(name));
    if (SqlDialect::isForeignKeyViolation(e.detail))
        return Error::invalid(QStringLiteral("server"), QCoreApplication::translate("fleetdeck::store", "the server does not exist"));
    return e;
}

} // namespace

Result<QList<Application>> Store::applications(qint64 serverId) const
{
    auto q = serverId > 0 ? run(m_db->connection(), kAppSelect + QStringLiteral("WHERE server_id = :s ORDER BY name"),
                                {{QStringLiteral("s"), serverId}})
                          : run(m_db->connection(), kAppSelect + QStringLiteral("ORDER BY name"));
    if (!q)
        return q.error();
    QList<Application> out;
    while (q->next()) {
        auto a = appFromRow(*q, *m_secrets);
        if (!a)
            return a.error();
        out.append(*a);
    }
    return out;
}

Result<Application> Store::application(qint64 id) const
{
    auto q = run(m_db->connection(), kAppSelect + QStringLiteral("WHERE id = :id"), {{QStringLiteral("id"), id}});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no application with id %1").arg(id));
    return appFromRow(*q, *m_secrets);
}

Result<Application> Store::applicationByName(const QString &name) const
{
    auto q = run(m_db->connection(), kAppSelect + QStringLiteral("WHERE name = :n OR uuid = :n"), {{QStringLiteral("n"), name}});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no application named '%1' (see `fleetdeck-cli app list`)").arg(name));
    return appFromRow(*q, *m_secrets);
}

Result<Application> Store::addApplication(Application a)
{
    if (auto v = validate::application(a); !v)
        return v.error();
    if (a.uuid.isEmpty())
        a.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto bindings = appBindings(a, *m_secrets);
    if (!bindings)
        return bindings.error();
    bindings->remove(QStringLiteral("id"));
    auto status = m_db->write([&](QSqlDatabase &db) -> Status {
        auto ins = insert(db, QStringLiteral("INSERT INTO applications (uuid, name, server_id, image, created_at, updated_at) "
                                             "VALUES (:uuid, :name, :server, :image, :now, :now)"),
                          {{QStringLiteral("uuid"), a.uuid}, {QStringLiteral("name"), a.name}, {QStringLiteral("server"), a.serverId},
                           {QStringLiteral("image"), a.image}, {QStringLiteral("now"), bindings->value(QStringLiteral("now"))}});
        if (!ins)
            return nameTaken(ins.error(), a.name);
        a.id = *ins;
        QVariantMap all = *bindings;
        all.remove(QStringLiteral("uuid"));
        all.insert(QStringLiteral("id"), a.id);
        auto upd = run(db, QStringLiteral("UPDATE applications SET ") + kAppAssignments + QStringLiteral(" WHERE id = :id"), all);
        return upd ? Status() : Status(nameTaken(upd.error(), a.name));
    });
    if (!status)
        return status.error();
    return application(a.id);
}

Status Store::updateApplication(const Application &a)
{
    if (auto v = validate::application(a); !v)
        return v;
    auto bindings = appBindings(a, *m_secrets);
    if (!bindings)
        return bindings.error();
    bindings->remove(QStringLiteral("uuid"));
    return m_db->write([&](QSqlDatabase &db) -> Status {
        auto upd = run(db, QStringLiteral("UPDATE applications SET ") + kAppAssignments + QStringLiteral(" WHERE id = :id"), *bindings);
        if (!upd)
            return nameTaken(upd.error(), a.name);
        if (upd->numRowsAffected() != 1)
            return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no application with id %1").arg(a.id));
        return {};
    });
}

Result<Application> Store::patchApplication(qint64 id, const ApplicationPatch &patch)
{
    Application merged;
    auto status = m_db->write([&](QSqlDatabase &db) -> Status {
        auto q = run(db, kAppSelect + QStringLiteral("WHERE id = :id"), {{QStringLiteral("id"), id}});
        if (!q)
            return q.error();
        if (!q->next())
            return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no application with id %1").arg(id));
        auto current = appFromRow(*q, *m_secrets);
        q->finish();   // the read ends before the write on the same connection
        if (!current)
            return current.error();
        merged = *current;
        patch.applyTo(merged);
        if (auto v = validate::application(merged); !v)
            return v;
        auto bindings = appBindings(merged, *m_secrets);
        if (!bindings)
            return bindings.error();
        bindings->remove(QStringLiteral("uuid"));
        auto upd = run(db, QStringLiteral("UPDATE applications SET ") + kAppAssignments + QStringLiteral(" WHERE id = :id"), *bindings);
        if (!upd)
            return nameTaken(upd.error(), merged.name);
        return {};
    });
    if (!status)
        return status.error();
    return application(id);
}

Status Store::setApplicationStatus(qint64 id, ApplicationStatus status)
{
    return m_db->write([&](QSqlDatabase &db) -> Status {
        auto upd = run(db, QStringLiteral("UPDATE applications SET status = :s, updated_at = :now WHERE id = :id"),
                       {{QStringLiteral("s"), applicationStatusName(status)}, {QStringLiteral("id"), id},
                        {QStringLiteral("now"), timeText(QDateTime::currentDateTimeUtc())}});
        if (!upd)
            return upd.error();
        if (upd->numRowsAffected() != 1)
            return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no application with id %1").arg(id));
        return {};
    });
}

Status Store::removeApplication(qint64 id)
{
    return m_db->write([&](QSqlDatabase &db) -> Status {
        auto del = run(db, QStringLiteral("DELETE FROM applications WHERE id = :id"), {{QStringLiteral("id"), id}});
        if (!del)
            return del.error();
        if (del->numRowsAffected() != 1)
            return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no application with id %1").arg(id));
        return {};
    });
}

} // namespace fleetdeck
