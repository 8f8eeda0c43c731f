// Parsers of the Kubernetes backend on real kubectl output recorded from the test cluster
// (tests/data/kubectl/record.sh), plus empty, malformed and truncated input: application status,
// rollout judgement, scheduler reasons, log prefixes, the pod watch, quantities, kubectl's errors.
#include "orchestrators/kubernetes/KubectlParsers.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fleetdeck;
using namespace fleetdeck::kubernetes;

namespace {

QByteArray recorded(const QString &name)
{
    QString dir = qEnvironmentVariable("FLEETDECK_SOURCE_DIR");
    if (dir.isEmpty())
        dir = QFileInfo(QStringLiteral(__FILE__)).absolutePath() + QStringLiteral("/../..");
    QFile f(dir + QStringLiteral("/tests/data/kubectl/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing recording %s", qPrintable(f.fileName()));
    return f.readAll();
}

// The application the recorded objects belong to: its uuid is read from the recording.
Application appOf(const QByteArray &json, const QString &name)
{
    Application a;
    a.name = name;
    a.kubernetesReplicas = 1;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).object().value(QLatin1String("items")).toArray()) {
        const QJsonObject meta = v.toObject().value(QLatin1String("metadata")).toObject();
        if (v.toObject().value(QLatin1String("kind")).toString() == QLatin1String("Deployment")
            && meta.value(QLatin1String("name")).toString() == name)
            a.uuid = meta.value(QLatin1String("labels")).toObject().value(QLatin1String("fleetdeck.app")).toString();
    }
    return a;
}

CommandResult failed(const QByteArray &stderrData, int exitCode = 1)
{
    CommandResult r;
    r.exitCode = exitCode;
    r.stderrData = stderrData;
    return r;
}

} // namespace

