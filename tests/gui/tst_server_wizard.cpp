// The add-server wizard against a real OpenSSH sshd: the fingerprint to confirm, detection shown and
// the server stored; a changed host key blocks with both fingerprints; bad fields are pointed at;
// an unauthorized key is reported as an authentication failure; removing a server.
#include "GuiTestSupport.h"
#include "main/MainWindow.h"
#include "models/ServerListModel.h"
#include "servers/AddServerWizard.h"
#include "services/ServerService.h"
#include "widgets/FieldHighlight.h"
#include "servers/ServerPanel.h"
#include "store/Repositories.h"

#include "RealComponent.h"
#include "SshdFixture.h"
#include "TestEnvironment.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::screenshot;
using fleetdeck::test::child;
using fleetdeck::test::typeInto;
using fleetdeck::test::SshdFixture;

namespace {

QString localOsName()
{
    QFile f(QStringLiteral("/etc/os-release"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("PRETTY_NAME="))
            return QString::fromUtf8(line.mid(12)).remove(QLatin1Char('"'));
    return {};
}

} // namespace

class TestServerWizard : public QObject
{
    Q_OBJECT

private:
    SshdFixture m_sshd;

    // Fills page 1 for the fixture's sshd.
    void fillConnection(QWizard *wizard, const QString &name, const QString &key)
    {
        typeInto(child<QLineEdit>(wizard, "serverHost"), m_sshd.host());
        typeInto(child<QLineEdit>(wizard, "serverName"), name);
        typeInto(child<QSpinBox>(wizard, "serverPort"), QString::number(m_sshd.port()));
        typeInto(child<QLineEdit>(wizard, "serverUser"), m_sshd.user());
        QTest::mouseClick(child<QAbstractButton>(wizard, "authKey"), Qt::LeftButton);
        typeInto(child<QLineEdit>(wizard, "identityFile"), key);
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateEnvironment();
        QString why;
        FLEETDECK_REQUIRE_COMPONENT(SshdFixture::available(&why), why);
        QString error;
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
    }

    void addServerConfirmsFingerprintAndShowsDetection()
    {
        test::TempStore t;
        ui::MainWindow window(t.path);
        QSignalSpy loaded(&window, &ui::MainWindow::serversLoaded);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(loaded.wait(10000));

        // Ctrl+N opens the wizard.
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        auto *wizard = window.findChild<ui::AddServerWizard *>();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        fillConnection(wizard, QStringLiteral("fixture"), m_sshd.keyPath());
        QVERIFY(screenshot(wizard, QStringLiteral("add-server-connection")));

        QSignalSpy fingerprint(wizard, &ui::AddServerWizard::fingerprintFetched);
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(ui::AddServerWizard::HostKey));
        QVERIFY(fingerprint.wait(20000));
        QCOMPARE(fingerprint.first().first().toString(), m_sshd.hostKeyFingerprint());
        auto *shown = child<QLabel>(wizard, "hostKeyFingerprint");
        QVERIFY(shown->isVisible());
        QVERIFY(shown->text().contains(m_sshd.hostKeyFingerprint()));
        QVERIFY(shown->text().contains(QLatin1String("ED25519")));
        // Nothing proceeds before the user confirms.
        auto *trust = child<QCheckBox>(wizard, "trustKeyCheck");
        QVERIFY(trust->isVisible());
        QVERIFY(!trust->isChecked());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(!child<QLabel>(wizard, "hostKeyChangedWarning")->isVisible());
        QVERIFY(screenshot(wizard, QStringLiteral("add-server-fingerprint")));
        QTest::mouseClick(trust, Qt::LeftButton, {}, QPoint(8, trust->height() / 2));
        QVERIFY(trust->isChecked());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());

