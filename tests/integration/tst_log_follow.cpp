// Integration: one followed log (OperationsService::followLogs over the real sshd) keeps up with the
// replicas that appear after it began, on a real engine: standalone Docker scaled 1 -> 3 and then
// restarted (new containers of the same names), Swarm scaled 1 -> 3 and then restarted. The stream
// never ends on the way; cancelling it leaves no follower process on the server.
#include "DockerFixture.h"
#include "FollowedLog.h"
#include "RealComponent.h"
#include "SshdFixture.h"
#include "orchestrators/LogStream.h"
#include "services/Operations.h"

#include <QHash>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::DockerFixture;
using fleetdeck::test::FollowedLog;

namespace {

// An application whose replicas log continuously: a health probe every second makes httpd log a line.
Application chattyApp(const QString &name, qint64 serverId)
{
    Application a = DockerFixture::app(name, serverId);
    a.health.path = QStringLiteral("/health");
    a.health.port = 80;
    a.health.intervalSeconds = 1;
    a.health.startPeriodSeconds = 0;
    return a;
}

QString replica(const Application &app, int slot)
{
    return app.name + QLatin1Char('.') + QString::number(slot);
}

// name -> full ID of the application's containers, as the engine lists them.
QHash<QString, QString> containerIds(const Application &app)
{
    QHash<QString, QString> out;
    for (const QString &line : DockerFixture::dockerLines({QStringLiteral("ps"), QStringLiteral("--no-trunc"), QStringLiteral("--filter"),
                                                           QStringLiteral("label=fleetdeck.app=") + app.uuid, QStringLiteral("--format"),
                                                           QStringLiteral("{{.Names}} {{.ID}}")})) {
        const QStringList f = line.split(QLatin1Char(' '));
        if (f.size() == 2)
            out.insert(f.at(0), f.at(1));
    }
    return out;
}

// pgrep pattern of the `docker logs -f` processes following any of `ids`.
QString logsOf(const QSet<QString> &ids)
{
    return QStringLiteral("docker logs .*(%1)").arg(QStringList(ids.begin(), ids.end()).join(QLatin1Char('|')));
}

} // namespace

class TestLogFollow : public QObject
{
    Q_OBJECT
    fleetdeck::test::OperationsHarness h;
    QString m_missing;

    void deploy(const Application &a)
    {
        DeployOptions o;
        o.timeoutSeconds = 120;
        auto d = h.ops->deploy(a.id, o);
        QVERIFY2(d.ok() && d->status == DeploymentStatus::Finished, qPrintable(d.ok() ? d->error : d.error().toString()));
    }

    std::unique_ptr<FollowedLog> follow(const Application &a)
    {
        LogOptions o;
        o.tail = 5;
        o.timestamps = true;
        auto f = std::make_unique<FollowedLog>(h.ops->followLogs(a.id, o));
        if (QString why; !f->waitStarted(&why)) {
            qWarning("%s", qPrintable(why));
            return nullptr;
        }
        return f;
    }

