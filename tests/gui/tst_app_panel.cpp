// The application panel against the real engine: create an application in the form, deploy it from
// the toolbar, Scale now 1 -> 3 on a Swarm server over the test sshd and see 3/3 (the engine agrees);
// invalid settings and an invalid node selector point at the field and save nothing.
#include "GuiTestSupport.h"
#include "applications/ApplicationForm.h"
#include "main/MainWindow.h"
#include "applications/ApplicationStatusModel.h"
#include "applications/ApplicationsPanel.h"
#include "applications/OrchestrationForm.h"
#include "deployments/DeploymentsView.h"
#include "resources/ResourceCharts.h"
#include "widgets/FieldHighlight.h"
#include "services/Operations.h"
#include "store/Repositories.h"

#include "DockerFixture.h"
#include "RealComponent.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::screenshot;
using fleetdeck::test::child;
using fleetdeck::test::typeInto;
using fleetdeck::ui::ApplicationsPanel;


class TestAppPanel : public QObject
{
    Q_OBJECT
    test::OperationsHarness h;
    std::shared_ptr<OperationsService> m_ops;
    std::unique_ptr<ApplicationsPanel> m_panel;

    int appCount() const { return int(h.temp->store->applications()->size()); }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        const bool ok = h.start(&why);
        FLEETDECK_REQUIRE_COMPONENT(ok, why);
        test::DockerFixture::cleanup();
        m_ops = std::shared_ptr<OperationsService>(h.ops.get(), [](OperationsService *) {});
        m_panel = std::make_unique<ApplicationsPanel>(h.temp->store, m_ops);
        m_panel->setConfirmDestructive(false);
        m_panel->setPollInterval(1000);
        m_panel->resize(1280, 760);
        QSignalSpy loaded(m_panel.get(), &ApplicationsPanel::applicationsLoaded);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QVERIFY(!loaded.isEmpty() || loaded.wait(10000));
    }

    void createDeployAndScaleNowOnSwarm()
    {
        auto *form = m_panel->settingsForm();
        m_panel->action(QStringLiteral("new"))->trigger();
        typeInto(child<QLineEdit>(form, "nameEdit"), QStringLiteral("fdtest-gui-web"));
        auto *server = child<QComboBox>(form, "serverCombo");
        server->setCurrentIndex(server->findData(h.sshSwarm.id));
        typeInto(child<QLineEdit>(form, "imageEdit"), test::DockerFixture::image1());
        typeInto(child<QLineEdit>(form, "memoryLimitEdit"), QStringLiteral("64m"));
        QSignalSpy saved(form, &ui::ApplicationForm::saved);
        QTest::mouseClick(child<QPushButton>(form, "saveButton"), Qt::LeftButton);
        QVERIFY2(saved.wait(10000), qPrintable(form->errorText()));
        const qint64 id = saved.first().at(0).value<Application>().id;
        QVERIFY(id > 0);
        QTRY_COMPARE(m_panel->currentApplicationId(), id);

        QSignalSpy finished(m_panel.get(), &ApplicationsPanel::actionFinished);
        m_panel->action(QStringLiteral("deploy"))->trigger();
        QVERIFY(finished.wait(150000));
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->statusText(id), QStringLiteral("running 1/1"), 60000);
        m_panel->tabs()->setCurrentWidget(m_panel->deploymentsView());
        QTRY_VERIFY(m_panel->deploymentsView()->table()->rowCount() >= 1);
        QVERIFY(screenshot(m_panel.get(), QStringLiteral("app-deployments")));

        // Scale now 1 -> 3: no redeploy, the engine runs 3 tasks and the panel says 3/3.
        m_panel->tabs()->setCurrentWidget(m_panel->orchestrationForm());
        auto *orch = m_panel->orchestrationForm();
        child<QSpinBox>(orch, "replicasSpin")->setValue(3);
        finished.clear();
        QTest::mouseClick(child<QPushButton>(orch, "scaleNowButton"), Qt::LeftButton);
        QVERIFY(finished.wait(150000));
        QCOMPARE(finished.first().at(0).toString(), QStringLiteral("Scale"));
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->statusText(id), QStringLiteral("running 3/3"), 60000);
        const QStringList engine = test::DockerFixture::dockerLines(
            {QStringLiteral("service"), QStringLiteral("ls"), QStringLiteral("--filter"), QStringLiteral("name=fdtest-gui-web"),
             QStringLiteral("--format"), QStringLiteral("{{.Replicas}}")});
        QCOMPARE(engine, QStringList{QStringLiteral("3/3")});
        QCOMPARE(h.temp->store->application(id)->swarmReplicas, 3);
        QCOMPARE(h.temp->store->deployments(id)->size(), 1);   // scaling did not redeploy
        QVERIFY(screenshot(m_panel.get(), QStringLiteral("app-orchestration-swarm")));

        // Scale -1 from the toolbar.
        finished.clear();
        m_panel->action(QStringLiteral("scaleDown"))->trigger();
        QVERIFY(finished.wait(150000));
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->statusText(id), QStringLiteral("running 2/2"), 60000);

        // CPU and memory of both replicas, refreshed in the background while the tab shows.
        auto *charts = m_panel->resourceCharts();
        charts->setInterval(700);
        QSignalSpy refreshed(charts, &ui::ResourceCharts::refreshed);
        m_panel->tabs()->setCurrentWidget(charts);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 3, 30000);
        QVERIFY2(charts->metricsAvailable(), qPrintable(charts->message()));
        QCOMPARE(charts->seriesCount(), 2);
        QVERIFY(screenshot(m_panel.get(), QStringLiteral("app-resources")));
        m_panel->tabs()->setCurrentWidget(m_panel->settingsForm());
        QVERIFY(screenshot(m_panel.get(), QStringLiteral("app-panel")));
    }

    void invalidSettingsSaveNothing()
    {
        const int before = appCount();
        auto *form = m_panel->settingsForm();
        m_panel->action(QStringLiteral("new"))->trigger();
        typeInto(child<QLineEdit>(form, "nameEdit"), QStringLiteral("Bad_Name"));
        typeInto(child<QLineEdit>(form, "imageEdit"), test::DockerFixture::image1());
        typeInto(child<QLineEdit>(form, "memoryLimitEdit"), QStringLiteral("512M"));
        QSignalSpy failed(form, &ui::ApplicationForm::saveFailed);
        QTest::mouseClick(child<QPushButton>(form, "saveButton"), Qt::LeftButton);
        QCOMPARE(failed.size(), 1);
        QVERIFY(ui::isMarkedInvalid(child<QLineEdit>(form, "nameEdit")));
        QVERIFY(ui::isMarkedInvalid(child<QLineEdit>(form, "memoryLimitEdit")));
        QCOMPARE(appCount(), before);   // refused before any write was started
        QVERIFY(screenshot(m_panel.get(), QStringLiteral("app-settings-invalid")));
    }

    void invalidNodeSelectorShowsTheErrorAndSavesNothing()
    {
        Server k = h.local;
        k.id = 0;
        k.name = QStringLiteral("fdtest-kube");
        k.settings.orchestrator = Orchestrator::Kubernetes;
        k.settings.kubernetesNamespace = QStringLiteral("shop");
        auto added = h.temp->store->addServer(k);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
        Application a = test::DockerFixture::app(QStringLiteral("fdtest-gui-kube"), added->id);
        a.ports = {8080};
        a = h.add(a);
        QSignalSpy loaded(m_panel.get(), &ApplicationsPanel::applicationsLoaded);
        m_panel->reload();
        QVERIFY(loaded.wait(10000));
        QVERIFY(m_panel->selectApplication(a.id));
        m_panel->tabs()->setCurrentWidget(m_panel->orchestrationForm());
        auto *orch = m_panel->orchestrationForm();
        auto *selector = child<QPlainTextEdit>(orch, "nodeSelectorEdit");
        QVERIFY(selector->isVisible());
        QVERIFY(!child<QPlainTextEdit>(orch, "constraintsEdit")->isVisible());
        for (const QString &bad : {QStringLiteral("{\"disktype\": ssd"), QStringLiteral("{\"disktype\": 1}"), QStringLiteral("[\"ssd\"]")}) {
            selector->setPlainText(bad);
            child<QComboBox>(orch, "serviceTypeCombo")->setCurrentIndex(2);   // a valid change alongside
            QSignalSpy failed(orch, &ui::OrchestrationForm::saveFailed);
            QTest::mouseClick(child<QPushButton>(orch, "saveButton"), Qt::LeftButton);
            QCOMPARE(failed.size(), 1);
            QVERIFY2(orch->errorText().contains(QStringLiteral("node-selector")), qPrintable(orch->errorText()));
            QVERIFY(ui::isMarkedInvalid(selector));   // refused before any write was started
            const Application stored = *h.temp->store->application(a.id);
            QVERIFY(stored.nodeSelector.isEmpty());
            QCOMPARE(stored.serviceType, ServiceType::ClusterIP);
        }
        QVERIFY(screenshot(m_panel.get(), QStringLiteral("app-orchestration-invalid")));
        // Fixed, it saves (and says a redeploy applies it).
        selector->setPlainText(QStringLiteral("{\"disktype\": \"ssd\"}"));
        QSignalSpy saved(orch, &ui::OrchestrationForm::saved);
        QTest::mouseClick(child<QPushButton>(orch, "saveButton"), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(h.temp->store->application(a.id)->nodeSelector.value(QStringLiteral("disktype")).toString(), QStringLiteral("ssd"));
        QCOMPARE(h.temp->store->application(a.id)->serviceType, ServiceType::LoadBalancer);
        QVERIFY(!ui::isMarkedInvalid(selector));
    }

    void standaloneSaysWhyOrchestrationIsUnavailable()
    {
        Application a = h.add(test::DockerFixture::app(QStringLiteral("fdtest-gui-plain"), h.sshDocker.id));
        QSignalSpy loaded(m_panel.get(), &ApplicationsPanel::applicationsLoaded);
        m_panel->reload();
        QVERIFY(loaded.wait(10000));
        QVERIFY(m_panel->selectApplication(a.id));
        m_panel->tabs()->setCurrentWidget(m_panel->orchestrationForm());
        auto *orch = m_panel->orchestrationForm();
        QVERIFY(child<QLabel>(orch, "orchestratorNote")->text().contains(QStringLiteral("standalone Docker")));
        QVERIFY(!child<QPlainTextEdit>(orch, "nodeSelectorEdit")->isVisible());
        QVERIFY(!child<QPlainTextEdit>(orch, "constraintsEdit")->isVisible());
        QVERIFY(screenshot(m_panel.get(), QStringLiteral("app-orchestration-standalone")));
    }

    void projectFilterListsOneProject()
    {
        Application shop = test::DockerFixture::app(QStringLiteral("fdtest-gui-shop"), h.local.id);
        shop.project = QStringLiteral("storefront");
        shop = h.add(shop);
        Application blog = test::DockerFixture::app(QStringLiteral("fdtest-gui-blog"), h.local.id);
        blog.project = QStringLiteral("content");
        blog = h.add(blog);
        h.add(test::DockerFixture::app(QStringLiteral("fdtest-gui-misc"), h.local.id));
        QSignalSpy loaded(m_panel.get(), &ApplicationsPanel::applicationsLoaded);
        m_panel->setServerFilter(h.local.id);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.last().first().toInt(), 3);
        auto *combo = child<QComboBox>(m_panel.get(), "projectFilter");
        QCOMPARE(combo->count(), 4);   // all, content, storefront, (no project)
        QCOMPARE(combo->itemText(1), QStringLiteral("content"));
        QCOMPARE(combo->itemText(2), QStringLiteral("storefront"));

        m_panel->setProjectFilter(QStringLiteral("storefront"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.last().first().toInt(), 1);
        QCOMPARE(m_panel->model()->index(0, ui::ApplicationStatusModel::NameColumn).data().toString(), shop.name);
        QCOMPARE(m_panel->model()->index(0, ui::ApplicationStatusModel::ProjectColumn).data().toString(), QStringLiteral("storefront"));
        QCOMPARE(combo->count(), 4);   // the other projects stay on offer
        QVERIFY(screenshot(m_panel.get(), QStringLiteral("app-projects")));

        m_panel->setProjectFilter(QStringLiteral(""));   // the applications without a project
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.last().first().toInt(), 1);
        QCOMPARE(m_panel->model()->index(0, ui::ApplicationStatusModel::NameColumn).data().toString(), QStringLiteral("fdtest-gui-misc"));

        m_panel->setProjectFilter(QString());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.last().first().toInt(), 3);
        m_panel->setServerFilter(0);
        QVERIFY(loaded.wait(10000));
    }

    void mainWindowHostsTheApplicationsTab()
    {
        ui::MainWindow window(h.temp->path);
        QSignalSpy opened(&window, &ui::MainWindow::storeOpened);
        window.resize(1440, 860);
        window.show();
        QVERIFY(opened.wait(10000));
        ApplicationsPanel *panel = window.applicationsPanel();
        QVERIFY(panel);
        panel->setPollInterval(0);
        window.showTab(ui::MainWindow::ApplicationsTab);
        QVERIFY(panel->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->pollCount() >= 1, 30000);
        QVERIFY(screenshot(&window, QStringLiteral("app-main-window")));
    }

    void cleanupTestCase()
    {
        m_panel.reset();
        if (h.ops)
            test::DockerFixture::cleanup();
    }
};

QTEST_MAIN(TestAppPanel)
#include "tst_app_panel.moc"
