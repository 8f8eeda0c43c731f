// Kubernetes manifests: every application field to its manifest field (read back from the YAML with
// yaml-cpp), unit conversions, names and labels, quoting, determinism, secrets, rejected input.
#include "domain/Validation.h"
#include "manifests/KubernetesManifests.h"
#include "manifests/KubernetesNames.h"
#include "manifests/ManifestValue.h"
#include "orchestrators/Labels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace fleetdeck;
using namespace fleetdeck::manifests;

namespace {

const QString kUuid = QStringLiteral("0f8e6a4c-1d2b-4c3d-9e8f-123456789abc");

Application baseApp()
{
    Application a;
    a.id = 7;
    a.uuid = kUuid;
    a.name = QStringLiteral("web");
    a.serverId = 1;
    a.image = QStringLiteral("nginx:1.27");
    a.ports = {8080};
    a.kubernetesReplicas = 2;
    return a;
}

ServerSettings baseSettings()
{
    ServerSettings s;
    s.orchestrator = Orchestrator::Kubernetes;
    s.kubernetesNamespace = QStringLiteral("apps");
    s.useIngress = true;
    s.ingressClass = QStringLiteral("nginx");
    return s;
}

QJsonObject jsonObject(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

// The documents of the generated YAML, parsed back by yaml-cpp (not by our own tree), by kind.
QHash<QString, QJsonObject> parsedDocuments(const ManifestSet &set, bool masked = false)
{
    auto docs = parseYamlDocuments(set.yaml(masked));
    if (!docs) {
        qWarning() << docs.error().toString();
        return {};
    }
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &d : *docs)
        out.insert(d.toObject().value(QLatin1String("kind")).toString(), d.toObject());
    return out;
}

QJsonValue at(const QJsonValue &root, const QStringList &path)
{
    QJsonValue v = root;
    for (const QString &step : path) {
        if (v.isArray())
            v = v.toArray().at(step.toInt());
        else
            v = v.toObject().value(step);
    }
    return v;
}

struct FieldCase {
    const char *name;
    std::function<void(Application &, ServerSettings &, ManifestOptions &)> change;
    QString kind;
    QStringList path;
    QJsonValue expected;
};

QStringList p(std::initializer_list<const char *> steps)
{
    QStringList out;
    for (const char *s : steps)
        out << QString::fromUtf8(s);
    return out;
}

const QList<FieldCase> &fieldCases()
{
    using A = Application;
    using S = ServerSettings;
    using O = ManifestOptions;
    const QString dep = QStringLiteral("Deployment");
    const QString svc = QStringLiteral("Service");
    const QString ing = QStringLiteral("Ingress");
    static const QStringList c0 = p({"spec", "template", "spec", "containers", "0"});
    static const QList<FieldCase> cases = {
        {"image", [](A &a, S &, O &) { a.image = QStringLiteral("registry.example.com/team/web:2.1"); },
         dep, c0 + p({"image"}), QStringLiteral("registry.example.com/team/web:2.1")},
        {"container name", [](A &, S &, O &) {}, dep, c0 + p({"name"}), QStringLiteral("web")},
        {"replicas", [](A &a, S &, O &) { a.kubernetesReplicas = 3; }, dep, p({"spec", "replicas"}), 3},
        {"replicas zero", [](A &a, S &, O &) { a.kubernetesReplicas = 0; }, dep, p({"spec", "replicas"}), 0},
        {"replicas override", [](A &a, S &, O &o) { a.kubernetesReplicas = 3; o.replicas = 5; }, dep, p({"spec", "replicas"}), 5},
        {"replicas annotation", [](A &a, S &, O &o) { a.kubernetesReplicas = 3; o.replicas = 5; },
         dep, p({"metadata", "annotations", "fleetdeck.replicas"}), QStringLiteral("3")},
        {"containerPort", [](A &a, S &, O &) { a.ports = {3000, 9090}; }, dep, c0 + p({"ports", "0", "containerPort"}), 3000},
        {"second containerPort", [](A &a, S &, O &) { a.ports = {3000, 9090}; }, dep, c0 + p({"ports", "1", "containerPort"}), 9090},
        {"port name", [](A &a, S &, O &) { a.ports = {3000}; }, dep, c0 + p({"ports", "0", "name"}), QStringLiteral("tcp-3000")},
        {"service port is the app port", [](A &a, S &, O &) { a.ports = {3000}; }, svc, p({"spec", "ports", "0", "port"}), 3000},
        {"service targetPort", [](A &a, S &, O &) { a.ports = {3000}; }, svc, p({"spec", "ports", "0", "targetPort"}), 3000},
        {"service second port", [](A &a, S &, O &) { a.ports = {3000, 9090}; }, svc, p({"spec", "ports", "1", "port"}), 9090},
        {"service type default", [](A &, S &, O &) {}, svc, p({"spec", "type"}), QStringLiteral("ClusterIP")},
        {"service type NodePort", [](A &a, S &, O &) { a.serviceType = ServiceType::NodePort; }, svc, p({"spec", "type"}), QStringLiteral("NodePort")},
        {"service type LoadBalancer", [](A &a, S &, O &) { a.serviceType = ServiceType::LoadBalancer; }, svc, p({"spec", "type"}), QStringLiteral("LoadBalancer")},
        {"service annotation", [](A &a, S &, O &) { a.serviceAnnotations = jsonObject(R"({"service.beta.kubernetes.io/lb-type":"nlb"})"); },
         svc, p({"metadata", "annotations", "service.beta.kubernetes.io/lb-type"}), QStringLiteral("nlb")},
        {"service selector", [](A &, S &, O &) {}, svc, p({"spec", "selector", "fleetdeck.app"}), kUuid},
        {"env name", [](A &a, S &, O &) { a.env = {{QStringLiteral("MODE"), QStringLiteral("production"), false}}; }, dep, c0 + p({"env", "0", "name"}), QStringLiteral("MODE")},
        {"env value", [](A &a, S &, O &) { a.env = {{QStringLiteral("MODE"), QStringLiteral("production"), false}}; }, dep, c0 + p({"env", "0", "value"}), QStringLiteral("production")},
        {"env value true stays a string", [](A &a, S &, O &) { a.env = {{QStringLiteral("DEBUG"), QStringLiteral("true"), false}}; }, dep, c0 + p({"env", "0", "value"}), QStringLiteral("true")},
        {"env value 0755 stays a string", [](A &a, S &, O &) { a.env = {{QStringLiteral("UMASK"), QStringLiteral("0755"), false}}; }, dep, c0 + p({"env", "0", "value"}), QStringLiteral("0755")},
        {"env value empty", [](A &a, S &, O &) { a.env = {{QStringLiteral("EMPTY"), QString(), false}}; }, dep, c0 + p({"env", "0", "value"}), QString()},
        {"env value multi-line", [](A &a, S &, O &) { a.env = {{QStringLiteral("PEM"), QStringLiteral("a: b\n# c\n'd\""), false}}; }, dep, c0 + p({"env", "0", "value"}), QStringLiteral("a: b\n# c\n'd\"")},
        {"secret env from Secret", [](A &a, S &, O &) { a.env = {{QStringLiteral("TOKEN"), QStringLiteral("s3cr3t"), true}}; },
         dep, c0 + p({"env", "0", "valueFrom", "secretKeyRef", "name"}), QStringLiteral("web-env")},
        {"secret env key", [](A &a, S &, O &) { a.env = {{QStringLiteral("TOKEN"), QStringLiteral("s3cr3t"), true}}; },
         dep, c0 + p({"env", "0", "valueFrom", "secretKeyRef", "key"}), QStringLiteral("TOKEN")},
        {"secret env has no value", [](A &a, S &, O &) { a.env = {{QStringLiteral("TOKEN"), QStringLiteral("s3cr3t"), true}}; },
         dep, c0 + p({"env", "0", "value"}), QJsonValue(QJsonValue::Undefined)},
        {"secret data base64", [](A &a, S &, O &) { a.env = {{QStringLiteral("TOKEN"), QStringLiteral("s3cr3t"), true}}; },
         QStringLiteral("Secret"), p({"data", "TOKEN"}), QStringLiteral("czNjcjN0")},
        {"cpu limit 0.5 -> 500m", [](A &a, S &, O &) { a.cpuLimit = QStringLiteral("0.5"); }, dep, c0 + p({"resources", "limits", "cpu"}), QStringLiteral("500m")},
        {"cpu limit 2 -> 2", [](A &a, S &, O &) { a.cpuLimit = QStringLiteral("2"); }, dep, c0 + p({"resources", "limits", "cpu"}), QStringLiteral("2")},
        {"cpu limit 1.5 -> 1500m", [](A &a, S &, O &) { a.cpuLimit = QStringLiteral("1.5"); }, dep, c0 + p({"resources", "limits", "cpu"}), QStringLiteral("1500m")},
        {"cpu limit 250m stays", [](A &a, S &, O &) { a.cpuLimit = QStringLiteral("250m"); }, dep, c0 + p({"resources", "limits", "cpu"}), QStringLiteral("250m")},
        {"memory limit 512m -> 512Mi", [](A &a, S &, O &) { a.memoryLimit = QStringLiteral("512m"); }, dep, c0 + p({"resources", "limits", "memory"}), QStringLiteral("512Mi")},
        {"memory limit 1g -> 1Gi", [](A &a, S &, O &) { a.memoryLimit = QStringLiteral("1g"); }, dep, c0 + p({"resources", "limits", "memory"}), QStringLiteral("1Gi")},
        {"memory limit 1536m -> 1536Mi", [](A &a, S &, O &) { a.memoryLimit = QStringLiteral("1536m"); }, dep, c0 + p({"resources", "limits", "memory"}), QStringLiteral("1536Mi")},
        {"cpu reservation -> request", [](A &a, S &, O &) { a.cpuReservation = QStringLiteral("0.25"); }, dep, c0 + p({"resources", "requests", "cpu"}), QStringLiteral("250m")},
        {"memory reservation -> request", [](A &a, S &, O &) { a.memoryReservation = QStringLiteral("128m"); }, dep, c0 + p({"resources", "requests", "memory"}), QStringLiteral("128Mi")},
        {"limit alone makes no request", [](A &a, S &, O &) { a.cpuLimit = QStringLiteral("1"); }, dep, c0 + p({"resources", "requests"}), QJsonValue(QJsonValue::Undefined)},
        {"readiness httpGet path", [](A &a, S &, O &) { a.health.path = QStringLiteral("/healthz"); }, dep, c0 + p({"readinessProbe", "httpGet", "path"}), QStringLiteral("/healthz")},
        {"readiness port is the first port", [](A &a, S &, O &) { a.ports = {3000, 9090}; a.health.path = QStringLiteral("/healthz"); }, dep, c0 + p({"readinessProbe", "httpGet", "port"}), 3000},
        {"health port", [](A &a, S &, O &) { a.health.path = QStringLiteral("/healthz"); a.health.port = 9000; }, dep, c0 + p({"livenessProbe", "httpGet", "port"}), 9000},
        {"probe period = interval", [](A &a, S &, O &) { a.health.path = QStringLiteral("/h"); a.health.intervalSeconds = 7; }, dep, c0 + p({"readinessProbe", "periodSeconds"}), 7},
        {"probe timeout", [](A &a, S &, O &) { a.health.path = QStringLiteral("/h"); a.health.timeoutSeconds = 4; }, dep, c0 + p({"livenessProbe", "timeoutSeconds"}), 4},
        {"probe retries = failureThreshold", [](A &a, S &, O &) { a.health.path = QStringLiteral("/h"); a.health.retries = 6; }, dep, c0 + p({"livenessProbe", "failureThreshold"}), 6},
        {"liveness start period", [](A &a, S &, O &) { a.health.path = QStringLiteral("/h"); a.health.startPeriodSeconds = 30; }, dep, c0 + p({"livenessProbe", "initialDelaySeconds"}), 30},
        {"health command -> exec probe", [](A &a, S &, O &) { a.health.command = QStringLiteral("pg_isready -U app"); }, dep,
         c0 + p({"readinessProbe", "exec", "command", "2"}), QStringLiteral("pg_isready -U app")},
        {"no health check, no probe", [](A &, S &, O &) {}, dep, c0 + p({"livenessProbe"}), QJsonValue(QJsonValue::Undefined)},
        {"node selector", [](A &a, S &, O &) { a.nodeSelector = jsonObject(R"({"disktype":"ssd"})"); }, dep, p({"spec", "template", "spec", "nodeSelector", "disktype"}), QStringLiteral("ssd")},
        {"toleration key", [](A &a, S &, O &) { a.tolerations = QJsonDocument::fromJson(R"([{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"}])").array(); },
         dep, p({"spec", "template", "spec", "tolerations", "0", "key"}), QStringLiteral("dedicated")},
        {"toleration effect", [](A &a, S &, O &) { a.tolerations = QJsonDocument::fromJson(R"([{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"}])").array(); },
         dep, p({"spec", "template", "spec", "tolerations", "0", "effect"}), QStringLiteral("NoSchedule")},
        {"toleration seconds is a number", [](A &a, S &, O &) { a.tolerations = QJsonDocument::fromJson(R"([{"key":"k","operator":"Exists","effect":"NoExecute","tolerationSeconds":30}])").array(); },
         dep, p({"spec", "template", "spec", "tolerations", "0", "tolerationSeconds"}), 30},
        {"affinity", [](A &a, S &, O &) { a.affinity = jsonObject(R"({"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"gpu","operator":"In","values":["true"]}]}]}}})"); },
         dep, p({"spec", "template", "spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms", "0", "matchExpressions", "0", "values", "0"}), QStringLiteral("true")},
        {"pod label", [](A &a, S &, O &) { a.podLabels = jsonObject(R"({"team":"web"})"); }, dep, p({"spec", "template", "metadata", "labels", "team"}), QStringLiteral("web")},
        {"pod identity label", [](A &a, S &, O &) { a.podLabels = jsonObject(R"({"team":"web"})"); }, dep, p({"spec", "template", "metadata", "labels", "fleetdeck.app"}), kUuid},
        {"label name", [](A &, S &, O &) {}, dep, p({"metadata", "labels", "app.kubernetes.io/name"}), QStringLiteral("web")},
        {"label instance", [](A &, S &, O &) {}, dep, p({"metadata", "labels", "app.kubernetes.io/instance"}), QStringLiteral("web")},
        {"label managed-by", [](A &, S &, O &) {}, svc, p({"metadata", "labels", "app.kubernetes.io/managed-by"}), QStringLiteral("fleetdeck")},
        {"label uuid", [](A &, S &, O &) {}, dep, p({"metadata", "labels", "fleetdeck.app"}), kUuid},
        {"selector", [](A &, S &, O &) {}, dep, p({"spec", "selector", "matchLabels", "fleetdeck.app"}), kUuid},
        {"deployment id annotation", [](A &, S &, O &o) { o.deploymentId = 42; }, dep, p({"spec", "template", "metadata", "annotations", "fleetdeck.deployment"}), QStringLiteral("42")},
        {"no deployment id, no annotation", [](A &, S &, O &) {}, dep, p({"spec", "template", "metadata", "annotations"}), QJsonValue(QJsonValue::Undefined)},
        {"namespace", [](A &, S &s, O &) { s.kubernetesNamespace = QStringLiteral("team-a"); }, dep, p({"metadata", "namespace"}), QStringLiteral("team-a")},
        {"namespace object", [](A &, S &s, O &) { s.kubernetesNamespace = QStringLiteral("team-a"); }, QStringLiteral("Namespace"), p({"metadata", "name"}), QStringLiteral("team-a")},
        {"ingress host", [](A &a, S &, O &) { a.domains = {QStringLiteral("web.example.com"), QStringLiteral("www.example.com")}; }, ing, p({"spec", "rules", "1", "host"}), QStringLiteral("www.example.com")},
        {"ingress backend port is the app port", [](A &a, S &, O &) { a.ports = {3000}; a.domains = {QStringLiteral("web.example.com")}; },
         ing, p({"spec", "rules", "0", "http", "paths", "0", "backend", "service", "port", "number"}), 3000},
        {"ingress backend service", [](A &a, S &, O &) { a.domains = {QStringLiteral("web.example.com")}; },
         ing, p({"spec", "rules", "0", "http", "paths", "0", "backend", "service", "name"}), QStringLiteral("web")},
        {"ingress class from settings", [](A &a, S &s, O &) { a.domains = {QStringLiteral("web.example.com")}; s.ingressClass = QStringLiteral("traefik"); },
         ing, p({"spec", "ingressClassName"}), QStringLiteral("traefik")},
        {"no issuer, no cert-manager annotation", [](A &a, S &, O &) { a.domains = {QStringLiteral("web.example.com")}; },
         ing, p({"metadata", "annotations"}), QJsonValue(QJsonValue::Undefined)},
        {"no issuer, no tls", [](A &a, S &, O &) { a.domains = {QStringLiteral("web.example.com")}; }, ing, p({"spec", "tls"}), QJsonValue(QJsonValue::Undefined)},
        {"issuer from settings", [](A &a, S &s, O &) { a.domains = {QStringLiteral("web.example.com")}; s.certIssuer = QStringLiteral("letsencrypt-staging"); },
         ing, p({"metadata", "annotations", "cert-manager.io/cluster-issuer"}), QStringLiteral("letsencrypt-staging")},
        {"tls hosts", [](A &a, S &s, O &) { a.domains = {QStringLiteral("web.example.com"), QStringLiteral("*.example.org")}; s.certIssuer = QStringLiteral("le"); },
         ing, p({"spec", "tls", "0", "hosts", "1"}), QStringLiteral("*.example.org")},
        {"tls secret", [](A &a, S &s, O &) { a.domains = {QStringLiteral("web.example.com")}; s.certIssuer = QStringLiteral("le"); },
         ing, p({"spec", "tls", "0", "secretName"}), QStringLiteral("web-tls")},
        {"quota", [](A &, S &, O &o) { KubernetesNamespace ns; ns.name = QStringLiteral("apps"); ns.resourceQuota = jsonObject(R"({"pods":"10","requests.cpu":"2"})"); o.namespaceSettings = ns; },
         QStringLiteral("ResourceQuota"), p({"spec", "hard", "pods"}), QStringLiteral("10")},
        {"quota name", [](A &, S &, O &o) { KubernetesNamespace ns; ns.name = QStringLiteral("apps"); ns.resourceQuota = jsonObject(R"({"pods":"10"})"); o.namespaceSettings = ns; },
         QStringLiteral("ResourceQuota"), p({"metadata", "name"}), QStringLiteral("fleetdeck-quota")},
        {"limit range default", [](A &, S &, O &o) { KubernetesNamespace ns; ns.name = QStringLiteral("apps"); ns.limitRange = jsonObject(R"({"default":{"cpu":"500m"},"defaultRequest":{"memory":"128Mi"}})"); o.namespaceSettings = ns; },
         QStringLiteral("LimitRange"), p({"spec", "limits", "0", "default", "cpu"}), QStringLiteral("500m")},
        {"limit range type", [](A &, S &, O &o) { KubernetesNamespace ns; ns.name = QStringLiteral("apps"); ns.limitRange = jsonObject(R"({"defaultRequest":{"memory":"128Mi"}})"); o.namespaceSettings = ns; },
         QStringLiteral("LimitRange"), p({"spec", "limits", "0", "type"}), QStringLiteral("Container")},
    };
    return cases;
}

} // namespace

