// Kubeconfig: reads a kubeconfig (YAML) into its clusters, users and contexts and checks that they fit
// together; every problem carries the line and column it was found at. Pure: no I/O, thread-safe.
#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fleetdeck::kubeconfig {

enum class Severity { Error, Warning };

struct Issue {
    Severity severity = Severity::Error;
    int line = 0;                  // 1-based; 0 = the whole document
    int column = 0;                // 1-based
    QString message;               // never quotes a secret value (keys, tokens, passwords)

    QString toString() const;      // "line 3, column 5: ..."
    bool operator==(const Issue &) const = default;
};

struct ClusterEntry {
    QString name;
    QString server;                // API endpoint, "https://10.0.0.5:6443"
    bool hasCertificateAuthority = false;
    bool insecureSkipTlsVerify = false;
    int line = 0;
};

struct UserEntry {
    QString name;
    QString authKind;              // "client certificate", "token", "exec", "basic auth", "auth provider", "none"
    int line = 0;
};

struct ContextEntry {
    QString name;
    QString cluster;
    QString user;
    QString nameSpace;             // empty = "default"
    int line = 0;
};

struct Kubeconfig {
    QList<ClusterEntry> clusters;
    QList<UserEntry> users;
    QList<ContextEntry> contexts;
    QString currentContext;

    QStringList contextNames() const;
    const ContextEntry *context(const QString &name) const;
    const ClusterEntry *cluster(const QString &name) const;
    // Namespaces named by the contexts, "default" first, each once.
    QStringList namespaces() const;
};

struct CheckResult {
    bool syntaxOk = false;         // the YAML itself parsed
    Kubeconfig config;             // what could be read (also when the structure has errors)
    QList<Issue> issues;           // in document order

    bool ok() const { return syntaxOk && !firstError(); }
    const Issue *firstError() const;
    int errorCount() const;
    int warningCount() const;
};

// Parses and checks. Never throws; a YAML syntax error is one Error issue with its position.
CheckResult check(const QString &text);

// What a cluster record keeps from one context: endpoint and the credentials inline in the file
// (the *-data fields base64-decoded; file references such as client-key: /path are reported as paths).
struct Credentials {
    QString context;
    QString cluster;
    QString server;
    QString caCertificate;         // PEM, or empty
    QString clientCertificate;     // PEM, or empty
    QString clientKey;             // PEM: a secret
    QString namespaceName;
};
Result<Credentials> credentialsFor(const QString &text, const QString &context);

// True for the keys whose values are secrets (client-key-data, token, password, ...).
bool isSecretKey(const QString &key);

// The text with every secret value replaced by "***" (also block scalars under a secret key): the
// only form of a kubeconfig that may reach a log, an error detail or a bug report.
QString redacted(const QString &text);

} // namespace fleetdeck::kubeconfig
