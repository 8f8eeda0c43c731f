// ServerService and ClusterService on a temporary store: each change is a patch of one field group
// applied in one transaction, so concurrent saves of different groups keep both; validation names the
// field and writes nothing; a connection change drops the pooled transport.
#include "services/ClusterService.h"
#include "services/ServerService.h"
#include "store/Repositories.h"

#include "TestEnvironment.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent>

using namespace fleetdeck;

namespace {

Server remoteServer()
{
    Server s;
    s.name = QStringLiteral("web-1");
    s.host = QStringLiteral("127.0.0.1");
    s.port = 2222;
    s.user = QStringLiteral("deploy");
    s.auth = AuthMethod::Agent;
    return s;
}

// A service whose transport provider is never asked (these tests make no network call) and that
// records which servers it was told to forget.
struct Services {
    test::TempStore t;
    QList<qint64> forgotten;
    ServerService servers{t.store, [](const Server &) -> std::shared_ptr<Transport> { return nullptr; },
                          [this](qint64 id) { forgotten.append(id); }};
    ClusterService clusters{t.store};
};

// The error of a failed result, for QVERIFY2 (which builds its message even when the check passes).
template<typename T>
QByteArray why(const Result<T> &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

} // namespace

class TestServerService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void addValidatesAndKeepsTheFingerprint()
    {
        Services s;
        Server bad = remoteServer();
        bad.port = 0;
        auto refused = s.servers.add(bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("port"));
        QCOMPARE(s.servers.servers()->size(), 1);   // only "this machine"

        Server good = remoteServer();
        good.hostKeyFingerprint = QStringLiteral("SHA256:") + QString(43, QLatin1Char('A'));
        QSignalSpy changed(&s.servers, &ServerService::serverChanged);
        auto added = s.servers.add(good);
        QVERIFY2(added.ok(), why(added).constData());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(s.servers.server(added->id)->hostKeyFingerprint, good.hostKeyFingerprint);
    }

    void aGroupChangeTouchesOnlyItsFields()
    {
        Services s;
        const Server added = *s.servers.add(remoteServer());
        ServerPatch everything;
        everything.host = QStringLiteral("127.0.0.2");
        everything.storageClass = QStringLiteral("fast");
        everything.kubeconfig = QStringLiteral("apiVersion: v1");

        auto settings = s.servers.changeSettings(added.id, everything);
        QVERIFY(settings.ok());
        QCOMPARE(settings->settings.storageClass, QStringLiteral("fast"));
        QCOMPARE(settings->host, added.host);                       // not the settings group
        QCOMPARE(settings->settings.kubeconfig, QString());         // not the settings group
        QVERIFY(s.forgotten.isEmpty());                              // same connection: the session stays

        auto kube = s.servers.changeKubeconfig(added.id, everything);
        QVERIFY(kube.ok());
        QCOMPARE(kube->settings.kubeconfig, QStringLiteral("apiVersion: v1"));
        QCOMPARE(kube->settings.storageClass, QStringLiteral("fast"));
        QCOMPARE(kube->host, added.host);

        auto connection = s.servers.changeConnection(added.id, everything);
        QVERIFY(connection.ok());
        QCOMPARE(connection->host, QStringLiteral("127.0.0.2"));
        QCOMPARE(s.forgotten, QList<qint64>{added.id});             // a new address: a new session
    }

    // A form sends what its user changed since it loaded: a field saved meanwhile by another window or
    // by the CLI stays.
    void aStaleFormKeepsWhatOthersSaved()
    {
        Services s;
        const Server loaded = *s.servers.add(remoteServer());        // what the settings form shows
        ServerPatch cli;
        cli.kubernetesNamespace = QStringLiteral("team-a");
        cli.orchestrator = Orchestrator::Kubernetes;
        QVERIFY(s.servers.change(loaded.id, cli).ok());              // `server set` meanwhile

        Server edited = loaded;
        edited.settings.storageClass = QStringLiteral("fast");
        auto saved = s.servers.changeSettings(loaded.id, ServerPatch::changes(loaded, edited));
        QVERIFY(saved.ok());
        QCOMPARE(saved->settings.storageClass, QStringLiteral("fast"));
        QCOMPARE(saved->settings.kubernetesNamespace, QStringLiteral("team-a"));
        QCOMPARE(saved->settings.orchestrator, Orchestrator::Kubernetes);
    }

