// The kubeconfig editor: a YAML error shows its line (while typing), a valid kubeconfig fills and
// selects its contexts and namespaces, saving is refused while invalid and stores the file sealed,
// a 1 MB kubeconfig stays responsive, files load; Test asks the real test cluster (tests/k8s).
#include "GuiTestSupport.h"
#include "kubeconfig/CodeEditor.h"
#include "kubeconfig/KubeconfigEditor.h"
#include "main/MainWindow.h"
#include "servers/CheckReportView.h"
#include "widgets/FieldHighlight.h"
#include "servers/OrchestratorSettingsForm.h"
#include "services/ServerService.h"
#include "store/Database.h"
#include "store/Repositories.h"

#include "KubeClusterFixture.h"
#include "RealComponent.h"
#include "TestEnvironment.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QTimer>
#include <QRegularExpression>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace fleetdeck;
using fleetdeck::test::screenshot;
using fleetdeck::test::child;

namespace {

const QString kTokenSecret = QStringLiteral("sup3r-s3cret-t0ken-4242");

QString validKubeconfig()
{
    return QStringLiteral(
        "apiVersion: v1\n"                                   // 1
        "kind: Config\n"                                     // 2
        "clusters:\n"                                        // 3
        "- name: prod\n"                                     // 4
        "  cluster:\n"                                       // 5
        "    server: https://10.0.0.5:6443\n"                // 6
        "- name: staging\n"                                  // 7
        "  cluster:\n"                                       // 8
        "    server: https://staging.example.com:6443\n"     // 9
        "users:\n"                                           // 10
        "- name: deployer\n"                                 // 11
        "  user:\n"                                          // 12
        "    token: %1\n"                                    // 13
        "contexts:\n"                                        // 14
        "- name: prod-admin\n"                               // 15
        "  context: {cluster: prod, user: deployer}\n"       // 16
        "- name: prod-shop\n"                                // 17
        "  context: {cluster: prod, user: deployer, namespace: shop}\n"   // 18
        "- name: staging\n"                                  // 19
        "  context: {cluster: staging, user: deployer, namespace: shop-staging}\n" // 20
        "current-context: prod-shop\n").arg(kTokenSecret);  // 21
}

// An editor for "this machine" of a fresh store, shown.
struct Fixture {
    test::TempStore t;
    std::shared_ptr<ServerService> service = std::make_shared<ServerService>(t.store);
    ui::KubeconfigEditor editor;
    Server server;

    Fixture()
    {
        editor.setService(service);
        server = t.store->servers()->first();
        editor.setServer(server);
        editor.resize(1100, 700);
        editor.show();
        editor.activateWindow();
        if (!QTest::qWaitForWindowActive(&editor))
            qWarning("the editor window did not become active");
    }
};

bool waitValidated(ui::KubeconfigEditor &editor, int timeoutMs = 10000)
{
    QSignalSpy spy(&editor, &ui::KubeconfigEditor::validated);
    return !editor.isValidationPending() || spy.wait(timeoutMs);
}

} // namespace

class TestKubeconfigEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void yamlErrorShowsItsLineWhileTyping()
    {
        Fixture f;
        f.editor.setText(validKubeconfig());
        QVERIFY(waitValidated(f.editor));
        QVERIFY(f.editor.lastCheck().ok());

        // The user breaks line 9: a second ':' in a plain value.
        ui::CodeEditor *text = f.editor.editor();
        text->goTo(9, 1);
        QTextCursor c = text->textCursor();
        c.movePosition(QTextCursor::EndOfBlock);
        text->setTextCursor(c);
        QSignalSpy validated(&f.editor, &ui::KubeconfigEditor::validated);
        QTest::keyClicks(text, QStringLiteral(" bad: value"));
        QVERIFY(f.editor.isValidationPending());   // debounced, not parsed per keystroke
        QVERIFY(validated.wait(5000));
        QCOMPARE(validated.last().first().toBool(), false);
        auto *status = child<QLabel>(&f.editor, "kubeconfigStatus");
        QVERIFY2(status->text().contains(QLatin1String("Line 9, column")), qPrintable(status->text()));
        QVERIFY(status->text().contains(QLatin1String("YAML syntax error")));
        QVERIFY(text->marks().contains(9));
        QVERIFY(text->marks().value(9).error);
        auto *issues = child<QListWidget>(&f.editor, "kubeconfigIssues");
        QVERIFY(issues->count() >= 1);
        QVERIFY(issues->item(0)->text().contains(QLatin1String("Line 9")));
        // Activating the issue puts the cursor on its line.
        text->goTo(1, 1);
        Q_EMIT issues->itemActivated(issues->item(0));
        QCOMPARE(text->currentLine(), 9);
        QVERIFY(screenshot(&f.editor, QStringLiteral("kubeconfig-error")));

        // Saving is refused; nothing is written.
        QSignalSpy rejected(&f.editor, &ui::KubeconfigEditor::saveRejected);
        QTest::mouseClick(child<QPushButton>(&f.editor, "saveKubeconfigButton"), Qt::LeftButton);
        QCOMPARE(rejected.count(), 1);
        QVERIFY(rejected.first().first().toString().startsWith(QLatin1String("line 9")));
        QVERIFY(f.t.store->server(f.server.id)->settings.kubeconfig.isEmpty());

        // Undo: valid again, the mark goes.
        QTest::keyClick(text, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!f.editor.isValidationPending() && f.editor.lastCheck().ok(), 5000);
        QVERIFY(text->marks().isEmpty());
    }

    void structureErrorPointsAtTheReference()
    {
        Fixture f;
        f.editor.setText(validKubeconfig().replace(QStringLiteral("{cluster: staging,"), QStringLiteral("{cluster: stagin,")));
        QVERIFY(waitValidated(f.editor));
        QVERIFY(!f.editor.lastCheck().ok());
        const QString status = child<QLabel>(&f.editor, "kubeconfigStatus")->text();
        QVERIFY2(status.contains(QLatin1String("Line 20, column 22")), qPrintable(status));
        QVERIFY(status.contains(QLatin1String("cluster 'stagin', which is not defined")));
    }

    void validKubeconfigSelectsItsContexts()
    {
        Fixture f;
        f.editor.setText(validKubeconfig());
        QVERIFY(waitValidated(f.editor));
        auto *contexts = child<QComboBox>(&f.editor, "contextCombo");
        QCOMPARE(contexts->count(), 3);
        QCOMPARE(contexts->itemData(0).toString(), QStringLiteral("prod-admin"));
        // current-context is selected and marked.
        QCOMPARE(f.editor.selectedContext(), QStringLiteral("prod-shop"));
        QCOMPARE(contexts->currentText(), QStringLiteral("prod-shop (current)"));
        auto *namespaces = child<QComboBox>(&f.editor, "kubeNamespaceCombo");
        QCOMPARE(namespaces->count(), 3);
        QCOMPARE(namespaces->itemText(2), QStringLiteral("shop-staging"));
        auto *status = child<QLabel>(&f.editor, "kubeconfigStatus");
        QVERIFY2(status->text().startsWith(QStringLiteral("✔ Valid: 3 contexts, 2 clusters, 1 user")), qPrintable(status->text()));

        // Secret values are painted as bars by default (unreadable on a shared screen), on request as text.
        const auto tokenFormat = [&f] {
            const QTextBlock line13 = f.editor.editor()->document()->findBlockByNumber(12);
            for (const QTextLayout::FormatRange &r : line13.layout()->formats())
                if (line13.text().mid(r.start, r.length).contains(kTokenSecret))
                    return r.format;
            return QTextCharFormat();
        };
        QCOMPARE(tokenFormat().foreground().color(), tokenFormat().background().color());
        auto *hide = child<QCheckBox>(&f.editor, "hideSecretsCheck");
        QVERIFY(hide->isChecked());
        hide->click();
        QVERIFY(tokenFormat().foreground().color() != tokenFormat().background().color());
        hide->click();

        // Picking "staging" with the keyboard selects its namespace.
        contexts->setFocus();
        QTest::keyClick(contexts, Qt::Key_Down);
        Q_EMIT contexts->activated(contexts->currentIndex());
        QCOMPARE(f.editor.selectedContext(), QStringLiteral("staging"));
        QCOMPARE(f.editor.selectedNamespace(), QStringLiteral("shop-staging"));
        QVERIFY(screenshot(&f.editor, QStringLiteral("kubeconfig-editor")));

        // Save: stored with the context and namespace, sealed in the database file.
        QSignalSpy saved(&f.editor, &ui::KubeconfigEditor::saved);
        QTest::mouseClick(child<QPushButton>(&f.editor, "saveKubeconfigButton"), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        const Server s = *f.t.store->server(f.server.id);
        QCOMPARE(s.settings.kubeconfig, validKubeconfig());
        QCOMPARE(s.settings.kubeContext, QStringLiteral("staging"));
        QCOMPARE(s.settings.kubernetesNamespace, QStringLiteral("shop-staging"));
        QVERIFY(!f.editor.isModified());
        f.t.store->database()->connection().close();
        QFile db(f.t.path);
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY2(!db.readAll().contains(kTokenSecret.toUtf8()), "the kubeconfig must be sealed at rest");
        QFile wal(f.t.path + QStringLiteral("-wal"));
        if (wal.open(QIODevice::ReadOnly))
            QVERIFY(!wal.readAll().contains(kTokenSecret.toUtf8()));

        // Reopening the server shows the stored choice.
        ui::KubeconfigEditor again;
        again.setService(f.service);
        again.setServer(s);
        QVERIFY(waitValidated(again));
        QCOMPARE(again.selectedContext(), QStringLiteral("staging"));
        QCOMPARE(again.selectedNamespace(), QStringLiteral("shop-staging"));
    }

    // The editor has an unsaved kubeconfig; meanwhile the orchestrator settings form (its own window
    // here) saves a namespace and a storage class. The editor's save then stores its kubeconfig and
    // keeps both: it sends only what its user changed.
    void editorAndSettingsFormBothSave()
    {
        Fixture f;
        ui::OrchestratorSettingsForm form;
        form.setService(f.service);
        form.setServer(f.server);
        form.show();
        f.editor.setText(validKubeconfig());
        QVERIFY(waitValidated(f.editor));
        QVERIFY(f.editor.lastCheck().ok());

        auto *combo = child<QComboBox>(&form, "orchestratorCombo");
        combo->setCurrentIndex(combo->findData(int(Orchestrator::Kubernetes)));
        child<QComboBox>(&form, "namespaceCombo")->setEditText(QStringLiteral("team-a"));
        child<QLineEdit>(&form, "storageClassEdit")->setText(QStringLiteral("fast-ssd"));
        QSignalSpy formSaved(&form, &ui::OrchestratorSettingsForm::saved);
        QTest::mouseClick(child<QPushButton>(&form, "saveSettingsButton"), Qt::LeftButton);
        QVERIFY(formSaved.wait(10000));

        QSignalSpy saved(&f.editor, &ui::KubeconfigEditor::saved);
        f.editor.save();
        QVERIFY(saved.wait(10000));
        const Server s = *f.t.store->server(f.server.id);
        QCOMPARE(s.settings.kubeconfig, validKubeconfig());
        QCOMPARE(s.settings.kubeContext, f.editor.selectedContext());
        QCOMPARE(s.settings.storageClass, QStringLiteral("fast-ssd"));
        QCOMPARE(s.settings.orchestrator, Orchestrator::Kubernetes);
        QCOMPARE(s.settings.kubernetesNamespace, QStringLiteral("team-a"));   // the form's save stays
    }

    void invalidNamespaceIsNotSaved()
    {
        Fixture f;
        f.editor.setText(validKubeconfig());
        QVERIFY(waitValidated(f.editor));
        auto *ns = child<QComboBox>(&f.editor, "kubeNamespaceCombo");
        ns->setEditText(QStringLiteral("Not_Valid"));
        QSignalSpy rejected(&f.editor, &ui::KubeconfigEditor::saveRejected);
        QTest::mouseClick(child<QPushButton>(&f.editor, "saveKubeconfigButton"), Qt::LeftButton);
        QCOMPARE(rejected.count(), 1);
        QVERIFY(ui::isMarkedInvalid(ns));
        QVERIFY(f.t.store->server(f.server.id)->settings.kubeconfig.isEmpty());
    }

    void loadsAFile()
    {
        Fixture f;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(validKubeconfig().toUtf8());
        file.close();
        QSignalSpy loaded(&f.editor, &ui::KubeconfigEditor::fileLoaded);
        f.editor.loadFile(path);
        QVERIFY(loaded.wait(5000));
        QVERIFY(loaded.first().first().toBool());
        QCOMPARE(f.editor.text(), validKubeconfig());
        QVERIFY(f.editor.isModified());
        QVERIFY(waitValidated(f.editor));
        QCOMPARE(f.editor.selectedContext(), QStringLiteral("prod-shop"));
        // Export writes an owner-only file.
        const QString out = dir.filePath(QStringLiteral("exported"));
        f.editor.exportFile(out);
        QTRY_VERIFY(QFile::exists(out));
        QCOMPARE(QFile::permissions(out) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        f.editor.loadFile(dir.filePath(QStringLiteral("missing")));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.last().first().toBool(), false);
    }

    void largeKubeconfigStaysResponsive()
    {
        Fixture f;
        QString text = QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n");
        const QString blob = QString::fromLatin1(QByteArray(1500, 'x').toBase64());
        for (int i = 0; i < 480; ++i)
            text += QStringLiteral("- name: c%1\n  cluster:\n    server: https://10.0.%2.%3:6443\n    certificate-authority-data: %4\n")
                        .arg(i).arg(i / 250).arg(i % 250).arg(blob);
        text += QStringLiteral("users:\n");
        for (int i = 0; i < 480; ++i)
            text += QStringLiteral("- name: u%1\n  user:\n    token: t%1\n").arg(i);
        text += QStringLiteral("contexts:\n");
        for (int i = 0; i < 480; ++i)
            text += QStringLiteral("- name: ctx%1\n  context: {cluster: c%1, user: u%1, namespace: ns-%1}\n").arg(i);
        text += QStringLiteral("current-context: ctx7\n");
        QVERIFY(text.size() > 1000 * 1000);

        QElapsedTimer timer;
        timer.start();
        f.editor.setText(text);
        const qint64 loadMs = timer.elapsed();
        QVERIFY(f.editor.isValidationPending());   // the parse runs off the GUI thread
        QVERIFY(waitValidated(f.editor, 30000));
        QCOMPARE(f.editor.selectedContext(), QStringLiteral("ctx7"));
        QCOMPARE(child<QComboBox>(&f.editor, "contextCombo")->count(), 480);

        // Typing in the middle of the file: every keystroke is handled quickly.
        ui::CodeEditor *editor = f.editor.editor();
        editor->goTo(1200, 1);
        qint64 worst = 0;
        for (const QChar ch : QStringLiteral("# note")) {
            timer.restart();
            QTest::keyClick(editor, ch.toLatin1());
            QCoreApplication::processEvents();
            worst = qMax(worst, timer.elapsed());
        }
        timer.restart();
        QTest::keyClick(editor, Qt::Key_Return);
        QCoreApplication::processEvents();
        worst = qMax(worst, timer.elapsed());
        qInfo("1 MB kubeconfig: setText %lld ms, slowest keystroke %lld ms", loadMs, worst);
        // (The figures above are for reading; a bound on them would be a wall-clock assertion.)
        // While the (debounced) check of the edited text runs, the event loop keeps turning.
        QVERIFY(f.editor.isValidationPending());
        int turns = 0;
        QTimer ticker;
        ticker.setInterval(10);
        QObject::connect(&ticker, &QTimer::timeout, &ticker, [&turns] { ++turns; });
        ticker.start();
        QTRY_VERIFY_WITH_TIMEOUT(!f.editor.isValidationPending(), 20000);
        ticker.stop();
        QVERIFY2(turns > 5, "the event loop was blocked while the kubeconfig was checked");
        QVERIFY(f.editor.lastCheck().ok());
    }

    void testConnectionAgainstTheTestCluster()
    {
        test::KubeClusterFixture cluster;
        QString error;
        FLEETDECK_REQUIRE_COMPONENT(cluster.start(&error), error);
        Fixture f;
        f.editor.setText(cluster.kubeconfig());
        QVERIFY(waitValidated(f.editor));
        QVERIFY2(f.editor.lastCheck().ok(), qPrintable(child<QLabel>(&f.editor, "kubeconfigStatus")->text()));
        const QString ns = cluster.uniqueNamespace(QStringLiteral("console"));
        child<QComboBox>(&f.editor, "kubeNamespaceCombo")->setEditText(ns);

        QSignalSpy tested(&f.editor, &ui::KubeconfigEditor::clusterTested);
        QTest::keyClick(&f.editor, Qt::Key_T, Qt::ControlModifier);
        QVERIFY(f.editor.report()->isBusy());
        QVERIFY(tested.wait(90000));
        const QString report = f.editor.report()->plainText();
        QVERIFY2(tested.first().first().toBool(), qPrintable(report));
        QVERIFY2(report.contains(QLatin1String("Kubernetes v1.37.2 answered")), qPrintable(report));
        QVERIFY2(report.contains(QRegularExpression(QStringLiteral(R"(\b(\d+) of \1 Ready)"))), qPrintable(report));   // kwok nodes + the real node
        QVERIFY2(report.contains(QStringLiteral("Namespace %1: exists").arg(ns)), qPrintable(report));
        QVERIFY2(report.contains(QLatin1String("all 8 needed to deploy are granted")), qPrintable(report));
        // The namespaces of the cluster are offered.
        QVERIFY(child<QComboBox>(&f.editor, "kubeNamespaceCombo")->findText(QStringLiteral("kube-system")) >= 0);
        QVERIFY(screenshot(&f.editor, QStringLiteral("kubeconfig-test-cluster")));

        // A namespace-scoped read-only user: which permission is missing, by name.
        const QString readOnly = cluster.readOnlyKubeconfig(ns, &error);
        QVERIFY2(!readOnly.isEmpty(), qPrintable(error));
        f.editor.setText(readOnly);
        QVERIFY(waitValidated(f.editor));
        child<QComboBox>(&f.editor, "kubeNamespaceCombo")->setEditText(ns);
        QTest::mouseClick(child<QPushButton>(&f.editor, "testClusterButton"), Qt::LeftButton);
        QVERIFY(tested.wait(90000));
        const QString limited = f.editor.report()->plainText();
        QCOMPARE(tested.last().first().toBool(), false);
        QVERIFY2(limited.contains(QStringLiteral("missing: create deployments.apps in namespace %1").arg(ns)), qPrintable(limited));
        QVERIFY2(limited.contains(QLatin1String("not allowed to list nodes")), qPrintable(limited));

        // Nothing listens: said so, not a hang.
        f.editor.setText(cluster.unreachableKubeconfig());
        QVERIFY(waitValidated(f.editor));
        QTest::mouseClick(child<QPushButton>(&f.editor, "testClusterButton"), Qt::LeftButton);
        QVERIFY(tested.wait(90000));
        QVERIFY2(f.editor.report()->summary().contains(QLatin1String("cannot be reached")), qPrintable(f.editor.report()->plainText()));
    }

    void orchestratorTestUsesTheStoredKubeconfig()
    {
        test::KubeClusterFixture cluster;
        QString error;
        FLEETDECK_REQUIRE_COMPONENT(cluster.start(&error), error);
        test::TempStore t;
        Server local = t.store->servers()->first();
        local.settings.orchestrator = Orchestrator::Kubernetes;
        local.settings.kubeconfig = cluster.kubeconfig();
        local.settings.kubernetesNamespace = QStringLiteral("default");
        local.settings.useIngress = false;
        QVERIFY(t.store->updateServer(local).ok());
        ui::OrchestratorSettingsForm form;
        form.setService(std::make_shared<ServerService>(t.store));
        form.setServer(*t.store->server(local.id));
        form.show();
        QSignalSpy tested(&form, &ui::OrchestratorSettingsForm::tested);
        QTest::mouseClick(child<QPushButton>(&form, "testConnectionButton"), Qt::LeftButton);
        QVERIFY(tested.wait(90000));
        const QString report = form.report()->plainText();
        QVERIFY2(tested.first().first().toBool(), qPrintable(report));
        QVERIFY2(report.contains(QRegularExpression(QStringLiteral(R"(^Kubernetes v1\.37\.2: (\d+) of \1 nodes Ready)"))), qPrintable(report));
        // Detect reads the cluster through the same kubeconfig and proposes Kubernetes with its version.
        QSignalSpy detected(&form, &ui::OrchestratorSettingsForm::detected);
        QTest::mouseClick(child<QPushButton>(&form, "detectButton"), Qt::LeftButton);
        QVERIFY(detected.wait(90000));
        QCOMPARE(child<QComboBox>(&form, "orchestratorCombo")->currentData().toInt(), int(Orchestrator::Kubernetes));
        QCOMPARE(child<QLineEdit>(&form, "kubeVersionEdit")->text(), QStringLiteral("v1.37.2"));
        QVERIFY(form.report()->plainText().contains(QLatin1String("Node kwok-node-0: Ready")));
    }
};

QTEST_MAIN(TestKubeconfigEditor)
#include "tst_kubeconfig_editor.moc"
