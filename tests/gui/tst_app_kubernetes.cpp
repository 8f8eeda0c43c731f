// The application panel against the test Kubernetes cluster: deploy from the toolbar, Scale now
// 1 -> 3 and see 3/3 (the API server agrees), and the resources tab's "metrics not available" state
// (the test cluster has no metrics-server).
#include "GuiTestSupport.h"
#include "applications/ApplicationStatusModel.h"
#include "applications/ApplicationsPanel.h"
#include "applications/OrchestrationForm.h"
#include "resources/ResourceCharts.h"
#include "services/Operations.h"
#include "store/Repositories.h"

#include "KubeClusterFixture.h"
#include "RealComponent.h"
#include "TestEnvironment.h"

#include <QAction>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::screenshot;
using fleetdeck::ui::ApplicationsPanel;


class TestAppKubernetes : public QObject
{
    Q_OBJECT
    test::KubeClusterFixture m_cluster;

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("fleetdeck.*.debug=false"));
        test::isolateEnvironment();
        QString why;
        const bool up = m_cluster.start(&why);
        FLEETDECK_REQUIRE_COMPONENT(up, why);
    }

    void deployAndScaleNowOneToThree()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("gui"));
        test::TempStore t;
        Server s = m_cluster.localServer(ns, false);
        s.id = 0;
        auto server = t.store->addServer(s);
        QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().toString()));
        Application a = test::KubeClusterFixture::application(QStringLiteral("gui-web"), 1);
        a.id = 0;
        a.serverId = server->id;
        auto added = t.store->addApplication(a);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
        const qint64 id = added->id;

        auto ops = std::make_shared<OperationsService>(t.store);
        ops->queue().setPollIntervalMs(500);
        ApplicationsPanel panel(t.store, ops);
        panel.setConfirmDestructive(false);
        panel.setPollInterval(1000);
        panel.resize(1280, 760);
        QSignalSpy loaded(&panel, &ApplicationsPanel::applicationsLoaded);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(!loaded.isEmpty() || loaded.wait(10000));
        QVERIFY(panel.selectApplication(id));

        QSignalSpy finished(&panel, &ApplicationsPanel::actionFinished);
        panel.action(QStringLiteral("deploy"))->trigger();
        QVERIFY(finished.wait(150000));
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->statusText(id), QStringLiteral("running 1/1"), 60000);

        panel.tabs()->setCurrentWidget(panel.orchestrationForm());
        panel.orchestrationForm()->findChild<QSpinBox *>(QStringLiteral("replicasSpin"))->setValue(3);
        finished.clear();
        QTest::mouseClick(panel.orchestrationForm()->findChild<QPushButton *>(QStringLiteral("scaleNowButton")), Qt::LeftButton);
        QVERIFY(finished.wait(150000));
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->statusText(id), QStringLiteral("running 3/3"), 60000);
        const QJsonObject d = m_cluster.kubectlJson({QStringLiteral("get"), QStringLiteral("deployment/gui-web"), QStringLiteral("-n"), ns,
                                                     QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(d.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt(), 3);
        QCOMPARE(t.store->application(id)->kubernetesReplicas, 3);
        QVERIFY(screenshot(&panel, QStringLiteral("app-orchestration-kubernetes")));

        // No metrics-server in the test cluster: the charts say so instead of drawing nothing.
        auto *charts = panel.resourceCharts();
        QSignalSpy refreshed(charts, &ui::ResourceCharts::refreshed);
        panel.tabs()->setCurrentWidget(charts);
        QVERIFY(refreshed.wait(60000));
        QVERIFY(!charts->metricsAvailable());
        QVERIFY2(charts->message().contains(QStringLiteral("not available")), qPrintable(charts->message()));
        QVERIFY(screenshot(&panel, QStringLiteral("app-resources-no-metrics")));
    }
};

QTEST_MAIN(TestAppKubernetes)
#include "tst_app_kubernetes.moc"
