// Validation shared by GUI, CLI and API: every check names the field and says what to fix.
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "domain/Kubernetes.h"
#include "domain/Server.h"

#include <QJsonArray>
#include <QJsonObject>

namespace fleetdeck::validate {

constexpr int kMaxReplicas = 100;

Status kubernetesName(const QString &field, const QString &name);     // RFC 1123 label, <= 63
Status kubernetesSubdomain(const QString &field, const QString &name); // RFC 1123 subdomain, <= 253
Status labelKey(const QString &field, const QString &key);            // [prefix/]name
Status labelValue(const QString &field, const QString &value);
Status replicas(const QString &field, int n);                         // 0..100
Status port(const QString &field, int port);                          // 1..65535
Status domain(const QString &field, const QString &domain);           // FQDN, optional leading "*."
Status envKey(const QString &field, const QString &key);
Status swarmConstraint(const QString &field, const QString &constraint);
Status imageReference(const QString &field, const QString &image);
Status serverName(const QString &field, const QString &name);
Status host(const QString &field, const QString &host);
Status unixUser(const QString &field, const QString &user);
Status healthPath(const QString &field, const QString &path);
Status fingerprint(const QString &field, const QString &fingerprint); // "SHA256:<43 base64 chars>"

// JSON editors: syntax, then shape. Return the parsed value.
Result<QJsonObject> nodeSelectorJson(const QString &field, const QString &json);
Result<QJsonArray> tolerationsJson(const QString &field, const QString &json);
Result<QJsonObject> affinityJson(const QString &field, const QString &json);
Result<QJsonObject> labelsJson(const QString &field, const QString &json);       // pod labels
Result<QJsonObject> annotationsJson(const QString &field, const QString &json);  // service annotations
Result<QJsonObject> resourceQuotaJson(const QString &field, const QString &json);
Result<QJsonObject> limitRangeJson(const QString &field, const QString &json);
Status nodeSelector(const QString &field, const QJsonObject &selector);
Status tolerations(const QString &field, const QJsonArray &tolerations);
Status affinity(const QString &field, const QJsonObject &affinity);
Status annotations(const QString &field, const QJsonObject &annotations);

// Whole entities: every problem, each naming its field (empty list = valid).
QList<Error> serverProblems(const Server &server);
QList<Error> applicationProblems(const Application &app);
QList<Error> namespaceProblems(const KubernetesNamespace &ns);   // name, quota and limit range shapes
QList<Error> clusterProblems(const KubernetesCluster &cluster);     // name, API endpoint URL
// First problem or success.
Status server(const Server &server);
Status application(const Application &app);
Status cluster(const KubernetesCluster &cluster);

} // namespace fleetdeck::validate
