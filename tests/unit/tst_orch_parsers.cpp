// Parsers of Docker and Swarm output, on output recorded from a real engine (tests/data/docker/)
// plus empty, error, malformed and truncated rows.
#include "orchestrators/docker/DockerParsers.h"
#include "orchestrators/swarm/SwarmParsers.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace fleetdeck;

namespace {

QByteArray recorded(const QString &name)
{
    QString dir = qEnvironmentVariable("FLEETDECK_SOURCE_DIR");
    if (dir.isEmpty())
        dir = QFileInfo(QStringLiteral(__FILE__)).absolutePath() + QStringLiteral("/../..");
    QFile f(dir + QStringLiteral("/tests/data/docker/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing recording %s", qPrintable(f.fileName()));
    return f.readAll();
}

} // namespace

class TestOrchParsers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonLines_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("ok");
        QTest::newRow("empty") << QByteArray() << 0 << true;
        QTest::newRow("blank lines") << QByteArray("\n\n  \n") << 0 << true;
        QTest::newRow("two objects") << QByteArray("{\"a\":1}\n{\"a\":2}\n") << 2 << true;
        QTest::newRow("no final newline") << QByteArray("{\"a\":1}\n{\"a\":2}") << 2 << true;
        QTest::newRow("truncated") << QByteArray("{\"a\":1}\n{\"a\":") << 0 << false;
        QTest::newRow("array is not an object") << QByteArray("[{\"a\":1}]") << 0 << false;
        QTest::newRow("error text") << QByteArray("Error response from daemon: boom") << 0 << false;
    }
    void jsonLines()
    {
        QFETCH(QByteArray, output);
        QFETCH(int, count);
        QFETCH(bool, ok);
        auto r = docker::parseJsonLines(output, QStringLiteral("test"));
        QCOMPARE(r.ok(), ok);
        if (ok)
            QCOMPARE(r->size(), count);
        else
            QCOMPARE(r.error().kind, ErrorKind::ParseFailed);
    }

    void sizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<bool>("ok");
        QTest::newRow("bytes") << QStringLiteral("836B") << qint64(836) << true;
        QTest::newRow("KiB") << QStringLiteral("528KiB") << qint64(528 * 1024) << true;
        QTest::newRow("GiB fraction") << QStringLiteral("23.54GiB") << qint64(23.54 * 1024 * 1024 * 1024 + 0.5) << true;
        QTest::newRow("kB decimal") << QStringLiteral("1.2kB") << qint64(1200) << true;
        QTest::newRow("MB decimal") << QStringLiteral("3MB") << qint64(3000000) << true;
        QTest::newRow("no data") << QStringLiteral("--") << qint64(0) << true;
        QTest::newRow("zero") << QStringLiteral("0B") << qint64(0) << true;
        QTest::newRow("garbage") << QStringLiteral("lots") << qint64(0) << false;
    }
    void sizes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        QFETCH(bool, ok);
        const auto v = docker::parseSize(text);
        QCOMPARE(v.has_value(), ok);
        if (ok)
            QCOMPARE(*v, bytes);
    }

    void currentState_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("since");
        QTest::newRow("running") << QStringLiteral("Running 8 seconds ago") << QStringLiteral("running") << QStringLiteral("8 seconds ago");
        QTest::newRow("about a minute") << QStringLiteral("Running about a minute ago") << QStringLiteral("running")
                                        << QStringLiteral("about a minute ago");
        QTest::newRow("pending") << QStringLiteral("Pending 12 seconds ago") << QStringLiteral("pending") << QStringLiteral("12 seconds ago");
        QTest::newRow("one word") << QStringLiteral("Assigned") << QStringLiteral("assigned") << QString();
        QTest::newRow("empty") << QString() << QString() << QString();
    }
    void currentState()
    {
        QFETCH(QString, text);
        QFETCH(QString, state);
        QFETCH(QString, since);
        const auto s = docker::parseCurrentState(text);
        QCOMPARE(s.state, state);
        QCOMPARE(s.since, since);
    }

    void statusText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("health");
        QTest::addColumn<int>("exitCode");   // -1000: none
        QTest::newRow("healthy") << QStringLiteral("Up 4 seconds (healthy)") << QStringLiteral("healthy") << -1000;
        QTest::newRow("starting") << QStringLiteral("Up 3 seconds (health: starting)") << QStringLiteral("starting") << -1000;
        QTest::newRow("unhealthy") << QStringLiteral("Up 4 seconds (unhealthy)") << QStringLiteral("unhealthy") << -1000;
        QTest::newRow("plain up") << QStringLiteral("Up 3 seconds") << QString() << -1000;
        QTest::newRow("exited") << QStringLiteral("Exited (3) 3 seconds ago") << QString() << 3;
        QTest::newRow("killed") << QStringLiteral("Exited (137) 4 seconds ago") << QString() << 137;
        QTest::newRow("restarting") << QStringLiteral("Restarting (1) Less than a second ago") << QString() << 1;
        QTest::newRow("created") << QStringLiteral("Created") << QString() << -1000;
    }
    void statusText()
    {
        QFETCH(QString, text);
        QFETCH(QString, health);
        QFETCH(int, exitCode);
        const auto s = docker::parseStatusText(text);
        QCOMPARE(s.health, health);
        QCOMPARE(s.exitCode.value_or(-1000), exitCode);
    }

    void labelList()
    {
        const auto l = docker::parseLabelList(QStringLiteral(
            "fleetdeck.app=u1,fleetdeck.managed=true,traefik.http.routers.a.rule=Host(`a.example.com`, `b.example.com`),x=1"));
        QCOMPARE(l.value(QStringLiteral("fleetdeck.app")), QStringLiteral("u1"));
        QCOMPARE(l.value(QStringLiteral("traefik.http.routers.a.rule")), QStringLiteral("Host(`a.example.com`, `b.example.com`)"));
        QCOMPARE(l.value(QStringLiteral("x")), QStringLiteral("1"));
        QVERIFY(docker::parseLabelList(QString()).isEmpty());
    }

    void containerListRecorded()
    {
        auto rows = docker::parseContainerList(recorded(QStringLiteral("docker-ps-managed.jsonl")));
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
        QCOMPARE(rows->size(), 6);
        QHash<QString, docker::ContainerRow> byName;
        for (const auto &r : *rows)
            byName.insert(r.name, r);
        QCOMPARE(byName.value(QStringLiteral("fdtest-rec.1")).health, QStringLiteral("healthy"));
        QCOMPARE(byName.value(QStringLiteral("fdtest-rec.1")).labels.value(QStringLiteral("traefik.http.routers.fd-web.rule")),
                 QStringLiteral("Host(`a.example.com`) || Host(`b.example.com`)"));
        QCOMPARE(byName.value(QStringLiteral("fdtest-rec.2")).health, QStringLiteral("starting"));
        QCOMPARE(byName.value(QStringLiteral("fdtest-rec.3")).state, QStringLiteral("created"));
        QCOMPARE(byName.value(QStringLiteral("fdtest-rec.4")).exitCode.value_or(-1), 3);
        QCOMPARE(byName.value(QStringLiteral("fdtest-rec.5")).state, QStringLiteral("restarting"));
        QCOMPARE(byName.value(QStringLiteral("fdtest-rec.4")).labels.value(QStringLiteral("fleetdeck.deployment")), QStringLiteral("7"));
        QCOMPARE(byName.value(QStringLiteral("fdtest-other")).image, QStringLiteral("fleetdeck-test/busybox:2"));
    }

    void containerListTruncated()
    {
        QByteArray out = recorded(QStringLiteral("docker-ps-managed.jsonl"));
        out.chop(40);
        QVERIFY(!docker::parseContainerList(out).ok());
    }

    void containerStateRecorded()
    {
        auto s = docker::parseContainerState(recorded(QStringLiteral("container-state-unhealthy.json")));
        QVERIFY(s.ok());
        QVERIFY(s->running);
        QCOMPARE(s->health, QStringLiteral("unhealthy"));
        QCOMPARE(s->failingStreak, 3);
        QCOMPARE(s->lastHealthOutput, QStringLiteral("wget: server returned error: HTTP/1.1 404 Not Found"));
        QVERIFY(!docker::parseContainerState("").ok());
        QVERIFY(!docker::parseContainerState("{}").ok());
        auto plain = docker::parseContainerState(
            R"({"Status":"exited","Running":false,"Restarting":false,"OOMKilled":true,"ExitCode":137,"Error":""})");
        QVERIFY(plain.ok());
        QVERIFY(plain->oomKilled);
        QCOMPARE(plain->health, QString());
    }

    void statsRecorded()
    {
        auto u = docker::parseStats(recorded(QStringLiteral("docker-stats.jsonl")));
        QVERIFY(u.ok());
        QCOMPARE(u->size(), 3);
        QCOMPARE(u->at(0).replica, QStringLiteral("fdtest-rec.1"));
        QCOMPARE(u->at(0).memoryBytes, qint64(616 * 1024));
        QCOMPARE(u->at(0).networkRxBytes, qint64(736));
        QCOMPARE(u->at(0).pids, 1);
        QVERIFY(u->at(0).memoryLimitBytes > qint64(20) * 1024 * 1024 * 1024);
        QVERIFY(!docker::parseStats(R"({"Name":"x","CPUPerc":"abc","MemPerc":"1%","MemUsage":"1B / 2B","NetIO":"0B / 0B"})").ok());
        QVERIFY(docker::parseStats("").ok());
    }

    void containerLogLine()
    {
        const LogLine l = docker::parseContainerLogLine("2026-11-26T20:10:00.875292279Z fleetdeck-test v2 started on a0011089b2f4", true,
                                                        QStringLiteral("web.1"), StreamChannel::Stdout);
        QCOMPARE(l.timestamp, QStringLiteral("2026-11-26T20:10:00.875292279Z"));
        QCOMPARE(l.text, QStringLiteral("fleetdeck-test v2 started on a0011089b2f4"));
        QCOMPARE(l.replica, QStringLiteral("web.1"));
        const LogLine plain = docker::parseContainerLogLine("no timestamp here\r", true, QStringLiteral("web.1"), StreamChannel::Stderr);
        QCOMPARE(plain.timestamp, QString());
        QCOMPARE(plain.text, QStringLiteral("no timestamp here"));
    }

    void containerEventsRecorded()
    {
        // `docker events` of the follower (type=container, event=start, the app's label) while replica 1
        // started, replica 2 started, replica 1 restarted (same ID) and was replaced (new ID, same name).
        const QByteArray out = recorded(QStringLiteral("docker-events-start.jsonl"));
        QList<docker::ContainerEvent> events;
        for (const QByteArray &l : out.split('\n')) {
            if (l.isEmpty())
                continue;
            auto e = docker::parseContainerEvent(l);
            QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().toString()));
            events << *e;
        }
        QCOMPARE(events.size(), 4);
        for (const docker::ContainerEvent &e : events) {
            QCOMPARE(e.action, QStringLiteral("start"));
            QCOMPARE(e.id.size(), 64);
        }
        QCOMPARE(events.at(0).name, QStringLiteral("fdhand-rec.1"));
        QCOMPARE(events.at(1).name, QStringLiteral("fdhand-rec.2"));
        QCOMPARE(events.at(2).id, events.at(0).id);   // restarted: the same container
        QCOMPARE(events.at(3).name, QStringLiteral("fdhand-rec.1"));
        QVERIFY(events.at(3).id != events.at(0).id);  // replaced: a new container of the same name
        QCOMPARE(events.at(3).image, QStringLiteral("fleetdeck-test/busybox:2"));
        // Nanoseconds kept exactly (a double would round them), in the form `docker logs --since` takes.
        QCOMPARE(events.at(0).timeNano, Q_INT64_C(1795735360703473695));
        QCOMPARE(events.at(0).sinceArgument(), QStringLiteral("1795735360.703473695"));
    }

    void containerEvent_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("action");
        QTest::addColumn<qint64>("timeNano");
        // Newer engines print only Type/Action/Actor (no "status", "id", "from").
        QTest::newRow("without the old fields")
            << QByteArray(R"({"Type":"container","Action":"die","Actor":{"ID":"abc","Attributes":{"name":"web.1","exitCode":"0"}},"scope":"local","time":1795735360,"timeNano":1795735360000000123})")
            << true << QStringLiteral("die") << Q_INT64_C(1795735360000000123);
        QTest::newRow("seconds only")
            << QByteArray(R"({"status":"start","id":"abc","Type":"container","Action":"start","Actor":{"ID":"abc","Attributes":{"name":"web.1"}},"time":1795735360})")
            << true << QStringLiteral("start") << Q_INT64_C(1795735360000000000);
        QTest::newRow("empty") << QByteArray() << false << QString() << qint64(0);
        QTest::newRow("error text") << QByteArray("Error response from daemon: invalid filter 'evnt'") << false << QString() << qint64(0);
        QTest::newRow("truncated") << QByteArray("{\"status\":\"start\",\"id\":\"abc\",\"Type\":\"container\",\"Act") << false << QString() << qint64(0);
        QTest::newRow("not a container")
            << QByteArray(R"({"Type":"network","Action":"connect","Actor":{"ID":"n1","Attributes":{"name":"bridge"}},"time":1795735360})")
            << false << QString() << qint64(0);
        QTest::newRow("no name")
            << QByteArray(R"({"Type":"container","Action":"start","Actor":{"ID":"abc","Attributes":{}},"time":1795735360})")
            << false << QString() << qint64(0);
    }
    void containerEvent()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, ok);
        QFETCH(QString, action);
        QFETCH(qint64, timeNano);
        auto e = docker::parseContainerEvent(line);
        QCOMPARE(e.ok(), ok);
        if (!ok) {
            QCOMPARE(e.error().kind, ErrorKind::ParseFailed);
            return;
        }
        QCOMPARE(e->action, action);
        QCOMPARE(e->id, QStringLiteral("abc"));
        QCOMPARE(e->name, QStringLiteral("web.1"));
        QCOMPARE(e->timeNano, timeNano);
    }

    void swarmInfo()
    {
        auto m = docker::parseSwarmInfo(recorded(QStringLiteral("docker-info-swarm-manager.json")));
        QVERIFY(m.ok());
        QCOMPARE(m->localNodeState, QStringLiteral("active"));
        QVERIFY(m->controlAvailable);
        QCOMPARE(m->managers, 1);
        auto i = docker::parseSwarmInfo(recorded(QStringLiteral("docker-info-swarm-inactive.json")));
        QVERIFY(i.ok());
        QCOMPARE(i->localNodeState, QStringLiteral("inactive"));
        QVERIFY(!i->controlAvailable);
        QVERIFY(!docker::parseSwarmInfo("null").ok());
    }

    void engineErrors_data()
    {
        QTest::addColumn<QByteArray>("stderrText");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("engine down") << QByteArray("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?")
                                     << 1 << int(ErrorKind::RemoteFailed) << QStringLiteral("not answering");
        QTest::newRow("no docker") << QByteArray("sh: 1: docker: not found") << 127 << int(ErrorKind::NotSupported)
                                   << QStringLiteral("not installed");
        QTest::newRow("not manager") << recorded(QStringLiteral("swarm-not-manager.stderr.txt")) << 1
                                     << int(ErrorKind::NotSupported) << QStringLiteral("not a Docker Swarm manager");
        QTest::newRow("no such container") << QByteArray("Error response from daemon: No such container: x") << 1
                                           << int(ErrorKind::NotFound) << QStringLiteral("No such container");
        QTest::newRow("other") << QByteArray("Error response from daemon: conflict") << 1 << int(ErrorKind::RemoteFailed)
                               << QStringLiteral("failed (exit 1)");
        QTest::newRow("build") << QByteArray("DEPRECATED: The legacy builder is deprecated\n            Install the buildx component\n"
                                             "            https://docs.docker.com/go/buildx/\n\nThe command '/bin/sh -c exit 3' "
                                             "returned a non-zero code: 3")
                               << 3 << int(ErrorKind::RemoteFailed) << QStringLiteral("(exit 3): The command '/bin/sh -c exit 3'");
    }
    void engineErrors()
    {
        QFETCH(QByteArray, stderrText);
        QFETCH(int, exitCode);
        QFETCH(int, kind);
        QFETCH(QString, says);
        CommandResult r;
        r.exitCode = exitCode;
        r.stderrData = stderrText;
        const Error e = docker::engineError(r, QStringLiteral("do it"), QStringLiteral("web-1"));
        QCOMPARE(int(e.kind), kind);
        QVERIFY2(e.message.contains(says), qPrintable(e.message));
        QCOMPARE(e.detail, QString::fromUtf8(stderrText).trimmed());
    }

    // --- Swarm ---

    void servicePsRecorded()
    {
        auto tasks = swarm::parseServicePs(recorded(QStringLiteral("swarm-service-ps-mixed.jsonl")));
        QVERIFY(tasks.ok());
        QCOMPARE(tasks->size(), 6);
        const auto &pending = tasks->at(0);
        QCOMPARE(pending.service, QStringLiteral("fdtest-rec-constraint"));
        QCOMPARE(pending.slot, 1);
        QCOMPARE(pending.state, QStringLiteral("pending"));
        QCOMPARE(pending.error, QStringLiteral("no suitable node (scheduling constraints not satisfied on 1 node)"));
        int running = 0;
        for (const auto &t : *tasks)
            if (t.state == QLatin1String("running") && t.desiredState == QLatin1String("running"))
                ++running;
        QCOMPARE(running, 2); // the seed's parser counted 0 here: one object per line, "Running 8 seconds ago"
    }

    void serviceInspectRecorded()
    {
        auto specs = swarm::parseServiceInspect(recorded(QStringLiteral("swarm-service-inspect.jsonl")));
        QVERIFY(specs.ok());
        QCOMPARE(specs->size(), 2);
        QCOMPARE(specs->at(0).name, QStringLiteral("fdtest-rec"));
        QCOMPARE(specs->at(0).replicas, 2);
        QCOMPARE(specs->at(0).labels.value(QStringLiteral("fleetdeck.app")), QStringLiteral("u1"));
        QCOMPARE(specs->at(0).containerLabels.value(QStringLiteral("fleetdeck.app")), QStringLiteral("u1"));
        QCOMPARE(specs->at(1).constraints, QStringList{QStringLiteral("node.labels.disk == ssd")});
        QVERIFY(specs->at(0).update.state.isEmpty());
        auto rolled = swarm::parseServiceInspect(recorded(QStringLiteral("swarm-service-inspect-rolledback.json")));
        QVERIFY(rolled.ok());
        QCOMPARE(rolled->first().update.state, QStringLiteral("rollback_completed"));
        QCOMPARE(rolled->first().image, QStringLiteral("fleetdeck-test/busybox:1"));
        // The array form (plain `docker service inspect`) is read too.
        QVERIFY(swarm::parseServiceInspect("[" + recorded(QStringLiteral("swarm-service-inspect-rolledback.json")).trimmed() + "]").ok());
        QVERIFY(!swarm::parseServiceInspect("{\"ID\":\"x\"}").ok());
    }

    void snapshotRecorded()
    {
        auto snap = swarm::parseSnapshot(recorded(QStringLiteral("swarm-snapshot.txt")));
        QVERIFY2(snap.ok(), qPrintable(snap.ok() ? QString() : snap.error().toString()));
        QVERIFY(!snap->services.isEmpty());
        QVERIFY(!snap->tasks.isEmpty());
        QVERIFY(swarm::parseSnapshot("@@services\n@@tasks\n").ok());
        QVERIFY(!swarm::parseSnapshot("@@services\n").ok());
        QVERIFY(!swarm::parseSnapshot("").ok());
    }

    void serviceLogLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("timestamps");
        QTest::addColumn<QString>("replica");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("timestamp");
        QTest::newRow("plain") << QByteArray("fdtest-logs.2.bn0pmypmznv5@vm    | fleetdeck-test v1 started on f539114f15a7") << false
                               << QStringLiteral("fdtest-logs.2") << QStringLiteral("fleetdeck-test v1 started on f539114f15a7") << QString();
        QTest::newRow("timestamps") << QByteArray("2026-11-26T20:10:04.760346530Z fdtest-logs.1.fc3lfzllwqkd1naz2syy9qdhl@vm    | a | b")
                                    << true << QStringLiteral("fdtest-logs.1") << QStringLiteral("a | b")
                                    << QStringLiteral("2026-11-26T20:10:04.760346530Z");
        QTest::newRow("not a log line") << QByteArray("error from daemon in stream: boom") << false << QString()
                                        << QStringLiteral("error from daemon in stream: boom") << QString();
    }
    void serviceLogLine()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, timestamps);
        QFETCH(QString, replica);
        QFETCH(QString, text);
        QFETCH(QString, timestamp);
        const LogLine l = swarm::parseServiceLogLine(line, timestamps, StreamChannel::Stdout);
        QCOMPARE(l.replica, replica);
        QCOMPARE(l.text, text);
        QCOMPARE(l.timestamp, timestamp);
    }

    void serviceLogsRecorded()
    {
        const QByteArray out = recorded(QStringLiteral("swarm-service-logs-timestamps.txt"));
        QSet<QString> replicas;
        for (const QByteArray &l : out.split('\n'))
            if (!l.isEmpty())
                replicas.insert(swarm::parseServiceLogLine(l, true, StreamChannel::Stdout).replica);
        QCOMPARE(replicas, (QSet<QString>{QStringLiteral("fdtest-logs.1"), QStringLiteral("fdtest-logs.2")}));
    }
};

QTEST_GUILESS_MAIN(TestOrchParsers)
#include "tst_orch_parsers.moc"
