// Status and rollout judgements on recorded engine output: desired vs running, task errors, Swarm's
// automatic rollback, standalone health.
#include "orchestrators/docker/DockerStatus.h"
#include "orchestrators/swarm/SwarmParsers.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace fleetdeck;

namespace {

QByteArray recorded(const QString &name)
{
    QString dir = qEnvironmentVariable("FLEETDECK_SOURCE_DIR");
    if (dir.isEmpty())
        dir = QFileInfo(QStringLiteral(__FILE__)).absolutePath() + QStringLiteral("/../..");
    QFile f(dir + QStringLiteral("/tests/data/docker/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing recording %s", qPrintable(f.fileName()));
    return f.readAll();
}

Application app(const QString &name, const QString &uuid)
{
    Application a;
    a.id = 1;
    a.name = name;
    a.uuid = uuid;
    a.image = QStringLiteral("fleetdeck-test/busybox:1");
    return a;
}

swarm::Snapshot snapshotOf(const QString &services, const QString &tasks)
{
    swarm::Snapshot s;
    s.services = *swarm::parseServiceInspect(recorded(services));
    s.tasks = *swarm::parseServicePs(recorded(tasks));
    return s;
}

} // namespace

class TestOrchStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void swarmSnapshotStatus()
    {
        auto snap = swarm::parseSnapshot(recorded(QStringLiteral("swarm-snapshot.txt")));
        QVERIFY(snap.ok());
        const AppStatus running = swarm::statusOf(app(QStringLiteral("fdtest-snap"), QStringLiteral("aaaa")), *snap);
        QCOMPARE(engineStateName(running.state), QStringLiteral("running"));
        QCOMPARE(running.desired, 2);
        QCOMPARE(running.running, 2);
        QCOMPARE(running.replicas.size(), 2);
        QCOMPARE(running.deploymentId, qint64(3));
        QCOMPARE(orchestratorName(running.orchestrator), QStringLiteral("swarm"));

        const AppStatus pending = swarm::statusOf(app(QStringLiteral("fdtest-snap-pending"), QStringLiteral("bbbb")), *snap);
        QCOMPARE(pending.desired, 1);
        QCOMPARE(pending.running, 0);
        QCOMPARE(engineStateName(pending.state), QStringLiteral("failed"));
        QCOMPARE(pending.message, QStringLiteral("no suitable node (scheduling constraints not satisfied on 1 node)"));

        const AppStatus zero = swarm::statusOf(app(QStringLiteral("fdtest-snap-zero"), QStringLiteral("cccc")), *snap);
        QCOMPARE(engineStateName(zero.state), QStringLiteral("stopped"));
        QCOMPARE(zero.desired, 0);

        const AppStatus missing = swarm::statusOf(app(QStringLiteral("nothere"), QStringLiteral("dddd")), *snap);
        QCOMPARE(engineStateName(missing.state), QStringLiteral("not-deployed"));
        QVERIFY(!missing.exists);
    }

    void swarmUnhealthyTasks()
    {
        // A service whose health check fails: the failed tasks are history, the "Ready" one is the next try.
        swarm::Snapshot s;
        s.services = *swarm::parseServiceInspect(recorded(QStringLiteral("swarm-service-inspect.jsonl")));
        s.services[0].name = QStringLiteral("fdtest-rec-unhealthy");
        s.tasks = *swarm::parseServicePs(recorded(QStringLiteral("swarm-service-ps-mixed.jsonl")));
        const AppStatus st = swarm::statusOf(app(QStringLiteral("x"), QStringLiteral("u1")), s);
        QCOMPARE(st.running, 0);
        QCOMPARE(engineStateName(st.state), QStringLiteral("failed"));
        QCOMPARE(st.message, QStringLiteral("task: non-zero exit (137): dockerexec: unhealthy container"));
    }

