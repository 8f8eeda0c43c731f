// Integration: LocalTransport ("this machine") — the same contract as SSH, on local processes.

#include "RemoteCommands.h"
#include "SshdFixture.h"

#include "remote/ActivityLog.h"
#include "remote/LocalTransport.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

using namespace fleetdeck;
using fleetdeck::test::cmd;
using fleetdeck::test::sh;
using fleetdeck::test::SshdFixture;

namespace {

QString uniqueSleep()
{
    return QStringLiteral("4%1.%2").arg(QRandomGenerator::global()->bounded(100, 999)).arg(QRandomGenerator::global()->bounded(10000, 99999));
}

} // namespace

class TestRemoteLocal : public QObject
{
    Q_OBJECT

private:
    LocalTransport m_local;

private Q_SLOTS:
    void initTestCase() { m_local.killGraceMs = 500; }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("0") << QStringLiteral("true") << 0;
        QTest::newRow("1") << QStringLiteral("false") << 1;
        QTest::newRow("255") << QStringLiteral("exit 255") << 255;
        QTest::newRow("not found") << QStringLiteral("fleetdeck-no-such-command") << 127;
    }

    void exitCodes()
    {
        QFETCH(QString, script);
        QFETCH(int, exitCode);
        Result<CommandResult> r = m_local.execute(sh(script, 5000));
        QVERIFY(r.ok());
        QCOMPARE(r->exitCode, exitCode);
    }

    void killedBySignal()
    {
        Result<CommandResult> r = m_local.execute(cmd({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("kill -KILL $$")}, 5000));
        QVERIFY(r.ok());
        // /bin/sh -c 'sh -c ...' may exec the inner sh (then the signal shows) or report 128+9.
        QVERIFY2(r->exitSignal == QStringLiteral("KILL") || r->exitCode == 137, qPrintable(r->exitSignal));
        QVERIFY(!r->succeeded());
    }

    void largeOutputAndStdin()
    {
        Result<CommandResult> big = m_local.execute(
            cmd({QStringLiteral("head"), QStringLiteral("-c"), QStringLiteral("100000000"), QStringLiteral("/dev/zero")}, 30000));
        QVERIFY(big.ok());
        QCOMPARE(big->stdoutData.size(), qsizetype(100000000));

        QByteArray payload(3 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char(QRandomGenerator::global()->bounded(256));
        RemoteCommand c = cmd({QStringLiteral("cat")}, 20000);
        c.stdinData = payload;
        Result<CommandResult> r = m_local.execute(c);
        QVERIFY(r.ok());
        QVERIFY(r->stdoutData == payload);

        Result<CommandResult> both = m_local.execute(sh(QStringLiteral("echo out; echo err >&2"), 5000));
        QCOMPARE(both->stdoutData, QByteArray("out\n"));
        QCOMPARE(both->stderrData, QByteArray("err\n"));
    }

    void timeoutKillsProcessGroup()
    {
        const QString duration = uniqueSleep();
        const QString pattern = QStringLiteral("^sleep ") + duration + QLatin1Char('$');
        Result<CommandResult> r = m_local.execute(sh(QStringLiteral("sleep %1 & sleep %1; wait").arg(duration), 500));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Timeout);
        QVERIFY(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 0; }, 3000));
    }

    void cancelKillsProcessGroup()
    {
        const QString duration = uniqueSleep();
        const QString pattern = QStringLiteral("^sleep ") + duration + QLatin1Char('$');
        CancelToken token;
        QThreadPool pool;
        auto future = QtConcurrent::run(&pool, [&] {
            return m_local.execute(sh(QStringLiteral("trap '' TERM; sleep %1 & sleep %1; wait").arg(duration)), token);
        });
        QVERIFY(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 2; }, 3000));
        token.cancel();
        future.waitForFinished();
        QCOMPARE(future.result().error().kind, ErrorKind::Cancelled);
        QVERIFY2(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 0; }, 3000), "TERM-ignoring children survived");
    }

    void streamLinesAndCancel()
    {
        QTemporaryFile followed;
        QVERIFY(followed.open());
        const QString pattern = QStringLiteral("tail -f ") + followed.fileName();
        std::unique_ptr<RemoteStream> stream = m_local.stream(cmd({QStringLiteral("tail"), QStringLiteral("-f"), followed.fileName()}));
        QList<StreamLine> lines;
        connect(stream.get(), &RemoteStream::linesReceived, this, [&](const QList<StreamLine> &batch) { lines += batch; });
        QSignalSpy finished(stream.get(), &RemoteStream::finished);
        QVERIFY(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 1; }, 3000));
        followed.write("one\r\ntwo\n");
        followed.flush();
        QVERIFY(QTest::qWaitFor([&] { return lines.size() >= 2; }, 3000));
        QCOMPARE(lines.at(0).text, QByteArray("one"));
        QCOMPARE(lines.at(1).text, QByteArray("two"));
        stream->cancel();
        QVERIFY(finished.wait(3000));
        QCOMPARE(finished.first().at(1).value<Error>().kind, ErrorKind::Cancelled);
        QVERIFY(QTest::qWaitFor([&] { return SshdFixture::pgrepCount(pattern) == 0; }, 3000));
    }

    void streamSeparatesStderrAndReportsExit()
    {
        std::unique_ptr<RemoteStream> stream = m_local.stream(sh(QStringLiteral("echo a; echo b >&2; printf tail; exit 7")));
        QList<StreamLine> lines;
        connect(stream.get(), &RemoteStream::linesReceived, this, [&](const QList<StreamLine> &batch) { lines += batch; });
        QSignalSpy finished(stream.get(), &RemoteStream::finished);
        QVERIFY(finished.wait(3000));
        QCOMPARE(finished.first().at(0).toInt(), 7);
        QCOMPARE(lines.size(), 3);
        int stderrLines = 0;
        for (const StreamLine &l : lines)
            stderrLines += l.channel == StreamChannel::Stderr ? 1 : 0;
        QCOMPARE(stderrLines, 1);
        QCOMPARE(lines.last().text, QByteArray("tail"));
    }

    void uploadIsAtomicWithMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secret.env"));
        QVERIFY(m_local.upload("A=1\n", path, 0600).ok());
        QVERIFY(m_local.upload("A=2\n", path, 0640).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("A=2\n"));
        QCOMPARE(QFileInfo(path).permissions() & 0x7777,
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser | QFile::ReadGroup);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
        QVERIFY(!m_local.upload("x", dir.filePath(QStringLiteral("missing/f")), 0600).ok());
    }

    void uploadToADirectoryFails()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kubeconfig"));
        QVERIFY(QDir().mkpath(path));
        QVERIFY(!m_local.upload("apiVersion: v1\n", path, 0600).ok());
        QVERIFY(QDir(path).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    void invalidArgvIsRefused()
    {
        Result<CommandResult> r = m_local.execute(cmd({}));
        QCOMPARE(r.error().kind, ErrorKind::Invalid);
        Result<CommandResult> nul = m_local.execute(cmd({QStringLiteral("echo"), QString(QChar(0))}));
        QCOMPARE(nul.error().kind, ErrorKind::Invalid);
    }

    void activityIsRecorded()
    {
        QSignalSpy recorded(&ActivityLog::instance(), &ActivityLog::recorded);
        RemoteCommand c = cmd({QStringLiteral("true"), QStringLiteral("--token"), QStringLiteral("s3cret")}, 5000);
        c.secretArgs = {2};
        c.stdinData = "password";
        c.stdinIsSecret = true;
        QVERIFY(m_local.execute(c).ok());
        QCOMPARE(recorded.count(), 1);
        const ActivityEntry e = recorded.first().at(0).value<ActivityEntry>();
        QCOMPARE(e.argv.last(), QStringLiteral("***"));
        QCOMPARE(e.stdinBytes, qint64(-1));
        QCOMPARE(e.target, QStringLiteral("this machine"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteLocal)
#include "tst_remote_local.moc"
