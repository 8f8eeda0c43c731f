// The live log window: keeps the user's place while lines arrive and old ones are dropped, counts
// drops at its line limit, searches and filters; against a real engine over the test sshd it streams
// every replica (the ones a scale-up adds while it is open included, without reconnecting), says so when
// the connection drops and reconnects, and closing it ends the remote followers (no `docker logs` or
// `docker events` left on the server).
#include "GuiTestSupport.h"
#include "logs/LogFeed.h"
#include "logs/LogView.h"
#include "logs/LogWindow.h"
#include "services/Operations.h"

#include "DockerFixture.h"
#include "RealComponent.h"
#include "SshdFixture.h"

#include <QAction>
#include <QLabel>
#include <QPointer>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::screenshot;
using fleetdeck::ui::LogView;
using fleetdeck::ui::LogWindow;

namespace {

QList<LogLine> lines(int from, int count, const QString &replica = QStringLiteral("web.1"))
{
    QList<LogLine> out;
    out.reserve(count);
    for (int i = from; i < from + count; ++i) {
        LogLine l;
        l.replica = replica;
        l.timestamp = QStringLiteral("2026-11-26T21:00:00.%1Z").arg(i % 1000000, 6, 10, QLatin1Char('0'));
        l.text = QStringLiteral("GET /api/items/%1 200 %2 ms").arg(i).arg(i % 97);
        if (i % 10 == 0)
            l.text += QStringLiteral(" checkout");
        out << l;
    }
    return out;
}

bool drained(LogWindow *w)
{
    return QTest::qWaitFor([w] { return w->pendingLines() == 0; }, 10000);
}

// True when the window shows a line of `replica` (its prefix) containing `text`.
bool shows(LogWindow *w, const QString &replica, const QString &text)
{
    const ui::LogStore *s = w->store();
    for (qint64 i = s->firstSeq(); i < s->endSeq(); ++i)
        if (w->view()->lineText(i).contains(replica + QStringLiteral(" | ")) && QString::fromUtf8(s->text(i)).contains(text))
            return true;
    return false;
}

// pgrep patterns of the processes following `app`: the events stream, and `docker logs -f` of its containers.
QString eventsOf(const Application &app)
{
    return QStringLiteral("docker events .*") + app.uuid;
}
QString logsOfContainers(const Application &app)
{
    const QStringList ids = test::DockerFixture::dockerLines({QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--no-trunc"),
                                                              QStringLiteral("--filter"), QStringLiteral("label=fleetdeck.app=") + app.uuid});
    return QStringLiteral("docker logs .*(%1)").arg(ids.join(QLatin1Char('|')));
}

// An application whose replicas log continuously: a health probe every second makes httpd log a line.
Application chattyApp(const QString &name, qint64 serverId)
{
    Application a = test::DockerFixture::app(name, serverId);
    a.health.path = QStringLiteral("/health");
    a.health.port = 80;
    a.health.intervalSeconds = 1;
    a.health.startPeriodSeconds = 0;
    return a;
}

} // namespace

class TestLogWindow : public QObject
{
    Q_OBJECT
    test::OperationsHarness h;
    bool m_engine = false;
    QString m_why;

    // The engine, sshd and store, started once for the tests that need them.
    bool engine()
    {
        if (!m_engine && m_why.isEmpty())
            m_engine = h.start(&m_why);
        return m_engine;
    }

    // Deploys `a` and opens a log window on it; null (with a warning) when the deployment failed.
    QPointer<LogWindow> deployAndOpen(const Application &a)
    {
        DeployOptions d;
        d.timeoutSeconds = 120;
        auto deployed = h.ops->deploy(a.id, d);
        if (!deployed.ok() || deployed->status != DeploymentStatus::Finished) {
            qWarning("deployment failed: %s", qPrintable(deployed.ok() ? deployed->error : deployed.error().toString()));
            return nullptr;
        }
        std::shared_ptr<OperationsService> ops(h.ops.get(), [](OperationsService *) {});
        auto *w = new LogWindow(ops, a.id, a.name);
        w->show();
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateEnvironment();
    }

