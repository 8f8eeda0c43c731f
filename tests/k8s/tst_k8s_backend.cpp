// The Kubernetes backend against the real test control plane (tests/k8s/cluster: kube-apiserver,
// controller-manager, scheduler, etcd, kwok nodes), through the local transport: manifests validated
// by the API server, deploy, scale, restart, rollback, placement, a rollout that cannot converge,
// stop, quota, a manual scale that survives a redeploy, status of many, logs, exec, top.
#include "KubeClusterFixture.h"
#include "RealComponent.h"
#include "SshdFixture.h"

#include "manifests/KubernetesNames.h"
#include "orchestrators/OrchestratorFactory.h"
#include "orchestrators/kubernetes/KubernetesOrchestrator.h"
#include "remote/ActivityLog.h"
#include "remote/LocalTransport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::KubeClusterFixture;

namespace {

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QString describe(const Error &e)
{
    return e.toString() + (e.detail.isEmpty() ? QString() : QStringLiteral(" [") + e.detail + QLatin1Char(']'));
}

} // namespace

class TestK8sBackend : public QObject
{
    Q_OBJECT

private:
    KubeClusterFixture m_cluster;
    std::shared_ptr<Transport> m_local = std::make_shared<LocalTransport>();
    QList<StepRecord> m_steps;
    qint64 m_nextDeployment = 100;

    std::unique_ptr<KubernetesOrchestrator> backend(const QString &ns, bool storedKubeconfig = false)
    {
        return std::make_unique<KubernetesOrchestrator>(m_cluster.localServer(ns, storedKubeconfig), m_local);
    }

    OperationContext ctx(qint64 deploymentId = 0)
    {
        OperationContext c;
        c.deploymentId = deploymentId;
        c.deadline = QDeadlineTimer(180000);
        c.onStep = [this](const StepRecord &s) { m_steps.append(s); };
        return c;
    }

    // deploy + rollout status; Failed/Converged as the backend judged it.
    Result<RolloutProgress> deployAndWait(KubernetesOrchestrator &o, const Application &app, int timeoutSeconds = 60)
    {
        const OperationContext c = ctx(++m_nextDeployment);
        auto out = o.deploy(app, c);
        if (!out)
            return out.error();
        return o.waitForRollout(app, *out, timeoutSeconds, c);
    }

    QJsonObject deployment(const QString &ns, const QString &name)
    {
        return m_cluster.kubectlJson({QStringLiteral("get"), QStringLiteral("deployment"), name, QStringLiteral("-n"), ns});
    }

