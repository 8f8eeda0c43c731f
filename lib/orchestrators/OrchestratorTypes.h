// Value types the orchestrator backends answer with: status, replicas, logs, resources, plans.
#pragma once

#include "core/Result.h"
#include "domain/Server.h"
#include "domain/States.h"
#include "remote/RemoteCommand.h"
#include "remote/Transport.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace fleetdeck {

// One command a backend runs (or, in a plan, would run). `command.argv` is exactly what the transport
// receives; `stdinSummary` says what stdin carries with secret values masked.
struct PlannedCommand {
    QString step;            // "network", "create", "update", "replace web.1", ...
    QString description;     // one line for humans
    RemoteCommand command;
    QString stdinSummary;    // "" when nothing goes on stdin
    // A failure whose detail contains this means the step's goal already holds (e.g. "already exists":
    // a network made meanwhile by a concurrent deploy); "" = every failure is one.
    QString alreadyDoneWhen;

    // The usual shape: an argv that is also labelled for the activity log with its description.
    static PlannedCommand make(const QString &step, const QString &description, QStringList argv, int timeoutMs = 0)
    {
        PlannedCommand c;
        c.step = step;
        c.description = description;
        c.command.argv = std::move(argv);
        c.command.timeoutMs = timeoutMs;
        c.command.purpose = description;
        return c;
    }
};

// What `plan` answers: the commands a deploy would run now, against the engine's current state.
struct DeployPlan {
    Orchestrator orchestrator = Orchestrator::None;
    QString target;          // service / container base name / Deployment name
    PlanAction action = PlanAction::Create;
    QList<PlannedCommand> commands;
    QStringList notes;       // e.g. "CPU reservation is not supported by standalone Docker: ignored"
    QStringList manifests;   // Kubernetes: YAML documents sent on stdin (secrets masked)

    // One line per command, argv joined with shellJoin (secret argv masked), plus stdin and notes.
    QString toText() const;
    QJsonObject toJson() const;
};

// One replica: a standalone container or a Swarm task (or a Kubernetes pod).
struct ReplicaStatus {
    QString id;              // container id, task id, pod name
    QString name;            // "web.1"
    int slot = 0;            // 1-based replica number; 0 when the engine has none
    QString node;
    QString image;
    QString state;           // lower-case engine word: running, starting, pending, failed, exited, created, ...
    QString health;          // healthy | unhealthy | starting | "" (no health check)
    QString since;           // "8 seconds ago" as the engine said it
    QString error;           // task error or exit reason
    QString desiredState;    // Swarm: running | shutdown | ready ...; standalone: running
    qint64 deploymentId = 0; // the fleetdeck.deployment label, when the engine shows it
    bool running = false;    // counts toward AppStatus::running (up and, with a health check, healthy)
    bool current = true;     // desired to run (false: history, e.g. a failed task replaced since)

    QJsonObject toJson() const;
};

// The engine's view of one application.
struct AppStatus {
    qint64 applicationId = 0;
    QString application;     // application name
    Orchestrator orchestrator = Orchestrator::None;
    QString target;          // service / container base name
    bool exists = false;     // anything of it on the engine
    int desired = 0;
    int running = 0;
    EngineState state = EngineState::NotDeployed;
    QString updateState;     // Swarm UpdateStatus.State / Kubernetes rollout condition, verbatim
    QString message;         // the most useful sentence: why it is not running
    QString image;
    qint64 deploymentId = 0; // fleetdeck.deployment label of the running spec
    QList<ReplicaStatus> replicas;
    QStringList errors;      // distinct task / replica errors, newest first

    QJsonObject toJson() const;
};

// The application status the store keeps for an engine state.
ApplicationStatus applicationStatusFor(const AppStatus &status);

struct LogOptions {
    int tail = 100;          // lines per replica; always passed (-n), never "all" by accident
    bool follow = false;
    QString since;           // docker/kubectl form: "10m", "2h", RFC 3339 timestamp
    bool timestamps = false;
};

struct LogLine {
    QString replica;         // "web.1", task name or pod name
    QString timestamp;       // RFC 3339 when asked for, else ""
    StreamChannel channel = StreamChannel::Stdout;
    QString text;
};

struct ExecRequest {
    QStringList argv;        // the command inside the replica, verbatim
    QString replica;         // slot number ("2"), replica name, or id prefix; empty = first running
    int timeoutMs = 0;
};

struct ResourceUsage {
    QString replica;         // name
    QString id;
    QString node;
    double cpuPercent = 0;   // of one CPU = 100
    qint64 memoryBytes = 0;
    qint64 memoryLimitBytes = 0;
    double memoryPercent = 0;
    qint64 networkRxBytes = 0;
    qint64 networkTxBytes = 0;
    int pids = 0;
    QJsonObject toJson() const;
};

// One step of an operation as the deployment log keeps it.
struct StepRecord {
    QString step;
    QString command;         // masked command line (shellJoin of the masked argv)
    QString output;          // stdout + stderr, bounded; "" when it may hold secrets
    int exitCode = -1;
};

// What every blocking backend call gets: cancellation, a deadline, and where steps are reported.
struct OperationContext {
    CancelToken cancel;
    QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever);
    std::function<void(const StepRecord &)> onStep;   // may be empty
    qint64 deploymentId = 0;                           // labels new containers/services/pods
};

// What a deploy did, so that the rollout can be judged afterwards.
struct DeployOutcome {
    QString target;
    PlanAction action = PlanAction::Create;
    QString image;
    int desired = 0;
    QString rolloutMarker;   // Swarm: UpdateStatus.StartedAt before the change; Kubernetes: generation
    bool converged = false;  // the backend already waited (standalone waits replica by replica)
    qint64 appliedAtMs = 0;  // QDateTime::currentMSecsSinceEpoch() when the engine accepted it
};

enum class RolloutPhase { InProgress, Converged, Failed };

struct RolloutProgress {
    RolloutPhase phase = RolloutPhase::InProgress;
    QString reason;          // why not yet / why failed
    AppStatus status;
    QString failedReplicaId; // the replica (task, container, pod) whose failure decided it, when known
};

} // namespace fleetdeck
