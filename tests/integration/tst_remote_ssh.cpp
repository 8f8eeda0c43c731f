// Integration: SshTransport against a real OpenSSH sshd — exit codes, big outputs, stdin, timeout,
// cancel, concurrency on one session, streams, uploads, lost connections and unreachable hosts.

#include "RealComponent.h"
#include "RemoteCommands.h"
#include "SshdFixture.h"

#include "remote/ActivityLog.h"
#include "remote/SshTransport.h"
#include "remote/TransportPool.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <csignal>
#include <thread>

using namespace fleetdeck;
using fleetdeck::test::cmd;
using fleetdeck::test::sh;
using fleetdeck::test::SshdFixture;

namespace {

QString uniqueSleep()
{
    // A duration nobody else uses, so pgrep -f finds exactly our process.
    return QStringLiteral("3%1.%2").arg(QRandomGenerator::global()->bounded(100, 999)).arg(QRandomGenerator::global()->bounded(10000, 99999));
}

// Blocking executes need their own threads: the global pool has one per core.
QThreadPool &callers()
{
    static QThreadPool pool;
    pool.setMaxThreadCount(64);
    return pool;
}

} // namespace

class TestRemoteSsh : public QObject
{
    Q_OBJECT

private:
    SshdFixture m_sshd;
    std::unique_ptr<SshTransport> m_ssh;

    SshOptions fastOptions() const
    {
        SshOptions o;
        o.connectTimeoutMs = 5000;
        o.killGraceMs = 1000;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        FLEETDECK_REQUIRE_COMPONENT(SshdFixture::available(&why), why);
        QString error;
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
        m_ssh = std::make_unique<SshTransport>(m_sshd.server(), fastOptions());
    }

