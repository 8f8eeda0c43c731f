// Standalone status from container rows (see DockerStatus.h).
#include "orchestrators/docker/DockerStatus.h"

#include "orchestrators/Labels.h"
#include "orchestrators/docker/DockerCommands.h"

#include <algorithm>

namespace fleetdeck::docker {

AppStatus standaloneStatus(const Application &app, const QList<ContainerRow> &rows)
{
    AppStatus st;
    st.applicationId = app.id;
    st.application = app.name;
    st.orchestrator = Orchestrator::None;
    st.target = app.name;
    int failed = 0;
    for (const ContainerRow &row : rows) {
        if (row.labels.value(labels::app()) != app.uuid)
            continue;
        st.exists = true;
        ReplicaStatus r;
        r.id = row.id;
        r.name = row.name;
        r.slot = slotOf(app, row.name);
        r.image = row.image;
        r.state = row.state;
        r.health = row.health;
        r.since = row.since;
        r.desiredState = QStringLiteral("running");
        r.deploymentId = row.labels.value(labels::deployment()).toLongLong();
        // Containers set aside during a replacement (or of a former name) are not replicas.
        r.current = r.slot > 0;
        r.running = r.current && row.state == QLatin1String("running") && row.health != QLatin1String("unhealthy")
            && row.health != QLatin1String("starting");
        if (row.state == QLatin1String("exited") || row.state == QLatin1String("dead"))
            r.error = QStringLiteral("exited with code %1").arg(row.exitCode.value_or(-1));
        else if (row.state == QLatin1String("restarting"))
            r.error = QStringLiteral("keeps restarting (last exit code %1)").arg(row.exitCode.value_or(-1));
        else if (row.health == QLatin1String("unhealthy"))
            r.error = QStringLiteral("health check failing");
        if (r.current) {
            ++st.desired;
            if (r.running)
                ++st.running;
            else if (!r.error.isEmpty())
                ++failed;
            if (!r.error.isEmpty()) {
                const QString e = r.name + QStringLiteral(": ") + r.error;
                if (!st.errors.contains(e))
                    st.errors.append(e);
            }
            st.deploymentId = qMax(st.deploymentId, r.deploymentId);
            if (st.image.isEmpty() || r.slot == 1)
                st.image = r.image;
        }
        st.replicas.append(r);
    }
    std::sort(st.replicas.begin(), st.replicas.end(), [](const ReplicaStatus &a, const ReplicaStatus &b) {
        if (a.current != b.current)
            return a.current;
        return a.slot != b.slot ? a.slot < b.slot : a.name < b.name;
    });
    if (st.desired == 0)
        st.state = EngineState::Stopped;
    else if (st.running == st.desired)
        st.state = EngineState::Running;
    else if (st.running > 0)
        st.state = EngineState::Degraded;
    else if (failed > 0)
        st.state = EngineState::Failed;
    else
        st.state = EngineState::Starting;
    if (!st.errors.isEmpty())
        st.message = st.errors.first();
    else if (!st.exists)
        st.message = QStringLiteral("no containers on the engine");
    return st;
}

RolloutProgress judgeStandaloneRollout(const AppStatus &status, int expected)
{
    RolloutProgress p;
    p.status = status;
    if (status.desired == expected && status.running == expected) {
        p.phase = RolloutPhase::Converged;
        p.reason = QStringLiteral("%1 of %2 replicas running").arg(status.running).arg(expected);
        return p;
    }
    if (status.state == EngineState::Failed) {
        p.phase = RolloutPhase::Failed;
        p.reason = status.message;
        return p;
    }
    p.reason = QStringLiteral("%1 of %2 replicas running%3")
                   .arg(status.running)
                   .arg(expected)
                   .arg(status.message.isEmpty() ? QString() : QStringLiteral(" (") + status.message + QLatin1Char(')'));
    return p;
}

QString notReadyReason(const ContainerState &s)
{
    if (s.health == QLatin1String("unhealthy")) {
        QString why = QStringLiteral("the health check failed %1 time(s)").arg(qMax(1, s.failingStreak));
        if (!s.lastHealthOutput.isEmpty())
            why += QStringLiteral(": ") + s.lastHealthOutput;
        else
            why += QStringLiteral(" (exit code %1)").arg(s.lastHealthExitCode);
        return why;
    }
    if (s.restarting || (!s.running && (s.status == QLatin1String("exited") || s.status == QLatin1String("dead")))) {
        QString why = QStringLiteral("the container exited with code %1").arg(s.exitCode);
        if (s.oomKilled)
            why += QStringLiteral(" (killed: out of memory)");
        if (!s.error.isEmpty())
            why += QStringLiteral(": ") + s.error;
        return why;
    }
    return {};
}

} // namespace fleetdeck::docker
