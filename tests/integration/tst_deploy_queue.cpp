// Integration: the deployment job and its queue on a real engine through the real sshd: one deployment
// at a time per application, cancel (queued and running), the build step from a local folder, a deploy
// without waiting settled by a later status query, the engine stopped mid-way, and the CLI end to end.
#include "DockerFixture.h"
#include "RealComponent.h"

#include "deploy/BuildContext.h"
#include "services/Operations.h"
#include "store/Repositories.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fleetdeck;
using fleetdeck::test::DockerFixture;

namespace {

QString logText(const Deployment &d)
{
    QString out;
    for (const DeploymentLogEntry &e : d.log)
        out += e.step + QLatin1Char(' ') + e.command + QLatin1Char('\n') + e.output + QLatin1Char('\n');
    return out;
}

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestDeployQueue : public QObject
{
    Q_OBJECT

    fleetdeck::test::OperationsHarness h;
    QString m_missing;

    CliRun cli(const QStringList &args, int timeoutMs = 120000)
    {
        QProcess p;
        p.start(test::builtProgram(QStringLiteral("app/fleetdeck-cli")), QStringList{QStringLiteral("--db"), h.temp->path} + args);
        CliRun r;
        if (!p.waitForStarted(10000) || !p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("did not finish");
            return r;
        }
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    Deployment stored(qint64 id) { return *h.temp->store->deployment(id); }

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
        DockerFixture::docker({QStringLiteral("image"), QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("fdtest-built/app:latest")});
    }

    void oneDeploymentAtATimePerApplication()
    {
        Application a = DockerFixture::app(QStringLiteral("fdtest-q-one"), h.sshDocker.id);
        a.replicas = 2;
        a = h.add(a);
        Application b = h.add(DockerFixture::app(QStringLiteral("fdtest-q-other"), h.sshDocker.id));
        DeployOptions o;
        o.timeoutSeconds = 60;
        auto first = h.ops->enqueueDeploy(a.id, o);
        auto second = h.ops->enqueueDeploy(a.id, o);
        auto other = h.ops->enqueueDeploy(b.id, o);
        QVERIFY(first.ok() && second.ok() && other.ok());
        QCOMPARE(first->status, DeploymentStatus::Queued);
        QVERIFY(h.ops->queue().isBusy(a.id));
        QCOMPARE(h.ops->queue().queuedCount(a.id), 1);
        // Mutations of a busy application wait for its deployments.
        auto refused = h.ops->scale(a.id, 1);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Conflict);
        auto d1 = h.ops->queue().wait(first->id, 120000);
        auto d2 = h.ops->queue().wait(second->id, 120000);
        auto d3 = h.ops->queue().wait(other->id, 120000);
        QVERIFY(d1.ok() && d2.ok() && d3.ok());
        QCOMPARE(d1->status, DeploymentStatus::Finished);
        QCOMPARE(d2->status, DeploymentStatus::Finished);
        QCOMPARE(d3->status, DeploymentStatus::Finished);
        const Deployment s1 = stored(first->id), s2 = stored(second->id);
        QVERIFY2(s2.startedAt >= s1.finishedAt, qPrintable(s1.finishedAt.toString(Qt::ISODateWithMs) + QLatin1Char(' ') +
                                                           s2.startedAt.toString(Qt::ISODateWithMs)));
        QVERIFY(!h.ops->queue().isBusy(a.id));
        auto st = h.ops->status(a.id);
        QVERIFY(st.ok());
        QCOMPARE(st->deploymentId, second->id);
        QCOMPARE(st->running, 2);
    }

