// Server and its orchestrator settings (seed: servers + server_settings).
#pragma once

#include <QDateTime>
#include <QString>

namespace fleetdeck {

enum class Orchestrator { None, Swarm, Kubernetes };
enum class AuthMethod { Key, Agent, Password };

QString orchestratorName(Orchestrator o);                  // "none" | "swarm" | "kubernetes"
bool parseOrchestrator(const QString &text, Orchestrator *out);
QString authMethodName(AuthMethod a);                      // "key" | "agent" | "password"
bool parseAuthMethod(const QString &text, AuthMethod *out);

struct ServerSettings {
    Orchestrator orchestrator = Orchestrator::None;
    bool swarmManager = false;
    bool swarmWorker = false;
    bool kubernetesMaster = false;
    bool kubernetesWorker = false;
    QString kubernetesVersion;
    QString kubeconfig;          // secret: encrypted at rest, plaintext only in memory
    QString kubeContext;         // empty = the kubeconfig's current-context
    QString kubernetesNamespace = QStringLiteral("default");
    bool useIngress = true;
    QString ingressClass = QStringLiteral("nginx");
    QString certIssuer;          // cert-manager ClusterIssuer; empty = no TLS annotation
    QString storageClass;
    QString swarmPublishMode = QStringLiteral("ingress"); // "ingress" or "host" (no IPVS -> host)

    bool operator==(const ServerSettings &) const = default;
};

struct Server {
    qint64 id = 0;
    QString name;
    QString host;
    int port = 22;
    QString user = QStringLiteral("root");
    AuthMethod auth = AuthMethod::Key;
    QString identityFile;        // private key path (AuthMethod::Key)
    QString secret;              // key passphrase or password: secret, encrypted at rest
    QString hostKeyFingerprint;  // "SHA256:..." once trusted; empty = never connected
    bool isLocal = false;        // "this machine": commands run locally, no SSH
    ServerSettings settings;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool operator==(const Server &) const = default;
};

} // namespace fleetdeck
