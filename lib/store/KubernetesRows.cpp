// Kubernetes cluster and namespace rows; kubeconfig and client key sealed.
#include "store/Repositories.h"

#include "core/Translate.h"
#include "domain/Validation.h"
#include "secrets/SecretBox.h"
#include "store/SqlHelpers.h"

namespace fleetdeck {

using namespace sql;

namespace {

Result<KubernetesCluster> clusterFromRow(const QSqlQuery &q, const SecretBox &secrets)
{
    KubernetesCluster c;
    c.id = q.value(0).toLongLong();
    c.serverId = q.value(1).toLongLong();
    c.name = q.value(2).toString();
    c.apiEndpoint = q.value(3).toString();
    c.version = q.value(4).toString();
    c.context = q.value(5).toString();
    auto kubeconfig = secrets.open(q.value(6).toString());
    auto key = secrets.open(q.value(9).toString());
    if (!kubeconfig)
        return kubeconfig.error();
    if (!key)
        return key.error();
    c.kubeconfig = *kubeconfig;
    c.caCertificate = q.value(7).toString();
    c.clientCertificate = q.value(8).toString();
    c.clientKey = *key;
    c.createdAt = timeOf(q.value(10));
    return c;
}

Result<QVariantMap> clusterBindings(const KubernetesCluster &c, const SecretBox &secrets)
{
    auto kubeconfig = secrets.seal(c.kubeconfig);
    auto key = secrets.seal(c.clientKey);
    if (!kubeconfig)
        return kubeconfig.error();
    if (!key)
        return key.error();
    return QVariantMap{{QStringLiteral("id"), c.id}, {QStringLiteral("server"), c.serverId}, {QStringLiteral("name"), c.name},
                       {QStringLiteral("api"), c.apiEndpoint}, {QStringLiteral("version"), c.version},
                       {QStringLiteral("context"), c.context}, {QStringLiteral("kubeconfig"), *kubeconfig},
                       {QStringLiteral("ca"), c.caCertificate}, {QStringLiteral("cert"), c.clientCertificate},
                       {QStringLiteral("key"), *key}, {QStringLiteral("now"), timeText(QDateTime::currentDateTimeUtc())}};
}

// A taken name becomes an Invalid on the name field; any other store error passes through.
Error nameTakenOr(const Error &e, const QString &what)
{
    return e.kind == ErrorKind::Conflict
               ? Error::invalid(QStringLiteral("name"), QCoreApplication::translate("fleetdeck::store", "%1 with that name already exists").arg(what))
               : e;
}

Status checkAffected(const Result<QSqlQuery> &q, const QString &what)
{
    if (!q)
        return nameTakenOr(q.error(), what);
    if (q->numRowsAffected() != 1)
        return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no such %1").arg(what));
    return {};
}

const QString kClusterSelect = QStringLiteral("SELECT id, server_id, name, api_endpoint, version, context, kubeconfig, "
                                              "ca_certificate, client_certificate, client_key, created_at FROM kubernetes_clusters ");
const QString kNamespaceSelect = QStringLiteral("SELECT id, cluster_id, name, resource_quota, limit_range, created_at FROM "
                                                "kubernetes_namespaces ");

KubernetesNamespace namespaceFromRow(const QSqlQuery &q)
{
    KubernetesNamespace ns;
    ns.id = q.value(0).toLongLong();
    ns.clusterId = q.value(1).toLongLong();
    ns.name = q.value(2).toString();
    ns.resourceQuota = objectOf(q.value(3));
    ns.limitRange = objectOf(q.value(4));
    ns.createdAt = timeOf(q.value(5));
    return ns;
}

Status writeCluster(QSqlDatabase &db, const KubernetesCluster &c, const SecretBox &secrets)
{
    if (Status v = validate::cluster(c); !v)
        return v;
    auto b = clusterBindings(c, secrets);
    if (!b)
        return b.error();
    b->remove(QStringLiteral("server"));
    b->remove(QStringLiteral("now"));
    return checkAffected(run(db, QStringLiteral("UPDATE kubernetes_clusters SET name = :name, api_endpoint = :api, version = :version, "
                                                "context = :context, kubeconfig = :kubeconfig, ca_certificate = :ca, "
                                                "client_certificate = :cert, client_key = :key WHERE id = :id"), *b),
                         QStringLiteral("cluster"));
}

Status writeNamespace(QSqlDatabase &db, const KubernetesNamespace &ns)
{
    if (const auto problems = validate::namespaceProblems(ns); !problems.isEmpty())
        return problems.first();
    return checkAffected(run(db, QStringLiteral("UPDATE kubernetes_namespaces SET name = :name, resource_quota = :quota, "
                                                "limit_range = :limits WHERE id = :id"),
                             {{QStringLiteral("id"), ns.id}, {QStringLiteral("name"), ns.name},
                              {QStringLiteral("quota"), toText(ns.resourceQuota)}, {QStringLiteral("limits"), toText(ns.limitRange)}}),
                         QStringLiteral("namespace"));
}

} // namespace

Result<QList<KubernetesCluster>> Store::clusters(qint64 serverId) const
{
    auto q = run(m_db->connection(), kClusterSelect + QStringLiteral("WHERE server_id = :s ORDER BY name"),
                 {{QStringLiteral("s"), serverId}});
    if (!q)
        return q.error();
    QList<KubernetesCluster> out;
    while (q->next()) {
        auto c = clusterFromRow(*q, *m_secrets);
        if (!c)
            return c.error();
        out.append(*c);
    }
    return out;
}

Result<KubernetesCluster> Store::addCluster(KubernetesCluster c)
{
    if (auto v = validate::cluster(c); !v)
        return v.error();
    auto b = clusterBindings(c, *m_secrets);
    if (!b)
        return b.error();
    b->remove(QStringLiteral("id"));
    Status s = m_db->write([&](QSqlDatabase &db) -> Status {
        auto id = insert(db, QStringLiteral("INSERT INTO kubernetes_clusters (server_id, name, api_endpoint, version, context, kubeconfig, "
                                            "ca_certificate, client_certificate, client_key, created_at) VALUES (:server, :name, :api, "
                                            ":version, :context, :kubeconfig, :ca, :cert, :key, :now)"), *b);
        if (!id)
            return nameTakenOr(id.error(), QStringLiteral("cluster"));
        c.id = *id;
        return {};
    });
    if (!s)
        return s.error();
    return c;
}

Status Store::updateCluster(const KubernetesCluster &c)
{
    return m_db->write([&](QSqlDatabase &db) { return writeCluster(db, c, *m_secrets); });
}

Result<KubernetesCluster> Store::patchCluster(qint64 id, const ClusterPatch &patch)
{
    KubernetesCluster patched;
    Status s = m_db->write([&](QSqlDatabase &db) -> Status {
        auto q = run(db, kClusterSelect + QStringLiteral("WHERE id = :id"), {{QStringLiteral("id"), id}});
        if (!q)
            return q.error();
        if (!q->next())
            return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no such cluster"));
        auto current = clusterFromRow(*q, *m_secrets);
        if (!current)
            return current.error();
        patched = *current;
        patch.applyTo(patched);
        return writeCluster(db, patched, *m_secrets);
    });
    if (!s)
        return s.error();
    return patched;
}

Status Store::removeCluster(qint64 id)
{
    return m_db->write([&](QSqlDatabase &db) -> Status {
        return checkAffected(run(db, QStringLiteral("DELETE FROM kubernetes_clusters WHERE id = :id"), {{QStringLiteral("id"), id}}),
                             QStringLiteral("cluster"));
    });
}

Result<QList<KubernetesNamespace>> Store::namespaces(qint64 clusterId) const
{
    auto q = run(m_db->connection(), kNamespaceSelect + QStringLiteral("WHERE cluster_id = :c ORDER BY name"),
                 {{QStringLiteral("c"), clusterId}});
    if (!q)
        return q.error();
    QList<KubernetesNamespace> out;
    while (q->next())
        out.append(namespaceFromRow(*q));
    return out;
}

Result<KubernetesNamespace> Store::addNamespace(KubernetesNamespace ns)
{
    if (const auto problems = validate::namespaceProblems(ns); !problems.isEmpty())
        return problems.first();
    Status s = m_db->write([&](QSqlDatabase &db) -> Status {
        auto id = insert(db, QStringLiteral("INSERT INTO kubernetes_namespaces (cluster_id, name, resource_quota, limit_range, created_at) "
                                            "VALUES (:c, :name, :quota, :limits, :now)"),
                         {{QStringLiteral("c"), ns.clusterId}, {QStringLiteral("name"), ns.name},
                          {QStringLiteral("quota"), toText(ns.resourceQuota)}, {QStringLiteral("limits"), toText(ns.limitRange)},
                          {QStringLiteral("now"), timeText(QDateTime::currentDateTimeUtc())}});
        if (!id)
            return nameTakenOr(id.error(), QStringLiteral("namespace"));
        ns.id = *id;
        return {};
    });
    if (!s)
        return s.error();
    return ns;
}

Status Store::updateNamespace(const KubernetesNamespace &ns)
{
    return m_db->write([&](QSqlDatabase &db) { return writeNamespace(db, ns); });
}

Result<KubernetesNamespace> Store::patchNamespace(qint64 id, const NamespacePatch &patch)
{
    KubernetesNamespace patched;
    Status s = m_db->write([&](QSqlDatabase &db) -> Status {
        auto q = run(db, kNamespaceSelect + QStringLiteral("WHERE id = :id"), {{QStringLiteral("id"), id}});
        if (!q)
            return q.error();
        if (!q->next())
            return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no such namespace"));
        patched = namespaceFromRow(*q);
        patch.applyTo(patched);
        return writeNamespace(db, patched);
    });
    if (!s)
        return s.error();
    return patched;
}

Status Store::removeNamespace(qint64 id)
{
    return m_db->write([&](QSqlDatabase &db) -> Status {
        return checkAffected(run(db, QStringLiteral("DELETE FROM kubernetes_namespaces WHERE id = :id"), {{QStringLiteral("id"), id}}),
                             QStringLiteral("namespace"));
    });
}

} // namespace fleetdeck