    void cancelQueuedAndRunning()
    {
        Application a = DockerFixture::app(QStringLiteral("fdtest-q-cancel"), h.sshDocker.id);
        a = h.add(a);
        DeployOptions o;
        o.timeoutSeconds = 60;
        QCOMPARE(h.ops->deploy(a.id, o)->status, DeploymentStatus::Finished);
        const QString before = DockerFixture::dockerLines({QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--no-trunc"),
                                                           QStringLiteral("--filter"), QStringLiteral("name=fdtest-q-cancel.1")}).value(0);
        QVERIFY(!before.isEmpty());
        // The next version never becomes healthy: its deployment waits until cancelled.
        a.health.command = QStringLiteral("exit 1");
        a.health.intervalSeconds = 30;
        a.health.startPeriodSeconds = 60;
        QVERIFY(h.temp->store->updateApplication(a).ok());
        auto running = h.ops->enqueueDeploy(a.id, o);
        auto queued = h.ops->enqueueDeploy(a.id, o);
        QVERIFY(running.ok() && queued.ok());
        QVERIFY(h.ops->cancelDeployment(queued->id).ok());
        auto q = h.ops->queue().wait(queued->id, 10000);
        QVERIFY(q.ok());
        QCOMPARE(q->status, DeploymentStatus::Cancelled);
        QVERIFY(logText(stored(queued->id)).contains(QLatin1String("cancelled before it started")));
        // Wait until the replacement was created, then cancel the running deployment.
        QTRY_VERIFY_WITH_TIMEOUT(logText(stored(running->id)).contains(QLatin1String("docker start")), 30000);
        QVERIFY(h.ops->cancelDeployment(running->id).ok());
        auto r = h.ops->queue().wait(running->id, 30000);
        QVERIFY(r.ok());
        QCOMPARE(r->status, DeploymentStatus::Cancelled);
        // The old container is back, untouched.
        const QStringList now = DockerFixture::dockerLines({QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--no-trunc"),
                                                            QStringLiteral("--filter"), QStringLiteral("label=fleetdeck.app=") + a.uuid});
        QCOMPARE(now, QStringList{before});
        QCOMPARE(h.reload(a).status, ApplicationStatus::Running);
        QVERIFY(!h.ops->cancelDeployment(running->id).ok());   // over: nothing to cancel
    }

    void buildFromALocalFolder()
    {
        QTemporaryDir src;
        QVERIFY(src.isValid());
        QDir(src.path()).mkpath(QStringLiteral("site/sub"));
        QFile df(src.filePath(QStringLiteral("Dockerfile")));
        QVERIFY(df.open(QIODevice::WriteOnly));
        df.write("FROM fleetdeck-test/busybox:1\nCOPY site/ /www/\n");
        df.close();
        QFile page(src.filePath(QStringLiteral("site/index.html")));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write("built by fleetdeck\n");
        page.close();
        QFile deep(src.filePath(QStringLiteral("site/sub/deep.txt")));
        QVERIFY(deep.open(QIODevice::WriteOnly));
        deep.write("deep\n");
        deep.close();
        Application a = DockerFixture::app(QStringLiteral("fdtest-q-build"), h.sshDocker.id);
        a.image = QStringLiteral("fdtest-built/app:latest");
        a.buildSource = src.path();
        a = h.add(a);
        DeployOptions o;
        o.timeoutSeconds = 120;
        auto d = h.ops->deploy(a.id, o);
        QVERIFY(d.ok());
        QVERIFY2(d->status == DeploymentStatus::Finished, qPrintable(d->error + logText(stored(d->id))));
        QCOMPARE(d->image, QStringLiteral("fdtest-built/app:fleetdeck-%1").arg(d->id));
        const QString log = logText(stored(d->id));
        QVERIFY(log.contains(QLatin1String("docker build")));
        QVERIFY(log.contains(QLatin1String("Successfully tagged")) || log.contains(QLatin1String("naming to")));
        ExecRequest r;
        r.argv = {QStringLiteral("cat"), QStringLiteral("/www/index.html"), QStringLiteral("/www/sub/deep.txt")};
        auto res = h.ops->exec(a.id, r);
        QVERIFY(res.ok());
        QCOMPARE(QString::fromUtf8(res->stdoutData), QStringLiteral("built by fleetdeck\ndeep\n"));
        // A broken build fails the deployment with the builder's words.
        QFile broken(src.filePath(QStringLiteral("Dockerfile")));
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("FROM fleetdeck-test/busybox:1\nRUN exit 3\n");
        broken.close();
        auto bad = h.ops->deploy(a.id, o);
        QVERIFY(bad.ok());
        QCOMPARE(bad->status, DeploymentStatus::Failed);
        QVERIFY2(bad->error.contains(QLatin1String("the image build failed")), qPrintable(bad->error));
        DockerFixture::docker({QStringLiteral("image"), QStringLiteral("rm"), QStringLiteral("-f"), d->image,
                               QStringLiteral("fdtest-built/app:fleetdeck-%1").arg(bad->id)});
    }