    void swarmRolledBack()
    {
        const swarm::Snapshot s = snapshotOf(QStringLiteral("swarm-service-inspect-rolledback.json"),
                                             QStringLiteral("swarm-service-ps-rolledback.jsonl"));
        const Application a = app(QStringLiteral("fdtest-rec"), QStringLiteral("u1"));
        const AppStatus st = swarm::statusOf(a, s);
        QCOMPARE(st.running, 2);
        QCOMPARE(st.desired, 2);
        QCOMPARE(st.updateState, QStringLiteral("rollback_completed"));
        QCOMPARE(st.image, QStringLiteral("fleetdeck-test/busybox:1"));

        DeployOutcome outcome;
        outcome.action = PlanAction::Update;
        outcome.target = a.name;
        outcome.rolloutMarker = QStringLiteral("2026-01-01T00:00:00Z"); // an older update
        const auto p = swarm::judgeRollout(st, &s.services.first(), outcome, 30000);
        QCOMPARE(p.phase, RolloutPhase::Failed);
        QVERIFY2(p.reason.contains(QLatin1String("rolled back")), qPrintable(p.reason));
        QVERIFY2(p.reason.contains(QLatin1String("unhealthy container")), qPrintable(p.reason));

        // The same status seen before Swarm started our update is not taken for its result.
        outcome.rolloutMarker = s.services.first().update.startedAt;
        QCOMPARE(swarm::judgeRollout(st, &s.services.first(), outcome, 1000).phase, RolloutPhase::InProgress);

        // A rollback we asked for succeeds when it completes.
        DeployOutcome rollback = outcome;
        rollback.action = PlanAction::Rollback;
        rollback.rolloutMarker = QStringLiteral("2026-01-01T00:00:00Z");
        QCOMPARE(swarm::judgeRollout(st, &s.services.first(), rollback, 30000).phase, RolloutPhase::Converged);
    }

    void swarmCreateJudgement()
    {
        auto snap = swarm::parseSnapshot(recorded(QStringLiteral("swarm-snapshot.txt")));
        QVERIFY(snap.ok());
        DeployOutcome created;
        created.action = PlanAction::Create;
        const Application ok = app(QStringLiteral("fdtest-snap"), QStringLiteral("aaaa"));
        QCOMPARE(swarm::judgeRollout(swarm::statusOf(ok, *snap), &snap->services[0], created, 500).phase, RolloutPhase::Converged);

        const Application blocked = app(QStringLiteral("fdtest-snap-pending"), QStringLiteral("bbbb"));
        const AppStatus st = swarm::statusOf(blocked, *snap);
        QCOMPARE(swarm::judgeRollout(st, &snap->services[1], created, 1000).phase, RolloutPhase::InProgress);
        const auto late = swarm::judgeRollout(st, &snap->services[1], created, 6000);
        QCOMPARE(late.phase, RolloutPhase::Failed);
        QVERIFY2(late.reason.contains(QLatin1String("no suitable node")), qPrintable(late.reason));

        QCOMPARE(swarm::judgeRollout(st, nullptr, created, 20000).phase, RolloutPhase::Failed);
    }

    void swarmCreateWithFailingTasks()
    {
        swarm::Snapshot s;
        s.services = *swarm::parseServiceInspect(recorded(QStringLiteral("swarm-service-inspect.jsonl")));
        s.services[0].name = QStringLiteral("fdtest-rec-unhealthy");
        s.services[0].replicas = 1;
        s.tasks = *swarm::parseServicePs(recorded(QStringLiteral("swarm-service-ps-mixed.jsonl")));
        const AppStatus st = swarm::statusOf(app(QStringLiteral("x"), QStringLiteral("u1")), s);
        DeployOutcome created;
        created.action = PlanAction::Create;
        const auto p = swarm::judgeRollout(st, &s.services[0], created, 3000);
        QCOMPARE(p.phase, RolloutPhase::Failed);
        QVERIFY2(p.reason.contains(QLatin1String("unhealthy container")), qPrintable(p.reason));
        // The same tasks after an update are Swarm's business (its rollback decides).
        DeployOutcome updated = created;
        updated.action = PlanAction::Update;
        QCOMPARE(swarm::judgeRollout(st, &s.services[0], updated, 3000).phase, RolloutPhase::InProgress);
    }

