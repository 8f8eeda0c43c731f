// The orchestrator settings form in the main window: change the orchestrator and save; an invalid
// namespace (or ingress class) is refused with its field highlighted and nothing written; Detect and
// Test connection report in the background (on "this machine", whose Docker engine answers in CI).
// Saves of different field groups never lose each other's fields: the settings form and the
// kubeconfig editor both open and both saving, or `fleetdeck-cli server set` between loading and saving.
#include "GuiTestSupport.h"
#include "kubeconfig/KubeconfigEditor.h"
#include "main/MainWindow.h"
#include "models/ServerListModel.h"
#include "servers/CheckReportView.h"
#include "widgets/FieldHighlight.h"
#include "servers/OrchestratorSettingsForm.h"
#include "servers/ServerPanel.h"
#include "store/Repositories.h"

#include "TestEnvironment.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::screenshot;
using fleetdeck::test::child;
using fleetdeck::test::typeInto;

namespace {

// A window on a fresh store, showing the Orchestrator tab of "this machine".
struct Fixture {
    test::TempStore t;
    std::unique_ptr<ui::MainWindow> window;
    ui::OrchestratorSettingsForm *form = nullptr;

    bool open()
    {
        window = std::make_unique<ui::MainWindow>(t.path);
        window->serverPanel()->setAutoCheckInterval(0);
        QSignalSpy apps(window.get(), &ui::MainWindow::applicationsLoaded);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()) || !apps.wait(10000))
            return false;
        QTest::keyClick(window.get(), Qt::Key_2, Qt::AltModifier);   // Orchestrator tab
        form = window->settingsForm();
        return window->tabs()->currentWidget() == form && form->isEnabled();
    }
    Server stored() const { return *t.store->serverByName(QStringLiteral("local")); }
};

} // namespace

class TestServerSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void changeOrchestratorAndSave()
    {
        Fixture f;
        QVERIFY(f.open());
        auto *combo = child<QComboBox>(f.form, "orchestratorCombo");
        QCOMPARE(combo->currentText(), QStringLiteral("Standalone Docker"));
        QVERIFY(!child<QGroupBox>(f.form, "swarmGroup")->isVisible());

        // Keyboard: the combo, one step down = Docker Swarm; the swarm group appears.
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentText(), QStringLiteral("Docker Swarm"));
        QVERIFY(child<QGroupBox>(f.form, "swarmGroup")->isVisible());
        QVERIFY(!child<QGroupBox>(f.form, "kubernetesGroup")->isVisible());
        auto *worker = child<QRadioButton>(f.form, "swarmWorkerRadio");
        QTest::mouseClick(worker, Qt::LeftButton, {}, QPoint(8, worker->height() / 2));
        QVERIFY(worker->isChecked());
        QVERIFY(f.form->isDirty());
        auto *publish = child<QComboBox>(f.form, "publishModeCombo");
        publish->setCurrentIndex(publish->findData(QStringLiteral("host")));

        QSignalSpy saved(f.form, &ui::OrchestratorSettingsForm::saved);
        QTest::keyClick(f.window.get(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(saved.wait(10000));
        const Server s = f.stored();
        QCOMPARE(s.settings.orchestrator, Orchestrator::Swarm);
        QVERIFY(s.settings.swarmWorker);
        QVERIFY(!s.settings.swarmManager);
        QCOMPARE(s.settings.swarmPublishMode, QStringLiteral("host"));
        QVERIFY(!f.form->isDirty());
        QCOMPARE(child<QLabel>(f.form, "settingsMessage")->text(), QStringLiteral("Saved."));
        // The panel's badge follows.
        QTRY_VERIFY(f.window->serverPanel()->model()->index(0).data(Qt::DisplayRole).toString().contains(QLatin1String("Swarm")));

        // Kubernetes with its fields, saved too.
        combo->setCurrentIndex(combo->findData(int(Orchestrator::Kubernetes)));
        QVERIFY(child<QGroupBox>(f.form, "kubernetesGroup")->isVisible());
        QTest::mouseClick(child<QCheckBox>(f.form, "kubeMasterCheck"), Qt::LeftButton, {}, QPoint(8, 8));
        typeInto(child<QLineEdit>(f.form, "kubeVersionEdit"), QStringLiteral("v1.32.4"));
        typeInto(child<QComboBox>(f.form, "namespaceCombo")->lineEdit(), QStringLiteral("shop"));
        typeInto(child<QLineEdit>(f.form, "ingressClassEdit"), QStringLiteral("traefik"));
        typeInto(child<QLineEdit>(f.form, "certIssuerEdit"), QStringLiteral("letsencrypt-prod"));
        typeInto(child<QLineEdit>(f.form, "storageClassEdit"), QStringLiteral("fast-ssd"));
        QVERIFY(screenshot(f.window.get(), QStringLiteral("orchestrator-settings")));
        QTest::mouseClick(child<QPushButton>(f.form, "saveSettingsButton"), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        const Server k = f.stored();
        QCOMPARE(k.settings.orchestrator, Orchestrator::Kubernetes);
        QVERIFY(k.settings.kubernetesMaster);
        QCOMPARE(k.settings.kubernetesVersion, QStringLiteral("v1.32.4"));
        QCOMPARE(k.settings.kubernetesNamespace, QStringLiteral("shop"));
        QCOMPARE(k.settings.ingressClass, QStringLiteral("traefik"));
        QCOMPARE(k.settings.certIssuer, QStringLiteral("letsencrypt-prod"));
        QCOMPARE(k.settings.storageClass, QStringLiteral("fast-ssd"));
        QVERIFY(k.settings.swarmWorker);   // the hidden swarm group keeps what was stored
    }

    void invalidNamespaceIsRefusedAndNothingSaved()
    {
        Fixture f;
        QVERIFY(f.open());
        const Server before = f.stored();
        auto *combo = child<QComboBox>(f.form, "orchestratorCombo");
        combo->setCurrentIndex(combo->findData(int(Orchestrator::Kubernetes)));
        auto *ns = child<QComboBox>(f.form, "namespaceCombo");
        typeInto(ns->lineEdit(), QStringLiteral("Shop_Prod"));
        QSignalSpy rejected(f.form, &ui::OrchestratorSettingsForm::saveRejected);
        QSignalSpy saved(f.form, &ui::OrchestratorSettingsForm::saved);
        QTest::mouseClick(child<QPushButton>(f.form, "saveSettingsButton"), Qt::LeftButton);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(rejected.first().first().toString(), QStringLiteral("namespace"));
        QVERIFY(ui::isMarkedInvalid(ns));
        QVERIFY(ns->hasFocus() || ns->lineEdit()->hasFocus());
        QVERIFY(ns->toolTip().contains(QLatin1String("RFC 1123")));
        auto *message = child<QLabel>(f.form, "settingsMessage");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().startsWith(QLatin1String("Not saved: namespace: 'Shop_Prod'")), qPrintable(message->text()));
        QVERIFY(screenshot(f.window.get(), QStringLiteral("orchestrator-invalid-namespace")));
        // Nothing written, not even the orchestrator change (refused before any write was started).
        QCOMPARE(saved.count(), 0);
        QCOMPARE(f.stored(), before);
        // Fixing the field clears the mark; then it saves.
        typeInto(ns->lineEdit(), QStringLiteral("shop-prod"));
        QVERIFY(!ui::isMarkedInvalid(ns));
        QTest::mouseClick(child<QPushButton>(f.form, "saveSettingsButton"), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(f.stored().settings.kubernetesNamespace, QStringLiteral("shop-prod"));
    }

    void everyBadFieldIsMarked()
    {
        Fixture f;
        QVERIFY(f.open());
        const Server before = f.stored();
        auto *combo = child<QComboBox>(f.form, "orchestratorCombo");
        combo->setCurrentIndex(combo->findData(int(Orchestrator::Kubernetes)));
        typeInto(child<QLineEdit>(f.form, "ingressClassEdit"), QStringLiteral("Not A Class"));
        typeInto(child<QLineEdit>(f.form, "kubeVersionEdit"), QStringLiteral("latest"));
        QSignalSpy rejected(f.form, &ui::OrchestratorSettingsForm::saveRejected);
        QTest::mouseClick(child<QPushButton>(f.form, "saveSettingsButton"), Qt::LeftButton);
        QCOMPARE(rejected.count(), 1);
        QVERIFY(ui::isMarkedInvalid(child<QLineEdit>(f.form, "ingressClassEdit")));
        QVERIFY(ui::isMarkedInvalid(child<QLineEdit>(f.form, "kubeVersionEdit")));
        QVERIFY(!ui::isMarkedInvalid(child<QComboBox>(f.form, "namespaceCombo")));
        QCOMPARE(f.stored(), before);
        // Revert brings back what is stored and clears the marks.
        QTest::mouseClick(child<QPushButton>(f.form, "revertButton"), Qt::LeftButton);
        QCOMPARE(combo->currentText(), QStringLiteral("Standalone Docker"));
        QVERIFY(!ui::isMarkedInvalid(child<QLineEdit>(f.form, "ingressClassEdit")));
        QVERIFY(!f.form->isDirty());
    }

    // The settings form has unsaved edits; meanwhile the kubeconfig editor saves a namespace. The form's
    // save afterwards keeps that namespace (it sends only what its user changed).
    void settingsFormAndKubeconfigEditorBothSave()
    {
        Fixture f;
        QVERIFY(f.open());
        auto *combo = child<QComboBox>(f.form, "orchestratorCombo");
        combo->setCurrentIndex(combo->findData(int(Orchestrator::Kubernetes)));
        auto *storage = child<QLineEdit>(f.form, "storageClassEdit");
        storage->setText(QStringLiteral("fast-ssd"));
        QCOMPARE(f.form->formSettings().storageClass, QStringLiteral("fast-ssd"));

        QTest::keyClick(f.window.get(), Qt::Key_3, Qt::AltModifier);   // Kubeconfig tab
        ui::KubeconfigEditor *editor = f.window->kubeconfigEditor();
        QCOMPARE(f.window->tabs()->currentWidget(), editor);
        auto *ns = child<QComboBox>(editor, "kubeNamespaceCombo");
        typeInto(ns->lineEdit(), QStringLiteral("team-a"));
        QSignalSpy editorSaved(editor, &ui::KubeconfigEditor::saved);
        QTest::mouseClick(child<QPushButton>(editor, "saveKubeconfigButton"), Qt::LeftButton);
        QVERIFY(editorSaved.wait(10000));
        QCOMPARE(f.stored().settings.kubernetesNamespace, QStringLiteral("team-a"));
        // The window refreshes both panels with the new record; the form keeps its unsaved edits.
        QSignalSpy loaded(f.window.get(), &ui::MainWindow::serversLoaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(storage->text(), QStringLiteral("fast-ssd"));

        QTest::keyClick(f.window.get(), Qt::Key_2, Qt::AltModifier);
        QSignalSpy saved(f.form, &ui::OrchestratorSettingsForm::saved);
        QTest::mouseClick(child<QPushButton>(f.form, "saveSettingsButton"), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        const Server s = f.stored();
        QCOMPARE(s.settings.storageClass, QStringLiteral("fast-ssd"));
        QCOMPARE(s.settings.orchestrator, Orchestrator::Kubernetes);
        QCOMPARE(s.settings.kubernetesNamespace, QStringLiteral("team-a"));   // the editor's save stays
    }

    // `fleetdeck-cli server set` changes the orchestrator and namespace while the form is open; the
    // form then saves its storage class: all three are stored.
    void cliServerSetBetweenLoadAndSave()
    {
        const QString cli = test::builtProgram(QStringLiteral("app/fleetdeck-cli"));
        QVERIFY2(QFile::exists(cli), "build fleetdeck-cli first");
        Fixture f;
        QVERIFY(f.open());
        child<QLineEdit>(f.form, "storageClassEdit")->setText(QStringLiteral("fast-ssd"));   // in the hidden Kubernetes group
        QVERIFY(f.form->isDirty());

        QProcess set;
        set.start(cli, {QStringLiteral("--db"), f.t.path, QStringLiteral("server"), QStringLiteral("set"), QStringLiteral("local"),
                        QStringLiteral("--orchestrator"), QStringLiteral("kubernetes"), QStringLiteral("--namespace"),
                        QStringLiteral("team-b")});
        QVERIFY(set.waitForFinished(30000));
        QVERIFY2(set.exitCode() == 0, set.readAllStandardError().constData());
        QCOMPARE(f.stored().settings.kubernetesNamespace, QStringLiteral("team-b"));

        QSignalSpy saved(f.form, &ui::OrchestratorSettingsForm::saved);
        QTest::mouseClick(child<QPushButton>(f.form, "saveSettingsButton"), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        const Server s = f.stored();
        QCOMPARE(s.settings.storageClass, QStringLiteral("fast-ssd"));
        QCOMPARE(s.settings.orchestrator, Orchestrator::Kubernetes);
        QCOMPARE(s.settings.kubernetesNamespace, QStringLiteral("team-b"));
    }

    void detectAndTestRunInTheBackground()
    {
        Fixture f;
        QVERIFY(f.open());
        QSignalSpy detected(f.form, &ui::OrchestratorSettingsForm::detected);
        QTest::keyClick(f.window.get(), Qt::Key_D, Qt::ControlModifier);
        // The click returns at once: the report says it is working.
        QVERIFY(f.form->report()->isBusy());
        QVERIFY(detected.wait(60000));
        QVERIFY(detected.first().first().toBool());
        const QString found = f.form->report()->plainText();
        QVERIFY2(found.startsWith(QLatin1String("Proposed: ")), qPrintable(found));
        for (const char *line : {"OS:", "Docker:", "Swarm:", "kubectl:"})
            QVERIFY2(found.contains(QLatin1String(line)), line);
        // Detect fills the form, it does not save.
        QCOMPARE(f.stored().settings, Server().settings);

        QSignalSpy tested(f.form, &ui::OrchestratorSettingsForm::tested);
        QTest::keyClick(f.window.get(), Qt::Key_T, Qt::ControlModifier);
        QVERIFY(tested.wait(60000));
        const QString report = f.form->report()->plainText();
        // Detect proposed what this machine offers (Kubernetes when the test cluster's KUBECONFIG is set):
        // Test connection checks that orchestrator.
        const bool kubernetes = child<QComboBox>(f.form, "orchestratorCombo")->currentText().contains(QLatin1String("Kubernetes"));
        QVERIFY2(report.contains(kubernetes ? QLatin1String("API server") : QLatin1String("Docker")), qPrintable(report));
        QVERIFY(screenshot(f.window.get(), QStringLiteral("orchestrator-test-connection")));
    }
};

QTEST_MAIN(TestServerSettings)
#include "tst_server_settings.moc"
