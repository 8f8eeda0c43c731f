// Integration: the standalone Docker backend on a real engine, driven through the real sshd (and once
// through the local transport), via OperationsService: deploy, redeploy, scale, restart, rollback, stop,
// logs (all replicas, follow + cancel), exec, resources, secrets verbatim, failing health checks,
// status of 50 applications in one remote command.
#include "DockerFixture.h"
#include "FollowedLog.h"
#include "RealComponent.h"

#include "orchestrators/OrchestratorFactory.h"
#include "orchestrators/docker/DockerCommands.h"
#include "orchestrators/docker/DockerParsers.h"
#include "remote/ActivityLog.h"
#include "remote/TransportPool.h"
#include "services/Operations.h"
#include "store/Repositories.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace fleetdeck;
using fleetdeck::test::DockerFixture;
using fleetdeck::test::FollowedLog;

namespace {

QString httpGet(int port)
{
    QProcess p;
    p.start(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("--max-time"), QStringLiteral("5"),
                                     QStringLiteral("http://127.0.0.1:%1/").arg(port)});
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// Containers of the application as the engine lists them: name -> (id, state).
QHash<QString, QPair<QString, QString>> engineContainers(const Application &app)
{
    QHash<QString, QPair<QString, QString>> out;
    for (const QString &line : DockerFixture::dockerLines({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--no-trunc"),
                                                           QStringLiteral("--filter"), QStringLiteral("label=fleetdeck.app=") + app.uuid,
                                                           QStringLiteral("--format"), QStringLiteral("{{.Names}} {{.ID}} {{.State}}")})) {
        const QStringList f = line.split(QLatin1Char(' '));
        if (f.size() == 3)
            out.insert(f.at(0), {f.at(1), f.at(2)});
    }
    return out;
}

int runningOnEngine(const Application &app)
{
    int n = 0;
    for (const auto &c : engineContainers(app))
        if (c.second == QLatin1String("running"))
            ++n;
    return n;
}

QString deploymentLogText(Store &store, qint64 id)
{
    auto d = store.deployment(id);
    QString out;
    if (d)
        for (const DeploymentLogEntry &e : d->log)
            out += e.step + QLatin1Char(' ') + e.command + QLatin1Char('\n') + e.output + QLatin1Char('\n');
    return out;
}

} // namespace

class TestDockerStandalone : public QObject
{
    Q_OBJECT

    fleetdeck::test::OperationsHarness h;
    QString m_missing;

    Application newApp(const QString &name, const Server &server)
    {
        Application a = DockerFixture::app(name, server.id);
        return a;
    }

