// The REST API driving the real single-node swarm over the real sshd: a deploy returns its id at once
// and converges, a scale reaches the engine, status, logs, restart, rollback and stop answer from the
// engine, every mutation while a deploy runs is refused with 409, and a log follow over Server-Sent
// Events receives lines from every replica and ends the remote processes when the client leaves.
#include "../unit/tst_api_client.h"

#include "DockerFixture.h"
#include "RealComponent.h"

#include "api/ApiServer.h"
#include "api/ApiTokens.h"
#include "services/Operations.h"
#include "store/Repositories.h"

#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::ApiAnswer;
using fleetdeck::test::ApiClient;
using fleetdeck::test::DockerFixture;

namespace {

QString engineReplicas(const QString &name)
{
    const QStringList lines = DockerFixture::dockerLines({QStringLiteral("service"), QStringLiteral("ls"), QStringLiteral("--filter"),
                                                          QStringLiteral("name=") + name, QStringLiteral("--format"),
                                                          QStringLiteral("{{.Name}} {{.Replicas}}")});
    for (const QString &l : lines)
        if (l.section(u' ', 0, 0) == name)
            return l.section(u' ', 1, 1);
    return {};
}

QString serviceImage(const QString &name)
{
    return QString::fromUtf8(DockerFixture::docker({QStringLiteral("service"), QStringLiteral("inspect"), QStringLiteral("--format"),
                                                    QStringLiteral("{{.Spec.TaskTemplate.ContainerSpec.Image}}"), name}))
        .trimmed().section(u'@', 0, 0);
}

} // namespace

class TestApiSwarm : public QObject
{
    Q_OBJECT

    fleetdeck::test::OperationsHarness h;
    QString m_missing;
    std::unique_ptr<api::ApiServer> m_server;
    QString m_token;

    ApiClient client() const { return ApiClient(m_server->url(), m_token); }
    static QString app(const Application &a) { return QStringLiteral("/api/v1/applications/") + a.uuid; }

    // POST deploy, then poll the deployment until it ended; returns its final JSON.
    QJsonObject deployThroughApi(ApiClient &c, const Application &a)
    {
        const ApiAnswer queued = c.call("POST", app(a) + QStringLiteral("/deploy"));
        if (queued.status != 202) {
            qWarning("deploy: %s", queued.describe().constData());
            return {};
        }
        const qint64 id = queued.json().value(QLatin1String("deployment_id")).toInteger();
        QJsonObject d;
        (void)QTest::qWaitFor([&] {
            d = c.get(QStringLiteral("/api/v1/deployments/%1").arg(id)).json();
            const QString s = d.value(QLatin1String("status")).toString();
            return s == QLatin1String("finished") || s == QLatin1String("failed") || s == QLatin1String("cancelled");
        }, 120000);
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const bool ok = h.start(&m_missing);
        FLEETDECK_REQUIRE_COMPONENT(ok, m_missing);
        auto token = api::createToken(*h.temp->store, QStringLiteral("swarm-ci"), false);
        QVERIFY(token.ok());
        m_token = token->token;
        api::ApiServerOptions o;
        o.port = 0;
        m_server = std::make_unique<api::ApiServer>(h.temp->store, o);
        QVERIFY(m_server->start().ok());
        m_server->operations().queue().setPollIntervalMs(500);
    }
    void init()
    {
        FLEETDECK_REQUIRE_COMPONENT(h.ops != nullptr, m_missing);
        DockerFixture::cleanup();
    }
    void cleanupTestCase()
    {
        m_server.reset();
        DockerFixture::cleanup();
    }