    void cleanupTestCase() { m_ssh.reset(); }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("true") << QStringList{QStringLiteral("true")} << 0;
        QTest::newRow("false") << QStringList{QStringLiteral("false")} << 1;
        QTest::newRow("exit 255") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 255")} << 255;
        QTest::newRow("exit 42") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 42")} << 42;
        QTest::newRow("not found") << QStringList{QStringLiteral("fleetdeck-no-such-command")} << 127;
    }

    void exitCodes()
    {
        QFETCH(QStringList, argv);
        QFETCH(int, exitCode);
        Result<CommandResult> r = m_ssh->execute(cmd(argv, 10000));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->exitCode, exitCode);
        QVERIFY(r->exitSignal.isEmpty());
        QCOMPARE(r->succeeded(), exitCode == 0);
    }

    void killedBySignal()
    {
        Result<CommandResult> r = m_ssh->execute(sh(QStringLiteral("kill -KILL $$"), 10000));
        QVERIFY(r.ok());
        QCOMPARE(r->exitSignal, QStringLiteral("KILL"));
        QCOMPARE(r->exitCode, -1);
        QVERIFY(!r->succeeded());
    }

    void stdoutAndStderr()
    {
        Result<CommandResult> r = m_ssh->execute(sh(QStringLiteral("echo out; echo err >&2; exit 3"), 10000));
        QVERIFY(r.ok());
        QCOMPARE(r->stdoutData, QByteArray("out\n"));
        QCOMPARE(r->stderrData, QByteArray("err\n"));
        QCOMPARE(r->exitCode, 3);
    }

    void interleavedOutput()
    {
        // Both pipes busy at once: 20000 lines each, alternating.
        Result<CommandResult> r = m_ssh->execute(
            sh(QStringLiteral("i=0; while [ $i -lt 20000 ]; do echo \"o$i\"; echo \"e$i\" >&2; i=$((i+1)); done"), 60000));
        QVERIFY(r.ok());
        QCOMPARE(r->exitCode, 0);
        const QList<QByteArray> out = r->stdoutData.split('\n');
        const QList<QByteArray> err = r->stderrData.split('\n');
        QCOMPARE(out.size(), 20001);
        QCOMPARE(err.size(), 20001);
        QCOMPARE(out.at(19999), QByteArray("o19999"));
        QCOMPARE(err.at(12345), QByteArray("e12345"));
    }

    void largeOutputNoDeadlock()
    {
        QElapsedTimer t;
        t.start();
        Result<CommandResult> r = m_ssh->execute(cmd({QStringLiteral("head"), QStringLiteral("-c"), QStringLiteral("100000000"),
                                                      QStringLiteral("/dev/zero")},
                                                     50000));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->exitCode, 0);
        QCOMPARE(r->stdoutData.size(), qsizetype(100000000));
        QVERIFY(r->stdoutData.count('\0') == r->stdoutData.size());
        qInfo("100 MB over the session in %lld ms", t.elapsed());
    }

    void largeOutputOnBothChannels()
    {
        Result<CommandResult> r = m_ssh->execute(
            sh(QStringLiteral("head -c 20000000 /dev/zero >&2 & head -c 20000000 /dev/zero; wait"), 30000));
        QVERIFY(r.ok());
        QCOMPARE(r->exitCode, 0);
        QCOMPARE(r->stdoutData.size(), qsizetype(20000000));
        QCOMPARE(r->stderrData.size(), qsizetype(20000000));
    }

    void stdinPayload()
    {
        QByteArray payload(5 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char(QRandomGenerator::global()->bounded(256));
        RemoteCommand c = cmd({QStringLiteral("cat")}, 30000);
        c.stdinData = payload;
        Result<CommandResult> r = m_ssh->execute(c);
        QVERIFY(r.ok());
        QCOMPARE(r->exitCode, 0);
        QCOMPARE(r->stdoutData.size(), payload.size());
        QVERIFY(r->stdoutData == payload);

        RemoteCommand hash = cmd({QStringLiteral("sha256sum")}, 30000);
        hash.stdinData = payload;
        Result<CommandResult> h = m_ssh->execute(hash);
        QVERIFY(h.ok());
        QCOMPARE(h->stdoutData.left(64), QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
    }

    void emptyStdinEndsReaders()
    {
        Result<CommandResult> r = m_ssh->execute(cmd({QStringLiteral("cat")}, 5000));
        QVERIFY(r.ok());
        QCOMPARE(r->exitCode, 0);
        QVERIFY(r->stdoutData.isEmpty());
    }

    void timeoutStopsRemoteProcess()
    {
        const QString duration = uniqueSleep();
        const QString pattern = QStringLiteral("^sleep ") + duration + QLatin1Char('$');
        Result<CommandResult> r = m_ssh->execute(cmd({QStringLiteral("sleep"), duration}, 700));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Timeout);
        QVERIFY2(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 0; }, 5000), "remote sleep survived the timeout");
    }

    void cancelStopsRemoteProcess()
    {
        const QString duration = uniqueSleep();
        const QString pattern = QStringLiteral("^sleep ") + duration + QLatin1Char('$');
        CancelToken token;
        auto future = QtConcurrent::run(&callers(), [&] { return m_ssh->execute(cmd({QStringLiteral("sleep"), duration}), token); });
        QVERIFY(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 1; }, 5000));
        token.cancel();
        future.waitForFinished();
        Result<CommandResult> r = future.result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
        QVERIFY2(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 0; }, 5000), "remote sleep survived the cancel");
    }

    void cancelKillsWholeProcessGroup()
    {
        // A pipeline and a background child: sshd's killpg reaches all of them.
        const QString duration = uniqueSleep();
        const QString pattern = QStringLiteral("^sleep ") + duration + QLatin1Char('$');
        CancelToken token;
        auto future = QtConcurrent::run(&callers(), [&] {
            return m_ssh->execute(sh(QStringLiteral("sleep %1 & sleep %1 | cat; wait").arg(duration)), token);
        });
        QVERIFY(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 2; }, 5000));
        token.cancel();
        future.waitForFinished();
        QCOMPARE(future.result().error().kind, ErrorKind::Cancelled);
        QVERIFY2(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 0; }, 5000), "a remote child survived the cancel");
    }

    void fiftyConcurrentCommandsOnOneSession()
    {
        SshdFixture sshd;
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error)); // fresh log; sshd's default MaxSessions (10)
        SshTransport ssh(sshd.server(), fastOptions());
        // A barrier instead of a stopwatch: each command marks itself started and waits (up to 20 s)
        // until five have started, so the commands finish only if at least five run at once.
        QTemporaryDir barrier;
        QVERIFY(barrier.isValid());
        const QString script = QStringLiteral("touch %1/$0; n=0; while [ $(ls %1 | wc -l) -lt 5 ] && [ $n -lt 400 ]; do "
                                              "sleep 0.05; n=$((n+1)); done; [ $n -lt 400 ] && echo $0")
                                   .arg(barrier.path());
        QList<QFuture<Result<CommandResult>>> futures;
        for (int i = 0; i < 50; ++i) {
            futures << QtConcurrent::run(&callers(), [&ssh, &script, i] {
                RemoteCommand c = sh(script, 30000);
                c.argv << QString::number(i);   // $0 of the script
                return ssh.execute(c);
            });
        }
        for (int i = 0; i < 50; ++i) {
            futures[i].waitForFinished();
            const Result<CommandResult> r = futures[i].result();
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
            QCOMPARE(r->stdoutData, QByteArray::number(i) + '\n');
        }
        QCOMPARE(ssh.connectCount(), 1);
        QVERIFY(QTest::qWaitFor([&] { return sshd.countInLog(QStringLiteral("request exec")) == 50; }, 3000));
        QCOMPARE(sshd.countInLog(QStringLiteral("Accepted publickey")), 1);
    }

    void adaptsToLowerMaxSessions()
    {
        SshdFixture sshd;
        SshdFixture::Config config;
        config.maxSessions = 3;
        QString error;
        QVERIFY2(sshd.start(config, &error), qPrintable(error));
        SshTransport ssh(sshd.server(), fastOptions()); // maxChannels 10 > server's 3
        QList<QFuture<Result<CommandResult>>> futures;
        for (int i = 0; i < 20; ++i)
            futures << QtConcurrent::run(&callers(), [&ssh, i] { return ssh.execute(sh(QStringLiteral("sleep 0.1; echo %1").arg(i), 30000)); });
        for (int i = 0; i < 20; ++i) {
            futures[i].waitForFinished();
            const Result<CommandResult> r = futures[i].result();
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
            QCOMPARE(r->stdoutData, QByteArray::number(i) + '\n');
        }
        QCOMPARE(sshd.countInLog(QStringLiteral("Accepted publickey")), 1);
    }

    void streamDeliversLines()
    {
        std::unique_ptr<RemoteStream> stream =
            m_ssh->stream(sh(QStringLiteral("for i in 1 2 3 4 5; do echo line$i; sleep 0.05; done; echo oops >&2; exit 4")));
        QList<StreamLine> lines;
        connect(stream.get(), &RemoteStream::linesReceived, this, [&](const QList<StreamLine> &batch) { lines += batch; });
        QSignalSpy finished(stream.get(), &RemoteStream::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toInt(), 4);
        QStringList texts;
        for (const StreamLine &l : lines)
            texts << QString::fromUtf8(l.text);
        // Under the pty stderr is merged into stdout; line endings come back without the '\r'.
        QCOMPARE(texts, (QStringList{QStringLiteral("line1"), QStringLiteral("line2"), QStringLiteral("line3"),
                                     QStringLiteral("line4"), QStringLiteral("line5"), QStringLiteral("oops")}));
    }

    void streamCancelLeavesNoRemoteProcess()
    {
        QTemporaryFile followed;
        QVERIFY(followed.open());
        const QString path = followed.fileName();
        std::unique_ptr<RemoteStream> stream = m_ssh->stream(cmd({QStringLiteral("tail"), QStringLiteral("-f"), path}));
        QList<StreamLine> lines;
        connect(stream.get(), &RemoteStream::linesReceived, this, [&](const QList<StreamLine> &batch) { lines += batch; });
        QSignalSpy finished(stream.get(), &RemoteStream::finished);
        const QString pattern = QStringLiteral("tail -f ") + path;
        QVERIFY(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 1; }, 5000));
        followed.write("hello\nworld\n");
        followed.flush();
        QVERIFY(QTest::qWaitFor([&] { return lines.size() >= 2; }, 5000));
        QCOMPARE(lines.at(0).text, QByteArray("hello"));
        stream->cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).toInt(), -1);
        QCOMPARE(finished.first().at(1).value<Error>().kind, ErrorKind::Cancelled);
        QVERIFY2(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 0; }, 5000), "tail -f survived the cancel");
    }

    void destroyingStreamEndsRemoteProcess()
    {
        QTemporaryFile followed;
        QVERIFY(followed.open());
        const QString pattern = QStringLiteral("tail -f ") + followed.fileName();
        auto stream = m_ssh->stream(cmd({QStringLiteral("tail"), QStringLiteral("-f"), followed.fileName()}));
        QVERIFY(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 1; }, 5000));
        stream.reset(); // a log window closed
        QVERIFY2(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 0; }, 5000), "tail -f survived its stream");
    }

    void uploadWritesAtomicallyWithMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("deploy/../manifest with space.yaml"));
        QDir().mkpath(dir.filePath(QStringLiteral("deploy")));
        QByteArray payload("apiVersion: v1\nkind: Secret\n");
        payload.append('\0').append("\xff\xfe binary");
        QVERIFY(m_ssh->upload(payload, path, 0640).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), payload);
        QCOMPARE(QFileInfo(path).permissions() & 0x7777,
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser | QFile::ReadGroup);
        // Replaces an existing file; no temp file is left behind.
        QVERIFY(m_ssh->upload("second", path, 0600).ok());
        QFile again(path);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), QByteArray("second"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
        // A directory that does not exist: a clear failure.
        const Status bad = m_ssh->upload("x", dir.filePath(QStringLiteral("missing/file")), 0600);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ErrorKind::RemoteFailed);
    }

    // A directory (another user's, say) at the target path: the upload fails and leaves nothing behind,
    // rather than moving the payload into that directory.
    void uploadToADirectoryFails()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kubeconfig"));
        QVERIFY(QDir().mkpath(path));
        const Status refused = m_ssh->upload("apiVersion: v1\n", path, 0600);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::RemoteFailed);
        QVERIFY2(QDir(path).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
                 qPrintable(QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).join(u' ')));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    void activityLogMasksSecrets()
    {
        QSignalSpy recorded(&ActivityLog::instance(), &ActivityLog::recorded);
        RemoteCommand c = cmd({QStringLiteral("echo"), QStringLiteral("--password"), QStringLiteral("hunter2")}, 10000);
        c.secretArgs = {2};
        c.stdinData = "top secret stdin";
        c.purpose = QStringLiteral("masking test");
        QVERIFY(m_ssh->execute(c).ok());
        QVERIFY(recorded.count() >= 1);
        const ActivityEntry entry = recorded.last().at(0).value<ActivityEntry>();
        QCOMPARE(entry.argv, (QStringList{QStringLiteral("echo"), QStringLiteral("--password"), QStringLiteral("***")}));
        QCOMPARE(entry.purpose, QStringLiteral("masking test"));
        QCOMPARE(entry.exitCode, 0);
        QCOMPARE(entry.stdinBytes, qint64(16));
        QCOMPARE(entry.server, QStringLiteral("fixture"));
        QVERIFY(entry.durationMs >= 0);
        for (const ActivityEntry &e : ActivityLog::instance().entries()) {
            QVERIFY(!e.argv.contains(QStringLiteral("hunter2")));
        }
    }

    void nulInArgvIsRefused()
    {
        const int before = m_sshd.countInLog(QStringLiteral("request exec"));
        Result<CommandResult> r = m_ssh->execute(cmd({QStringLiteral("echo"), QStringLiteral("a") + QChar(0) + QStringLiteral("b")}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Invalid);
        QVERIFY(m_ssh->execute(cmd({QStringLiteral("true")})).ok());
        QVERIFY(QTest::qWaitFor([&] { return m_sshd.countInLog(QStringLiteral("request exec")) >= before + 1; }, 5000));
        QCOMPARE(m_sshd.countInLog(QStringLiteral("request exec")), before + 1);
    }

    void connectionRefused()
    {
        Server s = m_sshd.server();
        s.port = SshdFixture::freePort();
        SshTransport ssh(s, fastOptions());
        Result<CommandResult> r = ssh.execute(cmd({QStringLiteral("true")}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Unreachable);
        QVERIFY2(r.error().message.contains(QLatin1String("refused")), qPrintable(r.error().toString()));
    }

    void unroutableHostTimesOut()
    {
        // The accept queue of this loopback port is full, so SYNs are dropped: what an unroutable host
        // looks like (this workplace forbids sending traffic to addresses outside loopback).
        SshdFixture::Blackhole blackhole;
        QVERIFY(blackhole.ok());
        Server s = m_sshd.server();
        s.port = blackhole.port();
        SshOptions o = fastOptions();
        o.connectTimeoutMs = 2000;
        SshTransport ssh(s, o);
        Result<CommandResult> r = ssh.execute(cmd({QStringLiteral("true")}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Unreachable);
        QVERIFY2(r.error().message.contains(QLatin1String("2 s")), qPrintable(r.error().toString()));
    }

    void silentServerTimesOut()
    {
        SshdFixture::SilentServer silent;
        Server s = m_sshd.server();
        s.port = silent.port();
        SshOptions o = fastOptions();
        o.connectTimeoutMs = 2000;
        SshTransport ssh(s, o);
        Result<CommandResult> r = ssh.execute(cmd({QStringLiteral("true")}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Unreachable);
    }

    // How long the reconnect backoff, the timeouts and the keepalive take is measured, not asserted:
    // tests/bench/bench_ssh_timeouts.

    void sshdKilledMidCommandThenReconnects()
    {
        SshdFixture sshd;
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error));
        SshTransport ssh(sshd.server(), fastOptions());
        QVERIFY(ssh.execute(cmd({QStringLiteral("true")})).ok());
        const QString duration = uniqueSleep();
        auto future = QtConcurrent::run(&callers(), [&] { return ssh.execute(cmd({QStringLiteral("sleep"), duration})); });
        QVERIFY(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(QStringLiteral("^sleep ") + duration + QLatin1Char('$')) == 1; }, 5000));
        sshd.kill();
        future.waitForFinished();
        const Result<CommandResult> r = future.result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Unreachable);
        QVERIFY2(r.error().message.contains(QLatin1String("lost")), qPrintable(r.error().toString()));
        QVERIFY(!ssh.isConnected());

        // While sshd is down: refused, clearly.
        const Result<CommandResult> down = ssh.execute(cmd({QStringLiteral("true")}));
        QVERIFY(!down.ok());
        QCOMPARE(down.error().kind, ErrorKind::Unreachable);

        QVERIFY2(sshd.restart(&error), qPrintable(error));
        const Result<CommandResult> again = ssh.execute(cmd({QStringLiteral("echo"), QStringLiteral("back")}, 15000));
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        QCOMPARE(again->stdoutData, QByteArray("back\n"));
        QCOMPARE(ssh.connectCount(), 2);
    }

    void keepaliveDetectsDeadConnection()
    {
        SshdFixture sshd;
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error));
        SshOptions o = fastOptions();
        o.keepaliveIntervalMs = 200;
        o.keepaliveMaxMisses = 4;
        SshTransport ssh(sshd.server(), o);
        QVERIFY(ssh.execute(cmd({QStringLiteral("true")})).ok());
        // An idle, answered session stays up across several keepalive exchanges.
        QVERIFY(QTest::qWaitFor([&] { return sshd.countInLog(QStringLiteral("keepalive@openssh.com")) >= 6; }, 20000));
        QVERIFY(ssh.isConnected());

        const QString duration = uniqueSleep();
        auto future = QtConcurrent::run(&callers(), [&] { return ssh.execute(cmd({QStringLiteral("sleep"), duration})); });
        QVERIFY(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(QStringLiteral("^sleep ") + duration + QLatin1Char('$')) == 1; }, 5000));
        sshd.signalConnections(SIGSTOP); // the peer hangs: TCP stays up, SSH answers stop
        future.waitForFinished();
        const Result<CommandResult> r = future.result();
        sshd.signalConnections(SIGCONT);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Unreachable);
        QVERIFY2(r.error().message.contains(QLatin1String("keepalive")), qPrintable(r.error().toString()));
        const Result<CommandResult> again = ssh.execute(cmd({QStringLiteral("true")}, 10000));
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        QCOMPARE(ssh.connectCount(), 2);
    }

    void poolSharesOneSessionPerServer()
    {
        TransportPool pool(fastOptions());
        const Server s = m_sshd.server();
        std::shared_ptr<Transport> a = pool.transportFor(s);
        std::shared_ptr<Transport> b = pool.transportFor(s);
        QCOMPARE(a.get(), b.get());
        Server edited = s;
        edited.hostKeyFingerprint = m_sshd.otherHostKeyFingerprint();
        std::shared_ptr<Transport> c = pool.transportFor(edited);
        QVERIFY(c.get() != a.get());
        QCOMPARE(pool.size(), 1); // the stale entry of server 1 was replaced
        Server local;
        local.isLocal = true;
        QCOMPARE(pool.transportFor(local)->describe(), QStringLiteral("this machine"));
        QVERIFY(pool.sshTransportFor(local) == nullptr);
    }
};

QTEST_GUILESS_MAIN(TestRemoteSsh)
#include "tst_remote_ssh.moc"