    Deployment deployOk(const Application &app)
    {
        DeployOptions o;
        o.timeoutSeconds = 60;
        auto d = h.ops->deploy(app.id, o);
        if (!d)
            qWarning("%s", qPrintable(d.error().toString()));
        else if (d->status != DeploymentStatus::Finished)
            qWarning("deployment failed: %s\n%s", qPrintable(d->error), qPrintable(deploymentLogText(*h.temp->store, d->id)));
        return d ? *d : Deployment{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const bool ok = h.start(&m_missing);
        FLEETDECK_REQUIRE_COMPONENT(ok, m_missing);
    }
    void init()
    {
        FLEETDECK_REQUIRE_COMPONENT(h.ops != nullptr, m_missing);
        DockerFixture::cleanup();
    }
    void cleanupTestCase()
    {
        DockerFixture::cleanup();
        DockerFixture::docker({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("fleetdeck-proxy")});
    }

    void deployFromNothing()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-web"), h.sshDocker);
        a.ports = {18091};
        a.env = {{QStringLiteral("PORT"), QStringLiteral("18091"), false}};
        a.health.path = QStringLiteral("/health");
        a.health.intervalSeconds = 1;
        a.health.startPeriodSeconds = 0;
        a.cpuLimit = QStringLiteral("0.5");
        a.memoryLimit = QStringLiteral("64m");
        a = h.add(a);
        const Deployment d = deployOk(a);
        QCOMPARE(d.status, DeploymentStatus::Finished);
        QCOMPARE(d.orchestrator, QStringLiteral("none"));
        QCOMPARE(h.reload(a).status, ApplicationStatus::Running);
        QCOMPARE(httpGet(18091), QStringLiteral("fleetdeck-test v1"));
        // The engine's view: one labelled container with the limits asked for.
        const auto containers = engineContainers(a);
        QCOMPARE(containers.keys(), QStringList{QStringLiteral("fdtest-sa-web.1")});
        const QString labels = QString::fromUtf8(DockerFixture::docker(
            {QStringLiteral("inspect"), QStringLiteral("--format"),
             QStringLiteral("{{index .Config.Labels \"fleetdeck.deployment\"}} {{index .Config.Labels \"fleetdeck.managed\"}} "
                            "{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}}"),
             QStringLiteral("fdtest-sa-web.1")})).trimmed();
        QCOMPARE(labels, QStringLiteral("%1 true 500000000 67108864").arg(d.id));
        auto st = h.ops->status(a.id);
        QVERIFY(st.ok());
        QCOMPARE(st->desired, 1);
        QCOMPARE(st->running, 1);
        QCOMPARE(st->state, EngineState::Running);
        QCOMPARE(st->replicas.first().health, QStringLiteral("healthy"));
        QCOMPARE(st->deploymentId, d.id);
        // Every step is in the deployment's log.
        const QString log = deploymentLogText(*h.temp->store, d.id);
        QVERIFY2(log.contains(QLatin1String("docker create")), qPrintable(log));
        QVERIFY(log.contains(QLatin1String("is running and healthy")));
    }

