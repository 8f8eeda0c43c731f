// Backends: the factory gets everything a backend needs at creation (the Kubernetes namespace's quota
// and limit range read from the store), for every server, without a hook after creation.
#include "orchestrators/docker/DockerOrchestrator.h"
#include "orchestrators/kubernetes/KubernetesOrchestrator.h"
#include "orchestrators/swarm/SwarmOrchestrator.h"
#include "remote/LocalTransport.h"
#include "services/Backends.h"
#include "store/Repositories.h"

#include "TestEnvironment.h"

#include <QTest>

using namespace fleetdeck;

class TestOrchBackends : public QObject
{
    Q_OBJECT

    std::shared_ptr<Transport> m_local = std::make_shared<LocalTransport>();

    Backends backends(const std::shared_ptr<Store> &store)
    {
        return Backends(store, [this](const Server &) { return m_local; });
    }

private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void eachOrchestratorGetsItsBackend_data()
    {
        QTest::addColumn<int>("orchestrator");
        QTest::newRow("none") << int(Orchestrator::None);
        QTest::newRow("swarm") << int(Orchestrator::Swarm);
        QTest::newRow("kubernetes") << int(Orchestrator::Kubernetes);
    }
    void eachOrchestratorGetsItsBackend()
    {
        QFETCH(int, orchestrator);
        test::TempStore t;
        Server server = t.store->servers()->first();
        server.settings.orchestrator = Orchestrator(orchestrator);
        auto backend = backends(t.store).forServer(server);
        QVERIFY2(backend.ok(), qPrintable(backend.ok() ? QString() : backend.error().toString()));
        QCOMPARE(int((*backend)->kind()), orchestrator);
        switch (Orchestrator(orchestrator)) {
        case Orchestrator::None: QVERIFY(dynamic_cast<DockerOrchestrator *>(backend->get())); break;
        case Orchestrator::Swarm: QVERIFY(dynamic_cast<SwarmOrchestrator *>(backend->get())); break;
        case Orchestrator::Kubernetes: QVERIFY(dynamic_cast<KubernetesOrchestrator *>(backend->get())); break;
        }
    }

    // The quota and limit range of the server's namespace reach the Kubernetes backend from the store
    // (before, two callers forgot the hook that set them after creation).
    void kubernetesBackendGetsTheNamespaceSettingsOfTheStore()
    {
        test::TempStore t;
        Server server = t.store->servers()->first();
        server.settings.orchestrator = Orchestrator::Kubernetes;
        server.settings.kubernetesNamespace = QStringLiteral("shop");

        auto without = backends(t.store).forServer(server);
        QVERIFY(without.ok());
        QVERIFY(!dynamic_cast<KubernetesOrchestrator &>(**without).namespaceSettings().has_value());

        KubernetesCluster c;
        c.serverId = server.id;
        c.name = QStringLiteral("prod");
        c.apiEndpoint = QStringLiteral("https://127.0.0.1:6443");
        auto cluster = t.store->addCluster(c);
        QVERIFY(cluster.ok());
        for (const QString &name : {QStringLiteral("other"), QStringLiteral("shop")}) {
            KubernetesNamespace ns;
            ns.clusterId = cluster->id;
            ns.name = name;
            ns.resourceQuota = {{QStringLiteral("pods"), name == QLatin1String("shop") ? QStringLiteral("20") : QStringLiteral("3")}};
            QVERIFY(t.store->addNamespace(ns).ok());
        }

        auto with = backends(t.store).forServer(server);
        QVERIFY(with.ok());
        const auto &settings = dynamic_cast<KubernetesOrchestrator &>(**with).namespaceSettings();
        QVERIFY(settings.has_value());
        QCOMPARE(settings->name, QStringLiteral("shop"));
        QCOMPARE(settings->resourceQuota.value(QStringLiteral("pods")).toString(), QStringLiteral("20"));

        // A given transport (e.g. one that counts commands) replaces the provider's, settings unchanged.
        auto other = std::make_shared<LocalTransport>();
        const BackendSetup setup = backends(t.store).setupFor(server, other);
        QCOMPARE(setup.transport, std::shared_ptr<Transport>(other));
        QVERIFY(setup.namespaceSettings.has_value());
    }

    void anUnregisteredBackendIsNotSupported()
    {
        test::TempStore t;
        Server server = t.store->servers()->first();
        server.settings.orchestrator = Orchestrator::Swarm;
        Orchestrators::registerBackend(Orchestrator::Swarm, {});
        auto backend = backends(t.store).forServer(server);
        QVERIFY(!backend.ok());
        QCOMPARE(backend.error().kind, ErrorKind::NotSupported);
        Orchestrators::registerBackend(Orchestrator::Swarm, [](const BackendSetup &s) -> Result<std::unique_ptr<OrchestratorInterface>> {
            return std::unique_ptr<OrchestratorInterface>(std::make_unique<SwarmOrchestrator>(s.server, s.transport, s.proxy));
        });
        QVERIFY(backends(t.store).forServer(server).ok());
    }
};

QTEST_GUILESS_MAIN(TestOrchBackends)
#include "tst_orch_backends.moc"
