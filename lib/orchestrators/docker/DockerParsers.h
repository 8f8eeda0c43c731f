// Parsers of Docker CLI output shared by the standalone and Swarm backends. Pure functions: bytes in,
// values or ParseFailed out. Prefer `--format '{{json .}}'`, which prints ONE JSON OBJECT PER LINE.
#pragma once

#include "core/Result.h"
#include "orchestrators/OrchestratorTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fleetdeck::docker {

// One JSON object per non-empty line. A line that is not an object is ParseFailed naming `what` and
// the line number (so truncated output is an error, never a silently shorter list).
Result<QList<QJsonObject>> parseJsonLines(const QByteArray &output, const QString &what);

// "a=b,c=d" as `docker ps` prints Labels. Pieces without '=' belong to the previous value (a value
// may contain a comma, e.g. a Traefik rule); keys are trimmed.
QHash<QString, QString> parseLabelList(const QString &text);

// "528KiB", "23.54GiB", "836B", "1.2kB", "3.4MB" -> bytes. Binary (KiB) and decimal (kB) units both
// appear in `docker stats`. nullopt when unreadable; "--" (no data) -> 0.
std::optional<qint64> parseSize(const QString &text);
// "1.70%" -> 1.7; "--" -> 0; nullopt when unreadable.
std::optional<double> parsePercent(const QString &text);

// Swarm task CurrentState: "Running 8 seconds ago" -> {"running", "8 seconds ago"};
// "Running about a minute ago", "Pending 12 seconds ago", "Assigned", ... State is lower-cased.
struct TaskState {
    QString state;
    QString since;
};
TaskState parseCurrentState(const QString &text);

// `docker ps` Status column: "Up 3 seconds (healthy)", "Up 5 seconds (health: starting)",
// "Exited (137) 4 seconds ago", "Restarting (1) 2 seconds ago", "Created".
struct StatusText {
    QString health;          // healthy | unhealthy | starting | ""
    std::optional<int> exitCode;
    QString since;           // "3 seconds" for Up, "4 seconds ago" for Exited
};
StatusText parseStatusText(const QString &text);

// Task errors are printed quoted: "\"no suitable node (...)\"" -> no suitable node (...)
QString unquoteError(const QString &text);

// One row of `docker ps -a --format '{{json .}}'`.
struct ContainerRow {
    QString id;
    QString name;
    QString image;
    QString state;           // running | exited | created | restarting | paused | dead | removing
    QString status;          // the Status column verbatim
    QString health;
    std::optional<int> exitCode;
    QString since;
    QString createdAt;
    QHash<QString, QString> labels;
};
Result<QList<ContainerRow>> parseContainerList(const QByteArray &output);

// `docker inspect --format '{{json .State}}' C`.
struct ContainerState {
    QString status;          // running | exited | created | restarting | ...
    bool running = false;
    bool restarting = false;
    bool oomKilled = false;
    int exitCode = 0;
    QString error;
    QString health;          // healthy | unhealthy | starting | "" (no health check)
    int failingStreak = 0;
    QString lastHealthOutput; // output of the most recent probe, trimmed
    int lastHealthExitCode = 0;
};
Result<ContainerState> parseContainerState(const QByteArray &output);

// `docker stats --no-stream --format '{{json .}}'`, one row per container.
Result<QList<ResourceUsage>> parseStats(const QByteArray &output);

// One line of `docker logs [--timestamps]`: "2026-11-26T20:10:00.875292279Z text".
LogLine parseContainerLogLine(const QByteArray &line, bool timestamps, const QString &replica, StreamChannel channel);

// One line of `docker events --filter type=container --format '{{json .}}'`. The time is the daemon's
// (nanoseconds since the epoch), so it can be handed back to `docker logs --since`.
struct ContainerEvent {
    QString id;              // full container ID
    QString name;            // the container's name when the event happened
    QString action;          // start | die | destroy | ...
    QString image;
    qint64 timeNano = 0;
    // "1795734505.503260062": the event's time in the form `docker logs --since` takes.
    QString sinceArgument() const;
};
Result<ContainerEvent> parseContainerEvent(const QByteArray &line);

// `docker info --format '{{json .Swarm}}'`.
struct SwarmInfo {
    QString localNodeState;  // inactive | pending | active | error | locked
    bool controlAvailable = false; // manager
    QString nodeId;
    QString nodeAddr;
    int nodes = 0;
    int managers = 0;
    QString error;
};
Result<SwarmInfo> parseSwarmInfo(const QByteArray &output);

// Turns a failed docker command into an Error a person can act on: the engine not running, docker
// missing, not a swarm manager, no such object, or RemoteFailed with stderr as detail.
Error engineError(const CommandResult &result, const QString &what, const QString &where);

// True when stderr says the engine did not answer ("Cannot connect to the Docker daemon ...").
bool isEngineDown(const QByteArray &stderrData);

} // namespace fleetdeck::docker