    // Scales `a` from 1 to 3 through OperationsService: lines of replicas 2 and 3 arrive on `f` (their
    // first line, then the continuous ones) while it never finishes.
    void scaleToThreeAndSeeTheNewReplicas(const Application &a, FollowedLog &f)
    {
        auto scaled = h.ops->scale(a.id, 3);
        QVERIFY2(scaled.ok(), qPrintable(scaled.ok() ? QString() : scaled.error().toString()));
        for (int slot : {2, 3}) {
            QTRY_VERIFY_WITH_TIMEOUT(f.seen(replica(a, slot), QStringLiteral("fleetdeck-test v1 started on")), 60000);
            QTRY_VERIFY_WITH_TIMEOUT(f.seen(replica(a, slot), QStringLiteral("response:200")), 30000);
        }
        QCOMPARE(f.finished.size(), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const bool ok = h.start(&m_missing);
        FLEETDECK_REQUIRE_COMPONENT(ok, m_missing);
    }
    void init()
    {
        FLEETDECK_REQUIRE_COMPONENT(h.ops != nullptr, m_missing);
        DockerFixture::cleanup();
    }
    void cleanupTestCase()
    {
        if (h.ops)
            DockerFixture::cleanup();
    }

    void standaloneFollowsScaleUpAndRestart()
    {
        Application a = h.add(chattyApp(QStringLiteral("fdtest-lf-sa"), h.sshDocker.id));
        deploy(a);
        auto f = follow(a);
        QVERIFY(f);
        QCOMPARE(f->stream()->replicaCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(f->seen(replica(a, 1), QStringLiteral("response:200")), 30000);
        const QString events = QStringLiteral("docker events .*") + a.uuid;
        QCOMPARE(test::SshdFixture::pgrepCount(events), 1);

        // Scale up: the new replicas' lines arrive on the same stream, from their first line on.
        scaleToThreeAndSeeTheNewReplicas(a, *f);
        if (QTest::currentTestFailed())
            return;
        const QHash<QString, QString> before = containerIds(a);
        QCOMPARE(before.size(), 3);

        // Restart: every container is replaced by a new one of the same name; each new one is followed
        // (its "started on <its short ID>" line arrives, exactly once) and the stream goes on.
        auto restarted = h.ops->restart(a.id);
        QVERIFY2(restarted.ok(), qPrintable(restarted.ok() ? QString() : restarted.error().toString()));
        const QHash<QString, QString> after = containerIds(a);
        QCOMPARE(after.size(), 3);
        for (int slot = 1; slot <= 3; ++slot) {
            const QString name = replica(a, slot);
            QVERIFY(after.value(name) != before.value(name));
            const QString host = after.value(name).left(12);
            QTRY_VERIFY_WITH_TIMEOUT(f->starts().value(name).contains(host), 60000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(f->seen(replica(a, 3), QStringLiteral("response:200")) && f->lines.size() > 0, 10000);
        const qsizetype seenSoFar = f->lines.size();
        QTRY_VERIFY_WITH_TIMEOUT(f->lines.size() > seenSoFar + 3, 30000);   // still streaming
        for (int slot = 1; slot <= 3; ++slot) {
            const QString name = replica(a, slot);
            QCOMPARE(f->starts().value(name).count(after.value(name).left(12)), 1);
        }
        QCOMPARE(f->finished.size(), 0);

        // The old containers' streams ended with them; the new ones and the events stream run. Cancel ends all.
        QSet<QString> ids;
        for (const QString &id : before)
            ids.insert(id);
        for (const QString &id : after)
            ids.insert(id);
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(logsOf(ids)), 3, 15000);
        f->stream()->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(f->finished.size(), 1, 15000);
        QCOMPARE(f->finished.first().at(1).value<Error>().kind, ErrorKind::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(logsOf(ids)), 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(events), 0, 15000);
    }

    void standaloneEventsStreamEndingEndsTheFollow()
    {
        Application a = h.add(chattyApp(QStringLiteral("fdtest-lf-ev"), h.sshDocker.id));
        deploy(a);
        auto f = follow(a);
        QVERIFY(f);
        QTRY_VERIFY_WITH_TIMEOUT(f->seen(replica(a, 1), QStringLiteral("response:200")), 30000);
        // A container stream that ends (its container removed by hand) does not end the follow...
        const QString id = containerIds(a).value(replica(a, 1));
        QVERIFY(!id.isEmpty());
        DockerFixture::docker({QStringLiteral("rm"), QStringLiteral("-f"), id});
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(logsOf({id})), 0, 15000);
        QCOMPARE(f->finished.size(), 0);
        // ...and a container started afterwards is followed: the engine is the only one that starts it.
        deploy(a);
        const QString fresh = containerIds(a).value(replica(a, 1));
        QTRY_VERIFY_WITH_TIMEOUT(f->starts().value(replica(a, 1)).contains(fresh.left(12)), 60000);
        QCOMPARE(f->finished.size(), 0);
        // The events stream ending does end it, as a failure the reader reconnects after.
        const QString events = QStringLiteral("docker events .*") + a.uuid;
        QCOMPARE(test::SshdFixture::pgrepCount(events), 1);
        QProcess::execute(QStringLiteral("pkill"), {QStringLiteral("-f"), events});
        QTRY_COMPARE_WITH_TIMEOUT(f->finished.size(), 1, 15000);
        QCOMPARE(f->finished.first().at(0).toBool(), false);
        QVERIFY(f->finished.first().at(1).value<Error>().kind != ErrorKind::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(logsOf({id, fresh})), 0, 15000);
    }

    void swarmFollowsScaleUpAndRestart()
    {
        Application a = chattyApp(QStringLiteral("fdtest-lf-sw"), h.sshSwarm.id);
        a.swarmReplicas = 1;
        a = h.add(a);
        deploy(a);
        auto f = follow(a);
        QVERIFY(f);
        QTRY_VERIFY_WITH_TIMEOUT(f->seen(replica(a, 1), QStringLiteral("response:200")), 30000);

        // `docker service logs -f` picks up the tasks a scale adds, from their first line on.
        scaleToThreeAndSeeTheNewReplicas(a, *f);
        if (QTest::currentTestFailed())
            return;

        // ...and the tasks that replace them on a restart (forced update): each slot starts a new container.
        const QHash<QString, QStringList> before = f->starts();
        auto restarted = h.ops->restart(a.id);
        QVERIFY2(restarted.ok(), qPrintable(restarted.ok() ? QString() : restarted.error().toString()));
        for (int slot = 1; slot <= 3; ++slot) {
            const QString name = replica(a, slot);
            QTRY_VERIFY_WITH_TIMEOUT(f->starts().value(name).size() > before.value(name).size(), 90000);
        }
        QCOMPARE(f->finished.size(), 0);

        const QString pattern = QStringLiteral("docker service logs .*fdtest-lf-sw");
        QCOMPARE(test::SshdFixture::pgrepCount(pattern), 1);
        f->stream()->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(f->finished.size(), 1, 15000);
        QCOMPARE(f->finished.first().at(1).value<Error>().kind, ErrorKind::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(pattern), 0, 15000);
    }
};

QTEST_GUILESS_MAIN(TestLogFollow)
#include "tst_log_follow.moc"
