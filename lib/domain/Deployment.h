// Deployment: one attempt to roll an application out, with the log of its steps.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace fleetdeck {

enum class DeploymentStatus { Queued, InProgress, Finished, Failed, Cancelled };
QString deploymentStatusName(DeploymentStatus s); // queued|in_progress|finished|failed|cancelled
bool parseDeploymentStatus(const QString &text, DeploymentStatus *out);

struct DeploymentLogEntry {
    QDateTime at;
    QString step;                // "build", "apply", "wait", ...
    QString command;             // masked command line, empty for notes
    QString output;
    int exitCode = -1;
    bool operator==(const DeploymentLogEntry &) const = default;
};

struct Deployment {
    qint64 id = 0;
    QString uuid;
    qint64 applicationId = 0;
    DeploymentStatus status = DeploymentStatus::Queued;
    QString orchestrator;
    QString image;
    QString triggeredBy;
    QString error;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QList<DeploymentLogEntry> log;
    bool operator==(const Deployment &) const = default;
};

} // namespace fleetdeck