    void standaloneRecorded()
    {
        auto rows = docker::parseContainerList(recorded(QStringLiteral("docker-ps-managed.jsonl")));
        QVERIFY(rows.ok());
        // Recorded with names fdtest-rec.N: the application is "fdtest-rec".
        const Application web = app(QStringLiteral("fdtest-rec"), QStringLiteral("11111111-2222-3333-4444-555555555555"));
        const AppStatus st = docker::standaloneStatus(web, *rows);
        QCOMPARE(orchestratorName(st.orchestrator), QStringLiteral("none"));
        QCOMPARE(st.desired, 5);
        QCOMPARE(st.running, 1);          // .1 healthy; .2 still starting its health check
        QCOMPARE(engineStateName(st.state), QStringLiteral("degraded"));
        QCOMPARE(st.deploymentId, qint64(7));
        QCOMPARE(st.replicas.first().name, QStringLiteral("fdtest-rec.1"));
        QVERIFY(st.errors.contains(QStringLiteral("fdtest-rec.4: exited with code 3")));
        QVERIFY(st.errors.contains(QStringLiteral("fdtest-rec.5: keeps restarting (last exit code 1)")));

        const Application other = app(QStringLiteral("fdtest-other"), QStringLiteral("99999999-2222-3333-4444-555555555555"));
        const AppStatus o = docker::standaloneStatus(other, *rows);
        // "fdtest-other" has no ".N" name: a container of this app that is not one of its replicas.
        QCOMPARE(o.desired, 0);
        QVERIFY(o.exists);

        const AppStatus none = docker::standaloneStatus(app(QStringLiteral("x"), QStringLiteral("none")), *rows);
        QCOMPARE(engineStateName(none.state), QStringLiteral("stopped"));
        QVERIFY(!none.exists);

        QCOMPARE(docker::judgeStandaloneRollout(st, 5).phase, RolloutPhase::InProgress);
    }

    void standaloneStates_data()
    {
        QTest::addColumn<QStringList>("states");   // "running", "running/healthy", "exited"...
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("running");
        QTest::newRow("all up") << QStringList{QStringLiteral("running/"), QStringLiteral("running/healthy")} << QStringLiteral("running") << 2;
        QTest::newRow("starting") << QStringList{QStringLiteral("running/starting")} << QStringLiteral("starting") << 0;
        QTest::newRow("unhealthy") << QStringList{QStringLiteral("running/unhealthy")} << QStringLiteral("failed") << 0;
        QTest::newRow("one down") << QStringList{QStringLiteral("running/"), QStringLiteral("exited/")} << QStringLiteral("degraded") << 1;
        QTest::newRow("none") << QStringList{} << QStringLiteral("stopped") << 0;
    }
    void standaloneStates()
    {
        QFETCH(QStringList, states);
        QFETCH(QString, expected);
        QFETCH(int, running);
        const Application a = app(QStringLiteral("web"), QStringLiteral("u"));
        QList<docker::ContainerRow> rows;
        int slot = 0;
        for (const QString &s : states) {
            docker::ContainerRow r;
            r.id = QStringLiteral("id%1").arg(++slot);
            r.name = QStringLiteral("web.%1").arg(slot);
            r.state = s.section(QLatin1Char('/'), 0, 0);
            r.health = s.section(QLatin1Char('/'), 1);
            if (r.state == QLatin1String("exited"))
                r.exitCode = 1;
            r.labels.insert(QStringLiteral("fleetdeck.app"), QStringLiteral("u"));
            rows << r;
        }
        const AppStatus st = docker::standaloneStatus(a, rows);
        QCOMPARE(engineStateName(st.state), expected);
        QCOMPARE(st.running, running);
        QCOMPARE(applicationStatusName(applicationStatusFor(st)).isEmpty(), false);
    }

    void notReady()
    {
        auto unhealthy = docker::parseContainerState(recorded(QStringLiteral("container-state-unhealthy.json")));
        QVERIFY(unhealthy.ok());
        QVERIFY(docker::notReadyReason(*unhealthy).contains(QLatin1String("404 Not Found")));
        docker::ContainerState starting;
        starting.status = QStringLiteral("running");
        starting.running = true;
        starting.health = QStringLiteral("starting");
        QCOMPARE(docker::notReadyReason(starting), QString());
        docker::ContainerState exited;
        exited.status = QStringLiteral("exited");
        exited.exitCode = 2;
        QVERIFY(docker::notReadyReason(exited).contains(QLatin1String("code 2")));
    }

    void applicationStatusWords()
    {
        AppStatus s;
        s.state = EngineState::Running;
        QCOMPARE(applicationStatusName(applicationStatusFor(s)), QStringLiteral("running"));
        s.state = EngineState::Updating;
        QCOMPARE(applicationStatusName(applicationStatusFor(s)), QStringLiteral("deploying"));
        s.state = EngineState::NotDeployed;
        QCOMPARE(applicationStatusName(applicationStatusFor(s)), QStringLiteral("stopped"));
        s.state = EngineState::Degraded;
        QCOMPARE(applicationStatusName(applicationStatusFor(s)), QStringLiteral("degraded"));
        s.state = EngineState::Failed;
        QCOMPARE(applicationStatusName(applicationStatusFor(s)), QStringLiteral("failed"));
    }
};

QTEST_GUILESS_MAIN(TestOrchStatus)
#include "tst_orch_status.moc"
