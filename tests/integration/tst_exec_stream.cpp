// Streamed exec against the real thing: standalone Docker over the test sshd and on this machine,
// Swarm over the test sshd, Kubernetes on the test cluster (kwok runs exec'd commands on this host).
// Output arrives while the command still runs, the exit code is the command's, Stop ends the
// process in the replica, and a replica chosen by name is the one that runs the command.
#include "DockerFixture.h"
#include "KubeClusterFixture.h"
#include "RealComponent.h"
#include "SshdFixture.h"
#include "TestEnvironment.h"
#include "orchestrators/kubernetes/KubernetesOrchestrator.h"
#include "remote/LocalTransport.h"
#include "services/Operations.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::DockerFixture;
using fleetdeck::test::KubeClusterFixture;
using fleetdeck::test::SshdFixture;

namespace {

// What a stream delivered, with the moment each line came.
struct Received {
    QList<StreamLine> lines;
    bool finished = false;
    int exitCode = -2;
    Error error;

    bool has(const QString &text) const
    {
        for (const StreamLine &l : lines)
            if (QString::fromUtf8(l.text).trimmed() == text)
                return true;
        return false;
    }
    QString all() const
    {
        QStringList out;
        for (const StreamLine &l : lines)
            out << QString::fromUtf8(l.text);
        return out.join(QLatin1Char('\n')) + (error.message.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(error.toString()));
    }
};

void collect(RemoteStream *stream, Received *into)
{
    QObject::connect(stream, &RemoteStream::linesReceived, stream, [into](const QList<StreamLine> &lines) { into->lines += lines; });
    QObject::connect(stream, &RemoteStream::finished, stream, [into](int exitCode, const Error &error) {
        into->finished = true;
        into->exitCode = exitCode;
        into->error = error;
    });
}

// OperationsService's session: the same signals (lines in batches).
void collect(ExecSession *stream, Received *into)
{
    QObject::connect(stream, &ExecSession::linesReceived, stream, [into](const QList<StreamLine> &lines, qint64) { into->lines += lines; });
    QObject::connect(stream, &ExecSession::finished, stream, [into](int exitCode, const Error &error) {
        into->finished = true;
        into->exitCode = exitCode;
        into->error = error;
    });
}

// A backend's stream may fail at once; a session reports a failed lookup through finished().
RemoteStream *opened(Result<std::unique_ptr<RemoteStream>> &stream, QString *why)
{
    if (!stream) {
        *why = stream.error().toString();
        return nullptr;
    }
    return stream->get();
}

ExecSession *opened(std::unique_ptr<ExecSession> &stream, QString *)
{
    return stream.get();
}

void destroy(Result<std::unique_ptr<RemoteStream>> &stream)
{
    stream->reset();
}

void destroy(std::unique_ptr<ExecSession> &stream)
{
    stream.reset();
}

ExecRequest request(const QStringList &argv, const QString &replica = {})
{
    ExecRequest r;
    r.argv = argv;
    r.replica = replica;
    return r;
}

QStringList sh(const QString &script)
{
    return {QStringLiteral("sh"), QStringLiteral("-c"), script};
}

QString uniqueSleep()
{
    // "sleep 300.NNNNN": nobody else runs that, so pgrep finds exactly ours.
    return QStringLiteral("300.%1").arg(QRandomGenerator::global()->bounded(10000, 99999));
}

int sleepers(const QString &duration)
{
    // Anchored: the process itself (in the container, or on this host under kwok), not the client
    // (`docker exec ...`, `kubectl exec ...`) or a shell whose command line names it.
    return SshdFixture::pgrepCount(QStringLiteral("^sleep %1$").arg(duration));
}

using StreamMaker = std::function<Result<std::unique_ptr<RemoteStream>>(const ExecRequest &)>;
using SessionMaker = std::function<std::unique_ptr<ExecSession>(const ExecRequest &)>;

} // namespace

class TestExecStream : public QObject
{
    Q_OBJECT

    test::OperationsHarness h;
    bool m_harness = false;
    KubeClusterFixture m_cluster;