    void deployScaleStatusLogsRestartRollbackStop()
    {
        Application a = DockerFixture::app(QStringLiteral("fdtest-api-web"), h.sshSwarm.id);
        a.swarmReplicas = 2;
        a = h.add(a);
        ApiClient c = client();
        // Not running yet: a scale only stores the count.
        ApiAnswer stored = c.call("PATCH", app(a) + QStringLiteral("/scale"), R"({"replicas": 1})");
        QVERIFY2(stored.status == 200, stored.describe());
        QCOMPARE(stored.json().value(QLatin1String("scaled")).toBool(), false);
        QCOMPARE(engineReplicas(a.name), QString());
        const QJsonObject first = deployThroughApi(c, a);
        QVERIFY2(first.value(QLatin1String("status")).toString() == QLatin1String("finished"), QJsonDocument(first).toJson().constData());
        QCOMPARE(first.value(QLatin1String("triggered_by")).toString(), QStringLiteral("api:swarm-ci"));
        QVERIFY(!first.value(QLatin1String("log")).toArray().isEmpty());
        QCOMPARE(engineReplicas(a.name), QStringLiteral("1/1"));

        // Running: the scale reaches the swarm at once, and the count is the application's.
        const ApiAnswer scaled = c.call("PATCH", app(a) + QStringLiteral("/scale"), R"({"replicas": 3})");
        QVERIFY2(scaled.status == 200, scaled.describe());
        QCOMPARE(scaled.json().value(QLatin1String("scaled")).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(engineReplicas(a.name), QStringLiteral("3/3"), 60000);
        QCOMPARE(h.reload(a).swarmReplicas, 3);
        const QJsonObject orch = c.get(app(a) + QStringLiteral("/orchestrator")).json();
        QCOMPARE(orch.value(QLatin1String("replicas")).toInt(), 3);

        QJsonObject status;
        QTRY_VERIFY_WITH_TIMEOUT((status = c.get(app(a) + QStringLiteral("/status")).json()).value(QLatin1String("running")).toInt() == 3, 60000);
        QCOMPARE(status.value(QLatin1String("desired")).toInt(), 3);
        QCOMPARE(status.value(QLatin1String("orchestrator")).toString(), QStringLiteral("swarm"));

        const ApiAnswer logs = c.get(app(a) + QStringLiteral("/logs?tail=20"));
        QVERIFY2(logs.status == 200, logs.describe());
        QVERIFY(!logs.json().value(QLatin1String("lines")).toArray().isEmpty());

        const ApiAnswer restarted = c.call("POST", app(a) + QStringLiteral("/restart"));
        QVERIFY2(restarted.status == 200, restarted.describe());

        // A second version, then back.
        QCOMPARE(c.call("PATCH", app(a), QStringLiteral("{\"image\": \"%1\"}").arg(DockerFixture::image2()).toUtf8()).status, 200);
        QCOMPARE(deployThroughApi(c, a).value(QLatin1String("status")).toString(), QStringLiteral("finished"));
        QCOMPARE(serviceImage(a.name), DockerFixture::image2());
        const ApiAnswer back = c.call("POST", app(a) + QStringLiteral("/rollback"), {}, 180000);
        QVERIFY2(back.status == 200, back.describe());
        QCOMPARE(back.json().value(QLatin1String("status")).toString(), QStringLiteral("finished"));
        QTRY_COMPARE_WITH_TIMEOUT(serviceImage(a.name), DockerFixture::image1(), 60000);

        const ApiAnswer stopped = c.call("POST", app(a) + QStringLiteral("/stop"));
        QVERIFY2(stopped.status == 200, stopped.describe());
        // The engine winds the replicas down; a status query through the API sees it and records it.
        QTRY_VERIFY_WITH_TIMEOUT((status = c.get(app(a) + QStringLiteral("/status")).json()).value(QLatin1String("running")).toInt() == 0
                                     && status.value(QLatin1String("desired")).toInt() == 0, 60000);
        QCOMPARE(h.reload(a).status, ApplicationStatus::Stopped);
    }

    void mutationsWhileADeployRunsAre409()
    {
        Application a = DockerFixture::app(QStringLiteral("fdtest-api-busy"), h.sshSwarm.id);
        // A health check that never passes keeps the deployment waiting until it is cancelled.
        a.health.path = QStringLiteral("/never-there");
        a.health.port = 80;
        a.health.intervalSeconds = 1;
        a.health.timeoutSeconds = 1;
        a.health.retries = 1;
        a = h.add(a);
        ApiClient c = client();
        const ApiAnswer queued = c.call("POST", app(a) + QStringLiteral("/deploy"));
        QVERIFY2(queued.status == 202, queued.describe());
        const qint64 id = queued.json().value(QLatin1String("deployment_id")).toInteger();
        QVERIFY(m_server->operations().queue().isBusy(a.id));
        const QList<std::pair<QByteArray, QString>> mutations = {
            {"PATCH", app(a)}, {"PATCH", app(a) + QStringLiteral("/scale")}, {"POST", app(a) + QStringLiteral("/deploy")},
            {"POST", app(a) + QStringLiteral("/stop")}, {"POST", app(a) + QStringLiteral("/restart")},
            {"POST", app(a) + QStringLiteral("/rollback")}};
        for (const auto &[method, path] : mutations) {
            const QByteArray body = path.endsWith(QLatin1String("/scale")) ? QByteArray(R"({"replicas": 2})")
                                    : method == "PATCH"                    ? QByteArray(R"({"image": "nginx:1"})")
                                                                           : QByteArray();
            const ApiAnswer refused = c.call(method, path, body);
            QVERIFY2(refused.status == 409, qPrintable(QString::fromLatin1(method) + u' ' + path + u' ' + QString::fromUtf8(refused.describe())));
        }
        QCOMPARE(h.reload(a).image, DockerFixture::image1());
        // Reads still answer.
        QCOMPARE(c.get(QStringLiteral("/api/v1/deployments/%1").arg(id)).status, 200);
        QVERIFY(m_server->operations().cancelDeployment(id).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->operations().queue().isBusy(a.id), 60000);
    }

    void logFollowReceivesEveryReplica()
    {
        Application a = DockerFixture::app(QStringLiteral("fdtest-api-follow"), h.sshSwarm.id);
        a.swarmReplicas = 3;
        a = h.add(a);
        ApiClient c = client();
        QCOMPARE(deployThroughApi(c, a).value(QLatin1String("status")).toString(), QStringLiteral("finished"));
        QNetworkReply *reply = c.start("GET", app(a) + QStringLiteral("/logs?follow=1&tail=50"));
        QByteArray received;
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] { received += reply->readAll(); });
        const auto seen = [&](const QString &replica) {
            return received.contains(QStringLiteral("\"replica\":\"%1\"").arg(replica).toUtf8());
        };
        QTRY_VERIFY_WITH_TIMEOUT(seen(a.name + QStringLiteral(".1")) && seen(a.name + QStringLiteral(".2")) && seen(a.name + QStringLiteral(".3")),
                                 60000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("text/event-stream"));
        QVERIFY(received.contains("event: started\ndata: {\"replicas\":"));
        QVERIFY(received.contains("event: line\ndata: {"));
        // The client leaves: the server cancels the follow and the remote `docker service logs` ends.
        reply->abort();
        reply->deleteLater();
        QTRY_COMPARE_WITH_TIMEOUT(test::SshdFixture::pgrepCount(QStringLiteral("docker service logs .*fdtest-api-follow")), 0, 20000);
    }
};

QTEST_GUILESS_MAIN(TestApiSwarm)
#include "tst_api_swarm.moc"
