// Parsers of Docker Swarm output and the pure judgements made on it (status, rollout). No I/O here.
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "orchestrators/OrchestratorTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fleetdeck::swarm {

struct PortSpec {
    int target = 0;
    int published = 0;
    QString protocol = QStringLiteral("tcp");
    QString mode = QStringLiteral("ingress");     // ingress | host
    bool operator==(const PortSpec &) const = default;
};

struct UpdateStatus {
    QString state;           // updating | paused | completed | rollback_started | rollback_paused | rollback_completed
    QString startedAt;
    QString completedAt;
    QString message;
};

// The parts of `docker service inspect` Fleetdeck reads (and diffs against when updating).
struct ServiceSpec {
    QString id;
    QString name;
    QHash<QString, QString> labels;
    QHash<QString, QString> containerLabels;
    QString image;           // without the @sha256 digest swarm may add
    QStringList env;         // "KEY=VALUE" (may hold secret values: never log)
    bool global = false;
    int replicas = 0;
    QStringList constraints;
    qint64 limitNanoCpus = 0;
    qint64 limitMemoryBytes = 0;
    qint64 reserveNanoCpus = 0;
    qint64 reserveMemoryBytes = 0;
    QStringList healthTest;  // ["CMD-SHELL", "..."], ["NONE"], or empty (image default)
    qint64 healthIntervalNs = 0;
    qint64 healthTimeoutNs = 0;
    int healthRetries = 0;
    qint64 healthStartPeriodNs = 0;
    QString restartCondition;
    QString updateOrder;
    QString updateFailureAction;
    QList<PortSpec> ports;
    bool hasPreviousSpec = false;
    QString previousImage;
    UpdateStatus update;
    QString createdAt;
    QString updatedAt;

    QStringList envKeys() const;
};

// One service from `docker service inspect --format '{{json .}}'` (one line).
Result<ServiceSpec> parseServiceObject(const QJsonObject &object);
Result<QList<ServiceSpec>> parseServiceInspect(const QByteArray &output);

// One line of `docker service ps --no-trunc --format '{{json .}}'`.
struct Task {
    QString id;
    QString name;            // "web.1" (service name + "." + slot, or + node id for global services)
    QString service;         // derived: text before the last '.'
    int slot = 0;
    QString image;
    QString node;
    QString desiredState;    // running | shutdown | ready | ... (lower-cased)
    QString state;           // running | pending | starting | failed | shutdown | ...
    QString since;           // "8 seconds ago"
    QString error;           // unquoted
    QString ports;
};
Result<QList<Task>> parseServicePs(const QByteArray &output);

// The output of the status snapshot script (see SwarmCommands::snapshot): "@@services" then one
// inspect line per service, "@@tasks" then one task per line.
struct Snapshot {
    QList<ServiceSpec> services;
    QList<Task> tasks;
};
Result<Snapshot> parseSnapshot(const QByteArray &output);

// Status of `app` from the snapshot (service matched by the fleetdeck.app label, else by name).
AppStatus statusOf(const Application &app, const Snapshot &snapshot);

// One judgement of a rollout. `outcome.rolloutMarker` is UpdateStatus.StartedAt before the update, so
// that the completion of an earlier update is not taken for this one. `elapsedMs` since deploy().
RolloutProgress judgeRollout(const AppStatus &status, const ServiceSpec *service, const DeployOutcome &outcome,
                             qint64 elapsedMs);

// "web.1.abc123@node    | text" (with --timestamps: "2026-... web.1.abc@node    | text").
LogLine parseServiceLogLine(const QByteArray &line, bool timestamps, StreamChannel channel);

} // namespace fleetdeck::swarm

// Test connection reads the swarm's nodes (namespace checks, like the report types).
namespace fleetdeck::checks {

struct SwarmNode {
    QString hostname;
    QString status;                // Ready | Down | Unknown | Disconnected
    QString availability;          // Active | Pause | Drain
    QString managerStatus;         // Leader | Reachable | Unreachable | "" (worker)
    bool self = false;
};
// `docker node ls --format '{{json .}}'`: one JSON object per line.
Result<QList<SwarmNode>> parseSwarmNodes(const QByteArray &lines);

} // namespace fleetdeck::checks
