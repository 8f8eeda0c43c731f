// fleetdeck-cli round trips with --json, and bad input to every flag: exit 2 (or 1), a message that
// names the flag, and nothing written.
#include "TestEnvironment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace fleetdeck;

namespace {
struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

    Run cli(const QStringList &args, const QByteArray &stdinData = {})
    {
        QProcess p;
        p.start(test::builtProgram(QStringLiteral("app/fleetdeck-cli")), QStringList{QStringLiteral("--db"), m_db} + args);
        if (!p.waitForStarted())
            qFatal("fleetdeck-cli did not start");
        p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }

    QByteArray dump()
    {
        Run servers = cli({QStringLiteral("server"), QStringLiteral("list"), QStringLiteral("--json")});
        Run apps = cli({QStringLiteral("app"), QStringLiteral("list"), QStringLiteral("--json")});
        return servers.out + apps.out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateEnvironment();
        m_db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        QVERIFY2(QFile::exists(test::builtProgram(QStringLiteral("app/fleetdeck-cli"))), "build fleetdeck-cli first");
    }

    void versionAndHelp()
    {
        Run v = cli({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("fleetdeck-cli "));
        Run h = cli({QStringLiteral("app"), QStringLiteral("add"), QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("--node-selector"));
        Run unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("unknown command"));
    }

    void serverRoundTrip()
    {
        QTemporaryFile key;
        QVERIFY(key.open());
        key.write("not really a key");
        key.flush();
        QTemporaryFile kubeconfig;
        QVERIFY(kubeconfig.open());
        kubeconfig.write("apiVersion: v1\nkind: Config\nusers: [{name: a, user: {token: TOP-SECRET}}]\n");
        kubeconfig.flush();
        Run add = cli({QStringLiteral("server"), QStringLiteral("add"), QStringLiteral("kube"), QStringLiteral("--host"), QStringLiteral("10.0.0.7"),
                       QStringLiteral("--port"), QStringLiteral("2222"), QStringLiteral("--user"), QStringLiteral("ops"),
                       QStringLiteral("--identity"), key.fileName(), QStringLiteral("--orchestrator"), QStringLiteral("kubernetes"),
                       QStringLiteral("--namespace"), QStringLiteral("shop"), QStringLiteral("--kubeconfig"), kubeconfig.fileName(),
                       QStringLiteral("--ingress-class"), QStringLiteral("traefik"), QStringLiteral("--cert-issuer"), QStringLiteral("le-prod"),
                       QStringLiteral("--json")});
        QCOMPARE(add.exitCode, 0);
        const QJsonObject added = add.json().object();
        QCOMPARE(added.value(QLatin1String("name")).toString(), QStringLiteral("kube"));
        QCOMPARE(added.value(QLatin1String("port")).toInt(), 2222);
        const QJsonObject settings = added.value(QLatin1String("settings")).toObject();
        QCOMPARE(settings.value(QLatin1String("orchestrator")).toString(), QStringLiteral("kubernetes"));
        QCOMPARE(settings.value(QLatin1String("namespace")).toString(), QStringLiteral("shop"));
        QCOMPARE(settings.value(QLatin1String("ingress_class")).toString(), QStringLiteral("traefik"));
        QCOMPARE(settings.value(QLatin1String("cert_issuer")).toString(), QStringLiteral("le-prod"));
        QVERIFY(settings.value(QLatin1String("kubeconfig_set")).toBool());
        QVERIFY(!add.out.contains("TOP-SECRET"));

        Run list = cli({QStringLiteral("server"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.json().array().size(), 2); // "local" (first run) + kube

        Run set = cli({QStringLiteral("server"), QStringLiteral("set"), QStringLiteral("kube"), QStringLiteral("--orchestrator"),
                       QStringLiteral("swarm"), QStringLiteral("--swarm-role"), QStringLiteral("manager"), QStringLiteral("--publish-mode"),
                       QStringLiteral("host"), QStringLiteral("--json")});
        QCOMPARE(set.exitCode, 0);
        const QJsonObject changed = set.json().object().value(QLatin1String("settings")).toObject();
        QCOMPARE(changed.value(QLatin1String("orchestrator")).toString(), QStringLiteral("swarm"));
        QVERIFY(changed.value(QLatin1String("swarm_manager")).toBool());
        QCOMPARE(changed.value(QLatin1String("swarm_publish_mode")).toString(), QStringLiteral("host"));

        Run show = cli({QStringLiteral("server"), QStringLiteral("show"), QStringLiteral("kube")});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains("ops@10.0.0.7:2222"));
    }

    void appRoundTrip()
    {
        Run add = cli({QStringLiteral("app"), QStringLiteral("add"), QStringLiteral("shop"), QStringLiteral("--server"), QStringLiteral("kube"),
                       QStringLiteral("--image"), QStringLiteral("registry.local/shop:1"), QStringLiteral("--port"), QStringLiteral("8080"),
                       QStringLiteral("--domain"), QStringLiteral("shop.example.com"), QStringLiteral("--env"), QStringLiteral("MODE=prod"),
                       QStringLiteral("--secret-env"), QStringLiteral("TOKEN=s3cr3t;$(id)"), QStringLiteral("--replicas"), QStringLiteral("3"),
                       QStringLiteral("--constraint"), QStringLiteral("node.role == worker"),
                       QStringLiteral("--node-selector"), QStringLiteral(R"({"disktype":"ssd"})"),
                       QStringLiteral("--tolerations"), QStringLiteral(R"([{"key":"dedicated","operator":"Exists","effect":"NoSchedule"}])"),
                       QStringLiteral("--affinity"), QStringLiteral(R"({"nodeAffinity":{}})"),
                       QStringLiteral("--pod-labels"), QStringLiteral(R"({"team":"web"})"),
                       QStringLiteral("--service-annotations"), QStringLiteral(R"({"a.b/c":"d"})"),
                       QStringLiteral("--service-type"), QStringLiteral("NodePort"),
                       QStringLiteral("--cpu"), QStringLiteral("0.5"), QStringLiteral("--memory"), QStringLiteral("512m"),
                       QStringLiteral("--cpu-reservation"), QStringLiteral("250m"), QStringLiteral("--memory-reservation"), QStringLiteral("128Mi"),
                       QStringLiteral("--health-path"), QStringLiteral("/healthz"), QStringLiteral("--restart-policy"), QStringLiteral("always"),
                       QStringLiteral("--project"), QStringLiteral("storefront"), QStringLiteral("--json")});
        QVERIFY2(add.exitCode == 0, add.err.constData());
        Run show = cli({QStringLiteral("app"), QStringLiteral("show"), QStringLiteral("shop"), QStringLiteral("--json")});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject a = show.json().object();
        QVERIFY(!a.value(QLatin1String("uuid")).toString().isEmpty());
        QCOMPARE(a.value(QLatin1String("server")).toString(), QStringLiteral("kube"));
        QCOMPARE(a.value(QLatin1String("project")).toString(), QStringLiteral("storefront"));
        QCOMPARE(a.value(QLatin1String("image")).toString(), QStringLiteral("registry.local/shop:1"));
        QCOMPARE(a.value(QLatin1String("ports")).toArray(), QJsonArray{8080});
        QCOMPARE(a.value(QLatin1String("domains")).toArray(), QJsonArray{QStringLiteral("shop.example.com")});
        QCOMPARE(a.value(QLatin1String("swarm_replicas")).toInt(), 3);
        QCOMPARE(a.value(QLatin1String("kubernetes_replicas")).toInt(), 3);
        QCOMPARE(a.value(QLatin1String("swarm_placement_constraints")).toArray(), QJsonArray{QStringLiteral("node.role == worker")});
        QCOMPARE(a.value(QLatin1String("kubernetes_node_selector")).toObject().value(QLatin1String("disktype")).toString(), QStringLiteral("ssd"));
        QCOMPARE(a.value(QLatin1String("kubernetes_tolerations")).toArray().size(), 1);
        QCOMPARE(a.value(QLatin1String("kubernetes_service_type")).toString(), QStringLiteral("NodePort"));
        QCOMPARE(a.value(QLatin1String("limits")).toObject().value(QLatin1String("cpus")).toString(), QStringLiteral("0.5"));
        QCOMPARE(a.value(QLatin1String("reservations")).toObject().value(QLatin1String("memory")).toString(), QStringLiteral("128Mi"));
        QCOMPARE(a.value(QLatin1String("health_check")).toObject().value(QLatin1String("path")).toString(), QStringLiteral("/healthz"));
        const QJsonArray env = a.value(QLatin1String("env")).toArray();
        QCOMPARE(env.size(), 2);
        QCOMPARE(env.at(1).toObject().value(QLatin1String("value")).toString(), QStringLiteral("***"));
        QVERIFY(!show.out.contains("s3cr3t"));

        Run set = cli({QStringLiteral("app"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("--swarm-replicas"), QStringLiteral("5"),
                       QStringLiteral("--unset-env"), QStringLiteral("MODE"), QStringLiteral("--json")});
        QCOMPARE(set.exitCode, 0);
        QCOMPARE(set.json().object().value(QLatin1String("swarm_replicas")).toInt(), 5);
        QCOMPARE(set.json().object().value(QLatin1String("kubernetes_replicas")).toInt(), 3);
        QCOMPARE(set.json().object().value(QLatin1String("env")).toArray().size(), 1);

        // Projects group applications: list filters by one.
        Run other = cli({QStringLiteral("app"), QStringLiteral("add"), QStringLiteral("blog"), QStringLiteral("--server"), QStringLiteral("kube"),
                         QStringLiteral("--image"), QStringLiteral("ghost:5")});
        QCOMPARE(other.exitCode, 0);
        Run inProject = cli({QStringLiteral("app"), QStringLiteral("list"), QStringLiteral("--project"), QStringLiteral("storefront"), QStringLiteral("--json")});
        QCOMPARE(inProject.exitCode, 0);
        QCOMPARE(inProject.json().array().size(), 1);
        QCOMPARE(inProject.json().array().first().toObject().value(QLatin1String("name")).toString(), QStringLiteral("shop"));
        Run table = cli({QStringLiteral("app"), QStringLiteral("list")});
        QVERIFY(table.out.contains("PROJECT") && table.out.contains("storefront"));
        Run moved = cli({QStringLiteral("app"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("--project"), QString(), QStringLiteral("--json")});
        QCOMPARE(moved.exitCode, 0);
        QCOMPARE(moved.json().object().value(QLatin1String("project")).toString(), QString());
        QCOMPARE(cli({QStringLiteral("app"), QStringLiteral("remove"), QStringLiteral("blog")}).exitCode, 0);
    }

    void badInputWritesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        auto L = [](std::initializer_list<const char *> words) {
            QStringList l;
            for (const char *w : words)
                l.append(QString::fromUtf8(w));
            return l;
        };
        QTest::newRow("server port text") << L({"server", "add", "x", "--host", "h", "--port", "abc"}) << 2 << "--port";
        QTest::newRow("server port range") << L({"server", "add", "x", "--host", "h", "--port", "70000"}) << 2 << "--port";
        QTest::newRow("server host") << L({"server", "add", "x", "--host", "bad host!"}) << 2 << "--host";
        QTest::newRow("server no host") << L({"server", "add", "x"}) << 2 << "--host";
        QTest::newRow("server name") << L({"server", "add", "bad name", "--host", "h"}) << 2 << "name";
        QTest::newRow("server user") << L({"server", "add", "x", "--host", "h", "--user", "Root User"}) << 2 << "--user";
        QTest::newRow("server identity") << L({"server", "add", "x", "--host", "h", "--identity", "/nonexistent/key"}) << 2 << "--identity";
        QTest::newRow("server auth") << L({"server", "add", "x", "--host", "h", "--auth", "magic"}) << 2 << "--auth";
        QTest::newRow("server orchestrator") << L({"server", "add", "x", "--host", "h", "--orchestrator", "nomad"}) << 2 << "--orchestrator";
        QTest::newRow("server swarm role") << L({"server", "add", "x", "--host", "h", "--swarm-role", "boss"}) << 2 << "--swarm-role";
        QTest::newRow("server publish") << L({"server", "add", "x", "--host", "h", "--publish-mode", "vip"}) << 2 << "--publish-mode";
        QTest::newRow("server k8s role") << L({"server", "add", "x", "--host", "h", "--kubernetes-role", "king"}) << 2 << "--kubernetes-role";
        QTest::newRow("server namespace") << L({"server", "add", "x", "--host", "h", "--namespace", "Prod_NS"}) << 2 << "--namespace";
        QTest::newRow("server kubeconfig") << L({"server", "add", "x", "--host", "h", "--kubeconfig", "/nonexistent"}) << 2 << "--kubeconfig";
        QTest::newRow("server ingress") << L({"server", "add", "x", "--host", "h", "--ingress", "maybe"}) << 2 << "--ingress";
        QTest::newRow("server ingress class") << L({"server", "add", "x", "--host", "h", "--ingress-class", "Bad Class"}) << 2 << "--ingress-class";
        QTest::newRow("server issuer") << L({"server", "add", "x", "--host", "h", "--cert-issuer", "bad_issuer"}) << 2 << "--cert-issuer";
        QTest::newRow("server storage") << L({"server", "add", "x", "--host", "h", "--storage-class", "Fast!"}) << 2 << "--storage-class";
        QTest::newRow("server fingerprint") << L({"server", "add", "x", "--host", "h", "--fingerprint", "MD5:aa"}) << 2 << "--fingerprint";
        QTest::newRow("server duplicate") << L({"server", "add", "kube", "--host", "h"}) << 2 << "already exists";
        QTest::newRow("server unknown option") << L({"server", "add", "x", "--host", "h", "--colour", "red"}) << 2 << "colour";
        QTest::newRow("server set unknown") << L({"server", "set", "nope", "--port", "22"}) << 1 << "no server named 'nope'";
        QTest::newRow("server set bad port") << L({"server", "set", "kube", "--port", "0"}) << 2 << "--port";
        QTest::newRow("server remove in use") << L({"server", "remove", "kube"}) << 1 << "still has applications";
        QTest::newRow("app no server") << L({"app", "add", "x", "--image", "nginx"}) << 2 << "--server";
        QTest::newRow("app unknown server") << L({"app", "add", "x", "--server", "nope", "--image", "nginx"}) << 2 << "--server";
        QTest::newRow("app no image") << L({"app", "add", "x", "--server", "kube"}) << 2 << "--image";
        QTest::newRow("app name") << L({"app", "add", "Bad_Name", "--server", "kube", "--image", "nginx"}) << 2 << "name";
        QTest::newRow("app project") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--project", "My Shop"}) << 2 << "--project";
        QTest::newRow("app image") << L({"app", "add", "x", "--server", "kube", "--image", "NGINX latest"}) << 2 << "--image";
        QTest::newRow("app port") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--port", "http"}) << 2 << "--port";
        QTest::newRow("app port range") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--port", "0"}) << 2 << "--port";
        QTest::newRow("app domain") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--port", "80", "--domain", "not a domain"}) << 2 << "--domain";
        QTest::newRow("app env") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--env", "NOEQUALS"}) << 2 << "--env";
        QTest::newRow("app env key") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--env", "1X=2"}) << 2 << "--env";
        QTest::newRow("app secret env") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--secret-env", "=v"}) << 2 << "--secret-env";
        QTest::newRow("app replicas") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--replicas", "101"}) << 2 << "--replicas";
        QTest::newRow("app swarm replicas") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--swarm-replicas", "-1"}) << 2 << "--swarm-replicas";
        QTest::newRow("app k8s replicas") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--kubernetes-replicas", "many"}) << 2 << "--kubernetes-replicas";
        QTest::newRow("app constraint") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--constraint", "node.role = manager"}) << 2 << "--constraint";
        QTest::newRow("app node selector") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--node-selector", "{bad json"}) << 2 << "--node-selector";
        QTest::newRow("app tolerations") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--tolerations", R"([{"operator":"Maybe"}])"}) << 2 << "--tolerations";
        QTest::newRow("app affinity") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--affinity", R"({"x":{}})"}) << 2 << "--affinity";
        QTest::newRow("app pod labels") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--pod-labels", R"({"a":"b c"})"}) << 2 << "--pod-labels";
        QTest::newRow("app annotations") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--service-annotations", R"({"a":1})"}) << 2 << "--service-annotations";
        QTest::newRow("app service type") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--service-type", "Public"}) << 2 << "--service-type";
        QTest::newRow("app cpu") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--cpu", "fast"}) << 2 << "--cpu";
        QTest::newRow("app memory") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--memory", "512M"}) << 2 << "--memory";
        QTest::newRow("app cpu reservation") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--cpu", "0.5", "--cpu-reservation", "1"}) << 2 << "--cpu-reservation";
        QTest::newRow("app memory reservation") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--memory-reservation", "1k"}) << 2 << "--memory-reservation";
        QTest::newRow("app health path") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--port", "80", "--health-path", "healthz"}) << 2 << "--health-path";
        QTest::newRow("app health port") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--health-port", "99999"}) << 2 << "--health-port";
        QTest::newRow("app health interval") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--health-interval", "0"}) << 2 << "--health-interval";
        QTest::newRow("app health timeout") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--health-timeout", "x"}) << 2 << "--health-timeout";
        QTest::newRow("app health retries") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--health-retries", "0"}) << 2 << "--health-retries";
        QTest::newRow("app restart policy") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--restart-policy", "sometimes"}) << 2 << "--restart-policy";
        QTest::newRow("app network") << L({"app", "add", "x", "--server", "kube", "--image", "nginx", "--network", "bad net"}) << 2 << "--network";
        QTest::newRow("app build without image") << L({"app", "add", "x", "--server", "kube", "--build", "."}) << 2 << "--image";
        QTest::newRow("app duplicate") << L({"app", "add", "shop", "--server", "kube", "--image", "nginx"}) << 2 << "already exists";
        QTest::newRow("app set unknown") << L({"app", "set", "nope", "--replicas", "2"}) << 1 << "no application named 'nope'";
        QTest::newRow("app set bad replicas") << L({"app", "set", "shop", "--replicas", "500"}) << 2 << "--replicas";
        QTest::newRow("app set bad selector") << L({"app", "set", "shop", "--node-selector", R"({"disk":5})"}) << 2 << "--node-selector";
        QTest::newRow("app show unknown") << L({"app", "show", "nope"}) << 1 << "no application";
        QTest::newRow("app remove unknown") << L({"app", "remove", "nope"}) << 1 << "no application";
        QTest::newRow("exec without --") << L({"exec", "shop", "ls"}) << 2 << "exec expects APP -- CMD";
        QTest::newRow("exec without command") << L({"exec", "shop", "--"}) << 2 << "exec expects APP -- CMD";
        QTest::newRow("exec unknown app") << L({"exec", "nope", "--", "ls"}) << 1 << "application 'nope'";
        QTest::newRow("exec bad timeout") << L({"exec", "shop", "--timeout", "0", "--", "ls"}) << 2 << "--timeout";
    }
    void badInputWritesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        const QByteArray before = dump();
        Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(dump(), before);
    }

    void removeRoundTrip()
    {
        QCOMPARE(cli({QStringLiteral("app"), QStringLiteral("remove"), QStringLiteral("shop")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("server"), QStringLiteral("remove"), QStringLiteral("kube")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("server"), QStringLiteral("list"), QStringLiteral("--json")}).json().array().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
