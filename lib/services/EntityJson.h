// JSON views of the domain entities, shared by the CLI's --json and the (later) REST API.
// Secrets are never included: a secret is reported as set or not, secret env values as "***".
#pragma once

#include "domain/Application.h"
#include "domain/Deployment.h"
#include "domain/Kubernetes.h"
#include "domain/Server.h"

#include <QJsonObject>

namespace fleetdeck::json {

QJsonObject server(const Server &server);
QJsonObject application(const Application &app, const QString &serverName = {});
QJsonObject deployment(const Deployment &deployment, bool withLog = false);
QJsonObject cluster(const KubernetesCluster &cluster);
QJsonObject kubernetesNamespace(const KubernetesNamespace &ns);

} // namespace fleetdeck::json
