// Repositories: typed reads and writes of the domain entities. Secret fields are encrypted by
// SecretBox on the way in and decrypted on the way out; nothing secret is stored in plaintext.
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "domain/ApplicationPatch.h"
#include "domain/Deployment.h"
#include "domain/Kubernetes.h"
#include "domain/KubernetesPatch.h"
#include "domain/Server.h"
#include "domain/ServerPatch.h"

#include <memory>

namespace fleetdeck {

class Database;
class SecretBox;

// A REST API token as stored (lib/store/TokenRows.cpp): its SHA-256, never the token itself.
struct ApiToken {
    qint64 id = 0;
    QString name;
    QByteArray hash;          // SHA-256 of the token, 32 bytes
    bool readOnly = false;
    QDateTime createdAt;
    QDateTime lastUsedAt;     // invalid until first used
};

class Store
{
public:
    Store(std::shared_ptr<Database> db, std::shared_ptr<SecretBox> secrets);
    // Opens the database at `path` with the secret box of this user (see SecretBox::forUser).
    static Result<std::shared_ptr<Store>> open(const QString &path);

    std::shared_ptr<Database> database() const { return m_db; }

    // Servers
    Result<QList<Server>> servers() const;
    Result<Server> server(qint64 id) const;
    Result<Server> serverByName(const QString &name) const;
    Result<Server> addServer(Server server);          // validates; returns it with id set
    Status updateServer(const Server &server);        // validates
    // Reads the row, applies the patch, validates and writes, all in ONE transaction: a change of one
    // field group never writes back stale values of another. Returns the server as stored.
    Result<Server> patchServer(qint64 id, const ServerPatch &patch);
    Status removeServer(qint64 id);                   // refuses while applications use it

    // Applications
    Result<QList<Application>> applications(qint64 serverId = 0) const;
    Result<Application> application(qint64 id) const;
    Result<Application> applicationByName(const QString &name) const; // name, or uuid
    Result<Application> addApplication(Application app);
    Status updateApplication(const Application &app);
    // Reads the row, applies the patch, validates and writes, all in ONE transaction: a change of one
    // field group never writes back stale values of another. Returns the application as stored.
    Result<Application> patchApplication(qint64 id, const ApplicationPatch &patch);
    Status setApplicationStatus(qint64 id, ApplicationStatus status);
    Status removeApplication(qint64 id);

    // Kubernetes clusters and namespaces
    Result<QList<KubernetesCluster>> clusters(qint64 serverId) const;
    Result<KubernetesCluster> addCluster(KubernetesCluster cluster);
    Status updateCluster(const KubernetesCluster &cluster);
    Result<KubernetesCluster> patchCluster(qint64 id, const ClusterPatch &patch);   // one transaction
    Status removeCluster(qint64 id);
    Result<QList<KubernetesNamespace>> namespaces(qint64 clusterId) const;
    Result<KubernetesNamespace> addNamespace(KubernetesNamespace ns);
    Status updateNamespace(const KubernetesNamespace &ns);
    Result<KubernetesNamespace> patchNamespace(qint64 id, const NamespacePatch &patch);   // one transaction
    Status removeNamespace(qint64 id);

    // Deployments
    Result<Deployment> addDeployment(Deployment deployment);
    Result<Deployment> deployment(qint64 id) const;
    Result<QList<Deployment>> deployments(qint64 applicationId, int limit = 50) const;
    Status updateDeployment(const Deployment &deployment);     // status, times, error (not the log)
    Status appendDeploymentLog(qint64 deploymentId, const DeploymentLogEntry &entry);

    // REST API tokens (lib/store/TokenRows.cpp). The name is validated like a server name.
    Result<ApiToken> addApiToken(ApiToken token);
    Result<QList<ApiToken>> apiTokens() const;
    Status removeApiToken(const QString &name);
    Status touchApiToken(qint64 id, const QDateTime &at);

private:
    std::shared_ptr<Database> m_db;
    std::shared_ptr<SecretBox> m_secrets;
};

} // namespace fleetdeck
