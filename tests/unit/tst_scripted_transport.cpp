// Unit: the scripted Transport other unit tests drive services and backend flows with: matching,
// recording, unexpected calls, streams (replayed, fed, cancelled) and uploads.

#include "ScriptedTransport.h"

#include "remote/ActivityLog.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace fleetdeck;
using fleetdeck::test::ArgvMatch;
using fleetdeck::test::ScriptedTransport;
using fleetdeck::test::argv;

namespace {

RemoteCommand command(const QStringList &words, const QByteArray &stdinData = {}, bool secret = false)
{
    RemoteCommand c;
    c.argv = words;
    c.stdinData = stdinData;
    c.stdinIsSecret = secret;
    return c;
}

// Collects what a stream delivered.
struct StreamWatch {
    explicit StreamWatch(RemoteStream *stream)
        : finished(stream, &RemoteStream::finished)
    {
        QObject::connect(stream, &RemoteStream::linesReceived, stream, [this](const QList<StreamLine> &l) { lines += l; });
    }
    QStringList texts() const
    {
        QStringList out;
        for (const StreamLine &l : lines)
            out << QString::fromUtf8(l.text);
        return out;
    }
    QSignalSpy finished;
    QList<StreamLine> lines;
};

} // namespace

class TestScriptedTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersInDeclaredOrderAndRecords()
    {
        ScriptedTransport t;
        t.expect({"docker", "ps"}).reply(0, "first\n");
        t.expect({"docker", "ps"}).reply(3, {}, "second failed");
        t.expect(ArgvMatch::prefix({"kubectl", "get"})).reply(0, "pods").always();

        const Result<CommandResult> one = t.execute(command(argv({"docker", "ps"})));
        const Result<CommandResult> two = t.execute(command(argv({"docker", "ps"})));
        QVERIFY(one && two);
        QCOMPARE(one->stdoutData, QByteArray("first\n"));
        QCOMPARE(two->exitCode, 3);
        QCOMPARE(two->stderrData, QByteArray("second failed"));
        for (int i = 0; i < 3; ++i) {
            const Result<CommandResult> get = t.execute(command(argv({"kubectl", "get", "pods"}) << QString::number(i)));
            QVERIFY(get);
            QCOMPARE(get->stdoutData, QByteArray("pods"));
        }
        QCOMPARE(t.argvs().size(), 5);
        QCOMPARE(t.argvs().at(4), argv({"kubectl", "get", "pods", "2"}));
        SCRIPTED_VERIFY(t);
    }

    void recordsStdinAndWhetherItIsSecret()
    {
        ScriptedTransport t;
        t.expect({"kubectl", "apply", "-f", "-"}).reply(0).times(2);
        QVERIFY(t.execute(command(argv({"kubectl", "apply", "-f", "-"}), "kind: Secret", true)));
        QVERIFY(t.execute(command(argv({"kubectl", "apply", "-f", "-"}), "kind: Service")));
        const QList<test::RecordedCall> calls = t.calls();
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).command.stdinData, QByteArray("kind: Secret"));
        QVERIFY(calls.at(0).command.stdinIsSecret);
        QVERIFY(!calls.at(1).command.stdinIsSecret);
        SCRIPTED_VERIFY(t);
    }

    void transportErrorsAndComputedReplies()
    {
        ScriptedTransport t;
        t.expect({"docker", "info"}).fail(ErrorKind::Timeout, QStringLiteral("timed out"));
        t.expect(ArgvMatch::predicate([](const QStringList &a) { return a.value(0) == QLatin1String("wc"); }, QStringLiteral("wc ...")))
            .answer([](const RemoteCommand &c) {
                test::ScriptedReply reply;
                reply.stdoutData = QByteArray::number(c.stdinData.size());
                return reply;
            });
        const Result<CommandResult> info = t.execute(command(argv({"docker", "info"})));
        QVERIFY(!info);
        QCOMPARE(info.error().kind, ErrorKind::Timeout);
        const Result<CommandResult> wc = t.execute(command(argv({"wc", "-c"}), "12345"));
        QVERIFY(wc);
        QCOMPARE(wc->stdoutData, QByteArray("5"));
        SCRIPTED_VERIFY(t);
    }

    void unexpectedCommandsFailAndAreReported()
    {
        ScriptedTransport t;
        t.expect({"docker", "ps"}).reply(0);
        QTest::ignoreMessage(QtWarningMsg, "scripted transport: unexpected command: 'rm' '-rf' '/srv'");
        const Result<CommandResult> result = t.execute(command(argv({"rm", "-rf", "/srv"})));
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorKind::Internal);
        QVERIFY2(result.error().message.contains(QStringLiteral("'rm' '-rf' '/srv'")), qPrintable(result.error().message));
        QCOMPARE(t.unexpectedCalls().size(), 1);
        const QString problems = t.problems();
        QVERIFY2(problems.contains(QStringLiteral("unexpected command: 'rm' '-rf' '/srv'")), qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("expected but never called: 'docker' 'ps'")), qPrintable(problems));
    }

    // A test that never calls SCRIPTED_VERIFY still fails on an unexpected command, naming its argv (the
    // scenario runs in a child process: its failure is the expected outcome).
    void unverifiedUnexpectedCommandFailsTheTest()
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLEETDECK_SCRIPTED_CHILD"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), QStringList());
        QVERIFY(child.waitForFinished(30000));
        const QString output = QString::fromUtf8(child.readAll());
        QVERIFY2(child.exitCode() != 0, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("FAIL!  : UnverifiedScenario::unexpectedCommandWithoutVerify()")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("unexpected: 'rm' '-rf' '/srv'")), qPrintable(output));
    }

    void usedUpExpectationIsUnexpectedTheSecondTime()
    {
        ScriptedTransport t;
        t.expect({"docker", "ps"}).reply(0);
        QVERIFY(t.execute(command(argv({"docker", "ps"}))));
        QTest::ignoreMessage(QtWarningMsg, "scripted transport: unexpected command: 'docker' 'ps'");
        QVERIFY(!t.execute(command(argv({"docker", "ps"}))));
        QVERIFY(!t.problems().isEmpty());
    }

    void fallbackAnswersWhatTheScriptDoesNot()
    {
        ScriptedTransport t;
        t.setFallback([](const RemoteCommand &c) -> std::optional<test::ScriptedReply> {
            if (c.argv.value(0) != QLatin1String("true"))
                return std::nullopt;
            return test::ScriptedReply{};
        });
        QVERIFY(t.execute(command(argv({"true"}))));
        QTest::ignoreMessage(QtWarningMsg, "scripted transport: unexpected command: 'false'");
        QVERIFY(!t.execute(command(argv({"false"}))));
        QCOMPARE(t.unexpectedCalls().size(), 1);
        QVERIFY(!t.problems().isEmpty());
    }

    void cancelledCallReportsCancelled()
    {
        ScriptedTransport t;
        t.expect({"sleep", "10"}).reply(0);
        CancelToken cancel;
        cancel.cancel();
        const Result<CommandResult> result = t.execute(command(argv({"sleep", "10"})), cancel);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorKind::Cancelled);
        SCRIPTED_VERIFY(t);
    }

    void callsFromWorkerThreadsEachTakeOneAnswer()
    {
        ScriptedTransport t;
        t.expect({"echo", "x"}).reply(0, "a").times(50);
        QList<QFuture<bool>> futures;
        for (int i = 0; i < 50; ++i)
            futures << QtConcurrent::run([&t] { return t.execute(command(argv({"echo", "x"}))).ok(); });
        for (QFuture<bool> &f : futures)
            QVERIFY(f.result());
        QCOMPARE(t.argvs().size(), 50);
        QTest::ignoreMessage(QtWarningMsg, "scripted transport: unexpected command: 'echo' 'x'");
        QVERIFY(!t.execute(command(argv({"echo", "x"}))));
        t.problems();
    }

    void executeIsInTheActivityLog()
    {
        ScriptedTransport t(QStringLiteral("web-1"));
        t.expect({"docker", "ps"}).reply(2);
        QSignalSpy recorded(&ActivityLog::instance(), &ActivityLog::recorded);
        QVERIFY(t.execute(command(argv({"docker", "ps"}))));
        QCOMPARE(recorded.size(), 1);
        const auto entry = recorded.at(0).at(0).value<ActivityEntry>();
        QCOMPARE(entry.argv, argv({"docker", "ps"}));
        QCOMPARE(entry.exitCode, 2);
        QCOMPARE(entry.server, QStringLiteral("web-1"));
        SCRIPTED_VERIFY(t);
    }

    void streamReplaysLinesThenFinishes()
    {
        ScriptedTransport t;
        t.expect({"docker", "logs", "-f", "web"}).reply(0, "one\ntwo\n", "warn\n");
        t.expect({"docker", "logs", "-f", "db"}).streamLines({"x", "y"}, 7);
        std::unique_ptr<RemoteStream> web = t.stream(command(argv({"docker", "logs", "-f", "web"})));
        std::unique_ptr<RemoteStream> db = t.stream(command(argv({"docker", "logs", "-f", "db"})));
        StreamWatch webWatch(web.get());
        StreamWatch dbWatch(db.get());
        QVERIFY(webWatch.finished.wait(5000));
        QTRY_COMPARE(dbWatch.finished.size(), 1);
        QCOMPARE(webWatch.texts(), QStringList({QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("warn")}));
        QCOMPARE(webWatch.lines.at(2).channel, StreamChannel::Stderr);
        QCOMPARE(webWatch.finished.at(0).at(0).toInt(), 0);
        QCOMPARE(dbWatch.texts(), QStringList({QStringLiteral("x"), QStringLiteral("y")}));
        QCOMPARE(dbWatch.finished.at(0).at(0).toInt(), 7);
        SCRIPTED_VERIFY(t);
    }

    void streamFedByTheTestUntilItEnds()
    {
        ScriptedTransport t;
        auto feed = std::make_shared<test::StreamFeed>();
        t.expect({"kubectl", "logs", "-f", "web"}).streamLines({"boot"}).keepOpen(feed);
        std::unique_ptr<RemoteStream> stream = t.stream(command(argv({"kubectl", "logs", "-f", "web"})));
        StreamWatch watch(stream.get());
        QTRY_COMPARE(watch.lines.size(), 1);
        feed->push({"later"});
        QTRY_COMPARE(watch.texts(), QStringList({QStringLiteral("boot"), QStringLiteral("later")}));
        QCOMPARE(watch.finished.size(), 0);
        feed->finish(0);
        QTRY_COMPARE(watch.finished.size(), 1);
        SCRIPTED_VERIFY(t);
    }

    void streamCancelEndsIt()
    {
        ScriptedTransport t;
        t.expect({"docker", "exec", "-i", "web", "sh"}).keepOpen();
        std::unique_ptr<RemoteStream> stream = t.stream(command(argv({"docker", "exec", "-i", "web", "sh"})));
        StreamWatch watch(stream.get());
        stream->cancel();
        QVERIFY(watch.finished.wait(5000));
        QCOMPARE(watch.finished.at(0).at(0).toInt(), -1);
        QCOMPARE(watch.finished.at(0).at(1).value<Error>().kind, ErrorKind::Cancelled);
        QCOMPARE(t.cancelledStreams(), 1);
        SCRIPTED_VERIFY(t);
    }

    void unexpectedStreamFinishesWithTheError()
    {
        ScriptedTransport t;
        QTest::ignoreMessage(QtWarningMsg, "scripted transport: unexpected command: 'tail' '-f' 'x'");
        std::unique_ptr<RemoteStream> stream = t.stream(command(argv({"tail", "-f", "x"})));
        StreamWatch watch(stream.get());
        QVERIFY(watch.finished.wait(5000));
        QVERIFY(watch.finished.at(0).at(1).value<Error>().message.contains(QStringLiteral("'tail' '-f' 'x'")));
        QCOMPARE(t.unexpectedCalls().size(), 1);
        t.problems();
    }

    void uploadsAreRecordedAndCanFail()
    {
        ScriptedTransport t;
        QVERIFY(t.upload("apiVersion: v1", QStringLiteral("/tmp/kc"), 0600));
        QCOMPARE(t.uploads().size(), 1);
        QCOMPARE(t.uploads().at(0).uploadPath, QStringLiteral("/tmp/kc"));
        QCOMPARE(t.uploads().at(0).uploadData, QByteArray("apiVersion: v1"));
        QCOMPARE(t.uploads().at(0).uploadPermissions, 0600);
        QVERIFY(t.argvs().isEmpty());
        t.failUploads(Error::make(ErrorKind::Storage, QStringLiteral("disk full")));
        const Status failed = t.upload("x", QStringLiteral("/tmp/kc2"), 0600);
        QVERIFY(!failed);
        QCOMPARE(failed.error().message, QStringLiteral("disk full"));
        QCOMPARE(t.uploads().size(), 2);
        SCRIPTED_VERIFY(t);
    }
};

// Run as a child by unverifiedUnexpectedCommandFailsTheTest(): must FAIL.
class UnverifiedScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unexpectedCommandWithoutVerify()
    {
        ScriptedTransport t;
        QTest::ignoreMessage(QtWarningMsg, "scripted transport: unexpected command: 'rm' '-rf' '/srv'");
        QVERIFY(!t.execute(command(argv({"rm", "-rf", "/srv"}))));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("FLEETDECK_SCRIPTED_CHILD")) {
        UnverifiedScenario scenario;
        return QTest::qExec(&scenario, argc, argv);
    }
    TestScriptedTransport test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_scripted_transport.moc"
