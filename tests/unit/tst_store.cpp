// Store: round trips of every entity, secrets sealed at rest, atomic writes, a connection per thread.
#include "secrets/SecretBox.h"
#include "store/Database.h"
#include "store/Repositories.h"

#include "TestEnvironment.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>
#include <QtConcurrent>

using namespace fleetdeck;

namespace {
Application fullApp(qint64 serverId)
{
    Application a;
    a.name = QStringLiteral("shop");
    a.project = QStringLiteral("storefront");
    a.serverId = serverId;
    a.image = QStringLiteral("registry.local/shop:2.1");
    a.buildSource = QStringLiteral("https://git.example.com/shop.git");
    a.dockerfile = QStringLiteral("docker/Dockerfile");
    a.ports = {8080, 9090};
    a.domains = {QStringLiteral("shop.example.com"), QStringLiteral("www.shop.example.com")};
    a.env = {{QStringLiteral("MODE"), QStringLiteral("prod"), false},
             {QStringLiteral("DB_PASSWORD"), QStringLiteral("p@ss'w;rd$(x)"), true}};
    a.health.path = QStringLiteral("/healthz");
    a.health.intervalSeconds = 7;
    a.cpuLimit = QStringLiteral("1.5");
    a.memoryLimit = QStringLiteral("1g");
    a.cpuReservation = QStringLiteral("250m");
    a.memoryReservation = QStringLiteral("256Mi");
    a.restartPolicy = QStringLiteral("always");
    a.network = QStringLiteral("backend");
    a.replicas = 2;
    a.swarmReplicas = 3;
    a.kubernetesReplicas = 4;
    a.swarmConstraints = {QStringLiteral("node.role == worker"), QStringLiteral("node.labels.zone == a")};
    a.nodeSelector = {{QStringLiteral("disktype"), QStringLiteral("ssd")}};
    a.tolerations = QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("dedicated")},
                                           {QStringLiteral("operator"), QStringLiteral("Equal")},
                                           {QStringLiteral("value"), QStringLiteral("gpu")},
                                           {QStringLiteral("effect"), QStringLiteral("NoSchedule")}}};
    a.affinity = {{QStringLiteral("nodeAffinity"), QJsonObject{}}};
    a.podLabels = {{QStringLiteral("team"), QStringLiteral("web")}};
    a.serviceAnnotations = {{QStringLiteral("prometheus.io/scrape"), QStringLiteral("true")}};
    a.serviceType = ServiceType::NodePort;
    return a;
}
} // namespace

class TestStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void firstRunHasThisMachine()
    {
        test::TempStore t;
        auto servers = t.store->servers();
        QVERIFY(servers.ok());
        QCOMPARE(servers->size(), 1);
        QVERIFY(servers->first().isLocal);
        QCOMPARE(servers->first().name, QStringLiteral("local"));
    }

    void serverRoundTrip()
    {
        test::TempStore t;
        Server s;
        s.name = QStringLiteral("k8s-1");
        s.host = QStringLiteral("10.1.2.3");
        s.port = 2200;
        s.user = QStringLiteral("deploy");
        s.auth = AuthMethod::Key;
        s.identityFile = QStringLiteral("/keys/id");
        s.secret = QStringLiteral("key passphrase");
        s.hostKeyFingerprint = QStringLiteral("SHA256:") + QString(43, QLatin1Char('A'));
        s.settings.orchestrator = Orchestrator::Kubernetes;
        s.settings.kubernetesMaster = true;
        s.settings.kubernetesVersion = QStringLiteral("v1.34.2");
        s.settings.kubeconfig = QStringLiteral("apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n    token: SECRET-TOKEN\n");
        s.settings.kubeContext = QStringLiteral("prod");
        s.settings.kubernetesNamespace = QStringLiteral("shop");
        s.settings.useIngress = false;
        s.settings.ingressClass = QStringLiteral("traefik");
        s.settings.certIssuer = QStringLiteral("letsencrypt-staging");
        s.settings.storageClass = QStringLiteral("local-path");
        auto added = t.store->addServer(s);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
        s.id = added->id;
        s.createdAt = added->createdAt;
        s.updatedAt = added->updatedAt;
        QCOMPARE(*added, s);

        s.settings.orchestrator = Orchestrator::Swarm;
        s.name = QStringLiteral("swarm-1");
        QVERIFY(t.store->updateServer(s).ok());
        auto reread = t.store->server(s.id);
        QCOMPARE(reread->name, QStringLiteral("swarm-1"));
        QCOMPARE(reread->settings.orchestrator, Orchestrator::Swarm);
        QCOMPARE(reread->settings.kubeconfig, s.settings.kubeconfig);

        // Secrets never reach the file in plaintext.
        QFile file(t.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        QFile wal(t.path + QStringLiteral("-wal"));
        if (wal.open(QIODevice::ReadOnly))
            bytes += wal.readAll();
        QVERIFY(!bytes.contains("SECRET-TOKEN"));
        QVERIFY(!bytes.contains("key passphrase"));
    }

    void duplicateAndInvalidWriteNothing()
    {
        test::TempStore t;
        Server s;
        s.name = QStringLiteral("local");
        s.host = QStringLiteral("h");
        s.auth = AuthMethod::Agent;
        auto dup = t.store->addServer(s);
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().field, QStringLiteral("name"));
        s.name = QStringLiteral("ok");
        s.settings.kubernetesNamespace = QStringLiteral("NOT_VALID");
        auto bad = t.store->addServer(s);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("namespace"));
        QCOMPARE(t.store->servers()->size(), 1);
    }

    void applicationRoundTrip()
    {
        test::TempStore t;
        const qint64 serverId = t.store->servers()->first().id;
        Application a = fullApp(serverId);
        auto added = t.store->addApplication(a);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
        QVERIFY(!added->uuid.isEmpty());
        a.id = added->id;
        a.uuid = added->uuid;
        a.createdAt = added->createdAt;
        a.updatedAt = added->updatedAt;
        QCOMPARE(*added, a);
        QCOMPARE(t.store->applicationByName(a.uuid)->name, a.name);

        a.swarmReplicas = 7;
        a.env.removeFirst();
        QVERIFY(t.store->updateApplication(a).ok());
        auto reread = t.store->application(a.id);
        QCOMPARE(reread->swarmReplicas, 7);
        QCOMPARE(reread->env.size(), 1);
        QCOMPARE(reread->env.first().value, QStringLiteral("p@ss'w;rd$(x)"));

        // The secret env value is sealed in the database.
        QSqlQuery q(t.store->database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT env FROM applications")));
        QVERIFY(q.next());
        QVERIFY(!q.value(0).toString().contains(QLatin1String("p@ss")));
        QVERIFY(q.value(0).toString().contains(QLatin1String("fdsec1:")));

        // A server with applications cannot be removed; nothing is deleted.
        const Status removal = t.store->removeServer(serverId);
        QVERIFY(!removal.ok());
        QVERIFY(removal.error().message.contains(QLatin1String("shop")));
        QVERIFY(t.store->application(a.id).ok());
        QVERIFY(t.store->removeApplication(a.id).ok());
        QVERIFY(t.store->removeServer(serverId).ok());
    }

    void invalidApplicationIsNotStored()
    {
        test::TempStore t;
        Application a = fullApp(t.store->servers()->first().id);
        a.tolerations = QJsonArray{QJsonObject{{QStringLiteral("operator"), QStringLiteral("Sometimes")}}};
        auto added = t.store->addApplication(a);
        QVERIFY(!added.ok());
        QVERIFY(added.error().field.startsWith(QLatin1String("tolerations")));
        QCOMPARE(t.store->applications()->size(), 0);
        a = fullApp(424242);
        auto orphan = t.store->addApplication(a);
        QVERIFY(!orphan.ok());
        QCOMPARE(orphan.error().field, QStringLiteral("server"));
        QCOMPARE(t.store->applications()->size(), 0);
    }

    void applicationPatchChangesOnlyItsFields()
    {
        test::TempStore t;
        auto added = t.store->addApplication(fullApp(t.store->servers()->first().id));
        QVERIFY(added.ok());
        // Two patches made from the same (now stale) snapshot: each keeps the other's change.
        ApplicationPatch settings;
        settings.settings.image = QStringLiteral("registry.local/shop:2.2");
        settings.settings.unsetEnv = {QStringLiteral("MODE")};
        settings.settings.setEnv = {{QStringLiteral("LEVEL"), QStringLiteral("debug"), false}};
        auto first = t.store->patchApplication(added->id, settings);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
        ApplicationPatch orchestration;
        orchestration.orchestration.swarmReplicas = 5;
        auto second = t.store->patchApplication(added->id, orchestration);
        QVERIFY(second.ok());
        QCOMPARE(second->image, QStringLiteral("registry.local/shop:2.2"));
        QCOMPARE(second->swarmReplicas, 5);
        QCOMPARE(second->kubernetesReplicas, 4);
        QCOMPARE(second->env.size(), 2);
        QCOMPARE(second->env.at(0).key, QStringLiteral("DB_PASSWORD"));
        QCOMPARE(second->env.at(0).value, QStringLiteral("p@ss'w;rd$(x)"));
        QCOMPARE(second->env.at(1).key, QStringLiteral("LEVEL"));
        QCOMPARE(*t.store->application(added->id), *second);
    }

    void invalidApplicationPatchWritesNothing()
    {
        test::TempStore t;
        auto added = t.store->addApplication(fullApp(t.store->servers()->first().id));
        QVERIFY(added.ok());
        ApplicationPatch patch;
        patch.settings.image = QStringLiteral("registry.local/shop:3");
        patch.orchestration.kubernetesReplicas = 101;
        auto r = t.store->patchApplication(added->id, patch);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().field.contains(QLatin1String("replicas")), qPrintable(r.error().toString()));
        QCOMPARE(*t.store->application(added->id), *added);
        QCOMPARE(t.store->patchApplication(424242, {}).error().kind, ErrorKind::NotFound);
    }

    void deploymentsAndLog()
    {
        test::TempStore t;
        auto app = t.store->addApplication(fullApp(t.store->servers()->first().id));
        QVERIFY(app.ok());
        Deployment d;
        d.applicationId = app->id;
        d.image = app->image;
        d.orchestrator = QStringLiteral("swarm");
        auto added = t.store->addDeployment(d);
        QVERIFY(added.ok());
        QCOMPARE(added->status, DeploymentStatus::Queued);
        Deployment running = *added;
        running.status = DeploymentStatus::InProgress;
        running.startedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(t.store->updateDeployment(running).ok());
        QVERIFY(t.store->appendDeploymentLog(running.id, {{}, QStringLiteral("apply"), QStringLiteral("docker service create"),
                                                          QStringLiteral("abc"), 0}).ok());
        QVERIFY(t.store->appendDeploymentLog(running.id, {{}, QStringLiteral("wait"), {}, QStringLiteral("3/3"), 0}).ok());
        auto reread = t.store->deployment(running.id);
        QCOMPARE(reread->status, DeploymentStatus::InProgress);
        QCOMPARE(reread->log.size(), 2);
        QCOMPARE(reread->log.at(0).step, QStringLiteral("apply"));
        QCOMPARE(reread->log.at(1).output, QStringLiteral("3/3"));
        QCOMPARE(t.store->deployments(app->id)->size(), 1);
    }

    void clustersAndNamespaces()
    {
        test::TempStore t;
        const qint64 serverId = t.store->servers()->first().id;
        KubernetesCluster c;
        c.serverId = serverId;
        c.name = QStringLiteral("prod");
        c.apiEndpoint = QStringLiteral("https://10.0.0.1:6443");
        c.kubeconfig = QStringLiteral("kubeconfig-body");
        c.clientKey = QStringLiteral("-----BEGIN KEY-----");
        auto added = t.store->addCluster(c);
        QVERIFY(added.ok());
        QCOMPARE(t.store->clusters(serverId)->first().clientKey, c.clientKey);
        KubernetesNamespace ns;
        ns.clusterId = added->id;
        ns.name = QStringLiteral("shop");
        ns.resourceQuota = {{QStringLiteral("pods"), QStringLiteral("20")}};
        ns.limitRange = {{QStringLiteral("default"), QJsonObject{{QStringLiteral("cpu"), QStringLiteral("500m")}}}};
        QVERIFY(t.store->addNamespace(ns).ok());
        QCOMPARE(t.store->namespaces(added->id)->first().resourceQuota, ns.resourceQuota);
        ns.name = QStringLiteral("Bad_Name");
        QVERIFY(!t.store->addNamespace(ns).ok());
        QCOMPARE(t.store->namespaces(added->id)->size(), 1);
    }

    void aConnectionPerThread()
    {
        test::TempStore t;
        auto store = t.store;
        const qint64 serverId = store->servers()->first().id;
        // Concurrent writers on pool threads: each uses its own connection; BEGIN IMMEDIATE + busy timeout serialise them.
        QList<QFuture<bool>> futures;
        for (int i = 0; i < 8; ++i) {
            futures.append(QtConcurrent::run([store, serverId, i] {
                Application a;
                a.name = QStringLiteral("app-%1").arg(i);
                a.serverId = serverId;
                a.image = QStringLiteral("busybox:1");
                return store->addApplication(a).ok();
            }));
        }
        for (auto &f : futures)
            QVERIFY(f.result());
        QCOMPARE(store->applications()->size(), 8);
    }

    void plaintextSecretInStoreIsRefused()
    {
        test::TempStore t;
        QSqlQuery q(t.store->database()->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE servers SET secret = 'plain-text'")));
        auto servers = t.store->servers();
        QVERIFY(!servers.ok());
        QVERIFY(servers.error().message.contains(QLatin1String("not encrypted")));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
