// The exec console against a real engine over the test sshd: lists the running replicas, runs a
// command in the chosen one, shows its output and exit code, and keeps the command history.
#include "exec/ExecConsole.h"
#include "services/Operations.h"

#include "DockerFixture.h"
#include "RealComponent.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace fleetdeck;

namespace {
void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("FLEETDECK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(300);
    QVERIFY(widget->window()->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}
} // namespace

class TestExecConsole : public QObject
{
    Q_OBJECT
    test::OperationsHarness h;

private Q_SLOTS:
    void execReturnsOutputFromTheChosenReplica()
    {
        QString why;
        const bool ok = h.start(&why);
        FLEETDECK_REQUIRE_COMPONENT(ok, why);
        Application a = test::DockerFixture::app(QStringLiteral("fdtest-gui-exec"), h.sshDocker.id);
        a.replicas = 2;
        a = h.add(a);
        auto deployed = h.ops->deploy(a.id);
        QVERIFY2(deployed.ok() && deployed->status == DeploymentStatus::Finished,
                 qPrintable(deployed.ok() ? deployed->error : deployed.error().toString()));
        std::shared_ptr<OperationsService> ops(h.ops.get(), [](OperationsService *) {});

        auto *console = new ui::ExecConsole(ops, a.id, a.name);
        QSignalSpy replicas(console, &ui::ExecConsole::replicasLoaded);
        console->show();
        QVERIFY(replicas.wait(30000));
        QCOMPARE(replicas.first().at(0).toInt(), 2);
        QComboBox *combo = console->replicaCombo();
        combo->setCurrentIndex(combo->findData(QStringLiteral("fdtest-gui-exec.2")));
        QVERIFY(combo->currentIndex() > 0);

        QSignalSpy done(console, &ui::ExecConsole::commandFinished);
        QTest::keyClicks(console->commandEdit(), QStringLiteral("sh -c 'echo hello-from-$(hostname); echo oops >&2'"));
        QTest::keyClick(console->commandEdit(), Qt::Key_Return);
        QVERIFY(done.wait(60000));
        QVERIFY2(done.first().at(0).toInt() == 0, qPrintable(console->output()));
        QVERIFY2(console->output().contains(QStringLiteral("hello-from-")), qPrintable(console->output()));
        QVERIFY(console->output().contains(QStringLiteral("oops")));
        QVERIFY(console->output().contains(QStringLiteral("(exit 0")));

        // A failing command is a result with its exit code, not an error.
        done.clear();
        QTest::keyClicks(console->commandEdit(), QStringLiteral("sh -c 'exit 3'"));
        QTest::keyClick(console->commandEdit(), Qt::Key_Return);
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(0).toInt(), 3);

        // History: Up brings the previous commands back.
        QCOMPARE(console->history().size(), 2);
        QTest::keyClick(console->commandEdit(), Qt::Key_Up);
        QCOMPARE(console->commandEdit()->text(), QStringLiteral("sh -c 'exit 3'"));
        QTest::keyClick(console->commandEdit(), Qt::Key_Up);
        QVERIFY(console->commandEdit()->text().startsWith(QStringLiteral("sh -c 'echo hello")));
        QTest::keyClick(console->commandEdit(), Qt::Key_Down);
        QTest::keyClick(console->commandEdit(), Qt::Key_Down);
        QVERIFY(console->commandEdit()->text().isEmpty());
        console->resize(900, 420);
        screenshot(console, QStringLiteral("exec-console"));
        console->close();
    }

    void cleanupTestCase()
    {
        if (h.ops)
            test::DockerFixture::cleanup();
    }
};

QTEST_MAIN(TestExecConsole)
#include "tst_exec_console.moc"