        QSignalSpy detected(wizard, &ui::AddServerWizard::detectionFinished);
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(ui::AddServerWizard::Detection));
        QVERIFY(detected.wait(60000));
        QCOMPARE(detected.first().first().toBool(), true);
        // What the server runs is shown: the OS (the fixture is this machine), Docker, swarm, kubectl.
        auto *os = child<QLabel>(wizard, "detectedOs");
        QVERIFY(os->isVisible());
        const QString expectedOs = localOsName();
        if (!expectedOs.isEmpty())
            QCOMPARE(os->text(), expectedOs);
        for (const char *name : {"detectedDocker", "detectedSwarm", "detectedKubectl", "detectedCluster"})
            QVERIFY2(child<QLabel>(wizard, name)->text() != QLatin1String("—") || QByteArray(name) == "detectedCluster", name);
        auto *proposed = child<QComboBox>(wizard, "proposedOrchestrator");
        QVERIFY(proposed->isEnabled());
        QVERIFY(child<QLabel>(wizard, "proposalReason")->text().startsWith(QLatin1String("Proposed because")));
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        QVERIFY(screenshot(wizard, QStringLiteral("add-server-detection")));

        // The user picks Swarm (editable proposal), finishes; the store holds the trusted server.
        proposed->setCurrentIndex(proposed->findData(int(Orchestrator::Swarm)));
        QSignalSpy saved(wizard, &ui::AddServerWizard::serverSaved);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        Result<Server> stored = t.store->serverByName(QStringLiteral("fixture"));
        QVERIFY(stored);
        QCOMPARE(stored->host, m_sshd.host());
        QCOMPARE(stored->port, m_sshd.port());
        QCOMPARE(stored->hostKeyFingerprint, m_sshd.hostKeyFingerprint());
        QCOMPARE(stored->identityFile, m_sshd.keyPath());
        QCOMPARE(stored->settings.orchestrator, Orchestrator::Swarm);

        // The panel lists it and its live check connects (the fingerprint is trusted now).
        ui::ServerPanel *panel = window.serverPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(int(panel->model()->status(stored->id).state), int(ui::ConnectionState::Connected), 30000);
        const int row = panel->model()->rowOf(stored->id);
        QVERIFY(panel->model()->index(row).data(ui::ServerListModel::BadgeRole).toString().startsWith(QLatin1String("Swarm")));
        QTRY_COMPARE(panel->currentServer()->id, stored->id);
        QVERIFY(screenshot(&window, QStringLiteral("server-panel")));
    }

    void changedHostKeyIsABlockingWarning()
    {
        test::TempStore t;
        Server known = m_sshd.server();
        known.id = 0;
        known.name = QStringLiteral("web-1");
        known.hostKeyFingerprint = m_sshd.otherHostKeyFingerprint();   // what we trusted before
        Result<Server> added = t.store->addServer(known);
        QVERIFY(added);

        ui::AddServerWizard wizard(std::make_shared<ServerService>(t.store), *t.store->servers());
        wizard.setExisting(*added);
        QSignalSpy fingerprint(&wizard, &ui::AddServerWizard::fingerprintFetched);
        wizard.show();
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QVERIFY(fingerprint.wait(20000));
        auto *warning = child<QLabel>(&wizard, "hostKeyChangedWarning");
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QLatin1String("CHANGED")));
        QVERIFY(warning->text().contains(m_sshd.otherHostKeyFingerprint()));   // trusted before
        QVERIFY(warning->text().contains(m_sshd.hostKeyFingerprint()));        // offered now
        // Blocking: no "trust" checkbox, Next disabled, the override is explicit and off by default.
        QVERIFY(!child<QCheckBox>(&wizard, "trustKeyCheck")->isVisible());
        auto *replace = child<QCheckBox>(&wizard, "replaceKeyCheck");
        QVERIFY(replace->isVisible());
        QVERIFY(!replace->isChecked());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(screenshot(&wizard, QStringLiteral("host-key-changed")));
        QTest::keyClick(&wizard, Qt::Key_Escape);
        QVERIFY(!wizard.isVisible());
        // Nothing was written.
        QCOMPARE(t.store->server(added->id)->hostKeyFingerprint, m_sshd.otherHostKeyFingerprint());
    }

    void sameKeyNeedsNoConfirmation()
    {
        test::TempStore t;
        Server known = m_sshd.server();
        known.id = 0;
        Result<Server> added = t.store->addServer(known);
        QVERIFY(added);
        ui::AddServerWizard wizard(std::make_shared<ServerService>(t.store), *t.store->servers());
        wizard.setExisting(*added);
        QSignalSpy fingerprint(&wizard, &ui::AddServerWizard::fingerprintFetched);
        wizard.show();
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QVERIFY(fingerprint.wait(20000));
        QVERIFY(!child<QLabel>(&wizard, "hostKeyChangedWarning")->isVisible());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        // Editing keeps the stored orchestrator unless the user applies the detected one.
        QSignalSpy detected(&wizard, &ui::AddServerWizard::detectionFinished);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QVERIFY(detected.wait(60000));
        auto *apply = child<QCheckBox>(&wizard, "applyProposal");
        QVERIFY(apply->isVisible());
        QVERIFY(!apply->isChecked());
        QVERIFY(!child<QComboBox>(&wizard, "proposedOrchestrator")->isEnabled());
    }

    void wrongFieldsArePointedAt()
    {
        test::TempStore t;
        ui::AddServerWizard wizard(std::make_shared<ServerService>(t.store), *t.store->servers());
        wizard.show();
        typeInto(child<QLineEdit>(&wizard, "serverHost"), QStringLiteral("bad host!"));
        typeInto(child<QLineEdit>(&wizard, "serverName"), QStringLiteral("local"));   // taken by "this machine"
        typeInto(child<QLineEdit>(&wizard, "identityFile"), QStringLiteral("/nonexistent/key"));
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(ui::AddServerWizard::Connection));
        QVERIFY(ui::isMarkedInvalid(child<QLineEdit>(&wizard, "serverHost")));
        QVERIFY(ui::isMarkedInvalid(child<QLineEdit>(&wizard, "serverName")));
        QVERIFY(ui::isMarkedInvalid(child<QLineEdit>(&wizard, "identityFile")));
        auto *error = child<QLabel>(&wizard, "connectionError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("already the name")), qPrintable(error->text()));
        // Editing a field clears its mark.
        QTest::keyClick(child<QLineEdit>(&wizard, "serverHost"), Qt::Key_Backspace);
        QVERIFY(!ui::isMarkedInvalid(child<QLineEdit>(&wizard, "serverHost")));
    }

    void unauthorizedKeyIsAnAuthenticationFailure()
    {
        test::TempStore t;
        ui::AddServerWizard wizard(std::make_shared<ServerService>(t.store), *t.store->servers());
        wizard.show();
        fillConnection(&wizard, QStringLiteral("stranger"), m_sshd.unauthorizedKeyPath());
        QSignalSpy fingerprint(&wizard, &ui::AddServerWizard::fingerprintFetched);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QVERIFY(fingerprint.wait(20000));
        QTest::mouseClick(child<QCheckBox>(&wizard, "trustKeyCheck"), Qt::LeftButton, {}, QPoint(8, 8));
        QSignalSpy detected(&wizard, &ui::AddServerWizard::detectionFinished);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QVERIFY(detected.wait(30000));
        QCOMPARE(detected.first().first().toBool(), false);
        QVERIFY(child<QLabel>(&wizard, "detectionStatus")->text().contains(QLatin1String("Authentication failed")));
        QVERIFY(child<QLabel>(&wizard, "detectionError")->isVisible());
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        // Going back shows the key field marked.
        QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
        QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(ui::AddServerWizard::Connection));
        QVERIFY(ui::isMarkedInvalid(child<QLineEdit>(&wizard, "identityFile")));
        QVERIFY(!t.store->serverByName(QStringLiteral("stranger")));
    }

    void removeServerAfterConfirmation()
    {
        test::TempStore t;
        Server s = m_sshd.server();
        s.id = 0;
        s.name = QStringLiteral("doomed");
        QVERIFY(t.store->addServer(s));
        ui::MainWindow window(t.path);
        QSignalSpy loaded(&window, &ui::MainWindow::serversLoaded);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(loaded.wait(10000));
        ui::ServerPanel *panel = window.serverPanel();
        panel->selectServer(t.store->serverByName(QStringLiteral("doomed"))->id);
        panel->view()->setFocus();
        QTest::keyClick(panel->view(), Qt::Key_Delete);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("removeServerConfirm"))) != nullptr);
        QVERIFY(box->text().contains(QLatin1String("doomed")));
        QSignalSpy removed(&window, &ui::MainWindow::serverRemoved);
        box->findChild<QPushButton *>(QStringLiteral("confirmRemoveButton"))->click();
        QVERIFY(removed.wait(10000));
        QVERIFY(!t.store->serverByName(QStringLiteral("doomed")));
        QTRY_COMPARE(panel->model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestServerWizard)
#include "tst_server_wizard.moc"
