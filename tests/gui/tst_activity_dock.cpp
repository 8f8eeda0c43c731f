// The activity dock: every remote command with duration and exit code, secret arguments and inputs
// masked; filtering; real commands run through a transport appear on their own.
#include "GuiTestSupport.h"
#include "activity/ActivityDock.h"
#include "orchestrators/kubernetes/KubernetesChecks.h"
#include "main/MainWindow.h"
#include "models/ActivityTableModel.h"
#include "remote/ActivityLog.h"
#include "remote/LocalTransport.h"
#include "store/Repositories.h"

#include "TestEnvironment.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace fleetdeck;
using fleetdeck::test::screenshot;

namespace {

QString cell(const ui::ActivityDock &dock, int row, int column)
{
    return dock.view()->model()->index(row, column).data().toString();
}

ActivityEntry entry(const QString &server, const RemoteCommand &command, int exitCode, qint64 ms, const QString &error = {})
{
    ActivityEntry e = ActivityLog::entryFor(command, server, server + QStringLiteral(".example:22"));
    e.exitCode = exitCode;
    e.durationMs = ms;
    e.error = error;
    e.errorKind = error.isEmpty() ? QString() : QStringLiteral("unreachable");
    return e;
}

} // namespace

class TestActivityDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void showsDurationExitCodeAndMasksSecrets()
    {
        ActivityLog log;
        RemoteCommand login;
        login.argv = {QStringLiteral("docker"), QStringLiteral("login"), QStringLiteral("-u"), QStringLiteral("bot"),
                      QStringLiteral("-p"), QStringLiteral("hunter2-very-secret")};
        login.secretArgs = {5};
        login.purpose = QStringLiteral("registry login");
        log.record(entry(QStringLiteral("web-1"), login, 0, 1530));
        ui::ActivityDock dock(nullptr, &log);   // follows a log that already has entries

        RemoteCommand apply = checks::kubectlCommand({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
                                                     QStringLiteral("users: [{name: a, user: {token: kube-secret-token}}]"),
                                                     QStringLiteral("prod"), 0, QStringLiteral("deploy"));
        log.record(entry(QStringLiteral("k8s-1"), apply, 1, 420));
        RemoteCommand ps;
        ps.argv = {QStringLiteral("docker"), QStringLiteral("ps")};
        log.record(entry(QStringLiteral("db-2"), ps, -1, 10000, QStringLiteral("db-2.example:22 did not answer within 10 s")));
        QTRY_COMPARE(dock.visibleRows(), 3);

        using C = ui::ActivityTableModel;
        QCOMPARE(cell(dock, 0, C::ServerColumn), QStringLiteral("web-1"));
        QCOMPARE(cell(dock, 0, C::CommandColumn), QStringLiteral("docker login -u bot -p ***"));
        QCOMPARE(cell(dock, 0, C::ExitColumn), QStringLiteral("0"));
        QCOMPARE(cell(dock, 0, C::DurationColumn), QStringLiteral("1.5 s"));
        QCOMPARE(cell(dock, 0, C::PurposeColumn), QStringLiteral("registry login"));
        // The kubeconfig wrapper reads as kubectl; the kubeconfig itself (stdin) is never shown.
        QCOMPARE(cell(dock, 1, C::CommandColumn), QStringLiteral("kubectl --kubeconfig=<stdin> --context prod apply -f -"));
        QCOMPARE(cell(dock, 1, C::ExitColumn), QStringLiteral("1"));
        QCOMPARE(cell(dock, 1, C::DurationColumn), QStringLiteral("420 ms"));
        const QString tip = dock.view()->model()->index(1, C::CommandColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("Input: secret (not recorded)")), qPrintable(tip));
        // A transport failure shows its kind and message.
        QCOMPARE(cell(dock, 2, C::ExitColumn), QStringLiteral("unreachable"));
        QVERIFY(cell(dock, 2, C::PurposeColumn).contains(QLatin1String("did not answer")));
        QCOMPARE(cell(dock, 2, C::DurationColumn), QStringLiteral("10.0 s"));
        // No secret anywhere in what the dock can show.
        for (int row = 0; row < 3; ++row)
            for (int column = 0; column < C::ColumnCount; ++column)
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole)}) {
                    const QString text = dock.view()->model()->index(row, column).data(role).toString();
                    QVERIFY2(!text.contains(QLatin1String("hunter2")) && !text.contains(QLatin1String("kube-secret-token")), qPrintable(text));
                }

        dock.resize(1100, 200);
        dock.show();
        QVERIFY(screenshot(&dock, QStringLiteral("activity-log-masking"), /*widgetOnly=*/true));

        // Filters: failures only, then by text.
        QTest::mouseClick(dock.findChild<QCheckBox *>(QStringLiteral("activityFailuresOnly")), Qt::LeftButton, {}, QPoint(8, 8));
        QCOMPARE(dock.visibleRows(), 2);
        QTest::keyClicks(dock.findChild<QLineEdit *>(QStringLiteral("activityFilter")), QStringLiteral("db-2"));
        QCOMPARE(dock.visibleRows(), 1);
        QCOMPARE(cell(dock, 0, C::ServerColumn), QStringLiteral("db-2"));
    }

    void realCommandsAppearWhenTheyEnd()
    {
        ui::ActivityDock dock;   // the process-wide log the transports write to
        const int before = dock.model()->rowCount();
        LocalTransport local(QStringLiteral("this machine"));
        RemoteCommand c;
        c.argv = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 0.2; exit 3"), QStringLiteral("sh"),
                  QStringLiteral("--password=letmein")};
        c.secretArgs = {4};
        c.purpose = QStringLiteral("activity test");
        // Run on a worker thread, as the console does; the entry reaches the GUI thread queued.
        auto done = QtConcurrent::run([&local, c] { return local.execute(c); });
        QTRY_COMPARE_WITH_TIMEOUT(dock.model()->rowCount(), before + 1, 10000);
        QVERIFY(done.result().ok());
        const int row = dock.model()->rowCount() - 1;
        const ActivityEntry *e = dock.model()->entryAt(row);
        QCOMPARE(e->exitCode, 3);
        QVERIFY(e->durationMs >= 200);
        QCOMPARE(e->argv.last(), QStringLiteral("***"));
        const QString shown = dock.model()->index(row, ui::ActivityTableModel::CommandColumn).data().toString();
        QVERIFY2(!shown.contains(QLatin1String("letmein")), qPrintable(shown));
        QVERIFY(dock.model()->index(row, 0).data(ui::ActivityTableModel::FailedRole).toBool());
    }

    void dockInTheMainWindowTogglesWithCtrlL()
    {
        test::TempStore t;
        for (const auto &[name, image] : {std::pair{"shop", "registry.local/shop:1.4"}, std::pair{"web", "nginx:1.27"}}) {
            Application a;
            a.name = QString::fromLatin1(name);
            a.serverId = t.store->servers()->first().id;
            a.image = QString::fromLatin1(image);
            a.ports = {8080};
            QVERIFY(t.store->addApplication(a).ok());
        }
        ui::MainWindow window(t.path);
        QSignalSpy loaded(&window, &ui::MainWindow::serversLoaded);
        QSignalSpy apps(&window, &ui::MainWindow::applicationsLoaded);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(loaded.wait(10000));
        ui::ActivityDock *dock = window.activityDock();
        QVERIFY(dock->isVisible());
        // The first connection check of "this machine" runs commands: they are listed.
        QTRY_VERIFY_WITH_TIMEOUT(dock->visibleRows() >= 3, 30000);
        QVERIFY(apps.count() > 0 || apps.wait(10000));
        QVERIFY(screenshot(&window, QStringLiteral("main-window")));
        QVERIFY(screenshot(dock, QStringLiteral("activity-log"), /*widgetOnly=*/true));
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(!dock->isVisible());
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(dock->isVisible());
    }
};

QTEST_MAIN(TestActivityDock)
#include "tst_activity_dock.moc"
