// The REST API over real HTTP on loopback, without remote engines: tokens (hashed, read-only,
// revoked), every error code a request can earn (400, 401, 403, 404, 405, 411, 413, 422), the reads,
// a PATCH validated by the store, a scale of a stopped application (stored only), deployments, the
// activity record with the token's name, HTTPS, and 8 concurrent clients while another store
// connection writes the same file.
#include "tst_api_client.h"

#include "api/ApiServer.h"
#include "api/ApiTokens.h"
#include "remote/ActivityLog.h"
#include "services/ApplicationService.h"
#include "store/Database.h"
#include "store/Repositories.h"

#include "TestEnvironment.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <atomic>

using namespace fleetdeck;
using fleetdeck::test::ApiAnswer;
using fleetdeck::test::ApiClient;

class TestApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempStore> m_temp;
    std::unique_ptr<api::ApiServer> m_server;
    QString m_token;
    QString m_readToken;
    Application m_swarmApp;
    Application m_kubeApp;

    std::shared_ptr<Store> store() const { return m_temp->store; }
    QString base() const { return m_server->url(); }
    ApiClient client(const QString &token) const { return ApiClient(base(), token); }

    Server addServer(const QString &name, Orchestrator orchestrator)
    {
        Server s;
        s.name = name;
        s.host = QStringLiteral("127.0.0.1");
        s.port = 1;   // never contacted by these tests
        s.auth = AuthMethod::Agent;
        s.settings.orchestrator = orchestrator;
        s.settings.swarmManager = orchestrator == Orchestrator::Swarm;
        s.settings.kubernetesNamespace = QStringLiteral("shop");
        auto added = store()->addServer(s);
        if (!added)
            qFatal("%s", qPrintable(added.error().toString()));
        return *added;
    }

    Application addApp(const QString &name, qint64 serverId)
    {
        Application a;
        a.name = name;
        a.serverId = serverId;
        a.image = QStringLiteral("nginx:1.27");
        a.ports = {80};
        a.env = {{QStringLiteral("PLAIN"), QStringLiteral("visible"), false}, {QStringLiteral("PASSWORD"), QStringLiteral("hunter2"), true}};
        auto added = store()->addApplication(a);
        if (!added)
            qFatal("%s", qPrintable(added.error().toString()));
        return *added;
    }

    static QByteArray rawExchange(quint16 port, const QByteArray &request)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (!s.waitForConnected(5000))
            return {};
        s.write(request);
        QByteArray got;
        // The server answers and closes (a request it could not frame ends the connection).
        (void)QTest::qWaitFor([&] {
            s.waitForReadyRead(50);
            got += s.readAll();
            return s.state() == QAbstractSocket::UnconnectedState || got.contains("\r\n\r\n{");
        }, 10000);
        (void)QTest::qWaitFor([&] { got += s.readAll(); return got.endsWith("}\n"); }, 2000);
        return got;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateEnvironment();
        m_temp = std::make_unique<test::TempStore>();
        const Server swarm = addServer(QStringLiteral("swarm-a"), Orchestrator::Swarm);
        const Server kube = addServer(QStringLiteral("kube-a"), Orchestrator::Kubernetes);
        m_swarmApp = addApp(QStringLiteral("web"), swarm.id);
        ApplicationPatch p;
        p.orchestration.swarmConstraints = QStringList{QStringLiteral("node.labels.disktype == ssd")};
        p.orchestration.swarmReplicas = 3;
        m_swarmApp = *store()->patchApplication(m_swarmApp.id, p);
        m_kubeApp = addApp(QStringLiteral("api"), kube.id);
        ApplicationPatch k;
        k.orchestration.nodeSelector = QJsonObject{{QStringLiteral("disktype"), QStringLiteral("ssd")}};
        k.orchestration.kubernetesReplicas = 2;
        m_kubeApp = *store()->patchApplication(m_kubeApp.id, k);

        auto rw = api::createToken(*store(), QStringLiteral("ci"), false);
        QVERIFY(rw.ok());
        m_token = rw->token;
        auto ro = api::createToken(*store(), QStringLiteral("dashboard"), true);
        QVERIFY(ro.ok());
        m_readToken = ro->token;

        api::ApiServerOptions o;
        o.port = 0;
        o.maxBodyBytes = 4096;
        m_server = std::make_unique<api::ApiServer>(store(), o);
        const Status started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        QVERIFY(m_server->url().startsWith(QLatin1String("http://127.0.0.1:")));
    }

    void cleanupTestCase()
    {
        m_server.reset();
    }

    void tokensAreStoredHashedOnly()
    {
        QVERIFY(m_token.startsWith(QLatin1String("fdk_")));
        QVERIFY(m_token.size() >= 4 + 43);   // 32 random bytes, base64url
        auto tokens = store()->apiTokens();
        QVERIFY(tokens.ok());
        QCOMPARE(tokens->size(), 2);
        QSqlQuery q(store()->database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT name, token_hash, read_only FROM api_tokens ORDER BY name")));
        QStringList hashes;
        while (q.next()) {
            QVERIFY(!q.value(1).toString().contains(m_token.mid(4, 20)));
            hashes << q.value(1).toString();
        }
        QVERIFY(hashes.contains(QString::fromLatin1(api::tokenHash(m_token).toHex())));
        QVERIFY(hashes.contains(QString::fromLatin1(api::tokenHash(m_readToken).toHex())));
        // A second token of the same name is refused.
        auto again = api::createToken(*store(), QStringLiteral("ci"), false);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        auto badName = api::createToken(*store(), QStringLiteral("has space"), false);
        QVERIFY(!badName.ok());
        QCOMPARE(badName.error().kind, ErrorKind::Invalid);
    }

    void unauthorized()
    {
        ApiClient none = client({});
        ApiAnswer a = none.get(QStringLiteral("/api/v1/servers"));
        QCOMPARE(a.status, 401);
        QCOMPARE(a.json().value(QLatin1String("error")).toString(), QStringLiteral("unauthorized"));
        QVERIFY(a.headers.value("www-authenticate").startsWith("Bearer"));
        // An unknown path without a token says nothing about the routes either.
        QCOMPARE(none.get(QStringLiteral("/api/v1/nothing")).status, 401);
        ApiClient wrong = client(m_token.left(m_token.size() - 1) + QStringLiteral("x"));
        QCOMPARE(wrong.get(QStringLiteral("/api/v1/servers")).status, 401);
        // Revoked: refused at once.
        auto temp = api::createToken(*store(), QStringLiteral("short-lived"), false);
        QVERIFY(temp.ok());
        ApiClient shortLived = client(temp->token);
        QCOMPARE(shortLived.get(QStringLiteral("/api/v1/servers")).status, 200);
        QVERIFY(store()->removeApiToken(QStringLiteral("short-lived")).ok());
        QCOMPARE(shortLived.get(QStringLiteral("/api/v1/servers")).status, 401);
    }

    void readOnlyTokenReadsButCannotChange()
    {
        ApiClient ro = client(m_readToken);
        QCOMPARE(ro.get(QStringLiteral("/api/v1/applications")).status, 200);
        const ApiAnswer a = ro.call("PATCH", QStringLiteral("/api/v1/applications/") + m_swarmApp.uuid, R"({"image":"nginx:1.28"})");
        QCOMPARE(a.status, 403);
        QCOMPARE(a.json().value(QLatin1String("error")).toString(), QStringLiteral("read_only_token"));
        QCOMPARE(ro.call("POST", QStringLiteral("/api/v1/applications/") + m_swarmApp.uuid + QStringLiteral("/deploy")).status, 403);
        QCOMPARE(store()->application(m_swarmApp.id)->image, QStringLiteral("nginx:1.27"));
    }

    void listsServersAndApplicationsWithoutSecrets()
    {
        ApiClient c = client(m_token);
        const ApiAnswer servers = c.get(QStringLiteral("/api/v1/servers"));
        QCOMPARE(servers.status, 200);
        QStringList names;
        for (const QJsonValue &v : servers.array())
            names << v.toObject().value(QLatin1String("name")).toString();
        QVERIFY2(names.contains(QStringLiteral("swarm-a")) && names.contains(QStringLiteral("kube-a")), qPrintable(names.join(u',')));
        const ApiAnswer apps = c.get(QStringLiteral("/api/v1/applications"));
        QCOMPARE(apps.status, 200);
        QCOMPARE(apps.array().size(), 2);
        QVERIFY(!apps.body.contains("hunter2"));
        QVERIFY(apps.body.contains("\"***\""));
        const ApiAnswer one = c.get(QStringLiteral("/api/v1/applications/") + m_kubeApp.uuid);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json().value(QLatin1String("name")).toString(), QStringLiteral("api"));
        QCOMPARE(one.json().value(QLatin1String("server")).toString(), QStringLiteral("kube-a"));
    }

    void unknownIdsAre404()
    {
        ApiClient c = client(m_token);
        const ApiAnswer app = c.get(QStringLiteral("/api/v1/applications/00000000-0000-0000-0000-000000000000"));
        QCOMPARE(app.status, 404);
        QCOMPARE(app.json().value(QLatin1String("error")).toString(), QStringLiteral("not_found"));
        QCOMPARE(c.call("PATCH", QStringLiteral("/api/v1/applications/nope/scale"), R"({"replicas":1})").status, 404);
        QCOMPARE(c.get(QStringLiteral("/api/v1/deployments/999999")).status, 404);
        QCOMPARE(c.get(QStringLiteral("/api/v1/deployments/abc")).status, 404);
        const ApiAnswer route = c.get(QStringLiteral("/api/v1/nothing"));
        QCOMPARE(route.status, 404);
        QCOMPARE(route.json().value(QLatin1String("error")).toString(), QStringLiteral("no_route"));
        const ApiAnswer method = c.call("DELETE", QStringLiteral("/api/v1/applications/") + m_kubeApp.uuid);
        QCOMPARE(method.status, 405);
        QCOMPARE(method.headers.value("allow"), QByteArray("GET, PATCH"));
    }

    void orchestratorConfiguration()
    {
        ApiClient c = client(m_token);
        const QJsonObject swarm = c.get(QStringLiteral("/api/v1/applications/") + m_swarmApp.uuid + QStringLiteral("/orchestrator")).json();
        QCOMPARE(swarm.value(QLatin1String("type")).toString(), QStringLiteral("swarm"));
        QCOMPARE(swarm.value(QLatin1String("replicas")).toInt(), 3);
        QCOMPARE(swarm.value(QLatin1String("placement_constraints")).toArray(), QJsonArray{QStringLiteral("node.labels.disktype == ssd")});
        const QJsonObject kube = c.get(QStringLiteral("/api/v1/applications/api/orchestrator")).json();
        QCOMPARE(kube.value(QLatin1String("type")).toString(), QStringLiteral("kubernetes"));
        QCOMPARE(kube.value(QLatin1String("replicas")).toInt(), 2);
        QCOMPARE(kube.value(QLatin1String("namespace")).toString(), QStringLiteral("shop"));
        QCOMPARE(kube.value(QLatin1String("node_selector")).toObject().value(QLatin1String("disktype")).toString(), QStringLiteral("ssd"));
        QVERIFY(kube.value(QLatin1String("tolerations")).isArray());
    }

    void patchIsValidatedLikeTheForms_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::addRow("bad json") << QByteArray("{\"image\": ") << 400 << QString();
        QTest::addRow("not an object") << QByteArray("[1,2]") << 400 << QString();
        QTest::addRow("memory unit") << QByteArray(R"({"limits": {"memory": "512M"}})") << 422 << QStringLiteral("limits.memory");
        QTest::addRow("reservation above limit") << QByteArray(R"({"limits": {"cpus": "0.5"}, "reservations": {"cpus": "1"}})") << 422
                                                 << QStringLiteral("reservations.cpus");
        QTest::addRow("image") << QByteArray(R"({"image": "Not An Image"})") << 422 << QStringLiteral("image");
        QTest::addRow("port range") << QByteArray(R"({"ports": [70000]})") << 422 << QStringLiteral("ports");
        QTest::addRow("constraint") << QByteArray(R"({"swarm_placement_constraints": ["disk is ssd"]})") << 422
                                    << QStringLiteral("swarm_placement_constraints");
        QTest::addRow("replicas") << QByteArray(R"({"swarm_replicas": 101})") << 422 << QStringLiteral("swarm_replicas");
        QTest::addRow("type") << QByteArray(R"({"ports": "80"})") << 422 << QStringLiteral("ports");
        QTest::addRow("unknown field") << QByteArray(R"({"server_id": 2})") << 422 << QStringLiteral("server_id");
        QTest::addRow("unknown nested") << QByteArray(R"({"limits": {"gpus": "1"}})") << 422 << QStringLiteral("limits.gpus");
        QTest::addRow("masked secret") << QByteArray(R"({"env": [{"key": "PASSWORD", "value": "***", "secret": true}]})") << 422
                                       << QStringLiteral("env");
        QTest::addRow("node selector") << QByteArray(R"({"kubernetes_node_selector": {"disk": 1}})") << 422
                                       << QStringLiteral("kubernetes_node_selector");
    }
    void patchIsValidatedLikeTheForms()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        ApiClient c = client(m_token);
        const Application before = *store()->application(m_swarmApp.id);
        const ApiAnswer a = c.call("PATCH", QStringLiteral("/api/v1/applications/") + m_swarmApp.uuid, body);
        QVERIFY2(a.status == status, a.describe());
        if (!field.isEmpty())
            QCOMPARE(a.json().value(QLatin1String("field")).toString(), field);
        QVERIFY(!a.json().value(QLatin1String("message")).toString().isEmpty());
        QCOMPARE(*store()->application(m_swarmApp.id), before);   // nothing half-applied
    }

    void patchChangesOnlyTheFieldsGiven()
    {
        ApiClient c = client(m_token);
        const ApiAnswer a = c.call("PATCH", QStringLiteral("/api/v1/applications/") + m_swarmApp.uuid,
                                   R"({"image": "nginx:1.28", "limits": {"memory": "256m"}, "set_env": [{"key": "MODE", "value": "api"}]})");
        QVERIFY2(a.status == 200, a.describe());
        QCOMPARE(a.json().value(QLatin1String("image")).toString(), QStringLiteral("nginx:1.28"));
        const Application stored = *store()->application(m_swarmApp.id);
        QCOMPARE(stored.image, QStringLiteral("nginx:1.28"));
        QCOMPARE(stored.memoryLimit, QStringLiteral("256m"));
        QCOMPARE(stored.swarmReplicas, 3);
        QCOMPARE(stored.env.size(), 3);
        QCOMPARE(stored.env.at(1).value, QStringLiteral("hunter2"));   // the secret kept its value
    }

    void scaleOfAStoppedApplicationStoresTheCount()
    {
        ApiClient c = client(m_token);
        const QString path = QStringLiteral("/api/v1/applications/") + m_kubeApp.uuid + QStringLiteral("/scale");
        const ApiAnswer a = c.call("PATCH", path, R"({"replicas": 5})");
        QVERIFY2(a.status == 200, a.describe());
        QCOMPARE(a.json().value(QLatin1String("scaled")).toBool(), false);
        QCOMPARE(store()->application(m_kubeApp.id)->kubernetesReplicas, 5);
        QCOMPARE(store()->application(m_kubeApp.id)->swarmReplicas, 1);
        const ApiAnswer tooMany = c.call("PATCH", path, R"({"replicas": 101})");
        QCOMPARE(tooMany.status, 422);
        QCOMPARE(tooMany.json().value(QLatin1String("field")).toString(), QStringLiteral("replicas"));
        QCOMPARE(c.call("PATCH", path, R"({"replicas": "three"})").status, 422);
        QCOMPARE(c.call("PATCH", path, R"({"replicas": 2.5})").status, 422);
        QCOMPARE(c.call("PATCH", path, R"({"count": 2})").status, 422);
        QCOMPARE(c.call("PATCH", path, "replicas=2").status, 400);
        QCOMPARE(store()->application(m_kubeApp.id)->kubernetesReplicas, 5);
    }

    void deploymentWithItsSteps()
    {
        Deployment d;
        d.applicationId = m_swarmApp.id;
        d.status = DeploymentStatus::Failed;
        d.orchestrator = QStringLiteral("swarm");
        d.error = QStringLiteral("no suitable node");
        auto added = store()->addDeployment(d);
        QVERIFY(added.ok());
        QVERIFY(store()->appendDeploymentLog(added->id, {QDateTime::currentDateTimeUtc(), QStringLiteral("apply"),
                                                         QStringLiteral("docker service update"), QStringLiteral("ok"), 0}).ok());
        ApiClient c = client(m_token);
        const ApiAnswer a = c.get(QStringLiteral("/api/v1/deployments/%1").arg(added->id));
        QVERIFY2(a.status == 200, a.describe());
        QCOMPARE(a.json().value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(a.json().value(QLatin1String("error")).toString(), QStringLiteral("no suitable node"));
        QCOMPARE(a.json().value(QLatin1String("log")).toArray().size(), 1);
        QCOMPARE(a.json().value(QLatin1String("log")).toArray().first().toObject().value(QLatin1String("step")).toString(), QStringLiteral("apply"));
    }

    void logsQueryIsValidated()
    {
        ApiClient c = client(m_token);
        const ApiAnswer tail = c.get(QStringLiteral("/api/v1/applications/") + m_swarmApp.uuid + QStringLiteral("/logs?tail=lots"));
        QCOMPARE(tail.status, 422);
        QCOMPARE(tail.json().value(QLatin1String("field")).toString(), QStringLiteral("tail"));
        QCOMPARE(c.get(QStringLiteral("/api/v1/applications/") + m_swarmApp.uuid + QStringLiteral("/logs?follow=yes")).status, 422);
    }

    void oversizedAndUnframedBodies()
    {
        // 413 from the Content-Length alone: the body is never read into memory.
        const QByteArray big = "PATCH /api/v1/applications/" + m_swarmApp.uuid.toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                               + m_token.toLatin1() + "\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{\"image\":";
        const QByteArray answer = rawExchange(m_server->port(), big);
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
        QVERIFY(answer.contains("payload_too_large"));
        // The same through a real client with a real body.
        ApiClient c = client(m_token);
        const ApiAnswer a = c.call("PATCH", QStringLiteral("/api/v1/applications/") + m_swarmApp.uuid,
                                   "{\"image\": \"" + QByteArray(8000, 'a') + "\"}");
        QVERIFY2(a.status == 413, a.describe());
        const QByteArray chunked = rawExchange(m_server->port(), "POST /api/v1/applications/x/deploy HTTP/1.1\r\nHost: x\r\n"
                                                                 "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QVERIFY2(chunked.startsWith("HTTP/1.1 411 "), chunked.constData());
        const QByteArray garbage = rawExchange(m_server->port(), "HELLO\r\n\r\n");
        QVERIFY2(garbage.startsWith("HTTP/1.1 400 "), garbage.constData());
        // The server still serves.
        QCOMPARE(c.get(QStringLiteral("/api/v1/servers")).status, 200);
    }

    void everyCallIsInTheActivityLogWithTheTokenName()
    {
        ActivityLog::instance().clear();
        ApiClient c = client(m_readToken);
        QCOMPARE(c.get(QStringLiteral("/api/v1/applications/") + m_kubeApp.uuid).status, 200);
        QCOMPARE(c.call("POST", QStringLiteral("/api/v1/applications/") + m_kubeApp.uuid + QStringLiteral("/stop")).status, 403);
        QCOMPARE(client(QStringLiteral("fdk_wrong")).get(QStringLiteral("/api/v1/servers")).status, 401);
        const QList<ActivityEntry> entries = ActivityLog::instance().entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).server, QStringLiteral("api"));
        QCOMPARE(entries.at(0).target, QStringLiteral("token dashboard"));
        QCOMPARE(entries.at(0).argv, (QStringList{QStringLiteral("GET"), QStringLiteral("/api/v1/applications/") + m_kubeApp.uuid}));
        QCOMPARE(entries.at(0).exitCode, 200);
        QCOMPARE(entries.at(1).target, QStringLiteral("token dashboard"));
        QCOMPARE(entries.at(1).exitCode, 403);
        QCOMPARE(entries.at(2).target, QStringLiteral("no valid token"));
        QCOMPARE(entries.at(2).exitCode, 401);
        auto tokens = store()->apiTokens();
        QVERIFY(tokens.ok());
        for (const ApiToken &t : *tokens)
            QVERIFY2(t.lastUsedAt.isValid(), qPrintable(t.name));
    }

    // 8 clients, each with its own connection, read and change applications while a second store
    // (another connection to the same file, as the console would hold) writes all the time.
    void eightConcurrentClientsWhileTheStoreIsWritten()
    {
        auto other = Store::open(m_temp->path);
        QVERIFY(other.ok());
        std::shared_ptr<Store> console = *other;
        std::atomic_bool stop{false};
        std::atomic_int consoleWrites{0};
        QFuture<Status> writer = QtConcurrent::run([&]() -> Status {
            int n = 0;
            while (!stop.load()) {
                ApplicationSettingsPatch p;
                p.project = QStringLiteral("p%1").arg(++n % 7);
                auto r = ApplicationService(console).changeSettings(m_kubeApp.id, p);
                if (!r)
                    return r.error();
                ++consoleWrites;
            }
            return {};
        });
        constexpr int clients = 8;
        constexpr int rounds = 6;
        std::vector<std::unique_ptr<ApiClient>> pool;
        for (int i = 0; i < clients; ++i)
            pool.push_back(std::make_unique<ApiClient>(base(), m_token));
        int ok = 0;
        for (int round = 0; round < rounds; ++round) {
            QList<QNetworkReply *> replies;
            for (int i = 0; i < clients; ++i) {
                if (i % 2 == 0)
                    replies << pool[i]->start("GET", QStringLiteral("/api/v1/applications"));
                else
                    replies << pool[i]->start("PATCH", QStringLiteral("/api/v1/applications/") + m_swarmApp.uuid,
                                              QStringLiteral("{\"image\": \"nginx:1.%1\"}").arg(round * clients + i).toUtf8());
            }
            for (QNetworkReply *r : replies) {
                const ApiAnswer a = ApiClient::finish(r);
                QVERIFY2(a.status == 200, a.describe());
                ++ok;
            }
        }
        stop.store(true);
        writer.waitForFinished();
        QVERIFY2(writer.result().ok(), qPrintable(writer.result().ok() ? QString() : writer.result().error().toString()));
        QCOMPARE(ok, clients * rounds);
        QVERIFY(consoleWrites.load() > 0);
        // The last round's PATCHes all committed: the stored image is one of them, whole.
        const QString image = store()->application(m_swarmApp.id)->image;
        QVERIFY2(image.startsWith(QLatin1String("nginx:1.")) && image.mid(8).toInt() >= (rounds - 1) * clients, qPrintable(image));
        QVERIFY(store()->application(m_kubeApp.id)->project.startsWith(u'p'));
    }

    void https()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                                                  QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        api::ApiServerOptions o;
        o.port = 0;
        o.certificateFile = cert;
        o.keyFile = key;
        api::ApiServer tls(store(), o);
        QVERIFY(tls.start().ok());
        QVERIFY(tls.url().startsWith(QLatin1String("https://127.0.0.1:")));
        ApiClient c(tls.url(), m_token);
        c.acceptSelfSigned();
        const ApiAnswer a = c.get(QStringLiteral("/api/v1/servers"));
        QVERIFY2(a.status == 200, a.describe());
        // Plain HTTP to the HTTPS port gets no API answer.
        ApiClient plain(QStringLiteral("http://127.0.0.1:%1").arg(tls.port()), m_token);
        QVERIFY(plain.call("GET", QStringLiteral("/api/v1/servers"), {}, 10000).status != 200);
        api::ApiServerOptions half = o;
        half.keyFile.clear();
        api::ApiServer missingKey(store(), half);
        const Status s = missingKey.start();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, QStringLiteral("key"));
    }

    void loopbackCheck()
    {
        QVERIFY(api::ApiServer::isLoopback(QHostAddress::LocalHost));
        QVERIFY(api::ApiServer::isLoopback(QHostAddress(QStringLiteral("127.0.0.2"))));
        QVERIFY(api::ApiServer::isLoopback(QHostAddress::LocalHostIPv6));
        QVERIFY(!api::ApiServer::isLoopback(QHostAddress::Any));
        QVERIFY(!api::ApiServer::isLoopback(QHostAddress(QStringLiteral("10.1.2.3"))));
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
