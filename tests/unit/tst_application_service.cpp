// ApplicationService on a temporary SQLite store: add, change settings and orchestration as separate
// patches (each keeps the other's fields), the async twins, validation messages, remove.
#include "domain/Validation.h"
#include "services/ApplicationService.h"
#include "store/Repositories.h"

#include "TestEnvironment.h"

#include <QTest>

using namespace fleetdeck;

namespace {

Application webApp(qint64 serverId)
{
    Application a;
    a.name = QStringLiteral("web");
    a.serverId = serverId;
    a.image = QStringLiteral("nginx:1.27");
    a.ports = {8080};
    a.env = {{QStringLiteral("TOKEN"), QStringLiteral("s3cret"), true}};
    return a;
}

} // namespace

class TestApplicationService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void addChangeRemove()
    {
        test::TempStore t;
        ApplicationService apps(t.store);
        auto added = apps.add(webApp(t.store->servers()->first().id));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
        QVERIFY(added->id > 0);
        QVERIFY(!added->uuid.isEmpty());

        ApplicationSettingsPatch settings;
        settings.image = QStringLiteral("nginx:1.28");
        settings.cpuLimit = QStringLiteral("0.5");
        auto changed = apps.changeSettings(added->id, settings);
        QVERIFY(changed.ok());
        QCOMPARE(changed->image, QStringLiteral("nginx:1.28"));
        QCOMPARE(changed->cpuLimit, QStringLiteral("0.5"));
        QCOMPARE(changed->env, added->env);   // the secret survives the round trip

        ApplicationOrchestrationPatch orchestration;
        orchestration.kubernetesReplicas = 3;
        orchestration.nodeSelector = QJsonObject{{QStringLiteral("disk"), QStringLiteral("ssd")}};
        auto placed = apps.changeOrchestration(added->id, orchestration);
        QVERIFY(placed.ok());
        QCOMPARE(placed->image, QStringLiteral("nginx:1.28"));
        QCOMPARE(placed->kubernetesReplicas, 3);
        QCOMPARE(placed->replicas, 1);

        QVERIFY(apps.remove(added->id).ok());
        QCOMPARE(t.store->application(added->id).error().kind, ErrorKind::NotFound);
        QCOMPARE(apps.remove(added->id).error().kind, ErrorKind::NotFound);
    }

    // Settings and orchestration saved from snapshots taken before either save: both changes survive.
    void staleSnapshotsDoNotLoseEachOther()
    {
        test::TempStore t;
        ApplicationService apps(t.store);
        const Application loaded = *apps.add(webApp(t.store->servers()->first().id));
        ApplicationSettingsPatch settings;
        settings.image = QStringLiteral("nginx:1.28");
        settings.ports = QList<int>{8080};              // unchanged: dropped by changesFrom
        QVERIFY(apps.changeSettings(loaded.id, settings.changesFrom(loaded)).ok());
        ApplicationOrchestrationPatch orchestration = ApplicationOrchestrationPatch::replicasOn(Orchestrator::Swarm, 4);
        orchestration.serviceType = loaded.serviceType;  // unchanged
        QVERIFY(!orchestration.changesFrom(loaded).serviceType.has_value());
        QVERIFY(apps.changeOrchestration(loaded.id, orchestration.changesFrom(loaded)).ok());
        auto now = t.store->application(loaded.id);
        QCOMPARE(now->image, QStringLiteral("nginx:1.28"));
        QCOMPARE(now->swarmReplicas, 4);
    }

    void asyncTwins()
    {
        test::TempStore t;
        ApplicationService apps(t.store);
        auto added = apps.addAsync(webApp(t.store->servers()->first().id)).result();
        QVERIFY(added.ok());
        ApplicationSettingsPatch settings;
        settings.domains = QStringList{QStringLiteral("web.example.com")};
        auto changed = apps.changeSettingsAsync(added->id, settings).result();
        QVERIFY(changed.ok());
        QCOMPARE(changed->domains, QStringList{QStringLiteral("web.example.com")});
        ApplicationOrchestrationPatch orchestration;
        orchestration.swarmConstraints = QStringList{QStringLiteral("node.role==worker")};
        QVERIFY(apps.changeOrchestrationAsync(added->id, orchestration).result().ok());
        QVERIFY(apps.removeAsync(added->id).result().ok());
        QCOMPARE(t.store->applications()->size(), 0);
    }

    // The store validates the merged row with lib/domain's rules: same field, same message as a form.
    void invalidChangesWriteNothing()
    {
        test::TempStore t;
        ApplicationService apps(t.store);
        auto added = apps.add(webApp(t.store->servers()->first().id));
        QVERIFY(added.ok());
        ApplicationSettingsPatch settings;
        settings.memoryLimit = QStringLiteral("512M");
        settings.image = QStringLiteral("nginx:1.29");
        auto r = apps.changeSettings(added->id, settings);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("memory"));
        Application merged = *added;
        settings.applyTo(merged);
        QCOMPARE(r.error().message, validate::applicationProblems(merged).first().message);
        QCOMPARE(*t.store->application(added->id), *added);

        ApplicationSettingsPatch rename;
        rename.name = QStringLiteral("Web_1");
        QCOMPARE(apps.changeSettings(added->id, rename).error().field, QStringLiteral("name"));
        Application twin = webApp(added->serverId);
        auto duplicate = apps.add(twin);
        QVERIFY(!duplicate.ok());
        QVERIFY(duplicate.error().message.contains(QLatin1String("already exists")));
    }
};

QTEST_GUILESS_MAIN(TestApplicationService)
#include "tst_application_service.moc"