    QJsonArray pods(const QString &ns, const Application &app)
    {
        return m_cluster.kubectlJson({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), ns,
                                      QStringLiteral("-l"), manifests::appSelector(app)})
            .value(QLatin1String("items")).toArray();
    }

    QStringList liveNodes(const QString &ns, const Application &app)
    {
        QStringList out;
        for (const QJsonValue &p : pods(ns, app))
            if (!p.toObject().value(QLatin1String("metadata")).toObject().contains(QLatin1String("deletionTimestamp")))
                out << p.toObject().value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString();
        return out;
    }

    QString currentReplicaSet(const QString &ns, const Application &app)
    {
        const QJsonObject d = deployment(ns, app.name);
        const QString revision = d.value(QLatin1String("metadata")).toObject().value(QLatin1String("annotations")).toObject()
                                     .value(QLatin1String("deployment.kubernetes.io/revision")).toString();
        const QJsonArray sets = m_cluster.kubectlJson({QStringLiteral("get"), QStringLiteral("replicasets"), QStringLiteral("-n"), ns,
                                                       QStringLiteral("-l"), manifests::appSelector(app)})
                                    .value(QLatin1String("items")).toArray();
        for (const QJsonValue &s : sets) {
            const QJsonObject meta = s.toObject().value(QLatin1String("metadata")).toObject();
            if (meta.value(QLatin1String("annotations")).toObject().value(QLatin1String("deployment.kubernetes.io/revision")).toString() == revision)
                return meta.value(QLatin1String("name")).toString();
        }
        return {};
    }

    Application fullApplication(const QString &name)
    {
        Application a = KubeClusterFixture::application(name, 2);
        a.ports = {8080, 9090};
        a.domains = {QStringLiteral("%1.example.com").arg(name), QStringLiteral("*.%1.example.org").arg(name)};
        a.env = {{QStringLiteral("MODE"), QStringLiteral("production"), false},
                 {QStringLiteral("FLAG"), QStringLiteral("true"), false},
                 {QStringLiteral("API_TOKEN"), QStringLiteral("s3cr3t value"), true}};
        a.health.path = QStringLiteral("/healthz");
        a.cpuLimit = QStringLiteral("0.5");
        a.memoryLimit = QStringLiteral("512m");
        a.cpuReservation = QStringLiteral("0.25");
        a.memoryReservation = QStringLiteral("128m");
        a.nodeSelector = obj(R"({"kubernetes.io/os":"linux"})");
        a.tolerations = QJsonDocument::fromJson(R"([{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"}])").array();
        a.affinity = obj(R"({"nodeAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":1,"preference":{"matchExpressions":[{"key":"disktype","operator":"In","values":["ssd"]}]}}]}})");
        a.podLabels = obj(R"({"team":"payments","tier":"web"})");
        a.serviceAnnotations = obj(R"({"example.com/owner":"payments"})");
        a.serviceType = ServiceType::NodePort;
        return a;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("fleetdeck.*.debug=false"));
        QString why;
        const bool up = m_cluster.start(&why);
        FLEETDECK_REQUIRE_COMPONENT(up, why);
    }

    void init()
    {
        m_steps.clear();
    }

    void factoryGivesTheKubernetesBackend()
    {
        auto o = Orchestrators::create({m_cluster.localServer(QStringLiteral("default"), false), m_local, {}, {}});
        QVERIFY2(o.ok(), qPrintable(o.ok() ? QString() : o.error().toString()));
        QCOMPARE((*o)->kind(), Orchestrator::Kubernetes);
        QVERIFY(dynamic_cast<KubernetesOrchestrator *>(o->get()));
    }

    // Every generated manifest passes the API server's own validation (server-side dry run), for
    // a set of applications that together use every field.
    void manifestsPassServerDryRun_data()
    {
        QTest::addColumn<int>("variant");
        QTest::newRow("everything") << 0;
        QTest::newRow("minimal, no port") << 1;
        QTest::newRow("issuer + LoadBalancer + exec probe") << 2;
        QTest::newRow("digit-first name, quota and limits") << 3;
        QTest::newRow("zero replicas, multi-line env") << 4;
    }
    void manifestsPassServerDryRun()
    {
        QFETCH(int, variant);
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("dry"), variant % 2 == 0);
        Server server = m_cluster.localServer(ns, false);
        std::optional<KubernetesNamespace> nsSettings;
        Application app = fullApplication(QStringLiteral("dry%1").arg(variant));
        switch (variant) {
        case 1:
            app = KubeClusterFixture::application(QStringLiteral("bare"));
            app.ports.clear();
            break;
        case 2:
            server.settings.certIssuer = QStringLiteral("letsencrypt-prod");
            server.settings.ingressClass = QStringLiteral("traefik");
            app.serviceType = ServiceType::LoadBalancer;
            app.health.path.clear();
            app.health.command = QStringLiteral("wget -qO- http://127.0.0.1:8080/ || exit 1");
            break;
        case 3: {
            app.name = QStringLiteral("9lives");
            KubernetesNamespace n;
            n.name = ns;
            n.resourceQuota = obj(R"({"pods":"20","requests.cpu":"4","requests.memory":"8Gi","limits.cpu":"8"})");
            n.limitRange = obj(R"({"default":{"cpu":"500m","memory":"256Mi"},"defaultRequest":{"cpu":"100m","memory":"64Mi"},"max":{"cpu":"2"}})");
            nsSettings = n;
            break;
        }
        case 4:
            app.kubernetesReplicas = 0;
            app.env.append({QStringLiteral("PEM"), QStringLiteral("-----BEGIN X-----\nYQ==\n-----END X-----\n"), true});
            app.env.append({QStringLiteral("ODD"), QStringLiteral("a: b # c, 'd' \"e\" 0755 yes"), false});
            break;
        }
        KubernetesOrchestrator o(server, m_local, nsSettings);
        const Status dry = o.validateManifests(app, ctx(7));
        QVERIFY2(dry.ok(), qPrintable(dry.ok() ? QString() : describe(dry.error())));
        // The same YAML (unmasked), straight into kubectl: no Fleetdeck in between.
        auto set = o.manifestsFor(app, ctx(7));
        QVERIFY(set.ok());
        int code = -1;
        QByteArray err;
        if (variant % 2 == 0) {   // the namespace exists: the exact documents a deploy sends
            m_cluster.kubectl({QStringLiteral("apply"), QStringLiteral("--dry-run=server"), QStringLiteral("-f"), QStringLiteral("-")},
                              &code, set->yaml(false), &err);
            QVERIFY2(code == 0, err.constData());
        } else {
            QVERIFY(set->find(QStringLiteral("Namespace")));
        }
        // Nothing was created by the dry runs.
        QVERIFY(deployment(ns, app.name).isEmpty());
    }

    void deployFromNothingToReady()
    {
        // The namespace does not exist yet: the deploy creates it. The stored kubeconfig is uploaded.
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("new"), false);
        auto o = backend(ns, true);
        Application app = fullApplication(QStringLiteral("shop"));
        QElapsedTimer t;
        t.start();
        auto done = deployAndWait(*o, app);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : describe(done.error())));
        QVERIFY2(done->phase == RolloutPhase::Converged, qPrintable(done->reason));
        qInfo("deploy from nothing to Ready: %lld ms", t.elapsed());
        // The kubeconfig reached every kubectl on stdin (KubectlInvocation.h); nothing of it is left.
        QVERIFY(std::any_of(m_steps.begin(), m_steps.end(),
                            [](const StepRecord &s) { return s.command.contains(QLatin1String("--kubeconfig=<stdin>")); }));
        QCOMPARE(QDir(QStringLiteral("/tmp")).entryList({QStringLiteral("fleetdeck-kubectl.*")}, QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList());
        // The secret value never reached the step log.
        for (const StepRecord &s : m_steps)
            QVERIFY(!s.output.contains(QLatin1String("s3cr3t")) && !s.command.contains(QLatin1String("s3cr3t")));

        auto st = o->status(app, ctx());
        QVERIFY(st.ok());
        QCOMPARE(st->state, EngineState::Running);
        QCOMPARE(st->desired, 2);
        QCOMPARE(st->running, 2);
        QCOMPARE(st->replicas.size(), 2);
        for (const ReplicaStatus &r : st->replicas) {
            QVERIFY(r.running);
            QVERIFY(!r.node.isEmpty());
            QCOMPARE(r.health, QStringLiteral("healthy"));
            QCOMPARE(r.deploymentId, m_nextDeployment);
        }
        QCOMPARE(st->deploymentId, m_nextDeployment);
        // The objects, as the cluster has them.
        const QJsonObject svc = m_cluster.kubectlJson({QStringLiteral("get"), QStringLiteral("service"), app.name, QStringLiteral("-n"), ns});
        QCOMPARE(svc.value(QLatin1String("spec")).toObject().value(QLatin1String("ports")).toArray().at(0).toObject().value(QLatin1String("port")).toInt(), 8080);
        QCOMPARE(svc.value(QLatin1String("spec")).toObject().value(QLatin1String("type")).toString(), QStringLiteral("NodePort"));
        const QJsonObject ing = m_cluster.kubectlJson({QStringLiteral("get"), QStringLiteral("ingress"), app.name, QStringLiteral("-n"), ns});
        QCOMPARE(ing.value(QLatin1String("spec")).toObject().value(QLatin1String("ingressClassName")).toString(), QStringLiteral("nginx"));
        const QJsonObject secret = m_cluster.kubectlJson({QStringLiteral("get"), QStringLiteral("secret"), manifests::secretName(app), QStringLiteral("-n"), ns});
        QCOMPARE(QByteArray::fromBase64(secret.value(QLatin1String("data")).toObject().value(QLatin1String("API_TOKEN")).toString().toLatin1()),
                 QByteArray("s3cr3t value"));
        const QJsonObject d = deployment(ns, app.name);
        const QJsonObject c0 = d.value(QLatin1String("spec")).toObject().value(QLatin1String("template")).toObject()
                                   .value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray().at(0).toObject();
        QCOMPARE(c0.value(QLatin1String("resources")).toObject().value(QLatin1String("limits")).toObject().value(QLatin1String("cpu")).toString(), QStringLiteral("500m"));
        QCOMPARE(c0.value(QLatin1String("resources")).toObject().value(QLatin1String("limits")).toObject().value(QLatin1String("memory")).toString(), QStringLiteral("512Mi"));
        QCOMPARE(d.value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")).toObject().value(QLatin1String("app.kubernetes.io/managed-by")).toString(),
                 QStringLiteral("fleetdeck"));
        // A second deploy is an update, not a failure.
        auto again = deployAndWait(*o, app);
        QVERIFY(again.ok() && again->phase == RolloutPhase::Converged);
    }

    void scaleOneThreeZeroTwo()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("scale"));
        auto o = backend(ns);
        Application app = KubeClusterFixture::application(QStringLiteral("api"), 1);
        auto done = deployAndWait(*o, app);
        QVERIFY2(done.ok() && done->phase == RolloutPhase::Converged, qPrintable(done.ok() ? done->reason : describe(done.error())));
        for (int n : {3, 0, 2}) {
            QElapsedTimer t;
            t.start();
            auto scaled = o->scale(app, n, ctx());
            QVERIFY2(scaled.ok(), qPrintable(scaled.ok() ? QString() : describe(scaled.error())));
            QCOMPARE(scaled->desired, n);
            AppStatus last;
            const bool settled = KubeClusterFixture::waitUntil([&] {
                auto st = o->status(app, ctx());
                if (!st)
                    return false;
                last = *st;
                int live = 0;
                for (const ReplicaStatus &r : st->replicas)
                    live += r.state == QLatin1String("terminating") ? 0 : 1;
                return st->desired == n && st->running == n && live == n
                    && st->state == (n == 0 ? EngineState::Stopped : EngineState::Running);
            }, 60000);
            QVERIFY2(settled, qPrintable(QStringLiteral("scale to %1: %2 %3/%4 %5").arg(n).arg(engineStateName(last.state)).arg(last.running).arg(last.desired).arg(last.message)));
            qInfo("scale to %d settled in %lld ms", n, t.elapsed());
            // What the backend says is what the cluster has.
            const QJsonObject d = deployment(ns, app.name);
            QCOMPARE(d.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), n);
            QCOMPARE(d.value(QLatin1String("status")).toObject().value(QLatin1String("readyReplicas")).toInt(), last.running);
            QCOMPARE(liveNodes(ns, app).size(), n);
        }
    }

    void restartMakesANewReplicaSet()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("restart"));
        auto o = backend(ns);
        Application app = KubeClusterFixture::application(QStringLiteral("worker"), 2);
        auto done = deployAndWait(*o, app);
        QVERIFY(done.ok() && done->phase == RolloutPhase::Converged);
        const QString before = currentReplicaSet(ns, app);
        QVERIFY(!before.isEmpty());
        auto restarted = o->restart(app, ctx());
        QVERIFY2(restarted.ok(), qPrintable(restarted.ok() ? QString() : describe(restarted.error())));
        auto waited = o->waitForRollout(app, *restarted, 60, ctx());
        QVERIFY(waited.ok());
        QVERIFY2(waited->phase == RolloutPhase::Converged, qPrintable(waited->reason));
        const QString after = currentReplicaSet(ns, app);
        QVERIFY(!after.isEmpty());
        QVERIFY(after != before);
        QVERIFY(KubeClusterFixture::waitUntil([&] {
            auto st = o->status(app, ctx());
            if (!st || st->replicas.size() != 2)
                return false;
            for (const ReplicaStatus &r : st->replicas)
                if (!r.current || !r.name.startsWith(after))
                    return false;
            return true;
        }, 60000));
    }

    void rollbackReturnsToThePreviousReplicaSet()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("undo"));
        auto o = backend(ns);
        Application app = KubeClusterFixture::application(QStringLiteral("site"), 1);
        app.image = QStringLiteral("registry.example.com/site:1");
        auto first = deployAndWait(*o, app);
        QVERIFY(first.ok() && first->phase == RolloutPhase::Converged);
        const QString v1 = currentReplicaSet(ns, app);
        app.image = QStringLiteral("registry.example.com/site:2");
        auto second = deployAndWait(*o, app);
        QVERIFY(second.ok() && second->phase == RolloutPhase::Converged);
        const QString v2 = currentReplicaSet(ns, app);
        QVERIFY(v1 != v2);
        auto back = o->rollback(app, QString(), ctx());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : describe(back.error())));
        auto waited = o->waitForRollout(app, *back, 60, ctx());
        QVERIFY(waited.ok() && waited->phase == RolloutPhase::Converged);
        QCOMPARE(currentReplicaSet(ns, app), v1);
        QCOMPARE(waited->status.image, QStringLiteral("registry.example.com/site:1"));
        // A Deployment with a single revision has nothing to return to: a clear error.
        Application lone = KubeClusterFixture::application(QStringLiteral("lone"), 1);
        QVERIFY(deployAndWait(*o, lone).ok());
        auto none = o->rollback(lone, QString(), ctx());
        QVERIFY(!none.ok());
        QCOMPARE(none.error().kind, ErrorKind::NotFound);
        QVERIFY2(none.error().message.contains(QLatin1String("no previous revision")), qPrintable(describe(none.error())));
    }

    void nodeSelectorLandsOnTheLabelledNode()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("sel"));
        auto o = backend(ns);
        Application app = KubeClusterFixture::application(QStringLiteral("db"), 3);
        app.nodeSelector = obj(R"({"disktype":"ssd"})");
        auto done = deployAndWait(*o, app);
        QVERIFY2(done.ok() && done->phase == RolloutPhase::Converged, qPrintable(done.ok() ? done->reason : describe(done.error())));
        const QStringList nodes = liveNodes(ns, app);
        QCOMPARE(nodes.size(), 3);
        for (const QString &n : nodes)
            QCOMPARE(n, QStringLiteral("kwok-node-1"));
    }

    void tolerationLetsPodsOnTheTaintedNode()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("tol"));
        auto o = backend(ns);
        // Without the toleration the gpu node refuses them.
        Application refused = KubeClusterFixture::application(QStringLiteral("trainer-a"), 1);
        refused.nodeSelector = obj(R"({"gpu":"true"})");
        auto no = deployAndWait(*o, refused, 4);
        QVERIFY(no.ok());
        QCOMPARE(no->phase, RolloutPhase::Failed);
        QVERIFY2(no->reason.startsWith(QLatin1String("Pending: ")), qPrintable(no->reason));
        // With it they run there.
        Application app = KubeClusterFixture::application(QStringLiteral("trainer"), 2);
        app.nodeSelector = obj(R"({"gpu":"true"})");
        app.tolerations = QJsonDocument::fromJson(R"([{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"}])").array();
        auto done = deployAndWait(*o, app);
        QVERIFY2(done.ok() && done->phase == RolloutPhase::Converged, qPrintable(done.ok() ? done->reason : describe(done.error())));
        const QStringList nodes = liveNodes(ns, app);
        QCOMPARE(nodes.size(), 2);
        for (const QString &n : nodes)
            QCOMPARE(n, QStringLiteral("kwok-node-2"));
    }

    void unsatisfiableSelectorFailsWithTheReason()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("stuck"));
        auto o = backend(ns);
        Application app = KubeClusterFixture::application(QStringLiteral("nowhere"), 2);
        app.nodeSelector = obj(R"({"disktype":"nvme"})");
        QElapsedTimer t;
        t.start();
        auto done = deployAndWait(*o, app, 5);
        const qint64 ms = t.elapsed();
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : describe(done.error())));
        QCOMPARE(done->phase, RolloutPhase::Failed);
        QVERIFY2(done->reason.startsWith(QLatin1String("Pending: no node matches")), qPrintable(done->reason));
        QVERIFY2(done->reason.contains(QLatin1String("did not converge within 5 s")), qPrintable(done->reason));
        qInfo("unsatisfiable selector reported after %lld ms: %s", ms, qPrintable(done->reason));
        QCOMPARE(engineStateName(done->status.state), QStringLiteral("starting"));
        QVERIFY(done->status.message.startsWith(QLatin1String("Pending: no node matches")));
        QCOMPARE(applicationStatusName(applicationStatusFor(done->status)), QStringLiteral("deploying"));
        // One look (checkRollout) says the same, still in progress: the deadline is the caller's.
        auto look = o->checkRollout(app, DeployOutcome{}, ctx());
        QVERIFY(look.ok());
        QCOMPARE(look->phase, RolloutPhase::InProgress);
        QVERIFY(look->reason.startsWith(QLatin1String("Pending: no node matches")));
    }

    void stopRemovesEveryObject()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("stop"));
        auto o = backend(ns);
        Application app = fullApplication(QStringLiteral("gone"));
        Application other = KubeClusterFixture::application(QStringLiteral("stays"), 1);
        QVERIFY(deployAndWait(*o, app).ok());
        QVERIFY(deployAndWait(*o, other).ok());
        auto stopped = o->stop(app, ctx());
        QVERIFY2(stopped.ok(), qPrintable(stopped.ok() ? QString() : describe(stopped.error())));
        const QByteArray left = m_cluster.kubectl({QStringLiteral("get"), QStringLiteral("deployments,replicasets,pods,services,ingresses,secrets"),
                                                   QStringLiteral("-n"), ns, QStringLiteral("-l"), manifests::appSelector(app),
                                                   QStringLiteral("-o"), QStringLiteral("name")});
        QVERIFY2(left.trimmed().isEmpty(), left.constData());
        auto st = o->status(app, ctx());
        QVERIFY(st.ok());
        QCOMPARE(st->state, EngineState::NotDeployed);
        QVERIFY(!st->exists);
        // The other application was not touched.
        auto kept = o->status(other, ctx());
        QVERIFY(kept.ok());
        QCOMPARE(kept->state, EngineState::Running);
        // Stopping what is not there is fine.
        QVERIFY(o->stop(app, ctx()).ok());
    }

    void quotaAndLimitRangeApplied()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("quota"), false);
        KubernetesNamespace settings;
        settings.name = ns;
        settings.resourceQuota = obj(R"({"pods":"2","requests.cpu":"1"})");
        settings.limitRange = obj(R"({"default":{"cpu":"200m"},"defaultRequest":{"cpu":"100m"}})");
        KubernetesOrchestrator o(m_cluster.localServer(ns, false), m_local, settings);
        Application app = KubeClusterFixture::application(QStringLiteral("metered"), 2);
        auto done = deployAndWait(o, app);
        QVERIFY2(done.ok() && done->phase == RolloutPhase::Converged, qPrintable(done.ok() ? done->reason : describe(done.error())));
        const QJsonObject quota = m_cluster.kubectlJson({QStringLiteral("get"), QStringLiteral("resourcequota"), QStringLiteral("fleetdeck-quota"), QStringLiteral("-n"), ns});
        QCOMPARE(quota.value(QLatin1String("spec")).toObject().value(QLatin1String("hard")).toObject().value(QLatin1String("pods")).toString(), QStringLiteral("2"));
        // The limit range gave the containers their CPU request, which the quota requires.
        const QJsonArray p = pods(ns, app);
        QCOMPARE(p.size(), 2);
        QCOMPARE(p.at(0).toObject().value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray().at(0).toObject()
                     .value(QLatin1String("resources")).toObject().value(QLatin1String("requests")).toObject().value(QLatin1String("cpu")).toString(),
                 QStringLiteral("100m"));
        // Past the quota: the status says why pods are missing.
        QVERIFY(o.scale(app, 3, ctx()).ok());
        AppStatus last;
        QVERIFY2(KubeClusterFixture::waitUntil([&] {
            auto st = o.status(app, ctx());
            if (st)
                last = *st;
            return st && st->message.contains(QLatin1String("exceeded quota"));
        }, 30000), qPrintable(engineStateName(last.state) + QLatin1Char(' ') + last.message));
        QVERIFY(last.message.startsWith(QLatin1String("cannot create pods")));
        QCOMPARE(last.running, 2);
        QCOMPARE(engineStateName(last.state), QStringLiteral("degraded"));
    }

    void manualScaleSurvivesARedeploy()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("manual"));
        auto o = backend(ns);
        Application app = KubeClusterFixture::application(QStringLiteral("queue"), 2);
        QVERIFY(deployAndWait(*o, app).ok());
        int code = -1;
        m_cluster.kubectl({QStringLiteral("scale"), QStringLiteral("deployment/queue"), QStringLiteral("--replicas=4"), QStringLiteral("-n"), ns}, &code);
        QCOMPARE(code, 0);
        // A redeploy (new image) that does not change replicas keeps the 4.
        app.image = QStringLiteral("registry.example.com/queue:2");
        auto plan = o->plan(app, ctx());
        QVERIFY(plan.ok());
        QVERIFY(plan->notes.join(QLatin1Char('\n')).contains(QLatin1String("replicas stay at 4")));
        auto done = deployAndWait(*o, app);
        QVERIFY2(done.ok() && done->phase == RolloutPhase::Converged, qPrintable(done.ok() ? done->reason : describe(done.error())));
        QCOMPARE(deployment(ns, app.name).value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 4);
        QCOMPARE(done->status.running, 4);
        // Once the user changes replicas, the deploy applies them.
        app.kubernetesReplicas = 3;
        done = deployAndWait(*o, app);
        QVERIFY(done.ok() && done->phase == RolloutPhase::Converged);
        QCOMPARE(deployment(ns, app.name).value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 3);
        // And a redeploy after that keeps 3.
        done = deployAndWait(*o, app);
        QVERIFY(done.ok());
        QCOMPARE(deployment(ns, app.name).value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 3);
    }

    void redeployPrunesObjectsNoLongerWanted()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("prune"));
        auto o = backend(ns);
        Application app = fullApplication(QStringLiteral("shrink"));
        QVERIFY(deployAndWait(*o, app).ok());
        app.domains.clear();
        app.env = {{QStringLiteral("MODE"), QStringLiteral("dev"), false}};
        QVERIFY(deployAndWait(*o, app).ok());
        const QByteArray left = m_cluster.kubectl({QStringLiteral("get"), QStringLiteral("ingresses,secrets"), QStringLiteral("-n"), ns,
                                                   QStringLiteral("-l"), manifests::appSelector(app), QStringLiteral("-o"), QStringLiteral("name")});
        QVERIFY2(left.trimmed().isEmpty(), left.constData());
    }

    void foreignObjectsAreNeverTakenOver()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("owner"));
        auto o = backend(ns);
        // A Service of that name made by someone else.
        int code = -1;
        m_cluster.kubectl({QStringLiteral("create"), QStringLiteral("service"), QStringLiteral("clusterip"), QStringLiteral("taken"),
                           QStringLiteral("--tcp=80:80"), QStringLiteral("-n"), ns}, &code);
        QCOMPARE(code, 0);
        auto refused = o->deploy(KubeClusterFixture::application(QStringLiteral("taken"), 1), ctx());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Conflict);
        QVERIFY2(refused.error().message.contains(QLatin1String("Service taken")) && refused.error().message.contains(QLatin1String("not made by Fleetdeck")),
                 qPrintable(describe(refused.error())));
        // Another Fleetdeck application of the same name (a different uuid).
        Application first = KubeClusterFixture::application(QStringLiteral("twin"), 1);
        QVERIFY(deployAndWait(*o, first).ok());
        auto twin = o->deploy(KubeClusterFixture::application(QStringLiteral("twin"), 1), ctx());
        QVERIFY(!twin.ok());
        QCOMPARE(twin.error().kind, ErrorKind::Conflict);
        QVERIFY2(twin.error().message.contains(first.uuid), qPrintable(describe(twin.error())));
        // The first one was not touched.
        auto st = o->status(first, ctx());
        QVERIFY(st.ok() && st->state == EngineState::Running);
    }

    void statusAllInOneCommand()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("all"));
        auto o = backend(ns);
        Application a = KubeClusterFixture::application(QStringLiteral("alpha"), 1);
        Application b = KubeClusterFixture::application(QStringLiteral("beta"), 2);
        Application never = KubeClusterFixture::application(QStringLiteral("gamma"), 1);
        QVERIFY(deployAndWait(*o, a).ok());
        QVERIFY(deployAndWait(*o, b).ok());
        m_steps.clear();
        auto all = o->statusAll({a, never, b}, ctx());
        QVERIFY(all.ok());
        QCOMPARE(m_steps.size(), 1);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).application, QStringLiteral("alpha"));
        QCOMPARE(engineStateName(all->at(0).state), QStringLiteral("running"));
        QCOMPARE(engineStateName(all->at(1).state), QStringLiteral("not-deployed"));
        QCOMPARE(all->at(2).running, 2);
    }

    void logsOfEveryPod()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("logs"));
        auto o = backend(ns);
        Application app = KubeClusterFixture::application(QStringLiteral("chatty"), 2);
        QVERIFY(deployAndWait(*o, app).ok());
        LogOptions options;
        options.tail = 5;
        auto lines = o->logs(app, options, ctx());
        QVERIFY2(lines.ok(), qPrintable(lines.ok() ? QString() : describe(lines.error())));
        QSet<QString> replicas;
        for (const LogLine &l : *lines)
            replicas.insert(l.replica);
        QCOMPARE(replicas.size(), 2);
        for (const QString &r : replicas)
            QVERIFY2(r.startsWith(QLatin1String("chatty-")), qPrintable(r));
        QVERIFY(!lines->isEmpty() && !lines->first().text.isEmpty());
        QVERIFY(!lines->first().text.startsWith(QLatin1String("[pod/")));
        // Following: one follower stream covers both pods, and says so (the log window's "Streaming 2").
        options.follow = true;
        auto stream = o->followLogs(app, options, ctx());
        QVERIFY2(stream.ok(), qPrintable(stream.ok() ? QString() : describe(stream.error())));
        QCOMPARE((*stream)->sourceCount(), 1);
        QCOMPARE((*stream)->replicaCount(), 2);
        QSignalSpy ended(stream->get(), &LogStream::finished);
        (*stream)->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 15000);
    }

    void followPicksUpPodsOfALaterRollout()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("follow"));
        auto o = backend(ns, true);
        Application app = KubeClusterFixture::application(QStringLiteral("tail"), 1);
        QVERIFY(deployAndWait(*o, app).ok());
        auto before = o->status(app, ctx());
        QVERIFY(before.ok() && before->replicas.size() == 1);
        const QString firstPod = before->replicas.first().name;
        LogOptions options;
        options.tail = 3;
        options.follow = true;
        auto stream = o->followLogs(app, options, ctx());
        QVERIFY2(stream.ok(), qPrintable(stream.ok() ? QString() : describe(stream.error())));
        QSet<QString> seen;
        connect(stream->get(), &LogStream::linesReceived, this, [&](const QList<LogLine> &lines) {
            for (const LogLine &l : lines)
                seen.insert(l.replica);
        });
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(firstPod), 20000);
        // A rollout replaces the pod: the follow finds the new one by itself.
        auto restarted = o->restart(app, ctx());
        QVERIFY(restarted.ok());
        QTRY_VERIFY_WITH_TIMEOUT(seen.size() >= 2, 30000);
        QSignalSpy finished(stream->get(), &LogStream::finished);
        (*stream)->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.first().at(1).value<Error>().kind, ErrorKind::Cancelled);
        stream->reset();
        // No kubectl of ours is left behind.
        QTRY_VERIFY_WITH_TIMEOUT(test::SshdFixture::pgrepCount(manifests::appSelector(app)) == 0, 10000);
    }

    void execInAChosenPod()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("exec"));
        auto o = backend(ns);
        Application app = KubeClusterFixture::application(QStringLiteral("shell"), 2);
        QVERIFY(deployAndWait(*o, app).ok());
        auto st = o->status(app, ctx());
        QVERIFY(st.ok() && st->replicas.size() == 2);
        QStringList names;
        for (const ReplicaStatus &r : st->replicas)
            names << r.name;
        names.sort();
        ExecRequest req;
        req.argv = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo \"$0 $FLEETDECK_KWOK_EXEC\""), QStringLiteral("it's; $(not) run")};
        req.replica = QStringLiteral("2");
        auto r = o->exec(app, req, ctx());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        QCOMPARE(r->exitCode, 0);
        // The argument arrived as one word, untouched by any shell on the way.
        QCOMPARE(QString::fromUtf8(r->stdoutData).trimmed(), QStringLiteral("it's; $(not) run 1"));
        bool inSecond = false;
        for (const StepRecord &s : m_steps)
            inSecond = inSecond || s.command.contains(QStringLiteral("exec %1 ").arg(names.at(1)));
        QVERIFY(inSecond);
        req.argv = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")};
        req.replica = names.first();
        r = o->exec(app, req, ctx());
        QVERIFY(r.ok());
        QCOMPARE(r->exitCode, 3);
        req.replica = QStringLiteral("nosuchpod");
        r = o->exec(app, req, ctx());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Invalid);
    }

    void resourcesWithoutMetricsServer()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("top"));
        auto o = backend(ns);
        Application app = KubeClusterFixture::application(QStringLiteral("meter"), 1);
        QVERIFY(deployAndWait(*o, app).ok());
        auto usage = o->resources(app, ctx());
        QVERIFY(!usage.ok());
        QCOMPARE(usage.error().kind, ErrorKind::NotSupported);
        QVERIFY2(usage.error().message.startsWith(QLatin1String("metrics not available")), qPrintable(describe(usage.error())));
    }

    void planShowsCommandsAndMaskedManifests()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("plan"));
        auto o = backend(ns, true);
        Application app = fullApplication(QStringLiteral("planned"));
        auto plan = o->plan(app, ctx());
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : describe(plan.error())));
        QCOMPARE(plan->action, PlanAction::Create);
        QCOMPARE(plan->orchestrator, Orchestrator::Kubernetes);
        const QString text = plan->toText();
        QVERIFY(text.contains(QLatin1String("'apply' '--server-side' '--field-manager=fleetdeck'")));
        QVERIFY(text.contains(QLatin1String("API_TOKEN: \"***\"")));
        QVERIFY(!text.contains(QLatin1String("s3cr3t")));
        // Nothing was applied.
        QVERIFY(deployment(ns, app.name).isEmpty());
    }

    // The plan is the deploy: the commands a real deploy ran (as the activity log recorded them) are the
    // read-only queries a plan also makes, then exactly the plan's commands, in order (create, then update).
    void deployRunsExactlyThePlannedCommands()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("steps"));
        auto o = backend(ns, true);
        Application app = KubeClusterFixture::application(QStringLiteral("steps"), 1);
        auto lastSequence = [] {
            const QList<ActivityEntry> all = ActivityLog::instance().entries();
            return all.isEmpty() ? quint64(0) : all.last().sequence;
        };
        auto commandsAfter = [](quint64 sequence) {
            QList<QStringList> out;
            for (const ActivityEntry &e : ActivityLog::instance().entries())
                if (e.sequence > sequence)
                    out << e.argv;
            return out;
        };
        for (const PlanAction expectedAction : {PlanAction::Create, PlanAction::Update}) {
            const quint64 beforePlan = lastSequence();
            auto plan = o->plan(app, ctx(77));
            QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : describe(plan.error())));
            QCOMPARE(plan->action, expectedAction);
            const QList<QStringList> queries = commandsAfter(beforePlan);
            QList<QStringList> planned;
            for (const PlannedCommand &c : plan->commands)
                planned << ActivityLog::entryFor(c.command, {}, {}).argv;
            QVERIFY(!planned.isEmpty());
            const quint64 beforeDeploy = lastSequence();
            auto outcome = o->deploy(app, ctx(77));
            QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : describe(outcome.error())));
            QCOMPARE(outcome->action, expectedAction);
            QCOMPARE(commandsAfter(beforeDeploy), queries + planned);
            app.env = {{QStringLiteral("CHANGED"), QStringLiteral("yes"), false}};
        }
    }
};

QTEST_GUILESS_MAIN(TestK8sBackend)
#include "tst_k8s_backend.moc"
