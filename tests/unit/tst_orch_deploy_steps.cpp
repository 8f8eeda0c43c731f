// The plan is the deploy, in milliseconds: with a scripted transport, a Swarm deploy sends the read-only
// queries its plan sends and then exactly the plan's commands; a step whose goal already holds (a
// network created meanwhile) is not a failure, any other failure stops the deploy.
#include "orchestrators/docker/DockerCommands.h"
#include "orchestrators/swarm/SwarmCommands.h"
#include "orchestrators/swarm/SwarmOrchestrator.h"

#include "ScriptedTransport.h"

#include <QTest>

using namespace fleetdeck;
using test::ScriptedTransport;

namespace {

Application app()
{
    Application a;
    a.id = 7;
    a.uuid = QStringLiteral("0f8e6a4c-1d2b-4c3d-9e8f-123456789abc");
    a.name = QStringLiteral("web");
    a.image = QStringLiteral("registry.local/web:1");
    a.swarmReplicas = 2;
    a.network = QStringLiteral("backend");   // an overlay network the deploy creates first
    return a;
}

Server swarmServer()
{
    Server s;
    s.id = 1;
    s.name = QStringLiteral("manager");
    s.settings.orchestrator = Orchestrator::Swarm;
    return s;
}

// A swarm manager without the application's service and without its network.
std::shared_ptr<ScriptedTransport> freshManager(const QByteArray &networkCreateError = {})
{
    auto t = std::make_shared<ScriptedTransport>();
    t->expect(swarm::swarmInfo().command.argv).reply(0, R"({"LocalNodeState":"active","ControlAvailable":true})").always();
    t->expect(swarm::inspectService(QStringLiteral("web")).command.argv).reply(1, {}, "Error: no such service: web").always();
    t->expect(test::ArgvMatch::prefix({"docker", "network", "inspect"})).reply(1, {}, "Error: No such network").always();
    if (networkCreateError.isEmpty())
        t->expect(test::ArgvMatch::prefix({"docker", "network", "create"})).reply(0, "netid\n").always();
    else
        t->expect(test::ArgvMatch::prefix({"docker", "network", "create"})).reply(1, {}, networkCreateError).always();
    t->expect(test::ArgvMatch::prefix({"docker", "service", "create"})).reply(0, "serviceid\n").always();
    return t;
}

OperationContext context()
{
    OperationContext ctx;
    ctx.deploymentId = 31;
    ctx.deadline = QDeadlineTimer(10000);
    return ctx;
}

} // namespace

class TestOrchDeploySteps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void swarmDeployRunsExactlyThePlan()
    {
        auto planT = freshManager();
        SwarmOrchestrator planner(swarmServer(), planT);
        auto plan = planner.plan(app(), context());
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QCOMPARE(plan->action, PlanAction::Create);
        QList<QStringList> planned;
        for (const PlannedCommand &c : plan->commands)
            planned << c.command.argv;
        QCOMPARE(planned.size(), 2);   // network create, service create
        QCOMPARE(planned.at(0).mid(0, 3), test::argv({"docker", "network", "create"}));
        QCOMPARE(planned.at(1).mid(0, 3), test::argv({"docker", "service", "create"}));

        auto deployT = freshManager();
        SwarmOrchestrator deployer(swarmServer(), deployT);
        auto outcome = deployer.deploy(app(), context());
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->action, PlanAction::Create);
        QCOMPARE(deployT->argvs(), planT->argvs() + planned);
    }

    void stepWhoseGoalHoldsIsNotAFailure()
    {
        auto t = freshManager("Error response from daemon: network with name web already exists");
        SwarmOrchestrator o(swarmServer(), t);
        auto outcome = o.deploy(app(), context());
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().toString()));
        QCOMPARE(t->argvs().last().mid(0, 3), test::argv({"docker", "service", "create"}));
    }

    void anyOtherFailureStopsTheDeploy()
    {
        auto t = freshManager("Error response from daemon: permission denied");
        SwarmOrchestrator o(swarmServer(), t);
        auto outcome = o.deploy(app(), context());
        QVERIFY(!outcome.ok());
        for (const QStringList &a : t->argvs())
            QVERIFY(a.mid(0, 3) != test::argv({"docker", "service", "create"}));
    }
};

QTEST_GUILESS_MAIN(TestOrchDeploySteps)
#include "tst_orch_deploy_steps.moc"