    // "one" arrives while the command still runs, "two" after it, then exit 0.
    template<typename Maker>
    void checkStreams(const Maker &make)
    {
        auto stream = make(request(sh(QStringLiteral("echo one; sleep 3; echo two"))));
        QString why;
        auto *s = opened(stream, &why);
        QVERIFY2(s, qPrintable(why));
        Received got;
        collect(s, &got);
        QTRY_VERIFY2_WITH_TIMEOUT(got.has(QStringLiteral("one")) || got.finished, qPrintable(got.all()), 30000);
        QVERIFY2(got.has(QStringLiteral("one")), qPrintable(got.all()));
        QVERIFY2(!got.finished, "the command had already ended when its first line arrived");
        QVERIFY(!got.has(QStringLiteral("two")));
        QTRY_VERIFY_WITH_TIMEOUT(got.finished, 30000);
        QVERIFY2(got.has(QStringLiteral("two")), qPrintable(got.all()));
        QVERIFY2(got.error.message.isEmpty(), qPrintable(got.all()));
        QCOMPARE(got.exitCode, 0);
    }

    template<typename Maker>
    void checkExitCode(const Maker &make)
    {
        auto stream = make(request(sh(QStringLiteral("echo before; exit 7"))));
        QString why;
        auto *s = opened(stream, &why);
        QVERIFY2(s, qPrintable(why));
        Received got;
        collect(s, &got);
        QTRY_VERIFY_WITH_TIMEOUT(got.finished, 30000);
        QVERIFY2(got.error.message.isEmpty(), qPrintable(got.all()));
        QCOMPARE(got.exitCode, 7);
        QVERIFY(got.has(QStringLiteral("before")));
        // kubectl's "... exit status 7" report is read, not shown as output.
        QVERIFY2(!got.all().contains(QStringLiteral("exit status")), qPrintable(got.all()));
    }

    template<typename Maker>
    void checkStreamsAndExitCode(const Maker &make)
    {
        checkStreams(make);
        if (!QTest::currentTestFailed())
            checkExitCode(make);
    }

    // cancel() ends the process in the replica, not only the client.
    template<typename Maker>
    void checkStopEndsTheCommand(const Maker &make)
    {
        const QString duration = uniqueSleep();
        auto stream = make(request({QStringLiteral("sleep"), duration}));
        QString why;
        auto *s = opened(stream, &why);
        QVERIFY2(s, qPrintable(why));
        Received got;
        collect(s, &got);
        QTRY_VERIFY_WITH_TIMEOUT(sleepers(duration) == 1, 30000);
        QVERIFY(!got.finished);
        s->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(got.finished, 10000);
        QCOMPARE(got.error.kind, ErrorKind::Cancelled);
        QTRY_VERIFY2_WITH_TIMEOUT(sleepers(duration) == 0, "the command still runs in the replica after Stop", 15000);
        QTRY_VERIFY_WITH_TIMEOUT(SshdFixture::pgrepCount(QStringLiteral("sleep %1").arg(duration)) == 0, 10000);
    }

    // Destroying a running stream (a closed window) ends the command as well.
    template<typename Maker>
    void checkDestroyEndsTheCommand(const Maker &make)
    {
        const QString duration = uniqueSleep();
        auto stream = make(request({QStringLiteral("sleep"), duration}));
        QString why;
        QVERIFY2(opened(stream, &why), qPrintable(why));
        QTRY_VERIFY_WITH_TIMEOUT(sleepers(duration) == 1, 30000);
        destroy(stream);
        QTRY_VERIFY2_WITH_TIMEOUT(sleepers(duration) == 0, "the command outlived its stream", 15000);
    }

    template<typename Maker>
    QString firstLineOf(const Maker &make, const ExecRequest &r)
    {
        auto stream = make(r);
        QString why;
        auto *s = opened(stream, &why);
        if (!s)
            return QStringLiteral("error: ") + why;
        Received got;
        collect(s, &got);
        if (!QTest::qWaitFor([&] { return got.finished; }, 30000))
            return QStringLiteral("no end");
        if (got.exitCode != 0 || got.lines.isEmpty())
            return QStringLiteral("exit %1: %2").arg(got.exitCode).arg(got.all());
        return QString::fromUtf8(got.lines.first().text).trimmed();
    }

    Application deployed(Application a)
    {
        a = h.add(a);
        auto d = h.ops->deploy(a.id);
        if (!d || d->status != DeploymentStatus::Finished)
            qWarning("deploy of %s: %s", qPrintable(a.name), qPrintable(d ? d->error : d.error().toString()));
        return a;
    }

