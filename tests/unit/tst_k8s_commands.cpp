// kubectl argv builders of the Kubernetes backend: flags, stdin payloads, no shell strings, and the
// stored-kubeconfig checks and file names that need no cluster.
#include "orchestrators/CommandRunner.h"
#include "orchestrators/DisplayCommand.h"
#include "orchestrators/kubernetes/KubectlCommands.h"
#include "orchestrators/kubernetes/KubectlInvocation.h"
#include "orchestrators/kubernetes/KubectlSession.h"
#include "remote/ShellQuote.h"

#include "ScriptedTransport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace fleetdeck;
using namespace fleetdeck::kubernetes;

namespace {

const QString kKubeconfig = QStringLiteral("apiVersion: v1\nkind: Config\nusers: [{name: a, user: {token: S3CR3T-T0KEN}}]\n");

KubectlTarget target(bool kubeconfig = true)
{
    KubectlTarget t;
    if (kubeconfig)
        t.kubeconfig = kKubeconfig;
    t.context = QStringLiteral("prod");
    t.nameSpace = QStringLiteral("team-a");
    return t;
}

// What a POSIX shell makes of shellJoin(argv): the words it passes on.
QStringList throughShell(const QStringList &argv)
{
    QProcess p;
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("printf '%s\\0' ") + shellJoin(argv)});
    p.waitForFinished(5000);
    QStringList words = QString::fromUtf8(p.readAllStandardOutput()).split(QChar(0));
    words.removeLast();
    return words;
}

const QString kSelector = QStringLiteral("fleetdeck.app=0f8e6a4c-1d2b-4c3d-9e8f-123456789abc");

} // namespace