class TestK8sParsers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appStatus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("app");
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("desired");
        QTest::addColumn<int>("running");
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QString>("messageStart");
        QTest::addColumn<int>("phase");   // RolloutPhase
        QTest::addColumn<QString>("reasonStart");
        QTest::newRow("running after a restart") << "app-running.json" << "shop" << "running" << 3 << 3 << 3
                                                 << "3 desired, 3 ready, 3 available, 3 updated" << int(RolloutPhase::Converged) << "3 of 3 pods";
        QTest::newRow("unschedulable") << "app-unschedulable.json" << "stuck" << "starting" << 2 << 0 << 2
                                       << "Pending: no node matches (0/3 nodes are available" << int(RolloutPhase::InProgress)
                                       << "Pending: no node matches";
        QTest::newRow("progress deadline exceeded") << "app-deadline-exceeded.json" << "stuck" << "failed" << 2 << 0 << 2
                                                    << "Pending: no node matches" << int(RolloutPhase::Failed) << "Pending: no node matches";
        QTest::newRow("rolling: old pods run, new one pending") << "app-rolling.json" << "shop" << "updating" << 3 << 3 << 4
                                                                << "Pending: no node matches" << int(RolloutPhase::InProgress)
                                                                << "Pending: no node matches";
        QTest::newRow("quota exceeded") << "app-quota-exceeded.json" << "shop" << "degraded" << 6 << 4 << 4
                                        << "cannot create pods: pods \"shop-" << int(RolloutPhase::InProgress) << "cannot create pods";
        QTest::newRow("scaled to zero") << "app-scaled-zero.json" << "shop" << "stopped" << 0 << 0 << 0
                                        << "0 desired" << int(RolloutPhase::Converged) << "0 of 0";
    }
    void appStatus()
    {
        QFETCH(QString, file);
        QFETCH(QString, app);
        QFETCH(QString, state);
        QFETCH(int, desired);
        QFETCH(int, running);
        QFETCH(int, replicas);
        QFETCH(QString, messageStart);
        QFETCH(int, phase);
        QFETCH(QString, reasonStart);
        const QByteArray json = recorded(file);
        const Application a = appOf(json, app);
        QVERIFY(!a.uuid.isEmpty());
        auto objects = parseAppObjects(json);
        QVERIFY2(objects.ok(), qPrintable(objects.ok() ? QString() : objects.error().toString()));
        const AppStatus s = appStatusFrom(a, *objects);
        QCOMPARE(engineStateName(s.state), state);
        QCOMPARE(s.desired, desired);
        QCOMPARE(s.running, running);
        QCOMPARE(s.replicas.size(), replicas);
        QVERIFY2(s.message.startsWith(messageStart), qPrintable(s.message));
        QCOMPARE(orchestratorName(s.orchestrator), QStringLiteral("kubernetes"));
        QVERIFY(s.exists);
        QVERIFY(s.image.startsWith(QLatin1String("registry.example.com/")));
        const DeploymentInfo *d = nullptr;
        for (const DeploymentInfo &x : objects->deployments)
            if (x.appUuid == a.uuid)
                d = &x;
        QVERIFY(d);
        QList<PodInfo> pods;
        for (const PodInfo &p : objects->pods)
            if (p.appUuid == a.uuid)
                pods << p;
        const RolloutProgress r = judgeRollout(a, d, objects->replicaSets, pods);
        QCOMPARE(int(r.phase), phase);
        QVERIFY2(r.reason.startsWith(reasonStart), qPrintable(r.reason));
    }

    void replicasOfARunningApp()
    {
        const QByteArray json = recorded(QStringLiteral("app-running.json"));
        const Application a = appOf(json, QStringLiteral("shop"));
        auto objects = parseAppObjects(json);
        QVERIFY(objects.ok());
        QCOMPARE(objects->deployments.size(), 1);
        QCOMPARE(objects->replicaSets.size(), 2);
        const DeploymentInfo &d = objects->deployments.first();
        QCOMPARE(d.lastAppliedReplicas, std::optional<int>(3));
        QCOMPARE(d.revision, QStringLiteral("2"));
        const QString hash = currentTemplateHash(d, objects->replicaSets);
        QVERIFY(!hash.isEmpty());
        const AppStatus s = appStatusFrom(a, *objects);
        for (const ReplicaStatus &r : s.replicas) {
            QVERIFY(r.running);
            QVERIFY(r.current);
            QCOMPARE(r.state, QStringLiteral("running"));
            QCOMPARE(r.health, QStringLiteral("healthy"));   // it has a readiness probe and is Ready
            QVERIFY(r.node.startsWith(QLatin1String("kwok-node-")));
            QVERIFY(r.name.startsWith(QStringLiteral("shop-") + hash));
            QVERIFY(!r.since.isEmpty());
            QVERIFY(r.error.isEmpty());
        }
        QVERIFY(s.errors.isEmpty());
        QCOMPARE(s.updateState, QStringLiteral("NewReplicaSetAvailable"));
        QCOMPARE(applicationStatusName(applicationStatusFor(s)), QStringLiteral("running"));
        // Restarts are summed per pod.
        for (const PodInfo &p : objects->pods)
            QCOMPARE(p.restarts, 0);
    }

    void rollingMarksOldPodsNotCurrent()
    {
        const QByteArray json = recorded(QStringLiteral("app-rolling.json"));
        const Application a = appOf(json, QStringLiteral("shop"));
        auto objects = parseAppObjects(json);
        QVERIFY(objects.ok());
        const AppStatus s = appStatusFrom(a, *objects);
        int current = 0;
        for (const ReplicaStatus &r : s.replicas)
            current += r.current ? 1 : 0;
        QCOMPARE(current, 1);
        // The current (pending) pod is listed first, with its reason.
        QVERIFY(s.replicas.first().current);
        QCOMPARE(s.replicas.first().state, QStringLiteral("pending"));
        QVERIFY(s.replicas.first().error.startsWith(QLatin1String("Pending: no node matches")));
        QCOMPARE(s.errors.size(), 1);
    }

    void manyApplicationsFromOneList()
    {
        const QByteArray json = recorded(QStringLiteral("managed-all.json"));
        auto objects = parseAppObjects(json);
        QVERIFY(objects.ok());
        QCOMPARE(objects->deployments.size(), 2);
        const Application shop = appOf(json, QStringLiteral("shop"));
        const Application stuck = appOf(json, QStringLiteral("stuck"));
        Application other;
        other.name = QStringLiteral("other");
        other.uuid = QStringLiteral("11111111-2222-3333-4444-555555555555");
        QCOMPARE(engineStateName(appStatusFrom(shop, *objects).state), QStringLiteral("running"));
        QCOMPARE(engineStateName(appStatusFrom(stuck, *objects).state), QStringLiteral("failed"));
        const AppStatus none = appStatusFrom(other, *objects);
        QCOMPARE(engineStateName(none.state), QStringLiteral("not-deployed"));
        QVERIFY(!none.exists);
        QVERIFY(none.replicas.isEmpty());
    }

    void singleDeployment()
    {
        auto d = parseDeployment(recorded(QStringLiteral("deployment-shop.json")));
        QVERIFY(d.ok());
        QVERIFY(d->has_value());
        QCOMPARE((*d)->name, QStringLiteral("shop"));
        QCOMPARE((*d)->specReplicas, 3);
        QCOMPARE((*d)->lastAppliedReplicas, std::optional<int>(3));
        QVERIFY((*d)->generation >= 1);
        QVERIFY((*d)->deploymentId > 0);
        // --ignore-not-found prints nothing for a missing one.
        auto none = parseDeployment(QByteArray());
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
        auto wrongKind = parseDeployment(R"({"kind":"Service","metadata":{"name":"x"}})");
        QVERIFY(!wrongKind.ok());
        QCOMPARE(wrongKind.error().kind, ErrorKind::ParseFailed);
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("items");
        QTest::newRow("empty list (recorded)") << recorded(QStringLiteral("empty-list.json")) << true << 0;
        QTest::newRow("no output") << QByteArray() << true << 0;
        QTest::newRow("truncated") << recorded(QStringLiteral("app-running.json")).left(5000) << false << 0;
        QTest::newRow("error text") << QByteArray("error: the server doesn't have a resource type \"deployments\"") << false << 0;
        QTest::newRow("array, not object") << QByteArray("[1,2]") << false << 0;
        QTest::newRow("item not an object") << QByteArray(R"({"kind":"List","items":[3]})") << false << 0;
        QTest::newRow("single pod object") << QByteArray(R"({"kind":"Pod","metadata":{"name":"p"},"spec":{},"status":{"phase":"Pending"}})") << true << 1;
    }
    void badInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(int, items);
        auto objects = parseAppObjects(json);
        QCOMPARE(objects.ok(), ok);
        if (ok)
            QCOMPARE(objects->deployments.size() + objects->replicaSets.size() + objects->pods.size(), items);
        else
            QCOMPARE(objects.error().kind, ErrorKind::ParseFailed);
    }

    void schedulerReasons_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("summary");
        QTest::newRow("selector (recorded)")
            << "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. "
               "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
            << "Pending: no node matches (0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector)";
        QTest::newRow("taint only") << "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}."
                                    << "Pending: no node tolerated (every node has a taint the pods do not tolerate) (0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu})";
        QTest::newRow("cpu") << "0/3 nodes are available: 3 Insufficient cpu." << "Pending: not enough CPU (0/3 nodes are available: 3 Insufficient cpu)";
        QTest::newRow("memory") << "0/2 nodes are available: 2 Insufficient memory." << "Pending: not enough memory (0/2 nodes are available: 2 Insufficient memory)";
        QTest::newRow("no nodes") << "no nodes available to schedule pods" << "Pending: the cluster has no node (no nodes available to schedule pods)";
        QTest::newRow("anti-affinity") << "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules."
                                       << "Pending: the pod affinity rules match no node (0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules)";
        QTest::newRow("unknown") << "0/3 nodes are available: 3 node(s) had volume node affinity conflict."
                                 << "Pending: no node can run it (0/3 nodes are available: 3 node(s) had volume node affinity conflict)";
        QTest::newRow("empty") << "" << "Pending: no node can run it";
    }
    void schedulerReasons()
    {
        QFETCH(QString, message);
        QFETCH(QString, summary);
        QCOMPARE(unschedulableReason(message), summary);
    }

    void podReasons_data()
    {
        QTest::addColumn<QByteArray>("pod");
        QTest::addColumn<QString>("reason");
        QTest::newRow("crash loop")
            << QByteArray(R"({"kind":"Pod","metadata":{"name":"w-1"},"spec":{"containers":[{"name":"w"}]},"status":{"phase":"Running",)" R"("conditions":[{"type":"Ready","status":"False"}],"containerStatuses":[{"name":"w","restartCount":4,)" R"("state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 1m20s"}},)" R"("lastState":{"terminated":{"exitCode":1,"reason":"Error"}}}]}})")
            << "CrashLoopBackOff: container w restarted 4 times, last exit code 1 (Error)";
        QTest::newRow("image pull")
            << QByteArray(R"({"kind":"Pod","metadata":{"name":"w-1"},"spec":{},"status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"True"}],)" R"("containerStatuses":[{"name":"w","state":{"waiting":{"reason":"ImagePullBackOff","message":"Back-off pulling image x"}}}]}})")
            << "Waiting: ImagePullBackOff (Back-off pulling image x)";
        QTest::newRow("evicted")
            << QByteArray(R"({"kind":"Pod","metadata":{"name":"w-1"},"spec":{},"status":{"phase":"Failed","reason":"Evicted","message":"low on memory"}})")
            << "Failed: Evicted (low on memory)";
        QTest::newRow("not ready")
            << QByteArray(R"({"kind":"Pod","metadata":{"name":"w-1"},"spec":{},"status":{"phase":"Running",)" R"("conditions":[{"type":"Ready","status":"False","message":"containers with unready status: [w]"}]}})")
            << "Not ready (containers with unready status: [w])";
        QTest::newRow("terminating")
            << QByteArray(R"({"kind":"Pod","metadata":{"name":"w-1","deletionTimestamp":"2026-01-01T00:00:00Z"},"spec":{},"status":{"phase":"Running"}})")
            << "Terminating";
        QTest::newRow("ready") << QByteArray(R"({"kind":"Pod","metadata":{"name":"w-1"},"spec":{},"status":{"phase":"Running",)" R"("conditions":[{"type":"Ready","status":"True"}]}})") << "";
    }
    void podReasons()
    {
        QFETCH(QByteArray, pod);
        QFETCH(QString, reason);
        auto objects = parseAppObjects(pod);
        QVERIFY(objects.ok());
        QCOMPARE(objects->pods.size(), 1);
        QCOMPARE(objects->pods.first().reason, reason);
    }

    void logLines()
    {
        QList<QByteArray> plain = recorded(QStringLiteral("logs-prefix.txt")).split('\n');
        plain.removeAll(QByteArray());
        QVERIFY(plain.size() >= 3);
        for (const QByteArray &raw : plain) {
            const LogLine l = parseLogLine(raw, false);
            QVERIFY2(l.replica.startsWith(QLatin1String("shop-")), raw.constData());
            QVERIFY(!l.text.startsWith(QLatin1Char('[')));
            QVERIFY(l.timestamp.isEmpty());
        }
        QList<QByteArray> stamped = recorded(QStringLiteral("logs-prefix-timestamps.txt")).split('\n');
        stamped.removeAll(QByteArray());
        for (const QByteArray &raw : stamped) {
            const LogLine l = parseLogLine(raw, true);
            QVERIFY(l.replica.startsWith(QLatin1String("shop-")));
            QVERIFY2(QDateTime::fromString(l.timestamp, Qt::ISODateWithMs).isValid(), qPrintable(l.timestamp));
            QVERIFY(!l.text.isEmpty());
        }
        // Over SSH (a pty) lines end in \r; a line without the prefix is kept whole.
        const LogLine pty = parseLogLine("[pod/web-1/web] hello\r", false);
        QCOMPARE(pty.replica, QStringLiteral("web-1"));
        QCOMPARE(pty.text, QStringLiteral("hello"));
        const LogLine bare = parseLogLine("error: container not found", false, StreamChannel::Stderr);
        QCOMPARE(bare.replica, QString());
        QCOMPARE(bare.text, QStringLiteral("error: container not found"));
        QCOMPARE(bare.channel, StreamChannel::Stderr);
        // A text that looks like a prefix later in the line stays text.
        QCOMPARE(parseLogLine("[pod/a-1/a] [pod/b/b] x", false).text, QStringLiteral("[pod/b/b] x"));
    }

    void podWatch()
    {
        QList<QByteArray> lines = recorded(QStringLiteral("watch-pods.txt")).split('\n');
        lines.removeAll(QByteArray());
        int running = 0;
        int deleting = 0;
        for (const QByteArray &raw : lines) {
            const auto e = parsePodEvent(raw);
            QVERIFY2(e.has_value(), raw.constData());
            QVERIFY(e->name.startsWith(QLatin1String("shop-")));
            running += e->phase == QLatin1String("Running") && !e->deleting ? 1 : 0;
            deleting += e->deleting ? 1 : 0;
        }
        QVERIFY(running >= 1);
        QVERIFY(deleting >= 1);
        QVERIFY(!parsePodEvent("").has_value());
        QVERIFY(!parsePodEvent("Error from server (Forbidden): pods is forbidden").has_value());
        QVERIFY(!parsePodEvent("UPPER Running").has_value());
        QCOMPARE(parsePodEvent("web-1 Running \r")->phase, QStringLiteral("Running"));
    }

    void quantities_data()
    {
        QTest::addColumn<QString>("cpu");
        QTest::addColumn<double>("millicores");
        QTest::newRow("m") << "250m" << 250.0;
        QTest::newRow("cores") << "2" << 2000.0;
        QTest::newRow("fraction") << "0.5" << 500.0;
        QTest::newRow("nano") << "1500000n" << 1.5;
        QTest::newRow("micro") << "12u" << 0.012;
    }
    void quantities()
    {
        QFETCH(QString, cpu);
        QFETCH(double, millicores);
        QCOMPARE(parseCpuMillicores(cpu).value_or(-1), millicores);
    }

    void bytes()
    {
        QCOMPARE(parseByteQuantity(QStringLiteral("12Mi")).value_or(-1), 12LL * 1024 * 1024);
        QCOMPARE(parseByteQuantity(QStringLiteral("1Gi")).value_or(-1), 1024LL * 1024 * 1024);
        QCOMPARE(parseByteQuantity(QStringLiteral("5M")).value_or(-1), 5000000LL);
        QCOMPARE(parseByteQuantity(QStringLiteral("1000k")).value_or(-1), 1000000LL);
        QCOMPARE(parseByteQuantity(QStringLiteral("123")).value_or(-1), 123LL);
        QCOMPARE(parseByteQuantity(QStringLiteral("1e3")).value_or(-1), 1000LL);
        QVERIFY(!parseByteQuantity(QStringLiteral("12 Mi")).has_value());
        QVERIFY(!parseByteQuantity(QStringLiteral("lots")).has_value());
        QVERIFY(!parseCpuMillicores(QStringLiteral("1.2.3")).has_value());
    }

    void topPods()
    {
        // kubectl top's table (metrics-server is not part of the test cluster: this is its documented form).
        auto rows = parseTopPods("web-5d8f-abc   3m    12Mi\nweb-5d8f-def   1250m   256Mi\n", 512LL * 1024 * 1024);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).replica, QStringLiteral("web-5d8f-abc"));
        QCOMPARE(rows->at(0).cpuPercent, 0.3);
        QCOMPARE(rows->at(1).cpuPercent, 125.0);
        QCOMPARE(rows->at(1).memoryBytes, 256LL * 1024 * 1024);
        QCOMPARE(rows->at(1).memoryPercent, 50.0);
        QVERIFY(parseTopPods(QByteArray(), 0).ok());
        auto bad = parseTopPods("web 3m\n", 0);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ErrorKind::ParseFailed);
    }

    void kubectlErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no metrics-server") << "top-no-metrics.stderr.txt" << int(ErrorKind::NotSupported) << "metrics not available";
        QTest::newRow("unreachable") << "unreachable.stderr.txt" << int(ErrorKind::Unreachable) << "did not answer";
        QTest::newRow("unauthorized") << "unauthorized.stderr.txt" << int(ErrorKind::AuthFailed) << "refused the kubeconfig's credentials";
        QTest::newRow("unknown CA") << "x509-unknown-authority.stderr.txt" << int(ErrorKind::RemoteFailed) << "certificate-authority";
        QTest::newRow("forbidden") << "forbidden-apply.stderr.txt" << int(ErrorKind::RemoteFailed) << "Permission denied";
        QTest::newRow("not found") << "undo-not-found.stderr.txt" << int(ErrorKind::NotFound) << "Not found";
        QTest::newRow("timeout") << "rollout-status-timeout.stderr.txt" << int(ErrorKind::RemoteFailed) << "kubectl failed";
    }
    void kubectlErrors()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        const Error e = kubectlError(failed(recorded(file)), QStringLiteral("doing it"));
        QCOMPARE(int(e.kind), kind);
        QVERIFY2(e.message.contains(messagePart), qPrintable(e.message));
        QVERIFY(!e.detail.isEmpty());
        QCOMPARE(e.exitCode, 1);
    }

    void kubectlMissing()
    {
        const Error e = kubectlError(failed("sh: 1: kubectl: not found", 127), QStringLiteral("deploying"));
        QCOMPARE(e.kind, ErrorKind::NotSupported);
        QVERIFY(e.message.contains(QLatin1String("kubectl is not installed")));
    }
};

QTEST_GUILESS_MAIN(TestK8sParsers)
#include "tst_k8s_parsers.moc"
