// OrchestratorTypes: JSON forms and the human text of a plan.
#include "orchestrators/OrchestratorTypes.h"

#include "remote/ActivityLog.h"
#include "remote/ShellQuote.h"

#include <QJsonArray>

namespace fleetdeck {

QString DeployPlan::toText() const
{
    QString out;
    out += QStringLiteral("# %1 %2 on %3\n").arg(planActionName(action), target,
                                                orchestrator == Orchestrator::None ? QStringLiteral("standalone Docker") : orchestratorName(orchestrator));
    for (const PlannedCommand &c : commands) {
        out += QStringLiteral("# %1\n").arg(c.description);
        out += shellJoin(maskedArgv(c.command));
        if (!c.stdinSummary.isEmpty())
            out += QStringLiteral("    # stdin: %1").arg(c.stdinSummary);
        out += QLatin1Char('\n');
    }
    for (const QString &m : manifests)
        out += QStringLiteral("---\n") + m + (m.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n"));
    for (const QString &n : notes)
        out += QStringLiteral("# note: %1\n").arg(n);
    return out;
}

QJsonObject DeployPlan::toJson() const
{
    QJsonArray cmds;
    for (const PlannedCommand &c : commands) {
        QJsonObject o{{QStringLiteral("step"), c.step},
                      {QStringLiteral("description"), c.description},
                      {QStringLiteral("argv"), QJsonArray::fromStringList(maskedArgv(c.command))},
                      {QStringLiteral("commandLine"), shellJoin(maskedArgv(c.command))}};
        if (!c.stdinSummary.isEmpty())
            o.insert(QStringLiteral("stdin"), c.stdinSummary);
        cmds.append(o);
    }
    return {{QStringLiteral("orchestrator"), orchestratorName(orchestrator)},
            {QStringLiteral("target"), target},
            {QStringLiteral("action"), planActionName(action)},
            {QStringLiteral("commands"), cmds},
            {QStringLiteral("manifests"), QJsonArray::fromStringList(manifests)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

QJsonObject ReplicaStatus::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("slot"), slot},
                  {QStringLiteral("node"), node},
                  {QStringLiteral("image"), image},
                  {QStringLiteral("state"), state},
                  {QStringLiteral("health"), health},
                  {QStringLiteral("since"), since},
                  {QStringLiteral("running"), running},
                  {QStringLiteral("current"), current}};
    if (!desiredState.isEmpty())
        o.insert(QStringLiteral("desiredState"), desiredState);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    if (deploymentId > 0)
        o.insert(QStringLiteral("deployment"), deploymentId);
    return o;
}

QJsonObject AppStatus::toJson() const
{
    QJsonArray reps;
    for (const ReplicaStatus &r : replicas)
        reps.append(r.toJson());
    QJsonObject o{{QStringLiteral("application"), application},
                  {QStringLiteral("orchestrator"), orchestratorName(orchestrator)},
                  {QStringLiteral("target"), target},
                  {QStringLiteral("exists"), exists},
                  {QStringLiteral("desired"), desired},
                  {QStringLiteral("running"), running},
                  {QStringLiteral("state"), engineStateName(state)},
                  {QStringLiteral("image"), image},
                  {QStringLiteral("replicas"), reps},
                  {QStringLiteral("errors"), QJsonArray::fromStringList(errors)}};
    if (applicationId > 0)
        o.insert(QStringLiteral("applicationId"), applicationId);
    if (!updateState.isEmpty())
        o.insert(QStringLiteral("updateState"), updateState);
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    if (deploymentId > 0)
        o.insert(QStringLiteral("deployment"), deploymentId);
    return o;
}

ApplicationStatus applicationStatusFor(const AppStatus &s)
{
    switch (s.state) {
    case EngineState::Running: return ApplicationStatus::Running;
    case EngineState::NotDeployed:
    case EngineState::Stopped: return ApplicationStatus::Stopped;
    case EngineState::Failed: return ApplicationStatus::Failed;
    case EngineState::Updating:
    case EngineState::Starting:
    case EngineState::RollingBack: return ApplicationStatus::Deploying;
    case EngineState::Degraded:
    case EngineState::Unknown: break;
    }
    return ApplicationStatus::Degraded;
}

QJsonObject ResourceUsage::toJson() const
{
    return {{QStringLiteral("replica"), replica},
            {QStringLiteral("id"), id},
            {QStringLiteral("node"), node},
            {QStringLiteral("cpuPercent"), cpuPercent},
            {QStringLiteral("memoryBytes"), memoryBytes},
            {QStringLiteral("memoryLimitBytes"), memoryLimitBytes},
            {QStringLiteral("memoryPercent"), memoryPercent},
            {QStringLiteral("networkRxBytes"), networkRxBytes},
            {QStringLiteral("networkTxBytes"), networkTxBytes},
            {QStringLiteral("pids"), pids}};
}

} // namespace fleetdeck
