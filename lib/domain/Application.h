// Application: one deployable unit, with its settings for all three orchestrators (seed: applications).
#pragma once

#include "domain/States.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fleetdeck {

enum class ServiceType { ClusterIP, NodePort, LoadBalancer };
QString serviceTypeName(ServiceType t);
bool parseServiceType(const QString &text, ServiceType *out);

struct EnvVar {
    QString key;
    QString value;               // secret values are encrypted at rest and masked in logs
    bool secret = false;
    bool operator==(const EnvVar &) const = default;
};

struct HealthCheck {
    QString path;                // HTTP path probed inside the container; empty = no HTTP check
    QString command;             // alternative: a command (argv joined by spaces is NOT used; kept as list)
    int port = 0;                // 0 = the first exposed port
    int intervalSeconds = 10;
    int timeoutSeconds = 5;
    int retries = 3;
    int startPeriodSeconds = 5;
    bool enabled() const { return !path.isEmpty() || !command.isEmpty(); }
    bool operator==(const HealthCheck &) const = default;
};

struct Application {
    qint64 id = 0;
    QString uuid;
    QString name;                // RFC 1123 label: it names containers, services and k8s objects
    QString project;             // groups applications in the console and the CLI ("shop"); empty = none
    qint64 serverId = 0;
    QString image;               // image reference, or the tag to build when buildSource is set
    QString buildSource;         // local folder with a Dockerfile, or a git URL; empty = pull/use image
    QString dockerfile = QStringLiteral("Dockerfile");
    QList<int> ports;            // exposed container ports, first one is the main port
    QStringList domains;
    QList<EnvVar> env;
    HealthCheck health;
    QString cpuLimit;            // Docker units: "0.5" CPUs
    QString memoryLimit;         // Docker units: "512m"
    QString cpuReservation;
    QString memoryReservation;
    QString restartPolicy = QStringLiteral("unless-stopped");
    QString network;             // extra Docker network to attach to; empty = default
    int replicas = 1;            // standalone Docker: N named containers (see docs/ORCHESTRATORS.md)
    int swarmReplicas = 1;
    int kubernetesReplicas = 1;
    QStringList swarmConstraints;
    QJsonObject nodeSelector;    // {"disktype":"ssd"}
    QJsonArray tolerations;      // [{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"}]
    QJsonObject affinity;        // Kubernetes Affinity object, passed through after shape checks
    QJsonObject podLabels;
    QJsonObject serviceAnnotations;
    ServiceType serviceType = ServiceType::ClusterIP;
    ApplicationStatus status = ApplicationStatus::Stopped; // last known
    QDateTime createdAt;
    QDateTime updatedAt;

    bool operator==(const Application &) const = default;
};

} // namespace fleetdeck
