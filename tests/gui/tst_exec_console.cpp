// The exec console against a real engine over the test sshd: lists the running replicas, runs a
// command in the chosen one, shows its output while it runs and its exit code at the end, Stop (and
// closing the window) ends the command in the replica, a flood is capped, and the history is kept.
#include "GuiTestSupport.h"
#include "exec/ExecConsole.h"
#include "services/Operations.h"

#include "DockerFixture.h"
#include "RealComponent.h"
#include "SshdFixture.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::screenshot;

namespace {

// "300.NNNNN": a sleep nobody else runs, so pgrep finds exactly ours.
QString uniqueSleep()
{
    return QStringLiteral("300.%1").arg(QRandomGenerator::global()->bounded(10000, 99999));
}

// The sleep itself (in the container), not the `docker exec` client or the shell that started it.
int sleepers(const QString &duration)
{
    return test::SshdFixture::pgrepCount(QStringLiteral("^sleep %1$").arg(duration));
}

// An output line that is exactly `text` (the echoed command line holds the words too).
bool hasLine(const ui::ExecConsole *console, const QString &text)
{
    return console->output().split(QLatin1Char('\n')).contains(text);
}

void type(ui::ExecConsole *console, const QString &command)
{
    QTest::keyClicks(console->commandEdit(), command);
    QTest::keyClick(console->commandEdit(), Qt::Key_Return);
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
        const bool ok = h.ops || h.start(&why);
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
        // The chosen replica ran it: its hostname is that container's.
        const QString host = QString::fromUtf8(test::DockerFixture::docker({QStringLiteral("inspect"), QStringLiteral("--format"),
                                                                            QStringLiteral("{{.Config.Hostname}}"),
                                                                            QStringLiteral("fdtest-gui-exec.2")}))
                                 .trimmed();
        QVERIFY2(hasLine(console, QStringLiteral("hello-from-") + host), qPrintable(console->output()));
        QVERIFY(hasLine(console, QStringLiteral("oops")));
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
        console->close();
    }

    void outputStreamsAndStopEndsTheCommand()
    {
        QString why;
        const bool ok = h.ops || h.start(&why);
        FLEETDECK_REQUIRE_COMPONENT(ok, why);
        Application a = h.add(test::DockerFixture::app(QStringLiteral("fdtest-gui-xstream"), h.sshDocker.id));
        auto deployed = h.ops->deploy(a.id);
        QVERIFY2(deployed.ok() && deployed->status == DeploymentStatus::Finished,
                 qPrintable(deployed.ok() ? deployed->error : deployed.error().toString()));
        std::shared_ptr<OperationsService> ops(h.ops.get(), [](OperationsService *) {});
        auto *console = new ui::ExecConsole(ops, a.id, a.name);
        console->resize(900, 420);
        console->show();
        QSignalSpy done(console, &ui::ExecConsole::commandFinished);

        // The replica lookup and the stream run on the ExecSession's worker, so Enter returns at once
        // (proven without a clock, against a gated transport, in tests/unit/tst_stream_objects).
        type(console, QStringLiteral("sh -c 'echo one; sleep 3; echo two'"));
        QVERIFY(console->isRunning());
        QVERIFY(console->stopButton()->isEnabled());
        QTRY_VERIFY2_WITH_TIMEOUT(hasLine(console, QStringLiteral("one")) || !done.isEmpty(), qPrintable(console->output()), 30000);
        // Shown while the command still runs.
        QVERIFY2(done.isEmpty(), qPrintable(console->output()));
        QVERIFY(!hasLine(console, QStringLiteral("two")));
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().at(0).toInt(), 0);
        QVERIFY(hasLine(console, QStringLiteral("two")));
        QVERIFY(console->output().contains(QStringLiteral("(exit 0, ")));
        QVERIFY(!console->isRunning());
        QVERIFY(!console->stopButton()->isEnabled());

        done.clear();
        type(console, QStringLiteral("sh -c 'exit 7'"));
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().at(0).toInt(), 7);
        QVERIFY(console->output().contains(QStringLiteral("(exit 7, ")));

        // Stop (Esc) ends the command in the container, not only the client.
        done.clear();
        const QString duration = uniqueSleep();
        type(console, QStringLiteral("sh -c 'for i in 1 2 3; do echo streamed line $i; done; sleep %1'").arg(duration));
        QTRY_VERIFY_WITH_TIMEOUT(sleepers(duration) == 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(hasLine(console, QStringLiteral("streamed line 3")), 10000);
        QVERIFY(screenshot(console, QStringLiteral("exec-console")));
        QTest::keyClick(console->commandEdit(), Qt::Key_Escape);
        QVERIFY(done.wait(15000));
        QCOMPARE(done.first().at(0).toInt(), -1);
        QVERIFY2(console->output().contains(QStringLiteral("Stopped.")), qPrintable(console->output()));
        QTRY_VERIFY2_WITH_TIMEOUT(sleepers(duration) == 0, "sleep survived Stop", 15000);

        // A flood: batched, and the document keeps at most its limit.
        done.clear();
        type(console, QStringLiteral("seq 1 150000"));
        QVERIFY(done.wait(120000));
        QCOMPARE(done.first().at(0).toInt(), 0);
        QVERIFY(console->findChild<QPlainTextEdit *>()->document()->blockCount() <= ui::ExecConsole::kMaxOutputLines);
        QVERIFY(hasLine(console, QStringLiteral("150000")));

        // Closing the window ends a running command.
        const QString closed = uniqueSleep();
        type(console, QStringLiteral("sleep %1").arg(closed));
        QTRY_VERIFY_WITH_TIMEOUT(sleepers(closed) == 1, 30000);
        console->close();   // WA_DeleteOnClose
        QTRY_VERIFY2_WITH_TIMEOUT(sleepers(closed) == 0, "sleep survived closing the window", 15000);
        QTRY_VERIFY_WITH_TIMEOUT(test::SshdFixture::pgrepCount(QStringLiteral("sleep %1").arg(closed)) == 0, 10000);
    }

    void cleanupTestCase()
    {
        if (h.ops)
            test::DockerFixture::cleanup();
    }
};

QTEST_MAIN(TestExecConsole)
#include "tst_exec_console.moc"