    // Two writers patch different groups as fast as they can: every value each one wrote last is there.
    void concurrentPatchesOfTwoGroupsBothSurvive()
    {
        Services s;
        const qint64 id = s.servers.add(remoteServer())->id;
        constexpr int rounds = 40;
        auto writer = [&](bool settings) {
            for (int i = 0; i < rounds; ++i) {
                ServerPatch p;
                if (settings)
                    p.storageClass = QStringLiteral("class-%1").arg(i);
                else
                    p.kubeconfig = QStringLiteral("kubeconfig %1").arg(i);
                auto r = settings ? s.servers.changeSettings(id, p) : s.servers.changeKubeconfig(id, p);
                if (!r)
                    return r.error().toString();
            }
            return QString();
        };
        QFuture<QString> a = QtConcurrent::run(writer, true);
        QFuture<QString> b = QtConcurrent::run(writer, false);
        QCOMPARE(a.result(), QString());
        QCOMPARE(b.result(), QString());
        const Server stored = *s.servers.server(id);
        QCOMPARE(stored.settings.storageClass, QStringLiteral("class-%1").arg(rounds - 1));
        QCOMPARE(stored.settings.kubeconfig, QStringLiteral("kubeconfig %1").arg(rounds - 1));
    }

    void anInvalidPatchNamesTheFieldAndWritesNothing()
    {
        Services s;
        const Server added = *s.servers.add(remoteServer());
        ServerPatch p;
        p.storageClass = QStringLiteral("fast");
        p.kubernetesNamespace = QStringLiteral("Not_A_Namespace");
        auto refused = s.servers.changeSettings(added.id, p);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("namespace"));
        QCOMPARE(s.servers.server(added.id)->settings, added.settings);
    }

    void trustAndRemove()
    {
        Services s;
        const Server added = *s.servers.add(remoteServer());
        const QString fp = QStringLiteral("SHA256:") + QString(43, QLatin1Char('B'));
        auto trusted = s.servers.trustHostKey(added.id, fp);
        QVERIFY(trusted.ok());
        QCOMPARE(trusted->hostKeyFingerprint, fp);
        QVERIFY(!s.servers.trustHostKey(added.id, QStringLiteral("md5:00")).ok());
        QCOMPARE(s.servers.server(added.id)->hostKeyFingerprint, fp);
        s.forgotten.clear();
        QVERIFY(s.servers.removeAsync(added.id).result().ok());
        QCOMPARE(s.forgotten, QList<qint64>{added.id});
        QVERIFY(!s.servers.server(added.id).ok());
    }

    void clustersAndNamespacesArePatched()
    {
        Services s;
        const Server server = *s.servers.add(remoteServer());
        KubernetesCluster c;
        c.serverId = server.id;
        c.name = QStringLiteral("prod");
        c.apiEndpoint = QStringLiteral("10.0.0.1:6443");
        auto refused = s.clusters.saveCluster(c, QString());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("api-endpoint"));
        c.apiEndpoint = QStringLiteral("https://10.0.0.1:6443");
        auto added = s.clusters.saveCluster(c, QString());
        QVERIFY2(added.ok(), why(added).constData());
        KubernetesCluster renamed = *added;
        renamed.name = QStringLiteral("production");
        QCOMPARE(s.clusters.saveClusterAsync(renamed, QString()).result()->name, QStringLiteral("production"));

        // `namespace set` on a server without rows makes its namespace under the first cluster.
        Server kube = server;
        kube.settings.kubernetesNamespace = QStringLiteral("shop");
        auto ns = s.clusters.serverNamespace(kube, true);
        QVERIFY2(ns.ok(), why(ns).constData());
        QCOMPARE(ns->clusterId, added->id);
        NamespacePatch quota;
        quota.resourceQuota = QJsonObject{{QStringLiteral("pods"), QStringLiteral("20")}};
        QVERIFY(s.clusters.changeNamespace(ns->id, quota).ok());
        NamespacePatch limits;
        limits.limitRange = QJsonObject{{QStringLiteral("default"), QJsonObject{{QStringLiteral("cpu"), QStringLiteral("500m")}}}};
        auto both = s.clusters.changeNamespace(ns->id, limits);
        QVERIFY(both.ok());
        QCOMPARE(both->resourceQuota, *quota.resourceQuota);           // the earlier patch stays
        NamespacePatch bad;
        bad.limitRange = QJsonObject{{QStringLiteral("default"), QStringLiteral("500m")}};
        auto badResult = s.clusters.changeNamespace(ns->id, bad);
        QVERIFY(!badResult.ok());
        QCOMPARE(badResult.error().field, QStringLiteral("limit-range"));
        QCOMPARE(s.clusters.namespaces(added->id)->first().limitRange, *limits.limitRange);
    }
};

QTEST_GUILESS_MAIN(TestServerService)
#include "tst_server_service.moc"
