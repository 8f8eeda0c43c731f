// Store construction and the server rows (servers + server_settings).
#include "store/Repositories.h"

#include "core/Translate.h"
#include "domain/Validation.h"
#include "secrets/SecretBox.h"
#include "store/SqlHelpers.h"

namespace fleetdeck {

using namespace sql;

Store::Store(std::shared_ptr<Database> db, std::shared_ptr<SecretBox> secrets)
    : m_db(std::move(db)), m_secrets(std::move(secrets))
{
}

Result<std::shared_ptr<Store>> Store::open(const QString &path)
{
    auto secrets = SecretBox::forUser();
    if (!secrets)
        return secrets.error();
    auto db = Database::open(path);
    if (!db)
        return db.error();
    auto store = std::make_shared<Store>(*db, *secrets);
    // First run: the embedded default is one server, this machine, so a new user can deploy at once.
    auto existing = store->servers();
    if (!existing)
        return existing.error();
    if (existing->isEmpty()) {
        Server local;
        local.name = QStringLiteral("local");
        local.host = QStringLiteral("localhost");
        local.isLocal = true;
        local.auth = AuthMethod::Agent;
        if (auto added = store->addServer(local); !added && added.error().kind != ErrorKind::Conflict)
            return added.error();
    }
    return store;
}

namespace {

const QString kServerSelect = QStringLiteral(
    "SELECT s.id, s.name, s.host, s.port, s.user, s.auth, s.identity_file, s.secret, s.host_key_fingerprint, s.is_local, "
    "s.created_at, s.updated_at, t.orchestrator, t.is_swarm_manager, t.is_swarm_worker, t.is_kubernetes_master, "
    "t.is_kubernetes_worker, t.kubernetes_version, t.kubernetes_config, t.kubernetes_context, t.kubernetes_namespace, "
    "t.kubernetes_use_ingress, t.kubernetes_ingress_class, t.kubernetes_cert_issuer, t.kubernetes_storage_class, "
    "t.swarm_publish_mode FROM servers s JOIN server_settings t ON t.server_id = s.id ");

Result<Server> serverFromRow(const QSqlQuery &q, const SecretBox &secrets)
{
    Server s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.host = q.value(2).toString();
    s.port = q.value(3).toInt();
    s.user = q.value(4).toString();
    parseAuthMethod(q.value(5).toString(), &s.auth);
    s.identityFile = q.value(6).toString();
    auto secret = secrets.open(q.value(7).toString());
    if (!secret)
        return secret.error();
    s.secret = *secret;
    s.hostKeyFingerprint = q.value(8).toString();
    s.isLocal = q.value(9).toBool();
    s.createdAt = timeOf(q.value(10));
    s.updatedAt = timeOf(q.value(11));
    ServerSettings &t = s.settings;
    parseOrchestrator(q.value(12).toString(), &t.orchestrator);
    t.swarmManager = q.value(13).toBool();
    t.swarmWorker = q.value(14).toBool();
    t.kubernetesMaster = q.value(15).toBool();
    t.kubernetesWorker = q.value(16).toBool();
    t.kubernetesVersion = q.value(17).toString();
    auto kubeconfig = secrets.open(q.value(18).toString());
    if (!kubeconfig)
        return kubeconfig.error();
    t.kubeconfig = *kubeconfig;
    t.kubeContext = q.value(19).toString();
    t.kubernetesNamespace = q.value(20).toString();
    t.useIngress = q.value(21).toBool();
    t.ingressClass = q.value(22).toString();
    t.certIssuer = q.value(23).toString();
    t.storageClass = q.value(24).toString();
    t.swarmPublishMode = q.value(25).toString();
    return s;
}

Result<QVariantMap> serverBindings(const Server &s, const SecretBox &secrets)
{
    auto secret = secrets.seal(s.secret);
    auto kubeconfig = secrets.seal(s.settings.kubeconfig);
    if (!secret)
        return secret.error();
    if (!kubeconfig)
        return kubeconfig.error();
    const ServerSettings &t = s.settings;
    return QVariantMap{
        {QStringLiteral("id"), s.id}, {QStringLiteral("name"), s.name}, {QStringLiteral("host"), s.host},
        {QStringLiteral("port"), s.port}, {QStringLiteral("user"), s.user}, {QStringLiteral("auth"), authMethodName(s.auth)},
        {QStringLiteral("identity"), s.identityFile}, {QStringLiteral("secret"), *secret},
        {QStringLiteral("fingerprint"), s.hostKeyFingerprint}, {QStringLiteral("local"), s.isLocal},
        {QStringLiteral("now"), timeText(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("orchestrator"), orchestratorName(t.orchestrator)}, {QStringLiteral("sm"), t.swarmManager},
        {QStringLiteral("sw"), t.swarmWorker}, {QStringLiteral("km"), t.kubernetesMaster}, {QStringLiteral("kw"), t.kubernetesWorker},
        {QStringLiteral("kversion"), t.kubernetesVersion}, {QStringLiteral("kubeconfig"), *kubeconfig},
        {QStringLiteral("context"), t.kubeContext}, {QStringLiteral("namespace"), t.kubernetesNamespace},
        {QStringLiteral("ingress"), t.useIngress}, {QStringLiteral("ingressclass"), t.ingressClass},
        {QStringLiteral("issuer"), t.certIssuer}, {QStringLiteral("storage"), t.storageClass},
        {QStringLiteral("publish"), t.swarmPublishMode}};
}

const QString kSettingsColumns = QStringLiteral(
    "orchestrator = :orchestrator, is_swarm_manager = :sm, is_swarm_worker = :sw, is_kubernetes_master = :km, "
    "is_kubernetes_worker = :kw, kubernetes_version = :kversion, kubernetes_config = :kubeconfig, kubernetes_context = :context, "
    "kubernetes_namespace = :namespace, kubernetes_use_ingress = :ingress, kubernetes_ingress_class = :ingressclass, "
    "kubernetes_cert_issuer = :issuer, kubernetes_storage_class = :storage, swarm_publish_mode = :publish");

QVariantMap only(const QVariantMap &all, const QStringList &keys)
{
    QVariantMap out;
    for (const QString &k : keys)
        out.insert(k, all.value(k));
    return out;
}

Result<Server> readServer(const QSqlDatabase &db, qint64 id, const SecretBox &secrets)
{
    auto q = run(db, kServerSelect + QStringLiteral("WHERE s.id = :id"), {{QStringLiteral("id"), id}});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no server with id %1").arg(id));
    return serverFromRow(*q, secrets);
}

// Both rows of an existing server (inside the caller's transaction).
Status writeServerRows(QSqlDatabase &db, const Server &s, const QVariantMap &bindings)
{
    QVariantMap serverRow = only(bindings, {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("host"),
                                            QStringLiteral("port"), QStringLiteral("user"), QStringLiteral("auth"),
                                            QStringLiteral("identity"), QStringLiteral("secret"),
                                            QStringLiteral("fingerprint"), QStringLiteral("local"), QStringLiteral("now")});
    auto upd = run(db, QStringLiteral("UPDATE servers SET name = :name, host = :host, port = :port, \"user\" = :user, auth = :auth, "
                                      "identity_file = :identity, secret = :secret, host_key_fingerprint = :fingerprint, "
                                      "is_local = :local, updated_at = :now WHERE id = :id"), serverRow);
    if (!upd)
        return upd.error().kind == ErrorKind::Conflict
                   ? Error::invalid(QStringLiteral("name"), QCoreApplication::translate("fleetdeck::store", "a server named '%1' already exists").arg(s.name))
                   : upd.error();
    if (upd->numRowsAffected() != 1)
        return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no server with id %1").arg(s.id));
    QVariantMap settings = bindings;
    for (const QString &k : serverRow.keys())
        if (k != QLatin1String("id"))
            settings.remove(k);
    auto set = run(db, QStringLiteral("UPDATE server_settings SET ") + kSettingsColumns + QStringLiteral(" WHERE server_id = :id"), settings);
    return set ? Status() : Status(set.error());
}

} // namespace

Result<QList<Server>> Store::servers() const
{
    auto q = run(m_db->connection(), kServerSelect + QStringLiteral("ORDER BY s.is_local DESC, s.name"));
    if (!q)
        return q.error();
    QList<Server> out;
    while (q->next()) {
        auto s = serverFromRow(*q, *m_secrets);
        if (!s)
            return s.error();
        out.append(*s);
    }
    return out;
}

Result<Server> Store::server(qint64 id) const
{
    return readServer(m_db->connection(), id, *m_secrets);
}

Result<Server> Store::serverByName(const QString &name) const
{
    auto q = run(m_db->connection(), kServerSelect + QStringLiteral("WHERE s.name = :name"), {{QStringLiteral("name"), name}});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no server named '%1' (see `fleetdeck-cli server list`)").arg(name));
    return serverFromRow(*q, *m_secrets);
}

Result<Server> Store::addServer(Server s)
{
    if (auto v = validate::server(s); !v)
        return v.error();
    auto bindings = serverBindings(s, *m_secrets);
    if (!bindings)
        return bindings.error();
    auto status = m_db->write([&](QSqlDatabase &db) -> Status {
        auto ins = insert(db, QStringLiteral("INSERT INTO servers (name, host, port, \"user\", auth, identity_file, secret, "
                                             "host_key_fingerprint, is_local, created_at, updated_at) VALUES (:name, :host, :port, "
                                             ":user, :auth, :identity, :secret, :fingerprint, :local, :now, :now)"),
                          only(*bindings, {QStringLiteral("name"), QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("user"),
                                           QStringLiteral("auth"), QStringLiteral("identity"), QStringLiteral("secret"),
                                           QStringLiteral("fingerprint"), QStringLiteral("local"), QStringLiteral("now")}));
        if (!ins)
            return ins.error().kind == ErrorKind::Conflict
                       ? Error::invalid(QStringLiteral("name"), QCoreApplication::translate("fleetdeck::store", "a server named '%1' already exists").arg(s.name))
                       : ins.error();
        s.id = *ins;
        QVariantMap settings = *bindings;
        for (const QString &k : {QStringLiteral("name"), QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("user"),
                                 QStringLiteral("auth"), QStringLiteral("identity"), QStringLiteral("secret"),
                                 QStringLiteral("fingerprint"), QStringLiteral("local"), QStringLiteral("now")})
            settings.remove(k);
        settings.insert(QStringLiteral("id"), s.id);
        auto set = run(db, QStringLiteral("INSERT INTO server_settings (server_id) VALUES (:id)"), {{QStringLiteral("id"), s.id}});
        if (!set)
            return set.error();
        auto upd = run(db, QStringLiteral("UPDATE server_settings SET ") + kSettingsColumns + QStringLiteral(" WHERE server_id = :id"), settings);
        return upd ? Status() : Status(upd.error());
    });
    if (!status)
        return status.error();
    return server(s.id);
}

Status Store::updateServer(const Server &s)
{
    if (auto v = validate::server(s); !v)
        return v;
    auto bindings = serverBindings(s, *m_secrets);
    if (!bindings)
        return bindings.error();
    return m_db->write([&](QSqlDatabase &db) { return writeServerRows(db, s, *bindings); });
}

Result<Server> Store::patchServer(qint64 id, const ServerPatch &patch)
{
    Server patched;
    auto status = m_db->write([&](QSqlDatabase &db) -> Status {
        // Read, merge and write under the one write lock: a concurrent patch of another field group
        // either sees this one's result or is seen by it.
        auto current = readServer(db, id, *m_secrets);
        if (!current)
            return current.error();
        patched = *current;
        patch.applyTo(patched);
        if (auto v = validate::server(patched); !v)
            return v;
        auto bindings = serverBindings(patched, *m_secrets);
        if (!bindings)
            return bindings.error();
        if (Status written = writeServerRows(db, patched, *bindings); !written)
            return written;
        auto stored = readServer(db, id, *m_secrets);
        if (!stored)
            return stored.error();
        patched = *stored;
        return {};
    });
    if (!status)
        return status.error();
    return patched;
}

Status Store::removeServer(qint64 id)
{
    return m_db->write([&](QSqlDatabase &db) -> Status {
        auto used = run(db, QStringLiteral("SELECT name FROM applications WHERE server_id = :id ORDER BY name"), {{QStringLiteral("id"), id}});
        if (!used)
            return used.error();
        QStringList names;
        while (used->next())
            names.append(used->value(0).toString());
        if (!names.isEmpty())
            return Error::make(ErrorKind::Conflict, QCoreApplication::translate("fleetdeck::store", "the server still has applications (%1): remove or move them first")
                                                        .arg(names.join(QStringLiteral(", "))));
        auto del = run(db, QStringLiteral("DELETE FROM servers WHERE id = :id"), {{QStringLiteral("id"), id}});
        if (!del)
            return del.error();
        if (del->numRowsAffected() != 1)
            return Error::notFound(QCoreApplication::translate("fleetdeck::store", "no server with id %1").arg(id));
        return {};
    });
}

} // namespace fleetdeck
