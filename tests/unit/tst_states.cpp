// State name tables: every state round-trips through its word, unknown words are refused, the store's
// reading of an unknown application status falls back to stopped, and the words the JSON pins stay.
#include "domain/States.h"
#include "orchestrators/OrchestratorTypes.h"
#include "store/Database.h"
#include "store/Repositories.h"

#include "TestEnvironment.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace fleetdeck;

class TestStates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void applicationStatusRoundTrip()
    {
        const QStringList words{QStringLiteral("stopped"), QStringLiteral("deploying"), QStringLiteral("running"),
                                QStringLiteral("degraded"), QStringLiteral("failed")};
        for (const QString &w : words) {
            ApplicationStatus s = ApplicationStatus::Failed;
            QVERIFY2(parseApplicationStatus(w, &s), qPrintable(w));
            QCOMPARE(applicationStatusName(s), w);
            QCOMPARE(applicationStatusOrStopped(w), s);
            QCOMPARE(applicationStatusLabel(s), w);   // no translator installed: the English label is the word
        }
    }
    void applicationStatusUnknownWord()
    {
        for (const QString &w : {QStringLiteral("paused"), QStringLiteral("Running"), QString(), QStringLiteral(" running")}) {
            ApplicationStatus s = ApplicationStatus::Degraded;
            QVERIFY(!parseApplicationStatus(w, &s));
            QCOMPARE(s, ApplicationStatus::Degraded);   // untouched on failure
            QCOMPARE(applicationStatusOrStopped(w), ApplicationStatus::Stopped);
        }
    }
    void engineStateRoundTrip()
    {
        const QStringList words{QStringLiteral("not-deployed"), QStringLiteral("running"), QStringLiteral("starting"),
                                QStringLiteral("updating"), QStringLiteral("rolling-back"), QStringLiteral("degraded"),
                                QStringLiteral("stopped"), QStringLiteral("failed"), QStringLiteral("unknown")};
        for (const QString &w : words) {
            EngineState s = EngineState::Unknown;
            QVERIFY2(parseEngineState(w, &s), qPrintable(w));
            QCOMPARE(engineStateName(s), w);
            QCOMPARE(engineStateLabel(s), w);
        }
        EngineState s = EngineState::Running;
        QVERIFY(!parseEngineState(QStringLiteral("not_deployed"), &s));
        QVERIFY(!parseEngineState(QStringLiteral("rolled-back"), &s));
        QCOMPARE(s, EngineState::Running);
    }
    void planActionRoundTrip()
    {
        const QStringList words{QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("replace"),
                                QStringLiteral("apply"), QStringLiteral("scale"), QStringLiteral("stop"),
                                QStringLiteral("restart"), QStringLiteral("rollback")};
        for (const QString &w : words) {
            PlanAction a = PlanAction::Apply;
            QVERIFY2(parsePlanAction(w, &a), qPrintable(w));
            QCOMPARE(planActionName(a), w);
        }
        PlanAction a = PlanAction::Stop;
        QVERIFY(!parsePlanAction(QStringLiteral("delete"), &a));
        QCOMPARE(a, PlanAction::Stop);
    }
    // The column keeps its words (no migration); a word this version does not know reads as stopped.
    void storeKeepsWordsAndFallsBack()
    {
        test::TempStore t;
        Application a;
        a.name = QStringLiteral("shop");
        a.serverId = t.store->servers()->first().id;
        a.image = QStringLiteral("nginx:alpine");
        auto added = t.store->addApplication(a);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
        QCOMPARE(added->status, ApplicationStatus::Stopped);
        QVERIFY(t.store->setApplicationStatus(added->id, ApplicationStatus::Degraded).ok());
        QSqlQuery q(t.store->database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT status FROM applications")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("degraded"));
        QCOMPARE(t.store->application(added->id)->status, ApplicationStatus::Degraded);
        QVERIFY(q.exec(QStringLiteral("UPDATE applications SET status = 'hibernating'")));
        QCOMPARE(t.store->application(added->id)->status, ApplicationStatus::Stopped);
    }

    void jsonKeepsTheWords()
    {
        AppStatus st;
        st.orchestrator = Orchestrator::None;
        st.state = EngineState::NotDeployed;
        QCOMPARE(st.toJson().value(QStringLiteral("state")).toString(), QStringLiteral("not-deployed"));
        QCOMPARE(st.toJson().value(QStringLiteral("orchestrator")).toString(), QStringLiteral("none"));
        DeployPlan plan;
        plan.orchestrator = Orchestrator::Swarm;
        plan.action = PlanAction::Update;
        QCOMPARE(plan.toJson().value(QStringLiteral("action")).toString(), QStringLiteral("update"));
        QCOMPARE(plan.toJson().value(QStringLiteral("orchestrator")).toString(), QStringLiteral("swarm"));
        QVERIFY(plan.toText().startsWith(QStringLiteral("# update ")));
    }
};

QTEST_GUILESS_MAIN(TestStates)
#include "tst_states.moc"