    SessionMaker viaOperations(qint64 appId)
    {
        return [this, appId](const ExecRequest &r) { return h.ops->followExec(appId, r); };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_harness = h.start(&why);
        if (!m_harness)
            qWarning("%s", qPrintable(why));
    }

    void standaloneDockerOverSsh()
    {
        QString why = QStringLiteral("Docker engine or test sshd");
        FLEETDECK_REQUIRE_COMPONENT(m_harness, why);
        Application a = DockerFixture::app(QStringLiteral("fdtest-xs-ssh"), h.sshDocker.id);
        a.replicas = 2;
        a = deployed(a);
        const SessionMaker make = viaOperations(a.id);
        checkStreamsAndExitCode(make);
        if (QTest::currentTestFailed())
            return;
        // The replica chosen by name runs the command: its hostname is that container's.
        const QString expected = QString::fromUtf8(DockerFixture::docker({QStringLiteral("inspect"), QStringLiteral("--format"),
                                                                          QStringLiteral("{{.Config.Hostname}}"), QStringLiteral("fdtest-xs-ssh.2")}))
                                     .trimmed();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(firstLineOf(make, request({QStringLiteral("hostname")}, QStringLiteral("fdtest-xs-ssh.2"))), expected);
        QVERIFY(firstLineOf(make, request({QStringLiteral("hostname")}, QStringLiteral("1"))) != expected);
        checkStopEndsTheCommand(make);
        if (QTest::currentTestFailed())
            return;
        checkDestroyEndsTheCommand(make);
        // A replica that does not exist is an error before anything runs, reported by finished().
        auto missing = h.ops->followExec(a.id, request({QStringLiteral("true")}, QStringLiteral("9")));
        Received lookup;
        collect(missing.get(), &lookup);
        QTRY_VERIFY_WITH_TIMEOUT(lookup.finished, 30000);
        QCOMPARE(lookup.error.kind, ErrorKind::NotFound);
        QVERIFY(lookup.lines.isEmpty());
    }

    void standaloneDockerOnThisMachineKeepsStderrApart()
    {
        FLEETDECK_REQUIRE_COMPONENT(m_harness, QStringLiteral("Docker engine"));
        Application a = deployed(DockerFixture::app(QStringLiteral("fdtest-xs-local"), h.local.id));
        auto stream = h.ops->followExec(a.id, request(sh(QStringLiteral("echo out; echo err >&2"))));
        QString why;
        auto *s = opened(stream, &why);
        QVERIFY2(s, qPrintable(why));
        Received got;
        collect(s, &got);
        QTRY_VERIFY_WITH_TIMEOUT(got.finished, 30000);
        QCOMPARE(got.exitCode, 0);
        QCOMPARE(got.lines.size(), 2);
        for (const StreamLine &l : got.lines)
            QVERIFY2(l.channel == (l.text == "err" ? StreamChannel::Stderr : StreamChannel::Stdout), l.text.constData());
        checkStopEndsTheCommand(viaOperations(a.id));
    }