class TestK8sCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The deployment step log (and `fleetdeck-cli plan`) show a kubectl step with a stored kubeconfig
    // as one readable line, not the handover wrapper script.
    void stepLogShowsKubectlNotTheWrapper()
    {
        auto transport = std::make_shared<test::ScriptedTransport>();
        transport->expect(test::ArgvMatch::predicate([](const QStringList &) { return true; }, QStringLiteral("any")))
            .reply(0, "pod/web-1\n");
        QList<StepRecord> steps;
        OperationContext ctx;
        ctx.onStep = [&steps](const StepRecord &s) { steps.append(s); };
        PlannedCommand planned;
        planned.step = QStringLiteral("pods");
        planned.description = QStringLiteral("list pods");
        planned.command = kubectlCommand(target(), {QStringLiteral("kubectl"), QStringLiteral("get"), QStringLiteral("pods")});
        QVERIFY(planned.command.argv.join(QLatin1Char(' ')).size() > 80);   // the wrapper script really is there
        QVERIFY(CommandRunner(transport, ctx).run(planned));
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps.first().command, QStringLiteral("kubectl --kubeconfig=<stdin> get pods"));
        QCOMPARE(checks::displayCommand(planned.command.argv), steps.first().command);
        QVERIFY(!steps.first().command.contains(QLatin1String("S3CR3T")));
    }

    void prefix()
    {
        QCOMPARE(kubectlPrefix(target()), (QStringList{QStringLiteral("kubectl"), QStringLiteral("--context=prod")}));
        KubectlTarget own;
        QCOMPARE(kubectlPrefix(own), QStringList{QStringLiteral("kubectl")});
    }

    void everyCommand_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<bool>("namespaced");
        for (int i = 0; i < 16; ++i)
            QTest::newRow(qPrintable(QString::number(i))) << i << (i != 4 && i != 5 && i != 1);
    }
    void everyCommand()
    {
        QFETCH(int, which);
        QFETCH(bool, namespaced);
        const KubectlTarget t = target();
        LogOptions lo;
        const QList<PlannedCommand> all = {
            getDeployment(t, QStringLiteral("web")), getNamespace(t), getAppObjects(t, kSelector), getPods(t, kSelector),
            apply(t, "kind: X\n", false, QStringLiteral("1 manifest")), applyDryRun(t, "kind: X\n", false),
            deleteObjects(t, {QStringLiteral("secret/web-env")}), deleteBySelector(t, {QStringLiteral("secrets")}, kSelector, 60),
            scale(t, QStringLiteral("web"), 3), rolloutRestart(t, QStringLiteral("web")), rolloutUndo(t, QStringLiteral("web")),
            rolloutStatus(t, QStringLiteral("web"), 30), logs(t, kSelector, lo, 5), podLogs(t, QStringLiteral("web-1"), lo),
            watchPods(t, kSelector), exec(t, QStringLiteral("web-1"), QStringLiteral("web"), {QStringLiteral("true")}, 1000)};
        const PlannedCommand &c = all.at(which);
        QVERIFY(validateArgv(c.command.argv).ok());
        // Every builder hands the kubeconfig over on stdin, never in argv.
        const auto unwrapped = unwrapKubectl(c.command.argv);
        QVERIFY(unwrapped);
        QCOMPARE(unwrapped->kubeconfigShown, QStringLiteral("<stdin>"));
        QCOMPARE(QStringList{QStringLiteral("kubectl")} + unwrapped->args.mid(0, 1), kubectlPrefix(t));
        QCOMPARE(c.command.argv.at(4), QString::number(kKubeconfig.toUtf8().size()));
        QVERIFY(c.command.stdinData.startsWith(kKubeconfig.toUtf8()));
        QVERIFY(c.command.stdinIsSecret);
        QVERIFY(!c.command.argv.join(QLatin1Char(' ')).contains(QLatin1String("S3CR3T")));
        QCOMPARE(c.command.argv.contains(QStringLiteral("--namespace=team-a")), namespaced);
        QVERIFY(!c.step.isEmpty());
        QVERIFY(!c.description.isEmpty());
        QCOMPARE(c.command.purpose, c.description);
        // A shell reads back exactly these words: nothing is interpreted on the way.
        QCOMPARE(throughShell(c.command.argv), c.command.argv);
    }

    void applyIsServerSideOverStdin()
    {
        const QByteArray yaml = "apiVersion: v1\nkind: Secret\ndata:\n  TOKEN: czNjcjN0\n";
        const PlannedCommand c = apply(target(), yaml, true, QStringLiteral("1 manifest; secret values not shown"));
        for (const char *flag : {"apply", "--server-side", "--field-manager=fleetdeck", "--force-conflicts", "--filename=-"})
            QVERIFY2(c.command.argv.contains(QLatin1String(flag)), flag);
        QCOMPARE(c.command.stdinData, kKubeconfig.toUtf8() + yaml);   // the kubeconfig first, then kubectl's stdin
        QVERIFY(c.command.stdinIsSecret);
        QCOMPARE(c.stdinSummary, QStringLiteral("1 manifest; secret values not shown"));
        for (const QString &a : c.command.argv)
            QVERIFY(!a.contains(QLatin1String("czNjcjN0")));
        QVERIFY(apply(target(), "x", false, {}).command.stdinIsSecret);              // the kubeconfig is
        QCOMPARE(apply(target(false), "x", false, {}).command.stdinData, QByteArray("x"));
        QVERIFY(!apply(target(false), "x", false, {}).command.stdinIsSecret);
        QVERIFY(apply(target(false), "x", true, {}).command.stdinIsSecret);
        QVERIFY(applyDryRun(target(), "x", false).command.argv.contains(QStringLiteral("--dry-run=server")));
    }

    void execArgvVerbatim()
    {
        const QStringList inner = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo $HOME; rm -rf / `x` 'y'"),
                                   QStringLiteral("--"), QStringLiteral("-n"), QString()};
        const PlannedCommand c = exec(target(), QStringLiteral("web-1"), QStringLiteral("web"), inner, 5000);
        const qsizetype dashes = c.command.argv.indexOf(QStringLiteral("--"));
        QVERIFY(dashes > 0);
        QCOMPARE(c.command.argv.mid(dashes + 1), inner);
        QVERIFY(c.command.argv.contains(QStringLiteral("--container=web")));
        QCOMPARE(c.command.argv.at(c.command.argv.indexOf(QStringLiteral("exec")) + 1), QStringLiteral("web-1"));
        QCOMPARE(c.command.timeoutMs, 5000);
        QCOMPARE(throughShell(c.command.argv), c.command.argv);
    }

    void logsFlags_data()
    {
        QTest::addColumn<int>("tail");
        QTest::addColumn<bool>("follow");
        QTest::addColumn<QString>("since");
        QTest::addColumn<bool>("timestamps");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("last 100") << 100 << false << QString() << false << QStringList{QStringLiteral("--tail=100")}
                                  << QStringList{QStringLiteral("--follow"), QStringLiteral("--timestamps")};
        QTest::newRow("follow") << 10 << true << QString() << false << QStringList{QStringLiteral("--tail=10"), QStringLiteral("--follow")} << QStringList{};
        QTest::newRow("since duration") << 5 << false << QStringLiteral("10m") << true
                                        << QStringList{QStringLiteral("--since=10m"), QStringLiteral("--timestamps")} << QStringList{};
        QTest::newRow("since time") << 5 << false << QStringLiteral("2026-11-26T20:00:00Z") << false
                                    << QStringList{QStringLiteral("--since-time=2026-11-26T20:00:00Z")} << QStringList{};
        QTest::newRow("everything") << -1 << false << QString() << false << QStringList{QStringLiteral("--tail=-1")} << QStringList{};
    }
    void logsFlags()
    {
        QFETCH(int, tail);
        QFETCH(bool, follow);
        QFETCH(QString, since);
        QFETCH(bool, timestamps);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        LogOptions o;
        o.tail = tail;
        o.follow = follow;
        o.since = since;
        o.timestamps = timestamps;
        const PlannedCommand c = logs(target(), kSelector, o, 7);
        for (const QString &e : expected)
            QVERIFY2(c.command.argv.contains(e), qPrintable(e));
        for (const QString &a : absent)
            QVERIFY2(!c.command.argv.contains(a), qPrintable(a));
        for (const char *flag : {"--prefix", "--all-containers=true", "--max-log-requests=7", "--ignore-errors=true"})
            QVERIFY2(c.command.argv.contains(QLatin1String(flag)), flag);
        QVERIFY(c.command.argv.contains(QStringLiteral("--selector=") + kSelector));
        // A follow has no timeout of its own (it ends when cancelled); a read does.
        QCOMPARE(c.command.timeoutMs == 0, follow);
    }

    void timeouts()
    {
        const PlannedCommand wait = rolloutStatus(target(), QStringLiteral("web"), 30);
        QVERIFY(wait.command.argv.contains(QStringLiteral("--timeout=30s")));
        QVERIFY(wait.command.timeoutMs > 30000);
        QVERIFY(!wait.command.argv.join(QLatin1Char(' ')).contains(QLatin1String("--request-timeout")));
        const PlannedCommand read = getAppObjects(target(), kSelector);
        QVERIFY(read.command.argv.contains(QStringLiteral("--request-timeout=%1s").arg(kRequestTimeoutSeconds)));
        QVERIFY(read.command.timeoutMs > kRequestTimeoutSeconds * 1000);
        QCOMPARE(watchPods(target(), kSelector).command.timeoutMs, 0);
        const PlannedCommand del = deleteBySelector(target(), {QStringLiteral("deployments.apps"), QStringLiteral("secrets")}, kSelector, 90,
                                                    QStringLiteral("prune"));
        QCOMPARE(del.step, QStringLiteral("prune"));
        QVERIFY(del.command.argv.contains(QStringLiteral("deployments.apps,secrets")));
        QVERIFY(del.command.argv.contains(QStringLiteral("--cascade=foreground")));
        QVERIFY(del.command.argv.contains(QStringLiteral("--timeout=90s")));
        QVERIFY(del.command.timeoutMs > 90000);
    }

    // The three ways kubectl is run: the server's own kubeconfig, the stored one on stdin, a lease (streams).
    void invocationForms_data()
    {
        QTest::addColumn<QString>("kubeconfig");
        QTest::addColumn<QString>("lease");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QStringList>("argvHead");        // before the kubectl words
        QTest::addColumn<QByteArray>("stdinData");
        QTest::addColumn<bool>("secret");
        const QString lease = QStringLiteral("/tmp/fleetdeck-kubectl.AbC123xYz9");
        QTest::newRow("server's own") << QString() << QString() << QByteArray("m") << QStringList{QStringLiteral("kubectl")}
                                      << QByteArray("m") << false;
        QTest::newRow("stdin") << kKubeconfig << QString() << QByteArray("m")
                               << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("*"), QStringLiteral("fleetdeck-kubectl"),
                                              QString::number(kKubeconfig.toUtf8().size())}
                               << kKubeconfig.toUtf8() + "m" << true;
        QTest::newRow("lease") << QString() << lease << QByteArray()
                               << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("*"), QStringLiteral("fleetdeck-kubectl"), lease}
                               << QByteArray() << false;
    }
    void invocationForms()
    {
        QFETCH(QString, kubeconfig);
        QFETCH(QString, lease);
        QFETCH(QByteArray, payload);
        QFETCH(QStringList, argvHead);
        QFETCH(QByteArray, stdinData);
        QFETCH(bool, secret);
        KubectlTarget t;
        t.kubeconfig = kubeconfig;
        t.leaseDir = lease;
        const QStringList words{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-o"), QStringLiteral("json")};
        const RemoteCommand c = kubectlCommand(t, QStringList{QStringLiteral("kubectl")} + words, payload);
        QCOMPARE(c.argv.size(), argvHead.size() + words.size());
        for (qsizetype i = 0; i < argvHead.size(); ++i)
            if (argvHead.at(i) != QLatin1String("*"))
                QCOMPARE(c.argv.at(i), argvHead.at(i));
        QCOMPARE(c.argv.mid(argvHead.size()), words);
        QCOMPARE(c.stdinData, stdinData);
        QCOMPARE(c.stdinIsSecret, secret);
        QCOMPARE(throughShell(c.argv), c.argv);
        if (argvHead.size() > 1) {
            const QString script = c.argv.at(2);
            // Private: umask 077 and a fresh mktemp -d directory (0700); never a fixed or guessable name.
            QVERIFY(script.contains(QLatin1String("umask 077")) || !lease.isEmpty());
            QVERIFY(script.contains(QLatin1String("exec kubectl --kubeconfig=/dev/fd/3 \"$@\"")));
            QVERIFY(!script.contains(QLatin1String("mv ")));
            if (lease.isEmpty()) {
                QVERIFY(script.contains(QLatin1String("mktemp -d /tmp/fleetdeck-kubectl.XXXXXXXXXX")));
                QVERIFY(script.contains(QLatin1String("trap 'rm -rf -- \"$d\"' EXIT")));
                QVERIFY(script.indexOf(QLatin1String("rm -rf -- \"$d\"; trap -")) < script.indexOf(QLatin1String("exec kubectl")));
            }
            const auto shown = unwrapKubectl(c.argv);
            QVERIFY(shown);
            QCOMPARE(shown->args, words);
            QCOMPARE(shown->kubeconfigShown, lease.isEmpty() ? QStringLiteral("<stdin>") : QStringLiteral("<lease>"));
        } else {
            QVERIFY(!unwrapKubectl(c.argv));
        }
    }

    void leaseCommands()
    {
        const RemoteCommand make = leaseCommand(kKubeconfig);
        QCOMPARE(make.stdinData, kKubeconfig.toUtf8());
        QVERIFY(make.stdinIsSecret);
        QVERIFY(!make.argv.join(QLatin1Char(' ')).contains(QLatin1String("S3CR3T")));
        QVERIFY(make.argv.at(2).contains(QLatin1String("mktemp -d /tmp/fleetdeck-kubectl.XXXXXXXXXX")));
        QCOMPARE(parseLeaseDir("/tmp/fleetdeck-kubectl.AbC123xYz9\n"), std::optional<QString>(QStringLiteral("/tmp/fleetdeck-kubectl.AbC123xYz9")));
        for (const QByteArray &bad : {QByteArray(""), QByteArray("/tmp/fleetdeck-kubectl.short"), QByteArray("/etc"),
                                      QByteArray("/tmp/fleetdeck-kubectl.AbC123xYz9/../../etc"), QByteArray("/tmp/x\n/tmp/fleetdeck-kubectl.AbC123xYz9")})
            QVERIFY2(!parseLeaseDir(bad), bad.constData());
        QCOMPARE(releaseCommand(QStringLiteral("/tmp/fleetdeck-kubectl.AbC123xYz9")).argv,
                 (QStringList{QStringLiteral("rm"), QStringLiteral("-rf"), QStringLiteral("--"), QStringLiteral("/tmp/fleetdeck-kubectl.AbC123xYz9")}));
    }

    void storedKubeconfigChecks_data()
    {
        QTest::addColumn<QString>("kubeconfig");
        QTest::addColumn<QString>("context");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("field");
        const QString good = QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://10.0.0.5:6443\n"
                                            "users:\n- name: u\n  user:\n    token: abc\ncontexts:\n- name: prod\n  context:\n"
                                            "    cluster: c\n    user: u\ncurrent-context: prod\n");
        QTest::newRow("good") << good << QString() << true << QString();
        QTest::newRow("good, named context") << good << QStringLiteral("prod") << true << QString();
        QTest::newRow("unknown context") << good << QStringLiteral("staging") << false << QStringLiteral("kube-context");
        QTest::newRow("broken YAML") << QStringLiteral("clusters: [\n- a") << QString() << false << QStringLiteral("kubeconfig");
        QTest::newRow("current-context missing") << QString(good).replace(QStringLiteral("current-context: prod"), QStringLiteral("current-context: gone"))
                                                 << QString() << false << QStringLiteral("kubeconfig");
    }
    void storedKubeconfigChecks()
    {
        QFETCH(QString, kubeconfig);
        QFETCH(QString, context);
        QFETCH(bool, ok);
        QFETCH(QString, field);
        const Status s = checkStoredKubeconfig(kubeconfig, context);
        QCOMPARE(s.ok(), ok);
        if (!ok) {
            QCOMPARE(s.error().kind, ErrorKind::Invalid);
            QCOMPARE(s.error().field, field);
            QVERIFY(!s.error().message.contains(QLatin1String("abc")));   // never the token
        }
    }

    void certificateExpiry()
    {
        QVERIFY(!certificateNotAfter("not a certificate").has_value());
        // A certificate made here, valid for one day.
        QProcess p;
        p.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                                            QStringLiteral("-subj"), QStringLiteral("/CN=t"), QStringLiteral("-days"), QStringLiteral("1"),
                                            QStringLiteral("-keyout"), QStringLiteral("/dev/null")});
        if (!p.waitForFinished(10000) || p.exitCode() != 0)
            QSKIP("openssl not available");
        const auto notAfter = certificateNotAfter(p.readAllStandardOutput());
        QVERIFY(notAfter.has_value());
        const qint64 hours = QDateTime::currentDateTimeUtc().secsTo(*notAfter) / 3600;
        QVERIFY2(hours >= 23 && hours <= 24, qPrintable(QString::number(hours)));
    }
};

QTEST_GUILESS_MAIN(TestK8sCommands)
#include "tst_k8s_commands.moc"
