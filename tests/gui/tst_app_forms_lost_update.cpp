// The settings and orchestration forms of one application, both open: saving one and then the other
// keeps both changes (each form writes only its own field group, merged by the store in one
// transaction). Before ApplicationService, each form wrote the whole row from its own snapshot and
// the second save put the first one's old values back.
#include "applications/ApplicationForm.h"
#include "applications/ApplicationsPanel.h"
#include "applications/OrchestrationForm.h"
#include "services/Operations.h"
#include "store/Repositories.h"

#include "GuiTestSupport.h"
#include "TestEnvironment.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::child;
using fleetdeck::ui::ApplicationsPanel;

class TestAppFormsLostUpdate : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempStore> m_temp;
    std::shared_ptr<OperationsService> m_ops;
    std::unique_ptr<ApplicationsPanel> m_panel;
    qint64 m_appId = 0;

    void openPanel()
    {
        m_panel = std::make_unique<ApplicationsPanel>(m_temp->store, m_ops);
        m_panel->setPollInterval(0);
        QSignalSpy loaded(m_panel.get(), &ApplicationsPanel::applicationsLoaded);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QVERIFY(!loaded.isEmpty() || loaded.wait(10000));
        QVERIFY(m_panel->selectApplication(m_appId));
        QTRY_COMPARE(m_panel->settingsForm()->application().id, m_appId);
        QTRY_COMPARE(m_panel->orchestrationForm()->application().id, m_appId);
    }

    void saveSettingsImage(const QString &image)
    {
        auto *form = m_panel->settingsForm();
        test::typeInto(child<QLineEdit>(form, "imageEdit"), image);
        QSignalSpy saved(form, &ui::ApplicationForm::saved);
        QTest::mouseClick(child<QPushButton>(form, "saveButton"), Qt::LeftButton);
        QVERIFY2(saved.wait(10000), qPrintable(form->errorText()));
    }

    void saveOrchestration(int replicas, const QString &nodeSelector)
    {
        auto *form = m_panel->orchestrationForm();
        child<QSpinBox>(form, "replicasSpin")->setValue(replicas);
        child<QPlainTextEdit>(form, "nodeSelectorEdit")->setPlainText(nodeSelector);
        QSignalSpy saved(form, &ui::OrchestrationForm::saved);
        QTest::mouseClick(child<QPushButton>(form, "saveButton"), Qt::LeftButton);
        QVERIFY2(saved.wait(10000), qPrintable(form->errorText()));
    }

private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void init()
    {
        m_temp = std::make_unique<test::TempStore>();
        m_ops = std::make_shared<OperationsService>(m_temp->store);
        Application a;
        a.name = QStringLiteral("fdtest-lost-update");
        a.serverId = m_temp->store->servers()->first().id;
        a.image = QStringLiteral("nginx:1.27");
        auto added = m_temp->store->addApplication(a);
        QVERIFY(added.ok());
        m_appId = added->id;
        openPanel();
    }

    void cleanup()
    {
        m_panel.reset();
        m_ops.reset();
        m_temp.reset();
    }

    void settingsThenOrchestrationKeepsBoth()
    {
        saveSettingsImage(QStringLiteral("nginx:1.28"));
        saveOrchestration(3, QStringLiteral(R"({"disk": "ssd"})"));
        auto stored = m_temp->store->application(m_appId);
        QVERIFY(stored.ok());
        QCOMPARE(stored->image, QStringLiteral("nginx:1.28"));
        QCOMPARE(stored->replicas, 3);
        QCOMPARE(stored->nodeSelector.value(QStringLiteral("disk")).toString(), QStringLiteral("ssd"));
    }

    void orchestrationThenSettingsKeepsBoth()
    {
        saveOrchestration(4, QString());
        saveSettingsImage(QStringLiteral("nginx:1.29"));
        auto stored = m_temp->store->application(m_appId);
        QVERIFY(stored.ok());
        QCOMPARE(stored->replicas, 4);
        QCOMPARE(stored->image, QStringLiteral("nginx:1.29"));
    }
};

QTEST_MAIN(TestAppFormsLostUpdate)
#include "tst_app_forms_lost_update.moc"