class TestK8sManifests : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fieldToManifest_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < fieldCases().size(); ++i)
            QTest::newRow(fieldCases().at(i).name) << i;
    }
    void fieldToManifest()
    {
        QFETCH(int, index);
        const FieldCase &c = fieldCases().at(index);
        Application app = baseApp();
        ServerSettings settings = baseSettings();
        ManifestOptions options;
        c.change(app, settings, options);
        auto set = buildManifests(app, settings, options);
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().toString()));
        const auto docs = parsedDocuments(*set);
        QVERIFY2(docs.contains(c.kind), qPrintable(QStringLiteral("no %1 among %2").arg(c.kind, docs.keys().join(QLatin1Char(',')))));
        const QJsonValue got = at(docs.value(c.kind), c.path);
        QVERIFY2(got == c.expected, qPrintable(QStringLiteral("%1: got %2, expected %3")
                                                   .arg(c.path.join(QLatin1Char('.')),
                                                        QString::fromUtf8(QJsonDocument(QJsonArray{got}).toJson(QJsonDocument::Compact)),
                                                        QString::fromUtf8(QJsonDocument(QJsonArray{c.expected}).toJson(QJsonDocument::Compact)))));
        // The tree and the YAML agree on every document (what we build is what kubectl reads).
        for (const Manifest &m : set->items)
            QCOMPARE(m.body.toJson().toObject(), docs.value(m.kind));
    }

    void objectsPresent_data()
    {
        QTest::addColumn<bool>("ports");
        QTest::addColumn<bool>("domains");
        QTest::addColumn<bool>("useIngress");
        QTest::addColumn<bool>("secret");
        QTest::addColumn<bool>("includeNamespace");
        QTest::addColumn<QStringList>("kinds");
        QTest::newRow("minimal") << true << false << true << false << true
                                 << QStringList{QStringLiteral("Namespace"), QStringLiteral("Deployment"), QStringLiteral("Service")};
        QTest::newRow("no port: no service") << false << false << true << false << false << QStringList{QStringLiteral("Deployment")};
        QTest::newRow("domains + ingress") << true << true << true << false << false
                                           << QStringList{QStringLiteral("Deployment"), QStringLiteral("Service"), QStringLiteral("Ingress")};
        QTest::newRow("domains, ingress off") << true << true << false << false << false
                                              << QStringList{QStringLiteral("Deployment"), QStringLiteral("Service")};
        QTest::newRow("secret first") << true << false << true << true << false
                                      << QStringList{QStringLiteral("Secret"), QStringLiteral("Deployment"), QStringLiteral("Service")};
    }
    void objectsPresent()
    {
        QFETCH(bool, ports);
        QFETCH(bool, domains);
        QFETCH(bool, useIngress);
        QFETCH(bool, secret);
        QFETCH(bool, includeNamespace);
        QFETCH(QStringList, kinds);
        Application app = baseApp();
        if (!ports)
            app.ports.clear();
        if (domains)
            app.domains = {QStringLiteral("web.example.com")};
        if (secret)
            app.env = {{QStringLiteral("TOKEN"), QStringLiteral("x"), true}};
        ServerSettings s = baseSettings();
        s.useIngress = useIngress;
        ManifestOptions o;
        o.includeNamespace = includeNamespace;
        auto set = buildManifests(app, s, o);
        QVERIFY(set.ok());
        QStringList got;
        for (const Manifest &m : set->items)
            got << m.kind;
        QCOMPARE(got, kinds);
        if (domains && !useIngress)
            QVERIFY(set->notes.join(QLatin1Char('\n')).contains(QLatin1String("not routed")));
    }

    void rejected_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad cpu") << 0 << "cpu";
        QTest::newRow("ambiguous memory 512M") << 1 << "memory";
        QTest::newRow("reserved pod label") << 2 << "pod-labels";
        QTest::newRow("no uuid") << 3 << "uuid";
        QTest::newRow("bad namespace") << 4 << "kubernetes-namespace";
        QTest::newRow("health path without port") << 5 << "health-path";
        QTest::newRow("replicas override out of range") << 6 << "kubernetes-replicas";
        QTest::newRow("bad issuer") << 7 << "cert-issuer";
        QTest::newRow("reservation above limit") << 8 << "cpu-reservation";
    }
    void rejected()
    {
        QFETCH(int, which);
        QFETCH(QString, field);
        Application app = baseApp();
        ServerSettings s = baseSettings();
        ManifestOptions o;
        switch (which) {
        case 0: app.cpuLimit = QStringLiteral("0.5.1"); break;
        case 1: app.memoryLimit = QStringLiteral("512M"); break;
        case 2: app.podLabels = jsonObject(R"({"fleetdeck.app":"other"})"); break;
        case 3: app.uuid.clear(); break;
        case 4: s.kubernetesNamespace = QStringLiteral("Bad_NS"); break;
        case 5: app.ports.clear(); app.health.path = QStringLiteral("/healthz"); break;
        case 6: o.replicas = 101; break;
        case 7: s.certIssuer = QStringLiteral("Lets Encrypt"); break;
        case 8: app.cpuLimit = QStringLiteral("0.5"); app.cpuReservation = QStringLiteral("1"); break;
        }
        auto set = buildManifests(app, s, o);
        QVERIFY(!set.ok());
        QCOMPARE(set.error().kind, ErrorKind::Invalid);
        QCOMPARE(set.error().field, field);
    }

    void secretsMasked()
    {
        Application app = baseApp();
        app.env = {{QStringLiteral("PLAIN"), QStringLiteral("visible"), false},
                   {QStringLiteral("TOKEN"), QStringLiteral("hunter2-secret"), true}};
        auto set = buildManifests(app, baseSettings());
        QVERIFY(set.ok());
        QVERIFY(set->holdsSecrets());
        const QByteArray applied = set->yaml(false);
        const QByteArray shown = set->yaml(true);
        // The plaintext never appears: applied as base64 in the Secret only, shown masked.
        QVERIFY(!applied.contains("hunter2-secret"));
        QVERIFY(applied.contains(QByteArray("hunter2-secret").toBase64()));
        QVERIFY(!shown.contains("hunter2-secret"));
        QVERIFY(!shown.contains(QByteArray("hunter2-secret").toBase64()));
        QVERIFY(shown.contains("TOKEN: \"***\""));
        QVERIFY(shown.contains("visible"));
        const auto masked = parsedDocuments(*set, true);
        QCOMPARE(at(masked.value(QStringLiteral("Secret")), p({"data", "TOKEN"})).toString(), QStringLiteral("***"));
    }

    void deterministic()
    {
        Application app = baseApp();
        app.nodeSelector = jsonObject(R"({"zone":"a","disktype":"ssd","arch":"amd64"})");
        app.podLabels = jsonObject(R"({"b":"2","a":"1"})");
        app.domains = {QStringLiteral("a.example.com")};
        app.env = {{QStringLiteral("Z"), QStringLiteral("1"), false}, {QStringLiteral("A"), QStringLiteral("2"), true}};
        ManifestOptions o;
        o.deploymentId = 9;
        auto one = buildManifests(app, baseSettings(), o);
        auto two = buildManifests(app, baseSettings(), o);
        QVERIFY(one.ok() && two.ok());
        QCOMPARE(one->yaml(false), two->yaml(false));
        // Conventional order inside a document, env in the application's order.
        const QByteArray y = one->yaml(false);
        QVERIFY(y.indexOf("apiVersion: apps/v1") < y.indexOf("kind: Deployment"));
        QVERIFY(y.indexOf("kind: Deployment") < y.indexOf("spec:\n  replicas"));
        QVERIFY(y.indexOf("name: Z") < y.indexOf("name: A"));
    }

    void names_data()
    {
        QTest::addColumn<QString>("app");
        QTest::addColumn<QString>("service");
        QTest::newRow("plain") << "web" << "web";
        QTest::newRow("digit first: RFC 1035 service") << "1web" << "app-1web";
        QTest::newRow("63 chars") << QString(63, QLatin1Char('a')) << QString(63, QLatin1Char('a'));
        QTest::newRow("63 chars digit first") << (QStringLiteral("9") + QString(62, QLatin1Char('b')))
                                              << (QStringLiteral("app-9") + QString(58, QLatin1Char('b')));
    }
    void names()
    {
        QFETCH(QString, app);
        QFETCH(QString, service);
        Application a = baseApp();
        a.name = app;
        QCOMPARE(serviceName(a), service);
        QVERIFY(validate::kubernetesName(QStringLiteral("svc"), serviceName(a)).ok());
        QVERIFY(QChar(serviceName(a).at(0)).isLetter());
        for (const QString &n : {deploymentName(a), secretName(a), ingressName(a), tlsSecretName(a), quotaName(), limitRangeName()})
            QVERIFY2(validate::kubernetesName(QStringLiteral("name"), n).ok(), qPrintable(n));
        QVERIFY(secretName(a) != tlsSecretName(a));
        // Two long names with the same beginning still get different objects.
        Application b = a;
        b.name = a.name.left(62) + QLatin1Char('z');
        if (a.name.size() == 63)
            QVERIFY(secretName(a) != secretName(b));
        QVERIFY(validate::kubernetesName(QStringLiteral("container"), containerName(a)).ok());
        for (const auto &[key, value] : identityLabels(a)) {
            QVERIFY2(validate::labelKey(QStringLiteral("key"), key).ok(), qPrintable(key));
            QVERIFY2(validate::labelValue(QStringLiteral("value"), value).ok(), qPrintable(value));
        }
        for (int port : {1, 80, 8080, 65535})
            QVERIFY(portName(port).size() <= 15);
        // One uuid label key on every engine.
        QCOMPARE(appLabel(), labels::app());
        QCOMPARE(appSelector(a), QStringLiteral("fleetdeck.app=") + kUuid);
    }

    void plainSafe_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("plain");
        QTest::newRow("word") << "nginx" << true;
        QTest::newRow("label key") << "app.kubernetes.io/name" << true;
        QTest::newRow("yes") << "yes" << false;
        QTest::newRow("On") << "On" << false;
        QTest::newRow("n") << "n" << false;
        QTest::newRow("null") << "null" << false;
        QTest::newRow("tilde") << "~" << false;
        QTest::newRow("number") << "8080" << false;
        QTest::newRow("octal") << "0755" << false;
        QTest::newRow("float") << "1e3" << false;
        QTest::newRow("quantity") << "500m" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("colon space") << "a: b" << false;
        QTest::newRow("image tag") << "nginx:1.27" << false;
        QTest::newRow("hash") << "#x" << false;
        QTest::newRow("dash") << "-x" << false;
        QTest::newRow("path") << "/healthz" << false;
        QTest::newRow("unicode") << "caf\u00e9" << false;
    }
    void plainSafe()
    {
        QFETCH(QString, text);
        QFETCH(bool, plain);
        QCOMPARE(isPlainSafe(text), plain);
        // Whatever the form, it reads back as the same string.
        Value doc = Value::map().set(QStringLiteral("v"), Value(text)).set(text.isEmpty() ? QStringLiteral("k") : text, Value(1));
        auto back = parseYamlDocuments(toYaml(doc));
        QVERIFY(back.ok());
        QCOMPARE(back->first().toObject().value(QLatin1String("v")).toString(), text);
        QCOMPARE(back->first().toObject().value(text.isEmpty() ? QStringLiteral("k") : text).toInt(), 1);
    }

    void yamlErrorsAreValues()
    {
        auto bad = parseYamlDocuments("a: [1, 2\nb: }");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ErrorKind::ParseFailed);
        QVERIFY(bad.error().message.contains(QLatin1String("line")));
    }

    void notes()
    {
        Application app = baseApp();
        app.restartPolicy = QStringLiteral("no");
        app.network = QStringLiteral("backend");
        app.swarmConstraints = {QStringLiteral("node.role == manager")};
        app.cpuLimit = QStringLiteral("1");
        auto set = buildManifests(app, baseSettings());
        QVERIFY(set.ok());
        const QString all = set->notes.join(QLatin1Char('\n'));
        QVERIFY(all.contains(QLatin1String("restart policy 'no'")));
        QVERIFY(all.contains(QLatin1String("backend")));
        QVERIFY(all.contains(QLatin1String("Swarm placement")));
        QVERIFY(all.contains(QLatin1String("requests the CPU limit")));
    }
};

QTEST_GUILESS_MAIN(TestK8sManifests)
#include "tst_k8s_manifests.moc"