    void scrollingUpKeepsThePositionWhileLinesArrive()
    {
        auto *w = new LogWindow(nullptr, 0, QStringLiteral("shop"));
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->ingest(lines(0, 5000));
        QVERIFY(drained(w));
        LogView *v = w->view();
        QVERIFY(v->follow());
        QVERIFY(v->atBottom());
        // The user scrolls up: follow turns off (the toolbar says so) and the view stays put.
        v->verticalScrollBar()->setValue(100);
        QVERIFY(!v->follow());
        QVERIFY(!w->findChild<QAction *>(QStringLiteral("followAction"))->isChecked());
        const qint64 top = v->topSeq();
        QCOMPARE(top, qint64(100));
        for (int i = 1; i <= 5; ++i) {
            w->ingest(lines(5000 * i, 5000));
            QVERIFY(drained(w));
            QCOMPARE(v->topSeq(), top);
        }
        QCOMPARE(w->store()->size(), qint64(30000));
        // Follow on again: at the bottom, and it stays there as lines arrive.
        w->findChild<QAction *>(QStringLiteral("followAction"))->trigger();
        QVERIFY(v->atBottom());
        w->ingest(lines(30000, 100));
        QVERIFY(drained(w));
        QVERIFY(v->atBottom());
        QCOMPARE(v->topSeq() + v->verticalScrollBar()->pageStep(), qint64(30100));
        w->close();
    }

    void boundedWithDroppedCounterAndKeepsPlaceWhenOldLinesGo()
    {
        auto *w = new LogWindow(nullptr, 0, QStringLiteral("shop"), nullptr, 10000);
        w->show();
        w->ingest(lines(0, 8000));
        QVERIFY(drained(w));
        w->view()->verticalScrollBar()->setValue(5000);
        const qint64 top = w->view()->topSeq();
        QCOMPARE(top, qint64(5000));
        w->ingest(lines(8000, 4000));   // 2000 oldest dropped, the line shown at the top is still kept
        QVERIFY(drained(w));
        QCOMPARE(w->store()->size(), qint64(10000));
        QCOMPARE(w->droppedLines(), qint64(2000));
        QCOMPARE(w->view()->topSeq(), top);
        QVERIFY(w->findChild<QLabel *>(QStringLiteral("countLabel")) != nullptr);
        w->close();
    }

    void searchCountsHitsAndFilterKeepsOnlyMatches()
    {
        auto *w = new LogWindow(nullptr, 0, QStringLiteral("shop"));
        w->show();
        w->ingest(lines(0, 20000, QStringLiteral("web.1")));
        w->ingest(lines(20000, 20000, QStringLiteral("web.2")));
        QVERIFY(drained(w));
        LogView *v = w->view();
        QSignalSpy searched(v, &LogView::searchUpdated);
        auto *search = w->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        search->setText(QStringLiteral("CHECKOUT"));   // case-insensitive
        QTRY_VERIFY(v->searchComplete() && v->hitCount() == 4000);
        v->nextHit();
        QCOMPARE(v->currentHit() >= 0, true);
        const int first = v->currentHit();
        v->nextHit();
        QCOMPARE(v->currentHit(), (first + 1) % 4000);
        v->previousHit();
        QCOMPARE(v->currentHit(), first);
        QVERIFY(!v->follow());   // jumping to a hit does not get yanked back down
        QVERIFY(screenshot(w, QStringLiteral("logs-search")));
        auto *filter = w->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        filter->setText(QStringLiteral("/items/1234 "));
        QTRY_VERIFY(v->filterComplete() && v->visibleRowCount() == 1);
        QVERIFY(v->allText().contains(QStringLiteral("GET /api/items/1234 200")));
        QVERIFY(screenshot(w, QStringLiteral("logs-filter")));
        filter->clear();
        QTRY_COMPARE(v->visibleRowCount(), 40000);
        w->close();
    }

