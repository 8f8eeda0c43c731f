// Kubeconfig parsing and structure checks (positions of every problem), redaction of secrets, and
// the pure parts of the console's Detect / Test connection (argv builders, parsers, proposals).
#include "kubeconfig/Kubeconfig.h"
#include "orchestrators/Detection.h"
#include "orchestrators/DisplayCommand.h"
#include "orchestrators/kubernetes/KubectlErrors.h"
#include "orchestrators/kubernetes/KubectlParsers.h"
#include "orchestrators/kubernetes/KubernetesChecks.h"
#include "orchestrators/swarm/SwarmParsers.h"

#include <QElapsedTimer>
#include <QTest>

using namespace fleetdeck;
using namespace fleetdeck::kubeconfig;

namespace {

// Two clusters, two users (certificate and token), three contexts; line numbers matter to the tests.
const QString kValid = QStringLiteral(
    "apiVersion: v1\n"                                         // 1
    "kind: Config\n"                                           // 2
    "clusters:\n"                                              // 3
    "- name: prod\n"                                           // 4
    "  cluster:\n"                                             // 5
    "    server: https://10.0.0.5:6443\n"                      // 6
    "    certificate-authority-data: Q0EgUEVN\n"               // 7  "CA PEM"
    "- name: staging\n"                                        // 8
    "  cluster:\n"                                             // 9
    "    server: https://staging.example.com:6443\n"           // 10
    "users:\n"                                                 // 11
    "- name: admin\n"                                          // 12
    "  user:\n"                                                // 13
    "    client-certificate-data: Q0VSVCBQRU0=\n"              // 14 "CERT PEM"
    "    client-key-data: S0VZIFBFTSBzZWNyZXQ=\n"              // 15 "KEY PEM secret"
    "- name: deployer\n"                                       // 16
    "  user: {token: sup3r-s3cret-t0ken}\n"                    // 17
    "contexts:\n"                                              // 18
    "- name: prod-admin\n"                                     // 19
    "  context:\n"                                             // 20
    "    cluster: prod\n"                                      // 21
    "    user: admin\n"                                        // 22
    "- name: prod-shop\n"                                      // 23
    "  context: {cluster: prod, user: deployer, namespace: shop}\n" // 24
    "- name: staging\n"                                        // 25
    "  context:\n"                                             // 26
    "    cluster: staging\n"                                   // 27
    "    user: deployer\n"                                     // 28
    "    namespace: shop-staging\n"                            // 29
    "current-context: prod-shop\n");                           // 30

QString replaced(const QString &from, const QString &to)
{
    QString text = kValid;
    Q_ASSERT(text.contains(from));
    return text.replace(from, to);
}

} // namespace

class TestKubeconfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validFileListsEverything()
    {
        const CheckResult r = check(kValid);
        QVERIFY2(r.ok(), qPrintable(r.issues.isEmpty() ? QString() : r.issues.first().toString()));
        QVERIFY(r.issues.isEmpty());
        QCOMPARE(r.config.contextNames(), (QStringList{QStringLiteral("prod-admin"), QStringLiteral("prod-shop"), QStringLiteral("staging")}));
        QCOMPARE(r.config.currentContext, QStringLiteral("prod-shop"));
        QCOMPARE(r.config.namespaces(), (QStringList{QStringLiteral("default"), QStringLiteral("shop"), QStringLiteral("shop-staging")}));
        QCOMPARE(r.config.clusters.size(), 2);
        QCOMPARE(r.config.cluster(QStringLiteral("staging"))->server, QStringLiteral("https://staging.example.com:6443"));
        QVERIFY(r.config.cluster(QStringLiteral("prod"))->hasCertificateAuthority);
        QCOMPARE(r.config.users.at(0).authKind, QStringLiteral("client certificate"));
        QCOMPARE(r.config.users.at(1).authKind, QStringLiteral("token"));
        QCOMPARE(r.config.context(QStringLiteral("prod-shop"))->nameSpace, QStringLiteral("shop"));
        QCOMPARE(r.config.context(QStringLiteral("prod-admin"))->line, 19);
    }

    void problemsCarryTheirPosition_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("needle");

        QTest::newRow("bad indentation") << replaced(QStringLiteral("    server: https://staging.example.com:6443\n"),
                                                     QStringLiteral("    server: https://staging.example.com:6443\n   oops: 1\n"))
                                         << 11 << 4 << QStringLiteral("end of map not found");
        QTest::newRow("unclosed flow") << replaced(QStringLiteral("{cluster: prod, user: deployer, namespace: shop}"),
                                                   QStringLiteral("{cluster: prod, user: deployer, namespace: shop"))
                                       << 25 << 7 << QStringLiteral("end of map flow not found");
        QTest::newRow("tab indentation") << replaced(QStringLiteral("    cluster: staging\n"), QStringLiteral("\tcluster: staging\n"))
                                         << 27 << 0 << QStringLiteral("tab");
        QTest::newRow("unknown escape") << replaced(QStringLiteral("server: https://10.0.0.5:6443"), QStringLiteral("server: \"https:\\q\""))
                                        << 6 << 0 << QStringLiteral("unknown escape");
        QTest::newRow("undefined cluster") << replaced(QStringLiteral("    cluster: staging\n"), QStringLiteral("    cluster: stagin\n"))
                                           << 27 << 14 << QStringLiteral("refers to cluster 'stagin', which is not defined (clusters: prod, staging)");
        QTest::newRow("undefined user") << replaced(QStringLiteral("user: deployer, namespace"), QStringLiteral("user: nobody, namespace"))
                                        << 24 << 34 << QStringLiteral("refers to user 'nobody'");
        QTest::newRow("current-context unknown") << replaced(QStringLiteral("current-context: prod-shop"), QStringLiteral("current-context: prod"))
                                                 << 30 << 18 << QStringLiteral("current-context 'prod' is not one of the contexts");
        QTest::newRow("duplicate cluster") << replaced(QStringLiteral("- name: staging\n  cluster:"), QStringLiteral("- name: prod\n  cluster:"))
                                           << 8 << 9 << QStringLiteral("cluster 'prod' is defined twice (first on line 4)");
        QTest::newRow("bad namespace") << replaced(QStringLiteral("namespace: shop-staging"), QStringLiteral("namespace: Shop_Staging"))
                                       << 29 << 16 << QStringLiteral("namespace of context 'staging'");
        QTest::newRow("certificate without key") << replaced(QStringLiteral("    client-key-data: S0VZIFBFTSBzZWNyZXQ=\n"), QString())
                                                 << 12 << 3 << QStringLiteral("client certificate but no client key");
        QTest::newRow("bad base64") << replaced(QStringLiteral("client-key-data: S0VZIFBFTSBzZWNyZXQ="), QStringLiteral("client-key-data: S0VZ!!c2VjcmV0"))
                                    << 15 << 22 << QStringLiteral("'client-key-data' of user 'admin' is not valid base64");
        QTest::newRow("plain server") << replaced(QStringLiteral("server: https://10.0.0.5:6443"), QStringLiteral("server: 10.0.0.5:6443"))
                                      << 6 << 13 << QStringLiteral("must be a URL starting with https://");
        QTest::newRow("clusters not a list") << replaced(QStringLiteral("clusters:\n- name: prod\n"), QStringLiteral("clusters: prod\nx:\n- name: prod\n"))
                                             << 3 << 11 << QStringLiteral("'clusters' must be a list");
        QTest::newRow("wrong kind") << replaced(QStringLiteral("kind: Config"), QStringLiteral("kind: Pod")) << 2 << 7
                                    << QStringLiteral("kind must be Config");
        QTest::newRow("duplicate key") << replaced(QStringLiteral("kind: Config\n"), QStringLiteral("kind: Config\nkind: Config\n")) << 3 << 1
                                       << QStringLiteral("'kind' appears twice");
        QTest::newRow("two documents") << kValid + QStringLiteral("---\nkind: Config\n") << 32 << 1 << QStringLiteral("one YAML document");
        QTest::newRow("not a mapping") << QStringLiteral("- just\n- a list\n") << 1 << 1 << QStringLiteral("a kubeconfig is a mapping");
        QTest::newRow("empty") << QStringLiteral("  \n\n") << 0 << 0 << QStringLiteral("empty");
        QTest::newRow("no contexts") << QStringLiteral("apiVersion: v1\nkind: Config\nclusters: []\n") << 1 << 1 << QStringLiteral("defines no context");
        QTest::newRow("non-ascii before the error") << replaced(QStringLiteral("- name: staging\n  cluster:"), QStringLiteral("- name: \"stägïng\"\n  cluster:"))
                                                        .replace(QStringLiteral("cluster: staging\n"), QStringLiteral("cluster: \"stägïng\"\n"))
                                                        .replace(QStringLiteral("namespace: shop-staging"), QStringLiteral("namespace: Ü"))
                                                    << 29 << 16 << QStringLiteral("namespace of context 'staging'");
    }

    void problemsCarryTheirPosition()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, needle);
        const CheckResult r = check(text);
        QVERIFY(!r.ok());
        const Issue *e = r.firstError();
        QVERIFY(e);
        QVERIFY2(e->message.contains(needle), qPrintable(e->toString()));
        QCOMPARE(e->line, line);
        if (column > 0)
            QCOMPARE(e->column, column);
        if (line > 0)
            QVERIFY(e->toString().startsWith(QStringLiteral("line %1, column ").arg(line)));
    }

    void warningsDoNotFail()
    {
        const CheckResult r = check(replaced(QStringLiteral("current-context: prod-shop\n"), QString())
                                        .replace(QStringLiteral("server: https://staging"), QStringLiteral("server: http://staging")));
        QVERIFY(r.ok());
        QCOMPARE(r.warningCount(), 2);
        QCOMPARE(r.errorCount(), 0);
        QVERIFY(r.issues.at(0).message.contains(QLatin1String("no current-context")));
        QVERIFY(r.issues.at(1).message.contains(QLatin1String("plain http")));
        QCOMPARE(r.issues.at(1).line, 10);
    }

    void messagesNeverQuoteSecrets()
    {
        const QString secretKey = QStringLiteral("S0VZ!!c2VjcmV0");
        QString text = replaced(QStringLiteral("client-key-data: S0VZIFBFTSBzZWNyZXQ="), QStringLiteral("client-key-data: ") + secretKey);
        text.replace(QStringLiteral("{token: sup3r-s3cret-t0ken}"), QStringLiteral("{token: \"sup3r\\qs3cret\"}"));
        for (const QString &t : {text, replaced(QStringLiteral("{token: sup3r-s3cret-t0ken}"), QStringLiteral("{token: [sup3r-s3cret-t0ken]}"))}) {
            const CheckResult r = check(t);
            QVERIFY(!r.issues.isEmpty());
            for (const Issue &i : r.issues) {
                QVERIFY2(!i.message.contains(QLatin1String("sup3r")), qPrintable(i.message));
                QVERIFY2(!i.message.contains(secretKey), qPrintable(i.message));
            }
        }
    }

    void largeFileParsesQuickly()
    {
        // ~1 MB: 400 clusters with big CA data, users with keys, contexts.
        QString text = QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n");
        const QString blob = QString::fromLatin1(QByteArray(1500, 'x').toBase64());
        for (int i = 0; i < 480; ++i)
            text += QStringLiteral("- name: c%1\n  cluster:\n    server: https://10.0.%2.%3:6443\n    certificate-authority-data: %4\n")
                        .arg(i).arg(i / 250).arg(i % 250).arg(blob);
        text += QStringLiteral("users:\n");
        for (int i = 0; i < 480; ++i)
            text += QStringLiteral("- name: u%1\n  user:\n    token: t%1\n").arg(i);
        text += QStringLiteral("contexts:\n");
        for (int i = 0; i < 480; ++i)
            text += QStringLiteral("- name: ctx%1\n  context: {cluster: c%1, user: u%1, namespace: ns-%1}\n").arg(i);
        text += QStringLiteral("current-context: ctx7\n");
        QVERIFY(text.size() > 900 * 1024);
        QElapsedTimer timer;
        timer.start();
        const CheckResult r = check(text);
        const qint64 ms = timer.elapsed();
        qInfo("check() of %lld KiB took %lld ms", qint64(text.size() / 1024), ms);
        QVERIFY(r.ok());
        QCOMPARE(r.config.contexts.size(), 480);
        QVERIFY2(ms < 3000, "a 1 MB kubeconfig must check in well under the time a user notices");
    }

    void credentialsOfAContext()
    {
        Result<Credentials> c = credentialsFor(kValid, QStringLiteral("prod-admin"));
        QVERIFY(c);
        QCOMPARE(c->server, QStringLiteral("https://10.0.0.5:6443"));
        QCOMPARE(c->caCertificate, QStringLiteral("CA PEM"));
        QCOMPARE(c->clientCertificate, QStringLiteral("CERT PEM"));
        QCOMPARE(c->clientKey, QStringLiteral("KEY PEM secret"));
        Result<Credentials> current = credentialsFor(kValid, QString());
        QVERIFY(current);
        QCOMPARE(current->context, QStringLiteral("prod-shop"));
        QCOMPARE(current->namespaceName, QStringLiteral("shop"));
        QVERIFY(current->clientKey.isEmpty());
        QVERIFY(!credentialsFor(kValid, QStringLiteral("nope")));
    }

    void redactionMasksEverySecret()
    {
        const QString text = kValid + QStringLiteral("- name: basic\n  user:\n    username: alice\n    password: 'pa, ss'\n"
                                                     "- name: block\n  user:\n    token: |\n      line-one-secret\n      line-two-secret\n"
                                                     "    client-certificate-data: S0VFUA==\n");
        const QString out = redacted(text);
        for (const char *secret : {"S0VZIFBFTSBzZWNyZXQ=", "sup3r-s3cret-t0ken", "pa, ss", "line-one-secret", "line-two-secret"})
            QVERIFY2(!out.contains(QLatin1String(secret)), secret);
        QVERIFY(out.contains(QLatin1String("client-key-data: ***")));
        QVERIFY(out.contains(QLatin1String("{token: ***}")));
        QVERIFY(out.contains(QLatin1String("password: ***")));
        // What is not secret stays, so the redacted file still explains itself.
        QVERIFY(out.contains(QLatin1String("client-certificate-data: Q0VSVCBQRU0=")));
        QVERIFY(out.contains(QLatin1String("client-certificate-data: S0VFUA==")));
        QVERIFY(out.contains(QLatin1String("username: alice")));
        QVERIFY(out.contains(QLatin1String("server: https://10.0.0.5:6443")));
        QCOMPARE(out.count(QLatin1Char('\n')), text.count(QLatin1Char('\n')));
        QVERIFY(isSecretKey(QStringLiteral("token")));
        QVERIFY(!isSecretKey(QStringLiteral("server")));
    }

    // ---- Detect / Test connection: the pure parts (lib/orchestrators) ----

    void kubectlCommandKeepsTheKubeconfigOutOfArgv()
    {
        const RemoteCommand c = checks::kubectlCommand({QStringLiteral("get"), QStringLiteral("nodes")}, kValid,
                                                        QStringLiteral("prod-admin"), 5000, QStringLiteral("test"));
        QCOMPARE(c.argv.first(), QStringLiteral("sh"));
        QVERIFY(c.argv.at(2).contains(QLatin1String("mktemp -d")));
        QVERIFY(c.argv.at(2).contains(QLatin1String("rm -rf")));
        QCOMPARE(c.argv.at(4), QString::number(kValid.toUtf8().size()));
        QCOMPARE(c.argv.mid(5), (QStringList{QStringLiteral("--context"), QStringLiteral("prod-admin"), QStringLiteral("get"), QStringLiteral("nodes")}));
        QCOMPARE(checks::displayCommand(c.argv), QStringLiteral("kubectl --kubeconfig=<stdin> --context prod-admin get nodes"));
        QVERIFY(!c.argv.join(QLatin1Char(' ')).contains(QLatin1String("S0VZ")));
        QCOMPARE(c.stdinData, kValid.toUtf8());
        QVERIFY(c.stdinIsSecret);
        QCOMPARE(c.timeoutMs, 5000);
        const RemoteCommand own = checks::kubectlCommand({QStringLiteral("version")}, QString(), QString(), 0, QString());
        QCOMPARE(own.argv, (QStringList{QStringLiteral("kubectl"), QStringLiteral("version")}));
        QVERIFY(own.stdinData.isEmpty());
    }

    void nodesTellWhichIsNotReady()
    {
        const QByteArray json = R"({"apiVersion":"v1","kind":"List","items":[
          {"metadata":{"name":"cp-1","labels":{"node-role.kubernetes.io/control-plane":"","kubernetes.io/hostname":"cp-1"}},
           "spec":{},
           "status":{"addresses":[{"type":"InternalIP","address":"10.0.0.5"},{"type":"Hostname","address":"cp-1"}],
                     "nodeInfo":{"kubeletVersion":"v1.32.4"},
                     "conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True","reason":"KubeletReady"}]}},
          {"metadata":{"name":"worker-2","labels":{}},
           "spec":{"unschedulable":true},
           "status":{"addresses":[{"type":"InternalIP","address":"10.0.0.7"}],
                     "conditions":[{"type":"DiskPressure","status":"True"},
                                   {"type":"Ready","status":"False","reason":"KubeletNotReady","message":"container runtime is down"}]}},
          {"metadata":{"name":"worker-3"},"status":{"conditions":[{"type":"Ready","status":"Unknown"}]}}
        ]})";
        Result<QList<checks::NodeState>> nodes = checks::parseNodes(json);
        QVERIFY(nodes);
        QCOMPARE(nodes->size(), 3);
        QVERIFY(nodes->at(0).ready);
        QCOMPARE(nodes->at(0).roles, QStringList{QStringLiteral("control-plane")});
        QCOMPARE(nodes->at(0).addresses, (QStringList{QStringLiteral("10.0.0.5"), QStringLiteral("cp-1")}));
        QCOMPARE(nodes->at(0).kubeletVersion, QStringLiteral("v1.32.4"));
        QVERIFY(!nodes->at(1).ready);
        QCOMPARE(nodes->at(1).reason, QStringLiteral("KubeletNotReady"));
        QCOMPARE(nodes->at(1).message, QStringLiteral("container runtime is down"));
        QCOMPARE(nodes->at(1).pressure, QStringList{QStringLiteral("DiskPressure")});
        QVERIFY(nodes->at(1).unschedulable);
        QCOMPARE(nodes->at(2).reason, QStringLiteral("NodeStatusUnknown"));
        QVERIFY(!checks::parseNodes("not json"));
        QVERIFY(checks::parseNodes(R"({"items":[]})")->isEmpty());
    }

    void swarmNodes()
    {
        const QByteArray out =
            R"({"Availability":"Active","EngineVersion":"24.0.7","Hostname":"m1","ID":"abc","ManagerStatus":"Leader","Self":true,"Status":"Ready","TLSStatus":"Ready"}
{"Availability":"Drain","EngineVersion":"24.0.7","Hostname":"w1","ID":"def","ManagerStatus":"","Self":false,"Status":"Down","TLSStatus":"Ready"}
)";
        Result<QList<checks::SwarmNode>> nodes = checks::parseSwarmNodes(out);
        QVERIFY(nodes);
        QCOMPARE(nodes->size(), 2);
        QCOMPARE(nodes->at(0).managerStatus, QStringLiteral("Leader"));
        QVERIFY(nodes->at(0).self);
        QCOMPARE(nodes->at(1).status, QStringLiteral("Down"));
        QCOMPARE(nodes->at(1).availability, QStringLiteral("Drain"));
        QVERIFY(checks::parseSwarmNodes("")->isEmpty());
        QVERIFY(!checks::parseSwarmNodes("Error response from daemon: This node is not a swarm manager.\n"));
    }

    void kubectlErrorsAreClassified_data()
    {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("stderrData");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("needle");
        QTest::newRow("refused") << 1
                                 << QByteArray("E1126 20:21:56.054749   32546 memcache.go:265] \"Unhandled Error\" err=\"couldn't get\"\n"
                                               "The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\n")
                                 << int(ErrorKind::Unreachable) << QStringLiteral("127.0.0.1:1 was refused");
        QTest::newRow("unauthorized") << 1 << QByteArray("error: You must be logged in to the server (Unauthorized)\n")
                                      << int(ErrorKind::AuthFailed) << QStringLiteral("Unauthorized");
        QTest::newRow("tls") << 1 << QByteArray("Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority\n")
                             << int(ErrorKind::RemoteFailed) << QStringLiteral("certificate-authority");
        QTest::newRow("forbidden") << 1 << QByteArray("Error from server (Forbidden): nodes is forbidden: User \"dev\" cannot list resource \"nodes\"\n")
                                   << int(ErrorKind::RemoteFailed) << QStringLiteral("Permission denied");
        QTest::newRow("no kubectl") << 127 << QByteArray("sh: 1: exec: kubectl: not found\n") << int(ErrorKind::NotSupported)
                                    << QStringLiteral("not installed");
        QTest::newRow("dns") << 1 << QByteArray("Unable to connect to the server: dial tcp: lookup k8s.invalid: no such host\n")
                             << int(ErrorKind::Unreachable) << QStringLiteral("no such host");
    }

    void kubectlErrorsAreClassified()
    {
        QFETCH(int, exitCode);
        QFETCH(QByteArray, stderrData);
        QFETCH(int, kind);
        QFETCH(QString, needle);
        CommandResult r;
        r.exitCode = exitCode;
        r.stderrData = stderrData;
        const Error e = checks::classifyKubectlError(r, QStringLiteral("testing"));
        QCOMPARE(int(e.kind), kind);
        QVERIFY2(e.toString().contains(needle), qPrintable(e.toString()));
        QVERIFY(!e.toString().contains(QLatin1String("memcache.go")));
    }

    void proposals_data()
    {
        QTest::addColumn<int>("swarm");
        QTest::addColumn<QString>("dockerVersion");
        QTest::addColumn<QString>("k8sVersion");
        QTest::addColumn<bool>("ownNodeIsControlPlane");
        QTest::addColumn<int>("orchestrator");
        QTest::addColumn<QString>("needle");
        QTest::newRow("plain docker") << int(SwarmState::Inactive) << QStringLiteral("24.0.7") << QString() << false << int(Orchestrator::None)
                                      << QStringLiteral("Docker 24.0.7");
        QTest::newRow("swarm manager") << int(SwarmState::Manager) << QStringLiteral("24.0.7") << QString() << false << int(Orchestrator::Swarm)
                                       << QStringLiteral("manager");
        QTest::newRow("swarm worker") << int(SwarmState::Worker) << QStringLiteral("24.0.7") << QString() << false << int(Orchestrator::Swarm)
                                      << QStringLiteral("worker");
        QTest::newRow("k8s control plane") << int(SwarmState::Inactive) << QStringLiteral("24.0.7") << QStringLiteral("v1.32.4") << true
                                           << int(Orchestrator::Kubernetes) << QStringLiteral("control plane");
        QTest::newRow("k8s client only") << int(SwarmState::NotPresent) << QString() << QStringLiteral("v1.32.4") << false
                                         << int(Orchestrator::Kubernetes) << QStringLiteral("through kubectl");
        QTest::newRow("nothing") << int(SwarmState::NotPresent) << QString() << QString() << false << int(Orchestrator::None)
                                 << QStringLiteral("install Docker");
    }

    void proposals()
    {
        QFETCH(int, swarm);
        QFETCH(QString, dockerVersion);
        QFETCH(QString, k8sVersion);
        QFETCH(bool, ownNodeIsControlPlane);
        QFETCH(int, orchestrator);
        QFETCH(QString, needle);
        HostFacts facts;
        facts.swarm = SwarmState(swarm);
        facts.dockerPresent = !dockerVersion.isEmpty();
        facts.dockerEngineVersion = dockerVersion;
        facts.kubernetesServerVersion = k8sVersion;
        QList<checks::NodeState> nodes;
        if (ownNodeIsControlPlane) {
            checks::NodeState n;
            n.name = QStringLiteral("cp-1");
            n.roles = {QStringLiteral("control-plane")};
            n.addresses = {QStringLiteral("10.0.0.5")};
            nodes << n;
        }
        const checks::Proposal p = checks::propose(facts, nodes, {QStringLiteral("10.0.0.5")});
        QCOMPARE(int(p.orchestrator), orchestrator);
        QVERIFY2(p.reason.contains(needle), qPrintable(p.reason));
        QCOMPARE(p.swarmManager, swarm == int(SwarmState::Manager) && orchestrator == int(Orchestrator::Swarm));
        QCOMPARE(p.kubernetesMaster, ownNodeIsControlPlane);
        if (orchestrator == int(Orchestrator::Kubernetes))
            QCOMPARE(p.kubernetesVersion, k8sVersion);
    }

    void permissionsFollowTheSettings()
    {
        ServerSettings s;
        s.useIngress = false;
        const auto without = checks::requiredPermissions(s, true);
        s.useIngress = true;
        const auto with = checks::requiredPermissions(s, false);
        QCOMPARE(with.size(), without.size() + 2);
        QVERIFY(std::any_of(with.begin(), with.end(), [](const checks::Permission &p) { return p.resource == QLatin1String("namespaces") && p.clusterScoped; }));
    }
};

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
