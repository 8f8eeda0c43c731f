// Validation shared by GUI, CLI and API: good and bad rows; every error names its field.
#include "domain/Validation.h"

#include <QTest>

using namespace fleetdeck;

namespace {
Application validApp()
{
    Application a;
    a.name = QStringLiteral("web");
    a.serverId = 1;
    a.image = QStringLiteral("nginx:1.27");
    a.ports = {80};
    return a;
}
} // namespace

class TestValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kubernetesName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << "web" << true;
        QTest::newRow("dashes") << "my-app-2" << true;
        QTest::newRow("digit start") << "2048-game" << true;
        QTest::newRow("63 chars") << QString(63, QLatin1Char('a')) << true;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << false;
        QTest::newRow("upper") << "Web" << false;
        QTest::newRow("underscore") << "my_app" << false;
        QTest::newRow("leading dash") << "-web" << false;
        QTest::newRow("trailing dash") << "web-" << false;
        QTest::newRow("dot") << "web.app" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("injection") << "a;rm -rf /" << false;
        QTest::newRow("unicode") << QStringLiteral("wéb") << false;
    }
    void kubernetesName()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const Status s = validate::kubernetesName(QStringLiteral("name"), name);
        QCOMPARE(s.ok(), valid);
        if (!valid)
            QCOMPARE(s.error().field, QStringLiteral("name"));
    }

    void replicas_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("valid");
        QTest::newRow("0") << 0 << true;
        QTest::newRow("1") << 1 << true;
        QTest::newRow("100") << 100 << true;
        QTest::newRow("101") << 101 << false;
        QTest::newRow("-1") << -1 << false;
    }
    void replicas()
    {
        QFETCH(int, n);
        QFETCH(bool, valid);
        QCOMPARE(validate::replicas(QStringLiteral("replicas"), n).ok(), valid);
    }

    void port_data()
    {
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("valid");
        QTest::newRow("1") << 1 << true;
        QTest::newRow("80") << 80 << true;
        QTest::newRow("65535") << 65535 << true;
        QTest::newRow("0") << 0 << false;
        QTest::newRow("65536") << 65536 << false;
    }
    void port()
    {
        QFETCH(int, port);
        QFETCH(bool, valid);
        QCOMPARE(validate::port(QStringLiteral("port"), port).ok(), valid);
    }

    void domain_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<bool>("valid");
        QTest::newRow("fqdn") << "app.example.com" << true;
        QTest::newRow("wildcard") << "*.example.com" << true;
        QTest::newRow("single label") << "localhost" << false;
        QTest::newRow("upper") << "App.Example.com" << false;
        QTest::newRow("scheme") << "https://app.example.com" << false;
        QTest::newRow("double dot") << "app..example.com" << false;
        QTest::newRow("space") << "app example.com" << false;
        QTest::newRow("quote") << "app'.example.com" << false;
    }
    void domain()
    {
        QFETCH(QString, domain);
        QFETCH(bool, valid);
        QCOMPARE(validate::domain(QStringLiteral("domain"), domain).ok(), valid);
    }

    void swarmConstraint_data()
    {
        QTest::addColumn<QString>("constraint");
        QTest::addColumn<bool>("valid");
        QTest::newRow("role manager") << "node.role == manager" << true;
        QTest::newRow("role not worker") << "node.role != worker" << true;
        QTest::newRow("label") << "node.labels.disk == ssd" << true;
        QTest::newRow("hostname") << "node.hostname==web-1" << true;
        QTest::newRow("engine label") << "engine.labels.region == eu" << true;
        QTest::newRow("os") << "node.platform.os == linux" << true;
        QTest::newRow("bad role") << "node.role == boss" << false;
        QTest::newRow("no operator") << "node.role manager" << false;
        QTest::newRow("unknown attribute") << "node.colour == red" << false;
        QTest::newRow("injection") << "node.role == manager' ; touch /tmp/x" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("triple eq") << "node.role === manager" << false;
    }
    void swarmConstraint()
    {
        QFETCH(QString, constraint);
        QFETCH(bool, valid);
        const Status s = validate::swarmConstraint(QStringLiteral("constraint"), constraint);
        QCOMPARE(s.ok(), valid);
        if (!valid)
            QVERIFY(s.error().message.contains(QLatin1String("node.role")));
    }

    void nodeSelector_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty text") << "" << true << "";
        QTest::newRow("object") << R"({"disktype":"ssd"})" << true << "";
        QTest::newRow("prefixed key") << R"({"kubernetes.io/hostname":"node-1"})" << true << "";
        QTest::newRow("empty value") << R"({"gpu":""})" << true << "";
        QTest::newRow("syntax") << R"({"disktype": "ssd",})" << false << "line 1";
        QTest::newRow("array") << R"(["ssd"])" << false << "JSON object";
        QTest::newRow("number value") << R"({"disk": 5})" << false << "must be a string";
        QTest::newRow("bad key") << R"({"bad key":"x"})" << false << "key 'bad key'";
        QTest::newRow("bad value") << R"({"disk":"s s d"})" << false << "value 's s d'";
        QTest::newRow("multiline error") << "{\n\"a\": \"b\"\n\"c\": \"d\"}" << false << "line 3";
    }
    void nodeSelector()
    {
        QFETCH(QString, json);
        QFETCH(bool, valid);
        QFETCH(QString, mentions);
        auto r = validate::nodeSelectorJson(QStringLiteral("node-selector"), json);
        QCOMPARE(r.ok(), valid);
        if (!valid) {
            QCOMPARE(r.error().field, QStringLiteral("node-selector"));
            QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
        }
    }

    void tolerations_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("equal") << R"([{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"}])" << true << "";
        QTest::newRow("exists") << R"([{"key":"dedicated","operator":"Exists"}])" << true << "";
        QTest::newRow("all taints") << R"([{"operator":"Exists"}])" << true << "";
        QTest::newRow("noexecute seconds") << R"([{"key":"k","value":"v","effect":"NoExecute","tolerationSeconds":30}])" << true << "";
        QTest::newRow("object not array") << R"({"key":"a"})" << false << "JSON array";
        QTest::newRow("bad operator") << R"([{"key":"a","operator":"Bogus"}])" << false << "operator must be";
        QTest::newRow("exists with value") << R"([{"key":"a","operator":"Exists","value":"x"}])" << false << "takes no value";
        QTest::newRow("empty key equal") << R"([{"value":"x"}])" << false << "empty key";
        QTest::newRow("bad effect") << R"([{"key":"a","value":"b","effect":"Never"}])" << false << "effect must be";
        QTest::newRow("unknown field") << R"([{"key":"a","colour":"red"}])" << false << "unknown field 'colour'";
        QTest::newRow("seconds without NoExecute") << R"([{"key":"a","value":"b","effect":"NoSchedule","tolerationSeconds":5}])" << false << "only applies";
        QTest::newRow("not objects") << R"(["a"])" << false << "must be an object";
        QTest::newRow("syntax") << R"([{"key":"a"})" << false << "invalid JSON";
    }
    void tolerations()
    {
        QFETCH(QString, json);
        QFETCH(bool, valid);
        QFETCH(QString, mentions);
        auto r = validate::tolerationsJson(QStringLiteral("tolerations"), json);
        QCOMPARE(r.ok(), valid);
        if (!valid) {
            QVERIFY(r.error().field.startsWith(QLatin1String("tolerations")));
            QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
        }
    }

    void affinity()
    {
        QVERIFY(validate::affinityJson(QStringLiteral("affinity"), QStringLiteral(R"({"nodeAffinity":{}})")).ok());
        auto bad = validate::affinityJson(QStringLiteral("affinity"), QStringLiteral(R"({"nodeAfinity":{}})"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QLatin1String("nodeAfinity")));
    }

    void image_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "nginx" << true;
        QTest::newRow("tag") << "nginx:1.27" << true;
        QTest::newRow("registry") << "registry.local:5000/team/app:v1.0" << true;
        QTest::newRow("digest") << (QStringLiteral("app@sha256:") + QString(64, QLatin1Char('a'))) << true;
        QTest::newRow("upper") << "Nginx" << false;
        QTest::newRow("space") << "nginx latest" << false;
        QTest::newRow("option") << "--privileged" << false;
        QTest::newRow("empty") << "" << false;
    }
    void image()
    {
        QFETCH(QString, image);
        QFETCH(bool, valid);
        QCOMPARE(validate::imageReference(QStringLiteral("image"), image).ok(), valid);
    }

    void applicationProblemsNameTheirFields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("name") << "name";
        QTest::newRow("project") << "project";
        QTest::newRow("image") << "image";
        QTest::newRow("port") << "port";
        QTest::newRow("domain") << "domain";
        QTest::newRow("env") << "env";
        QTest::newRow("cpu") << "cpu";
        QTest::newRow("memory") << "memory";
        QTest::newRow("memory-reservation") << "memory-reservation";
        QTest::newRow("swarm-replicas") << "swarm-replicas";
        QTest::newRow("constraint") << "constraint";
        QTest::newRow("health-path") << "health-path";
        QTest::newRow("restart-policy") << "restart-policy";
    }
    void applicationProblemsNameTheirFields()
    {
        QFETCH(QString, field);
        Application a = validApp();
        QVERIFY(validate::application(a).ok());
        if (field == QLatin1String("name")) a.name = QStringLiteral("Bad Name");
        if (field == QLatin1String("project")) a.project = QStringLiteral("Web Shop");
        if (field == QLatin1String("image")) a.image = QStringLiteral("not valid");
        if (field == QLatin1String("port")) a.ports = {80, 80};
        if (field == QLatin1String("domain")) a.domains = {QStringLiteral("bad domain")};
        if (field == QLatin1String("env")) a.env = {{QStringLiteral("1BAD"), QStringLiteral("x"), false}};
        if (field == QLatin1String("cpu")) a.cpuLimit = QStringLiteral("lots");
        if (field == QLatin1String("memory")) a.memoryLimit = QStringLiteral("512M");
        if (field == QLatin1String("memory-reservation")) {
            a.memoryLimit = QStringLiteral("256m");
            a.memoryReservation = QStringLiteral("512m");
        }
        if (field == QLatin1String("swarm-replicas")) a.swarmReplicas = 101;
        if (field == QLatin1String("constraint")) a.swarmConstraints = {QStringLiteral("node.role = manager")};
        if (field == QLatin1String("health-path")) a.health.path = QStringLiteral("healthz");
        if (field == QLatin1String("restart-policy")) a.restartPolicy = QStringLiteral("sometimes");
        const auto problems = validate::applicationProblems(a);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, field);
        QVERIFY(!problems.first().message.isEmpty());
    }

    void serverProblems()
    {
        Server s;
        s.name = QStringLiteral("web-1");
        s.host = QStringLiteral("10.0.0.5");
        s.identityFile = QStringLiteral("/root/.ssh/id_ed25519");
        QVERIFY(validate::server(s).ok());
        s.settings.kubernetesNamespace = QStringLiteral("Prod");
        QCOMPARE(validate::server(s).error().field, QStringLiteral("namespace"));
        s.settings.kubernetesNamespace = QStringLiteral("prod");
        s.port = 0;
        QCOMPARE(validate::server(s).error().field, QStringLiteral("port"));
        s.port = 22;
        s.host = QStringLiteral("bad host!");
        QCOMPARE(validate::server(s).error().field, QStringLiteral("host"));
        s.host = QStringLiteral("::1");
        QVERIFY(validate::server(s).ok());
        s.hostKeyFingerprint = QStringLiteral("MD5:aa:bb");
        QCOMPARE(validate::server(s).error().field, QStringLiteral("fingerprint"));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