    void streamsEveryReplicaReconnectsAndClosingEndsTheRemoteFollower()
    {
        FLEETDECK_REQUIRE_COMPONENT(engine(), m_why);
        Application a = test::DockerFixture::app(QStringLiteral("fdtest-gui-logs"), h.sshDocker.id);
        a.replicas = 2;
        a = h.add(a);
        QPointer<LogWindow> guard = deployAndOpen(a);
        QVERIFY(guard);
        LogWindow *w = guard;
        auto seen = [w](const QString &replica, const QString &text) { return shows(w, replica, text); };
        QTRY_VERIFY_WITH_TIMEOUT(seen(QStringLiteral("fdtest-gui-logs.1"), QStringLiteral("started on"))
                                     && seen(QStringLiteral("fdtest-gui-logs.2"), QStringLiteral("started on")),
                                 30000);
        QTRY_VERIFY_WITH_TIMEOUT(w->stateText().contains(QStringLiteral("Streaming 2")), 10000);
        // A request makes replica 2's httpd log a line while we follow.
        ExecRequest r;
        r.argv = {QStringLiteral("wget"), QStringLiteral("-q"), QStringLiteral("-O"), QStringLiteral("/dev/null"),
                  QStringLiteral("http://127.0.0.1/index.html")};
        r.replica = QStringLiteral("2");
        QVERIFY(h.ops->exec(a.id, r).ok());
        QTRY_VERIFY_WITH_TIMEOUT(seen(QStringLiteral("fdtest-gui-logs.2"), QStringLiteral("response:200")), 15000);
        w->findChild<QAction *>(QStringLiteral("timestampsAction"))->setChecked(true);
        QVERIFY(screenshot(w, QStringLiteral("logs-window")));

        // The connection drops: the followers on the server die. The window says so, then follows again.
        const QString logs = logsOfContainers(a);
        const QString pattern = logs + QStringLiteral("|") + eventsOf(a);
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(logs), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(eventsOf(a)), 1, 10000);
        QSignalSpy states(w, &LogWindow::stateChanged);
        QProcess pgrep;
        pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), pattern});
        QVERIFY(pgrep.waitForFinished(5000));
        const QStringList pids = QString::fromLatin1(pgrep.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(pids.size(), 3);
        QProcess::execute(QStringLiteral("kill"), pids);   // the followers this window started
        QTRY_VERIFY_WITH_TIMEOUT(w->stateText().contains(QStringLiteral("reconnecting")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(w->stateText().contains(QStringLiteral("Reconnected")), 30000);
        QVERIFY(w->isStreaming());

        // Closing the window ends every remote follower.
        w->close();
        QTRY_VERIFY(guard.isNull());
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(pattern), 0, 15000);
    }

    void followsReplicasAddedByScalingUpWithoutReconnecting()
    {
        FLEETDECK_REQUIRE_COMPONENT(engine(), m_why);
        Application a = h.add(chattyApp(QStringLiteral("fdtest-gui-scale"), h.sshDocker.id));
        QPointer<LogWindow> guard = deployAndOpen(a);
        QVERIFY(guard);
        LogWindow *w = guard;
        const QString first = a.name + QStringLiteral(".1");
        QTRY_VERIFY_WITH_TIMEOUT(shows(w, first, QStringLiteral("response:200")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(w->stateText().contains(QStringLiteral("Streaming 1")), 10000);
        QSignalSpy states(w, &LogWindow::stateChanged);

        // Scaled to 3 (off the GUI thread, as the console does): the new replicas appear in the window.
        QFuture<Result<AppStatus>> scaled = h.ops->scaleAsync(a.id, 3);
        QTRY_VERIFY_WITH_TIMEOUT(scaled.isFinished(), 120000);
        QVERIFY2(scaled.result().ok(), qPrintable(scaled.result().ok() ? QString() : scaled.result().error().toString()));
        for (int slot : {2, 3}) {
            const QString replica = a.name + QLatin1Char('.') + QString::number(slot);
            QTRY_VERIFY_WITH_TIMEOUT(shows(w, replica, QStringLiteral("started on")), 60000);
            QTRY_VERIFY_WITH_TIMEOUT(shows(w, replica, QStringLiteral("response:200")), 30000);
        }
        QVERIFY(screenshot(w, QStringLiteral("logs-scaled")));
        // ...on the stream that was open all along: the window never went to Reconnecting.
        for (const QList<QVariant> &change : std::as_const(states))
            QVERIFY2(change.at(0).toInt() != ui::LogFeed::Reconnecting, qPrintable(change.at(1).toString()));
        QVERIFY(w->isStreaming());
        QVERIFY(!w->stateText().contains(QStringLiteral("econnect")));

        const QString pattern = logsOfContainers(a) + QStringLiteral("|") + eventsOf(a);
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(pattern), 4, 10000);
        w->close();
        QTRY_VERIFY(guard.isNull());
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(pattern), 0, 15000);
    }

    void cleanupTestCase()
    {
        if (h.ops)
            test::DockerFixture::cleanup();
    }
};

QTEST_MAIN(TestLogWindow)
#include "tst_log_window.moc"