    void redeployNewImage()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-redeploy"), h.sshDocker);
        a.ports = {18092};
        a.env = {{QStringLiteral("PORT"), QStringLiteral("18092"), false}};
        a = h.add(a);
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        QCOMPARE(httpGet(18092), QStringLiteral("fleetdeck-test v1"));
        const QString before = engineContainers(a).value(QStringLiteral("fdtest-sa-redeploy.1")).first;
        a.image = DockerFixture::image2();
        QVERIFY(h.temp->store->updateApplication(a).ok());
        const Deployment d = deployOk(a);
        QCOMPARE(d.status, DeploymentStatus::Finished);
        QCOMPARE(d.image, DockerFixture::image2());
        QCOMPARE(httpGet(18092), QStringLiteral("fleetdeck-test v2"));
        const auto after = engineContainers(a);
        QCOMPARE(after.size(), 1);   // the replaced container is gone
        QVERIFY(after.value(QStringLiteral("fdtest-sa-redeploy.1")).first != before);
    }

    void scaleUpDownUp()
    {
        Application a = h.add(newApp(QStringLiteral("fdtest-sa-scale"), h.sshDocker));
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        OperationOptions wait;
        wait.wait = true;
        wait.timeoutSeconds = 60;
        for (int n : {3, 0, 2}) {
            auto st = h.ops->scale(a.id, n, wait);
            QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
            QCOMPARE(st->desired, n);
            QCOMPARE(st->running, n);
            QCOMPARE(runningOnEngine(a), n);
            QCOMPARE(engineContainers(a).size(), n);
            auto fresh = h.ops->status(a.id);
            QVERIFY(fresh.ok());
            QCOMPARE(fresh->running, runningOnEngine(a));
        }
        QCOMPARE(h.reload(a).replicas, 2);   // the new count is the application's
        QVERIFY(engineContainers(a).contains(QStringLiteral("fdtest-sa-scale.2")));
    }

    void replicasWithPublishedPortRefused()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-ports"), h.sshDocker);
        a.ports = {18093};
        a.replicas = 2;
        a = h.add(a);
        auto d = h.ops->deploy(a.id);
        QVERIFY(d.ok());
        QCOMPARE(d->status, DeploymentStatus::Failed);
        QVERIFY2(d->error.contains(QLatin1String("host port 18093")), qPrintable(d->error));
        QVERIFY(engineContainers(a).isEmpty());
    }

    void restartGivesNewContainers()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-restart"), h.sshDocker);
        a.replicas = 2;
        a = h.add(a);
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        const auto before = engineContainers(a);
        QCOMPARE(before.size(), 2);
        OperationOptions wait;
        wait.wait = true;
        auto st = h.ops->restart(a.id, wait);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        QCOMPARE(st->running, 2);
        const auto after = engineContainers(a);
        QCOMPARE(after.keys().size(), 2);
        for (auto it = after.begin(); it != after.end(); ++it) {
            QVERIFY(before.contains(it.key()));
            QVERIFY(before.value(it.key()).first != it.value().first);
            QCOMPARE(it.value().second, QStringLiteral("running"));
        }
    }

    void rollbackToPreviousImage()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-rollback"), h.sshDocker);
        a.ports = {18094};
        a.env = {{QStringLiteral("PORT"), QStringLiteral("18094"), false}};
        a = h.add(a);
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        a.image = DockerFixture::image2();
        QVERIFY(h.temp->store->updateApplication(a).ok());
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        QCOMPARE(httpGet(18094), QStringLiteral("fleetdeck-test v2"));
        DeployOptions o;
        o.timeoutSeconds = 60;
        auto r = h.ops->rollback(a.id, o);
        QVERIFY(r.ok());
        QCOMPARE(r->status, DeploymentStatus::Finished);
        QCOMPARE(r->image, DockerFixture::image1());
        QCOMPARE(httpGet(18094), QStringLiteral("fleetdeck-test v1"));
        auto history = h.ops->deployments(a.id);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 3);
    }

    void stopRemovesEveryReplica()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-stop"), h.sshDocker);
        a.replicas = 2;
        a = h.add(a);
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        auto st = h.ops->stop(a.id);
        QVERIFY(st.ok());
        QCOMPARE(st->running, 0);
        QCOMPARE(st->desired, 0);
        QCOMPARE(st->state, EngineState::Stopped);
        QVERIFY(engineContainers(a).isEmpty());
        QCOMPARE(h.reload(a).status, ApplicationStatus::Stopped);
    }

    void logsOfEveryReplica()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-logs"), h.sshDocker);
        a.replicas = 3;
        a = h.add(a);
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        LogOptions o;
        o.tail = 10;
        o.timestamps = true;
        auto lines = h.ops->logs(a.id, o);
        QVERIFY(lines.ok());
        QSet<QString> replicas;
        for (const LogLine &l : *lines) {
            if (l.text.contains(QLatin1String("fleetdeck-test v1 started on"))) {
                replicas.insert(l.replica);
                QVERIFY(l.timestamp.startsWith(QLatin1String("20")));
            }
        }
        QCOMPARE(replicas, (QSet<QString>{QStringLiteral("fdtest-sa-logs.1"), QStringLiteral("fdtest-sa-logs.2"),
                                          QStringLiteral("fdtest-sa-logs.3")}));
        o.tail = 0;
        auto none = h.ops->logs(a.id, o);
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
    }

    void followThenCancel()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-follow"), h.sshDocker);
        a.replicas = 2;
        a = h.add(a);
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        LogOptions o;
        o.tail = 5;
        FollowedLog f(h.ops->followLogs(a.id, o));
        QString why;
        QVERIFY2(f.waitStarted(&why), qPrintable(why));
        QCOMPARE(f.stream()->replicaCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(f.seen(QStringLiteral("fdtest-sa-follow.1"), QStringLiteral("started on"))
                                     && f.seen(QStringLiteral("fdtest-sa-follow.2"), QStringLiteral("started on")),
                                 15000);
        // A new line arrives while following: a request makes httpd log one.
        ExecRequest r;
        r.argv = {QStringLiteral("wget"), QStringLiteral("-q"), QStringLiteral("-O"), QStringLiteral("/dev/null"),
                  QStringLiteral("http://127.0.0.1/index.html")};
        r.replica = QStringLiteral("2");
        QVERIFY(h.ops->exec(a.id, r).ok());
        QTRY_VERIFY_WITH_TIMEOUT(f.seen(QStringLiteral("fdtest-sa-follow.2"), QStringLiteral("response:200")), 15000);
        // The followers run on the server by container id: one `docker logs` per replica.
        const QStringList ids = DockerFixture::dockerLines({QStringLiteral("ps"), QStringLiteral("--no-trunc"), QStringLiteral("--filter"),
                                                            QStringLiteral("name=^fdtest-sa-follow\\.[0-9]+$"),
                                                            QStringLiteral("--format"), QStringLiteral("{{.ID}}")});
        QCOMPARE(ids.size(), 2);
        for (const QString &id : ids)
            QCOMPARE(test::SshdFixture::pgrepCount(QStringLiteral("docker logs .*%1").arg(id)), 1);
        f.stream()->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(f.finished.size(), 1, 15000);
        QCOMPARE(f.finished.first().at(0).toBool(), false);
        QCOMPARE(f.finished.first().at(1).value<Error>().kind, ErrorKind::Cancelled);
        // No follower is left on the server.
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(QStringLiteral("docker logs .*%1").arg(id)), 0, 10000);
    }

    void execAndVerbatimEnvironment()
    {
        const QString plain = QStringLiteral("a b $HOME `id` \"q\" 'single' ; | & * ? ~ # \\ end");
        const QString secret = QStringLiteral("p@ss'w\"ord $(reboot) `id` ; rm -rf / # \\\nsecond line ünï");
        Application a = newApp(QStringLiteral("fdtest-sa-env"), h.sshDocker);
        a.env = {{QStringLiteral("PLAIN_VALUE"), plain, false}, {QStringLiteral("SECRET_VALUE"), secret, true}};
        a = h.add(a);
        ActivityLog::instance().clear();
        const Deployment d = deployOk(a);
        QCOMPARE(d.status, DeploymentStatus::Finished);
        ExecRequest r;
        r.argv = {QStringLiteral("env")};
        auto res = h.ops->exec(a.id, r);
        QVERIFY(res.ok());
        QCOMPARE(res->exitCode, 0);
        const QString env = QString::fromUtf8(res->stdoutData);
        QVERIFY2(env.contains(QStringLiteral("PLAIN_VALUE=") + plain + QLatin1Char('\n')), qPrintable(env));
        QVERIFY2(env.contains(QStringLiteral("SECRET_VALUE=") + secret + QLatin1Char('\n')), qPrintable(env));
        // The command's arguments reach the container verbatim too, and its exit code comes back.
        r.argv = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("printf '%s|' \"$@\"; exit 7"), QStringLiteral("x"),
                  QStringLiteral("$HOME"), QStringLiteral("a b"), QStringLiteral("'q'")};
        auto args = h.ops->exec(a.id, r);
        QVERIFY(args.ok());
        QCOMPARE(args->exitCode, 7);
        QCOMPARE(QString::fromUtf8(args->stdoutData), QStringLiteral("$HOME|a b|'q'|"));
        // The secret never appears in a command line: not in the activity log, not in the deployment log.
        for (const ActivityEntry &e : ActivityLog::instance().entries())
            QVERIFY(!e.argv.join(QLatin1Char(' ')).contains(QLatin1String("p@ss")));
        QVERIFY(!deploymentLogText(*h.temp->store, d.id).contains(QLatin1String("p@ss")));
        // Replica choice: an unknown replica is a clear error.
        r.replica = QStringLiteral("9");
        auto missing = h.ops->exec(a.id, r);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    }

    void resourcesPerReplica()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-top"), h.sshDocker);
        a.replicas = 2;
        a.memoryLimit = QStringLiteral("128m");
        a = h.add(a);
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        auto usage = h.ops->resources(a.id);
        QVERIFY2(usage.ok(), qPrintable(usage.ok() ? QString() : usage.error().toString()));
        QCOMPARE(usage->size(), 2);
        QCOMPARE(usage->at(0).replica, QStringLiteral("fdtest-sa-top.1"));
        for (const ResourceUsage &u : *usage) {
            QVERIFY(u.memoryBytes > 0);
            QCOMPARE(u.memoryLimitBytes, qint64(128) * 1024 * 1024);
            QVERIFY(u.pids >= 1);
        }
    }

    void failingHealthCheckFailsTheDeployment()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-unhealthy"), h.sshDocker);
        a.health.path = QStringLiteral("/nope");
        a.health.port = 80;
        a.health.intervalSeconds = 1;
        a.health.retries = 2;
        a.health.startPeriodSeconds = 0;
        a = h.add(a);
        DeployOptions o;
        o.timeoutSeconds = 60;
        auto d = h.ops->deploy(a.id, o);
        QVERIFY(d.ok());
        QCOMPARE(d->status, DeploymentStatus::Failed);
        QVERIFY2(d->error.contains(QLatin1String("health check failed")) && d->error.contains(QLatin1String("404")), qPrintable(d->error));
        QCOMPARE(h.reload(a).status, ApplicationStatus::Failed);
        QVERIFY(engineContainers(a).isEmpty());
    }

    void failedUpdateKeepsThePreviousContainer()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-keep"), h.sshDocker);
        a.health.path = QStringLiteral("/health");
        a.health.port = 80;
        a.health.intervalSeconds = 1;
        a.health.retries = 2;
        a.health.startPeriodSeconds = 0;
        a = h.add(a);
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        const QString before = engineContainers(a).value(QStringLiteral("fdtest-sa-keep.1")).first;
        a.health.path = QStringLiteral("/nope");
        QVERIFY(h.temp->store->updateApplication(a).ok());
        auto d = h.ops->deploy(a.id);
        QVERIFY(d.ok());
        QCOMPARE(d->status, DeploymentStatus::Failed);
        // Start-first: the old container ran all along and is back under its name.
        const auto after = engineContainers(a);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.value(QStringLiteral("fdtest-sa-keep.1")).first, before);
        QCOMPARE(after.value(QStringLiteral("fdtest-sa-keep.1")).second, QStringLiteral("running"));
        QCOMPARE(h.reload(a).status, ApplicationStatus::Running);
        QVERIFY(deploymentLogText(*h.temp->store, d->id).contains(QLatin1String("the previous container was kept")));
    }

    void planShowsTheExactCommands()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-plan"), h.sshDocker);
        a.env = {{QStringLiteral("TOKEN"), QStringLiteral("hidden-token"), true}};
        a = h.add(a);
        const int before = h.remoteCommands();
        auto plan = h.ops->plan(a.id);
        QVERIFY(plan.ok());
        QCOMPARE(plan->action, PlanAction::Create);
        QVERIFY(engineContainers(a).isEmpty());   // nothing was changed
        QVERIFY(h.remoteCommands() - before <= 2); // read-only queries only
        const QString text = plan->toText();
        QVERIFY(text.contains(QLatin1String("'docker' 'create' '--name' 'fdtest-sa-plan.1'")));
        QVERIFY(text.contains(QLatin1String("TOKEN=***")));
        QVERIFY(!text.contains(QLatin1String("hidden-token")));
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        auto again = h.ops->plan(a.id);
        QVERIFY(again.ok());
        QCOMPARE(again->action, PlanAction::Replace);
        QVERIFY(again->toText().contains(QLatin1String("'docker' 'rename' 'fdtest-sa-plan.1'")));
    }

    // The plan is the deploy: the commands a real deploy ran (as the activity log recorded them) are the
    // read-only queries a plan also makes, then exactly the plan's commands in order; only the polls of
    // the wait for readiness (the condition between start and removing the old container) come between.
    void deployRunsExactlyThePlannedCommands()
    {
        Application a = h.add(newApp(QStringLiteral("fdtest-sa-steps"), h.sshDocker));
        a.replicas = 2;
        QVERIFY(h.temp->store->updateApplication(a).ok());
        auto backend = Orchestrators::create({h.sshDocker, Remote::transportFor(h.sshDocker), {}, {}});
        QVERIFY(backend.ok());
        OperationContext ctx;
        ctx.deploymentId = 4343;
        ctx.deadline = QDeadlineTimer(120000);
        QList<QStringList> waitPolls;
        for (int slot = 1; slot <= a.replicas; ++slot)
            waitPolls << docker::inspectState(QStringLiteral("fdtest-sa-steps.%1").arg(slot)).command.argv;
        auto lastSequence = [] {
            const QList<ActivityEntry> all = ActivityLog::instance().entries();
            return all.isEmpty() ? quint64(0) : all.last().sequence;
        };
        auto commandsAfter = [&](quint64 sequence) {
            QList<QStringList> out;
            for (const ActivityEntry &e : ActivityLog::instance().entries())
                if (e.sequence > sequence && e.server == h.sshDocker.name && !waitPolls.contains(e.argv))
                    out << e.argv;
            return out;
        };
        for (const PlanAction expectedAction : {PlanAction::Create, PlanAction::Replace}) {
            const quint64 beforePlan = lastSequence();
            auto plan = (*backend)->plan(a, ctx);
            QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
            QCOMPARE(plan->action, expectedAction);
            const QList<QStringList> queries = commandsAfter(beforePlan);
            QList<QStringList> planned;
            for (const PlannedCommand &c : plan->commands)
                planned << ActivityLog::entryFor(c.command, h.sshDocker.name, {}).argv;   // masked as the log masks
            QVERIFY(planned.size() >= 4);
            const quint64 beforeDeploy = lastSequence();
            auto outcome = (*backend)->deploy(a, ctx);
            QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().toString()));
            QCOMPARE(commandsAfter(beforeDeploy), queries + planned);
            QCOMPARE(engineContainers(a).size(), 2);
            a.image = DockerFixture::image2();
        }
    }

    void domainsGetProxyLabelsAndTheProxyNeedsItsImage()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-domain"), h.sshDocker);
        a.ports = {80};
        a.domains = {QStringLiteral("shop.example.test")};
        a.replicas = 2;   // routed by domain: replicas may share the port
        a = h.add(a);
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        const QString labels = QString::fromUtf8(DockerFixture::docker(
            {QStringLiteral("inspect"), QStringLiteral("--format"), QStringLiteral("{{json .Config.Labels}}"), QStringLiteral("fdtest-sa-domain.2")}));
        const QJsonObject l = QJsonDocument::fromJson(labels.toUtf8()).object();
        QCOMPARE(l.value(QStringLiteral("traefik.http.routers.fd-fdtest-sa-domain.rule")).toString(), QStringLiteral("Host(`shop.example.test`)"));
        QCOMPARE(l.value(QStringLiteral("traefik.http.services.fd-fdtest-sa-domain.loadbalancer.server.port")).toString(), QStringLiteral("80"));
        const QString nets = QString::fromUtf8(DockerFixture::docker(
            {QStringLiteral("inspect"), QStringLiteral("--format"), QStringLiteral("{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}"),
             QStringLiteral("fdtest-sa-domain.1")}));
        QVERIFY2(nets.contains(QLatin1String("fleetdeck-proxy")), qPrintable(nets));
        // No registry here: the install stops at the image, with a message that says what to do.
        proxy::ProxySettings s;
        s.image = QStringLiteral("traefik:v3.1-fdtest-missing");
        const Status installed = h.ops->installProxy(h.sshDocker.id, s);
        QVERIFY(!installed.ok());
        QCOMPARE(installed.error().kind, ErrorKind::NotFound);
        QVERIFY2(installed.error().message.contains(QLatin1String("traefik:v3.1-fdtest-missing is not on")), qPrintable(installed.error().message));
        QVERIFY(installed.error().message.contains(QLatin1String("docker load")));
        auto plan = h.ops->proxyPlan(h.sshDocker.id, {});
        QVERIFY(plan.ok());
        QVERIFY(plan->last().command.argv.contains(QStringLiteral("--providers.docker=true")));
    }

    void localTransportToo()
    {
        Application a = newApp(QStringLiteral("fdtest-sa-local"), h.local);
        a.env = {{QStringLiteral("GREETING"), QStringLiteral("hello 'local' $USER"), true}};
        a = h.add(a);
        const int before = h.remoteCommands();
        QCOMPARE(deployOk(a).status, DeploymentStatus::Finished);
        QCOMPARE(h.remoteCommands(), before);   // nothing went through sshd
        ExecRequest r;
        r.argv = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo \"$GREETING\"")};
        auto res = h.ops->exec(a.id, r);
        QVERIFY(res.ok());
        QCOMPARE(QString::fromUtf8(res->stdoutData), QStringLiteral("hello 'local' $USER\n"));
        auto st = h.ops->status(a.id);
        QVERIFY(st.ok());
        QCOMPARE(st->running, 1);
        auto lines = h.ops->logs(a.id, {});
        QVERIFY(lines.ok());
        QVERIFY(!lines->isEmpty());
    }

    void statusOfFiftyApplicationsInOneCommand()
    {
        // Only this test's applications in the store.
        auto existing = h.temp->store->applications();
        QVERIFY(existing.ok());
        for (const Application &e : *existing)
            QVERIFY(h.temp->store->removeApplication(e.id).ok());
        QList<Application> apps;
        QStringList toStart;
        for (int i = 0; i < 50; ++i) {
            Application a = h.add(newApp(QStringLiteral("fdtest-many-%1").arg(i), h.sshDocker));
            apps << a;
            // Made straight on the engine (faster than 50 deploys): every 5th runs, the others are created.
            const QString name = QStringLiteral("fdtest-many-%1.1").arg(i);
            int code = -1;
            DockerFixture::docker({QStringLiteral("create"), QStringLiteral("--name"), name,
                                   QStringLiteral("--label"), QStringLiteral("fleetdeck.managed=true"),
                                   QStringLiteral("--label"), QStringLiteral("fleetdeck.app=") + a.uuid, DockerFixture::image1()},
                                  &code);
            QCOMPARE(code, 0);
            if (i % 5 == 0)
                toStart << name;
        }
        int started = -1;
        DockerFixture::docker(QStringList{QStringLiteral("start")} + toStart, &started);
        QCOMPARE(started, 0);
        const int before = h.remoteCommands();
        auto fleet = h.ops->statusAll();
        QVERIFY(fleet.ok());
        QCOMPARE(h.remoteCommands() - before, 1);    // one command over SSH for 50 applications
        QCOMPARE(fleet->remoteCallsPerServer.value(h.sshDocker.id), 1);
        QCOMPARE(fleet->applications.size(), 50);
        QHash<QString, AppStatus> byName;
        for (const AppStatus &s : fleet->applications)
            byName.insert(s.application, s);
        for (int i = 0; i < 50; ++i) {
            const AppStatus s = byName.value(apps.at(i).name);
            QCOMPARE(s.application, apps.at(i).name);
            QCOMPARE(s.desired, 1);
            QCOMPARE(s.running, i % 5 == 0 ? 1 : 0);
            QCOMPARE(engineStateName(s.state), i % 5 == 0 ? QStringLiteral("running") : QStringLiteral("starting"));
        }
        QCOMPARE(h.reload(apps.at(0)).status, ApplicationStatus::Running);
    }
};

QTEST_GUILESS_MAIN(TestDockerStandalone)
#include "tst_docker_standalone.moc"
