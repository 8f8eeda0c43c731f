// Names, labels and selectors of the Kubernetes objects Fleetdeck creates for an application.
#pragma once

#include "domain/Application.h"

#include <QList>
#include <QPair>
#include <QString>

namespace fleetdeck::manifests {

// Recommended labels (https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/).
inline QString nameLabel() { return QStringLiteral("app.kubernetes.io/name"); }
inline QString instanceLabel() { return QStringLiteral("app.kubernetes.io/instance"); }
inline QString managedByLabel() { return QStringLiteral("app.kubernetes.io/managed-by"); }
inline QString managedByValue() { return QStringLiteral("fleetdeck"); }
// The application's uuid: the same key the Docker backends use (labels::app()), so one filter finds
// an application on every engine. It is the Deployment's (immutable) selector: renames never orphan.
inline QString appLabel() { return QStringLiteral("fleetdeck.app"); }

// Pod template annotation: the Fleetdeck deployment id that produced this template.
inline QString deploymentAnnotation() { return QStringLiteral("fleetdeck.deployment"); }
// Deployment annotation: the replica count Fleetdeck last asked for (so a redeploy can tell whether
// the user changed replicas or somebody scaled by hand since).
inline QString replicasAnnotation() { return QStringLiteral("fleetdeck.replicas"); }

using LabelList = QList<QPair<QString, QString>>;

// name, instance, managed-by and the uuid label, in that order.
LabelList identityLabels(const Application &app);
// Label keys an application's pod labels may not set (they select its pods).
QStringList reservedLabelKeys();

// `-l` selectors.
QString appSelector(const Application &app);   // fleetdeck.app=<uuid>
QString managedSelector();                      // app.kubernetes.io/managed-by=fleetdeck

// Object names, all at most 63 characters. Deployment, Secret and Ingress names are RFC 1123
// subdomains; a Service name must be an RFC 1035 label (starts with a letter).
QString deploymentName(const Application &app);
QString containerName(const Application &app);
QString serviceName(const Application &app);
QString secretName(const Application &app);      // <name>-env: the secret env values
QString ingressName(const Application &app);
QString tlsSecretName(const Application &app);   // <name>-tls: filled by cert-manager
QString portName(int port);                      // tcp-8080: an IANA_SVC_NAME (<= 15)
QString quotaName();                             // fleetdeck-quota
QString limitRangeName();                        // fleetdeck-limits

} // namespace fleetdeck::manifests
