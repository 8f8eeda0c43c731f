// LogFollow and ExecSession: OperationsService returns them at once, while the replica lookup still
// waits on the (here: gated) transport on the stream's worker; a failed lookup arrives through
// finished(error) in the caller's thread, and a cancel during the lookup still ends with finished().
#include "services/Operations.h"
#include "store/Repositories.h"

#include "TestEnvironment.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace fleetdeck;

namespace {

// A transport whose commands wait at a gate until the test opens it, then fail as unreachable.
class GatedTransport final : public Transport
{
public:
    Result<CommandResult> execute(const RemoteCommand &, const CancelToken &) override
    {
        ++m_waiting;
        callerThread = QThread::currentThread();
        entered.release();
        // Bounded, so that a follow that blocked its caller fails the test instead of hanging it.
        const bool opened = m_gate.tryAcquire(1, 20000);
        --m_waiting;
        if (!opened)
            gateTimedOut = true;
        return Error::make(ErrorKind::Unreachable, QStringLiteral("gated transport: the engine is unreachable"));
    }
    std::unique_ptr<RemoteStream> stream(const RemoteCommand &) override { return nullptr; }
    Status upload(const QByteArray &, const QString &, int) override { return {}; }
    QString describe() const override { return QStringLiteral("gated"); }

    bool waiting() const { return m_waiting.load() > 0; }
    void open() { m_gate.release(1000); }

    QSemaphore entered;
    std::atomic<QThread *> callerThread{nullptr};
    std::atomic_bool gateTimedOut{false};

private:
    QSemaphore m_gate;
    std::atomic_int m_waiting{0};
};

} // namespace

class TestStreamObjects : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempStore> m_temp;
    std::shared_ptr<GatedTransport> m_transport;
    std::unique_ptr<OperationsService> m_ops;
    qint64 m_appId = 0;

private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void init()
    {
        m_temp = std::make_unique<test::TempStore>();
        m_transport = std::make_shared<GatedTransport>();
        auto transport = m_transport;
        m_ops = std::make_unique<OperationsService>(m_temp->store, [transport](const Server &) { return transport; });
        Application a;
        a.name = QStringLiteral("web");
        a.serverId = m_temp->store->servers()->first().id;
        a.image = QStringLiteral("nginx:1.27");
        auto added = m_temp->store->addApplication(a);
        QVERIFY(added.ok());
        m_appId = added->id;
    }

    void cleanup()
    {
        m_transport->open();
        m_ops.reset();
        m_temp.reset();
    }

    void followLogsReturnsAtOnceAndReportsAFailedLookup()
    {
        LogOptions o;
        o.follow = true;
        auto follow = m_ops->followLogs(m_appId, o);
        QVERIFY(follow);
        QSignalSpy started(follow.get(), &LogFollow::started);
        QSignalSpy finished(follow.get(), &LogFollow::finished);
        // The lookup is under way on another thread while the caller already holds the follow.
        QVERIFY(m_transport->entered.tryAcquire(1, 10000));
        QVERIFY(m_transport->waiting());
        QVERIFY(m_transport->callerThread.load() != QThread::currentThread());
        QVERIFY(!follow->isFinished());
        m_transport->open();
        QVERIFY(finished.wait(10000));
        QVERIFY(!m_transport->gateTimedOut.load());
        QCOMPARE(finished.first().at(0).toBool(), false);
        const Error error = finished.first().at(1).value<Error>();
        QCOMPARE(error.kind, ErrorKind::Unreachable);
        QVERIFY2(error.message.contains(QLatin1String("gated transport")), qPrintable(error.toString()));
        QVERIFY(started.isEmpty());
        QVERIFY(follow->isFinished());
        QVERIFY(!follow->isStarted());
    }

    void followExecReturnsAtOnceAndReportsAFailedLookup()
    {
        ExecRequest r;
        r.argv = {QStringLiteral("true")};
        auto session = m_ops->followExec(m_appId, r, 30);
        QVERIFY(session);
        QSignalSpy started(session.get(), &ExecSession::started);
        QSignalSpy finished(session.get(), &ExecSession::finished);
        QVERIFY(m_transport->entered.tryAcquire(1, 10000));
        QVERIFY(m_transport->waiting());
        QVERIFY(!session->isFinished());
        m_transport->open();
        QVERIFY(finished.wait(10000));
        QVERIFY(!m_transport->gateTimedOut.load());
        QCOMPARE(finished.first().at(0).toInt(), -1);
        QCOMPARE(finished.first().at(1).value<Error>().kind, ErrorKind::Unreachable);
        QVERIFY(started.isEmpty());
    }

    void aLookupForAMissingApplicationFailsThroughFinished()
    {
        auto follow = m_ops->followLogs(424242, {});
        QSignalSpy finished(follow.get(), &LogFollow::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).value<Error>().kind, ErrorKind::NotFound);
    }

    // Cancelled while the replicas are still being looked up: the end is still reported.
    void cancelDuringTheLookupEndsTheSession()
    {
        ExecRequest r;
        r.argv = {QStringLiteral("true")};
        auto session = m_ops->followExec(m_appId, r);
        QSignalSpy finished(session.get(), &ExecSession::finished);
        QVERIFY(m_transport->entered.tryAcquire(1, 10000));
        session->cancel();
        m_transport->open();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.size(), 1);
        QVERIFY(session->isFinished());
    }

    // The service waits for its streams' threads before it goes: none still uses it afterwards.
    void destroyingTheServiceEndsItsStreams()
    {
        auto follow = m_ops->followLogs(m_appId, {});
        QVERIFY(m_transport->entered.tryAcquire(1, 10000));
        m_transport->open();
        m_ops.reset();
        QVERIFY(!m_transport->waiting());
    }
};

QTEST_GUILESS_MAIN(TestStreamObjects)
#include "tst_stream_objects.moc"
