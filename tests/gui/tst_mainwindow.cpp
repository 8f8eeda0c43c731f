// The main window: opens the store in the background, lists servers and applications.
#include "applications/ApplicationForm.h"
#include "applications/ApplicationsPanel.h"
#include "main/MainWindow.h"
#include "store/Repositories.h"

#include "TestEnvironment.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace fleetdeck;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void showsServersAndApplications()
    {
        test::TempStore t;
        Application a;
        a.name = QStringLiteral("web");
        a.serverId = t.store->servers()->first().id;
        a.image = QStringLiteral("nginx:1.27");
        QVERIFY(t.store->addApplication(a).ok());

        ui::MainWindow window(t.path);
        QSignalSpy apps(&window, &ui::MainWindow::applicationsLoaded);
        window.show();
        QVERIFY(apps.wait(10000));
        QCOMPARE(apps.first().first().toInt(), 1);
        auto *servers = window.findChild<QListView *>(QStringLiteral("serverList"));
        QVERIFY(servers);
        QCOMPARE(servers->model()->rowCount(), 1);
        QVERIFY(servers->model()->index(0, 0).data().toString().contains(QLatin1String("this machine")));
        // One Applications tab: the live panel, first, not a read-only copy beside it.
        QCOMPARE(window.tabs()->currentIndex(), int(ui::MainWindow::ApplicationsTab));
        QCOMPARE(window.tabs()->count(), 4);
        auto *table = window.findChild<QTableView *>(QStringLiteral("applicationStatusTable"));
        QVERIFY(table);
        QVERIFY(table->isVisible());
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("web"));
    }

    void emptyServerInvitesToAdd()
    {
        test::TempStore t;
        ui::MainWindow window(t.path);
        QSignalSpy apps(&window, &ui::MainWindow::applicationsLoaded);
        window.show();
        QVERIFY(apps.wait(10000));
        auto *empty = window.findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty->isVisible());
        QTRY_VERIFY(empty->text().contains(QLatin1String("No applications on")));
        // Its link opens the form for a new application on the selected server.
        Q_EMIT empty->linkActivated(QStringLiteral("new"));
        const auto *form = window.applicationsPanel()->settingsForm();
        QVERIFY(form->isVisible());
        QCOMPARE(form->application().id, qint64(0));
        QCOMPARE(form->application().serverId, t.store->servers()->first().id);
    }

    void unopenableStoreShowsError()
    {
        ui::MainWindow window(QStringLiteral("/proc/forbidden/fleetdeck.sqlite"));
        window.show();
        auto *banner = window.findChild<QLabel *>(QStringLiteral("banner"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
        QVERIFY(banner->text().contains(QLatin1String("Cannot open the store")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