    void deployWithoutWaitingIsSettledByStatus()
    {
        Application a = DockerFixture::app(QStringLiteral("fdtest-q-nowait"), h.sshSwarm.id);
        a.swarmReplicas = 2;
        a = h.add(a);
        DeployOptions o;
        o.wait = false;
        auto d = h.ops->deploy(a.id, o);
        QVERIFY(d.ok());
        QVERIFY2(d->status == DeploymentStatus::InProgress || d->status == DeploymentStatus::Finished, qPrintable(d->error));
        QTRY_VERIFY_WITH_TIMEOUT(h.ops->status(a.id).ok() && stored(d->id).status == DeploymentStatus::Finished, 30000);
        QCOMPARE(h.reload(a).status, ApplicationStatus::Running);
    }

    void engineStoppedMidway()
    {
        Application a = DockerFixture::app(QStringLiteral("fdtest-q-engine"), h.sshDocker.id);
        a.health.command = QStringLiteral("exit 1");   // never healthy: the deploy is still waiting when the engine goes
        a.health.intervalSeconds = 30;
        a.health.startPeriodSeconds = 60;
        a = h.add(a);
        Application s = h.add(DockerFixture::app(QStringLiteral("fdtest-q-engine-sw"), h.sshSwarm.id));
        DeployOptions o;
        o.timeoutSeconds = 120;
        auto queued = h.ops->enqueueDeploy(a.id, o);
        QVERIFY(queued.ok());
        QTRY_VERIFY_WITH_TIMEOUT(logText(stored(queued->id)).contains(QLatin1String("docker start")), 30000);
        QString why;
        QVERIFY2(DockerFixture::killEngine(&why), qPrintable(why));
        auto d = h.ops->queue().wait(queued->id, 60000);
        QVERIFY(d.ok());
        QCOMPARE(d->status, DeploymentStatus::Failed);
        QVERIFY2(d->error.contains(QLatin1String("Docker engine on")) && d->error.contains(QLatin1String("not answering")),
                 qPrintable(d->error));
        auto st = h.ops->status(s.id);
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(QLatin1String("is not answering (is dockerd running?)")), qPrintable(st.error().message));
        QVERIFY2(DockerFixture::restartEngine(&why), qPrintable(why));
        auto back = h.ops->status(s.id);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    }

    void cliEndToEnd()
    {
        Application a = DockerFixture::app(QStringLiteral("fdtest-q-cli"), h.sshSwarm.id);
        a.env = {{QStringLiteral("SECRET_TOKEN"), QStringLiteral("tok'en $x"), true}};
        a = h.add(a);
        CliRun plan = cli({QStringLiteral("plan"), a.name});
        QCOMPARE(plan.exitCode, 0);
        QVERIFY2(plan.out.contains(QLatin1String("'docker' 'service' 'create'")), qPrintable(plan.out));
        QVERIFY(plan.out.contains(QLatin1String("SECRET_TOKEN=***")));
        QVERIFY(!plan.out.contains(QLatin1String("tok'en")));

        CliRun deploy = cli({QStringLiteral("deploy"), a.name, QStringLiteral("--wait"), QStringLiteral("--timeout"), QStringLiteral("90")});
        QVERIFY2(deploy.exitCode == 0, qPrintable(deploy.out + deploy.err));
        QVERIFY(deploy.out.contains(QLatin1String(": finished")));
        QVERIFY(deploy.err.contains(QLatin1String("[wait]")));   // progress goes to stderr

        CliRun status = cli({QStringLiteral("status"), a.name, QStringLiteral("--json")});
        QCOMPARE(status.exitCode, 0);
        const QJsonObject st = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QCOMPARE(st.value(QStringLiteral("orchestrator")).toString(), QStringLiteral("swarm"));
        QCOMPARE(st.value(QStringLiteral("desired")).toInt(), 1);
        QCOMPARE(st.value(QStringLiteral("running")).toInt(), 1);
        QCOMPARE(st.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(st.value(QStringLiteral("replicas")).toArray().size(), 1);

        CliRun scale = cli({QStringLiteral("scale"), a.name, QStringLiteral("2"), QStringLiteral("--wait")});
        QVERIFY2(scale.exitCode == 0, qPrintable(scale.err));
        QVERIFY2(scale.out.contains(QLatin1String("2 of 2 replicas running")), qPrintable(scale.out));

        CliRun all = cli({QStringLiteral("status"), QStringLiteral("--all"), QStringLiteral("--json")});
        QCOMPARE(all.exitCode, 0);
        const QJsonObject fleet = QJsonDocument::fromJson(all.out.toUtf8()).object();
        bool found = false;
        for (const QJsonValue &v : fleet.value(QStringLiteral("applications")).toArray())
            if (v.toObject().value(QStringLiteral("application")).toString() == a.name) {
                found = true;
                QCOMPARE(v.toObject().value(QStringLiteral("running")).toInt(), 2);
            }
        QVERIFY(found);
        for (const QJsonValue &calls : fleet.value(QStringLiteral("remoteCallsPerServer")).toObject())
            QCOMPARE(calls.toInt(), 1);

        CliRun exec = cli({QStringLiteral("exec"), a.name, QStringLiteral("--replica"), QStringLiteral("2"), QStringLiteral("--"),
                           QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo \"$SECRET_TOKEN\"; exit 4")});
        QCOMPARE(exec.exitCode, 4);
        QCOMPARE(exec.out, QStringLiteral("tok'en $x\n"));

        CliRun logs = cli({QStringLiteral("logs"), a.name, QStringLiteral("--tail"), QStringLiteral("5")});
        QCOMPARE(logs.exitCode, 0);
        QVERIFY2(logs.out.contains(QLatin1String("fdtest-q-cli.1 | ")) && logs.out.contains(QLatin1String("fdtest-q-cli.2 | ")),
                 qPrintable(logs.out));

        // Following until Ctrl-C.
        QProcess follow;
        follow.start(test::builtProgram(QStringLiteral("app/fleetdeck-cli")),
                     {QStringLiteral("--db"), h.temp->path, QStringLiteral("logs"), a.name, QStringLiteral("--follow")});
        QVERIFY(follow.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT((follow.waitForReadyRead(200), follow.peek(1 << 20).contains("started on")), 20000);
        ::kill(pid_t(follow.processId()), SIGINT);
        QVERIFY(follow.waitForFinished(15000));
        QCOMPARE(follow.exitCode(), 0);

        CliRun top = cli({QStringLiteral("top"), a.name, QStringLiteral("--json")});
        QCOMPARE(top.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(top.out.toUtf8()).array().size(), 2);

        CliRun history = cli({QStringLiteral("deployments"), a.name, QStringLiteral("--json")});
        QCOMPARE(history.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(history.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        const int id = list.first().toObject().value(QStringLiteral("id")).toInt();
        CliRun dlog = cli({QStringLiteral("deployment-log"), QString::number(id)});
        QCOMPARE(dlog.exitCode, 0);
        QVERIFY(dlog.out.contains(QLatin1String("docker service create")));
        QVERIFY(!dlog.out.contains(QLatin1String("tok'en")));

        CliRun restart = cli({QStringLiteral("restart"), a.name, QStringLiteral("--wait")});
        QVERIFY2(restart.exitCode == 0, qPrintable(restart.err));
        CliRun stop = cli({QStringLiteral("stop"), a.name, QStringLiteral("--wait")});
        QCOMPARE(stop.exitCode, 0);
        QVERIFY(stop.out.contains(QLatin1String("stopped")));

        CliRun usage = cli({QStringLiteral("scale"), a.name, QStringLiteral("many")});
        QCOMPARE(usage.exitCode, 2);
        CliRun unknown = cli({QStringLiteral("status"), QStringLiteral("fdtest-nope")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QLatin1String("fdtest-nope")));
        CliRun proxy = cli({QStringLiteral("proxy"), QStringLiteral("install"), h.sshSwarm.name, QStringLiteral("--dry-run")});
        QCOMPARE(proxy.exitCode, 0);
        QVERIFY(proxy.out.contains(QLatin1String("--providers.swarm=true")));
        QVERIFY(proxy.out.contains(QLatin1String("mode=host,target=80,published=80")));
    }
};

QTEST_GUILESS_MAIN(TestDeployQueue)
#include "tst_deploy_queue.moc"