    // fleetdeck-cli exec prints each line as it arrives (stdout and stderr apart) and exits with the
    // command's exit code.
    void cliPrintsOutputAsItArrives()
    {
        FLEETDECK_REQUIRE_COMPONENT(m_harness, QStringLiteral("Docker engine"));
        Application a = deployed(DockerFixture::app(QStringLiteral("fdtest-xs-cli"), h.local.id));
        QProcess cli;
        cli.start(test::builtProgram(QStringLiteral("app/fleetdeck-cli")),
                  {QStringLiteral("--db"), h.temp->path, QStringLiteral("exec"), a.name, QStringLiteral("--"), QStringLiteral("sh"),
                   QStringLiteral("-c"), QStringLiteral("echo one; echo oops >&2; sleep 3; echo two; exit 5")});
        QVERIFY(cli.waitForStarted(10000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((cli.waitForReadyRead(100), out += cli.readAllStandardOutput(), out.contains("one\n")), 30000);
        QVERIFY2(cli.state() == QProcess::Running, "the CLI printed nothing until the command had ended");
        QVERIFY(!out.contains("two"));
        QVERIFY(cli.waitForFinished(30000));
        out += cli.readAllStandardOutput();
        QCOMPARE(out, QByteArray("one\ntwo\n"));
        QCOMPARE(cli.readAllStandardError(), QByteArray("oops\n"));
        QCOMPARE(cli.exitCode(), 5);
    }

    void swarmOverSsh()
    {
        FLEETDECK_REQUIRE_COMPONENT(m_harness, QStringLiteral("Docker swarm or test sshd"));
        Application a = DockerFixture::app(QStringLiteral("fdtest-xs-swarm"), h.sshSwarm.id);
        a.swarmReplicas = 2;
        a = deployed(a);
        const SessionMaker make = viaOperations(a.id);
        checkStreamsAndExitCode(make);
        if (QTest::currentTestFailed())
            return;
        // Task 2's container: its short id is its hostname.
        const QStringList ids = DockerFixture::dockerLines({QStringLiteral("ps"), QStringLiteral("--no-trunc"), QStringLiteral("--filter"),
                                                            QStringLiteral("label=com.docker.swarm.service.name=fdtest-xs-swarm"),
                                                            QStringLiteral("--filter"), QStringLiteral("name=fdtest-xs-swarm.2."),
                                                            QStringLiteral("--format"), QStringLiteral("{{.ID}}")});
        QCOMPARE(ids.size(), 1);
        QCOMPARE(firstLineOf(make, request({QStringLiteral("hostname")}, QStringLiteral("2"))), ids.first().left(12));
        checkStopEndsTheCommand(make);
    }

    void kubernetesWithStoredKubeconfig()
    {
        QString error;
        const bool up = m_cluster.start(&error);
        FLEETDECK_REQUIRE_COMPONENT(up, error);
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("xstream"));
        // Stored kubeconfig: uploaded for the operation; the stream (and its stop) must keep it.
        auto o = std::make_unique<KubernetesOrchestrator>(m_cluster.localServer(ns, true), std::make_shared<LocalTransport>());
        Application app = KubeClusterFixture::application(QStringLiteral("shell"), 2);
        OperationContext ctx;
        ctx.deploymentId = 1;
        ctx.deadline = QDeadlineTimer(180000);
        auto out = o->deploy(app, ctx);
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
        auto rolled = o->waitForRollout(app, *out, 60, ctx);
        QVERIFY2(rolled.ok(), qPrintable(rolled.ok() ? QString() : rolled.error().toString()));
        auto st = o->status(app, ctx);
        QVERIFY(st.ok() && st->replicas.size() == 2);
        QStringList pods;
        for (const ReplicaStatus &r : st->replicas)
            pods << r.name;
        pods.sort();

        const StreamMaker make = [&](const ExecRequest &r) { return o->execStream(app, r, OperationContext{}); };
        checkStreamsAndExitCode(make);
        if (QTest::currentTestFailed())
            return;
        checkStopEndsTheCommand(make);
        if (QTest::currentTestFailed())
            return;
        checkDestroyEndsTheCommand(make);
        if (QTest::currentTestFailed())
            return;

        // kwok runs every pod's commands on this host: an Exec object gives the second pod its own
        // environment, so the answer says which pod ran the command.
        const QByteArray execSpec = QStringLiteral(
                                        "apiVersion: kwok.x-k8s.io/v1alpha1\nkind: Exec\nmetadata: {name: %1, namespace: %2}\n"
                                        "spec:\n  execs:\n  - local:\n      workDir: %3/kwok/exec-root\n"
                                        "      envs:\n      - {name: FLEETDECK_POD, value: %1}\n"
                                        "      securityContext: {runAsUser: 65534, runAsGroup: 65534}\n")
                                        .arg(pods.at(1), ns, m_cluster.runDir())
                                        .toUtf8();
        int code = -1;
        QByteArray err;
        m_cluster.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, &code, execSpec, &err);
        QVERIFY2(code == 0, err.constData());
        const ExecRequest byName = request(sh(QStringLiteral("echo \"pod=$FLEETDECK_POD\"")), pods.at(1));
        QTRY_COMPARE_WITH_TIMEOUT(firstLineOf(make, byName), QStringLiteral("pod=%1").arg(pods.at(1)), 20000);
        QCOMPARE(firstLineOf(make, request(sh(QStringLiteral("echo \"pod=$FLEETDECK_POD\"")), pods.at(0))), QStringLiteral("pod="));
    }

    void cleanupTestCase()
    {
        if (m_harness)
            DockerFixture::cleanup();
    }
};

QTEST_MAIN(TestExecStream)
#include "tst_exec_stream.moc"
