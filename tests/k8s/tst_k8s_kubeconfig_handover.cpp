// The one way kubectl gets a stored kubeconfig (orchestrators/kubernetes/KubectlInvocation.h), proven on
// a real cluster through this machine's shell and through a real sshd: another user can neither read
// the handed-over kubeconfig nor capture it with a directory or symlink made beforehand, nothing stays
// behind after a success, a failure or a killed command, and a killed run's directory is swept.
#include "KubeClusterFixture.h"
#include "RealComponent.h"
#include "SshdFixture.h"

#include "orchestrators/kubernetes/KubectlInvocation.h"
#include "orchestrators/kubernetes/KubectlSession.h"
#include "remote/LocalTransport.h"
#include "remote/SshTransport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace fleetdeck;
using namespace fleetdeck::kubernetes;
using fleetdeck::test::KubeClusterFixture;
using fleetdeck::test::SshdFixture;

namespace {

QStringList handoverDirs()
{
    return QDir(QStringLiteral("/tmp")).entryList({QStringLiteral("fleetdeck-kubectl.*")},
                                                  QDir::Dirs | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot);
}

// A command on this machine (inspection only, never through the transport under test).
QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(30000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// `argv` as user nobody.
int asNobody(const QStringList &argv)
{
    int code = -1;
    run(QStringLiteral("setpriv"), QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                               QStringLiteral("--clear-groups"), QStringLiteral("--")} + argv, &code);
    return code;
}

// The pid of the process whose command line holds `marker` (kubectl, after the wrapper exec'd it).
QString pidWith(const QString &marker)
{
    return run(QStringLiteral("pgrep"), {QStringLiteral("-f"), QStringLiteral("-n"), QStringLiteral("^kubectl .*") + marker});
}

} // namespace

class TestK8sKubeconfigHandover : public QObject
{
    Q_OBJECT

private:
    KubeClusterFixture m_cluster;
    SshdFixture m_sshd;
    QHash<QString, std::shared_ptr<Transport>> m_transports;

    std::shared_ptr<Transport> transport()
    {
        QFETCH_GLOBAL(QString, via);
        return m_transports.value(via);
    }

    KubectlTarget target() const
    {
        KubectlTarget t;
        t.kubeconfig = m_cluster.kubeconfig();
        t.context = QStringLiteral("fleetdeck-test");
        return t;
    }

    RemoteCommand kubectl(const QStringList &words, int timeoutMs = 60000, const QByteArray &payload = {}) const
    {
        RemoteCommand c = kubectlCommand(target(), kubectlPrefix(target()) + words, payload);
        c.timeoutMs = timeoutMs;
        c.purpose = QStringLiteral("handover test");
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("fleetdeck.*.debug=false"));
        QString why;
        FLEETDECK_REQUIRE_COMPONENT(m_cluster.start(&why), why);
        FLEETDECK_REQUIRE_COMPONENT(SshdFixture::available(&why), why);
        SshdFixture::Config config;
        config.extraLines << QStringLiteral("SetEnv PATH=%1:/usr/local/bin:/usr/bin:/bin").arg(m_cluster.binDir());
        QVERIFY2(m_sshd.start(config, &why), qPrintable(why));
        m_transports.insert(QStringLiteral("local"), std::make_shared<LocalTransport>());
        m_transports.insert(QStringLiteral("ssh"), std::make_shared<SshTransport>(m_sshd.server()));
        QCOMPARE(asNobody({QStringLiteral("true")}), 0);   // the "other user" can run commands at all
    }

    void initTestCase_data()
    {
        QTest::addColumn<QString>("via");
        QTest::newRow("local") << QStringLiteral("local");
        QTest::newRow("ssh") << QStringLiteral("ssh");
    }

    void init()
    {
        QCOMPARE(handoverDirs(), QStringList());
    }

    void successFailureAndTimeoutLeaveNothing()
    {
        auto ok = transport()->execute(kubectl({QStringLiteral("get"), QStringLiteral("namespaces"), QStringLiteral("-o"), QStringLiteral("name")}));
        QVERIFY2(ok && ok->succeeded(), ok ? ok->stderrData.constData() : qPrintable(ok.error().toString()));
        QVERIFY(ok->stdoutData.contains("namespace/default"));
        QCOMPARE(handoverDirs(), QStringList());

        auto failed = transport()->execute(kubectl({QStringLiteral("get"), QStringLiteral("no-such-kind")}));
        QVERIFY(failed);
        QVERIFY(!failed->succeeded());
        QVERIFY(failed->stderrData.contains("no-such-kind"));
        QCOMPARE(handoverDirs(), QStringList());

        // `apply -f -`: kubectl's stdin follows the kubeconfig on the same stdin.
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("handover"), true);
        const QByteArray manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: handover\n  namespace: " + ns.toUtf8()
                                    + "\ndata:\n  a: b\n";
        auto applied = transport()->execute(kubectl({QStringLiteral("apply"), QStringLiteral("--filename=-"), QStringLiteral("--output=name")},
                                                    60000, manifest));
        QVERIFY2(applied && applied->succeeded(), applied ? applied->stderrData.constData() : "transport failed");
        QCOMPARE(applied->stdoutData.trimmed(), QByteArray("configmap/handover"));
        QCOMPARE(handoverDirs(), QStringList());

        // Killed by the transport's timeout while kubectl runs (a watch never ends by itself).
        auto killed = transport()->execute(kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("--watch"),
                                                    QStringLiteral("--namespace=") + ns}, 3000));
        QVERIFY(!killed || !killed->succeeded());
        QCOMPARE(handoverDirs(), QStringList());
    }

    // While kubectl runs, the kubeconfig exists only as its unlinked fd 3, mode 0600, unreadable by another user.
    void runningCommandHoldsAnUnlinkedPrivateFile()
    {
        const QString marker = QStringLiteral("--selector=handover=") + QUuid::createUuid().toString(QUuid::Id128);
        auto stream = transport()->stream(kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("--watch"),
                                                   QStringLiteral("--all-namespaces"), marker}, 0));
        QString pid;
        QVERIFY(QTest::qWaitFor([&] { return !(pid = pidWith(marker)).isEmpty(); }, 20000));
        const QString fd = QStringLiteral("/proc/%1/fd/3").arg(pid);
        const QString link = QFileInfo(fd).symLinkTarget().isEmpty() ? run(QStringLiteral("readlink"), {fd}) : QFileInfo(fd).symLinkTarget();
        QVERIFY2(link.startsWith(QLatin1String("/tmp/fleetdeck-kubectl.")), qPrintable(link));
        QVERIFY2(link.endsWith(QLatin1String("/kubeconfig (deleted)")), qPrintable(link));
        QCOMPARE(run(QStringLiteral("stat"), {QStringLiteral("-L"), QStringLiteral("-c"), QStringLiteral("%a %U"), fd}),
                 QStringLiteral("600 %1").arg(run(QStringLiteral("id"), {QStringLiteral("-un")})));
        QCOMPARE(handoverDirs(), QStringList());   // nothing with a name left to find
        QVERIFY(asNobody({QStringLiteral("cat"), fd}) != 0);
        stream->cancel();
        QVERIFY(QTest::qWaitFor([&] { return pidWith(marker).isEmpty(); }, 20000));
        QCOMPARE(handoverDirs(), QStringList());
    }

    // A stream's lease: a 0700 directory holding a 0600 file, readable by no other user, gone after release.
    void leaseIsPrivateAndReleased()
    {
        QString dir;
        {
            auto lease = KubeconfigLease::create(transport(), m_cluster.kubeconfig(), CancelToken());
            QVERIFY2(lease, lease ? "" : qPrintable(lease.error().toString()));
            dir = (*lease)->dir();
            QCOMPARE(handoverDirs(), QStringList{QFileInfo(dir).fileName()});
            QCOMPARE(run(QStringLiteral("stat"), {QStringLiteral("-c"), QStringLiteral("%a"), dir}), QStringLiteral("700"));
            QCOMPARE(run(QStringLiteral("stat"), {QStringLiteral("-c"), QStringLiteral("%a"), dir + QStringLiteral("/kubeconfig")}),
                     QStringLiteral("600"));
            QVERIFY(asNobody({QStringLiteral("cat"), dir + QStringLiteral("/kubeconfig")}) != 0);
            QVERIFY(asNobody({QStringLiteral("ls"), dir}) != 0);

            KubectlTarget t = target();
            t.kubeconfig.clear();
            t.leaseDir = dir;
            RemoteCommand c = kubectlCommand(t, kubectlPrefix(t) << QStringLiteral("get") << QStringLiteral("namespace")
                                                                  << QStringLiteral("default") << QStringLiteral("-o") << QStringLiteral("name"));
            c.timeoutMs = 60000;
            auto r = transport()->execute(c);
            QVERIFY2(r && r->succeeded(), r ? r->stderrData.constData() : "transport failed");
            QCOMPARE(r->stdoutData.trimmed(), QByteArray("namespace/default"));
        }
        QVERIFY(!QFileInfo::exists(dir));
        QCOMPARE(handoverDirs(), QStringList());
    }

    // Another user's directories and symlinks under the prefix (old enough to be swept if they were
    // ours) neither receive the kubeconfig nor lose anything; the old fixed-prefix name is never used.
    void preCreatedPathsCaptureNothing()
    {
        const QString theirs = QStringLiteral("/tmp/fleetdeck-kubectl.NobodysDir");
        const QString link = QStringLiteral("/tmp/fleetdeck-kubectl.NobodyLink");
        const QString victim = QStringLiteral("/tmp/fleetdeck-handover-victim");
        QVERIFY(asNobody({QStringLiteral("mkdir"), QStringLiteral("-m"), QStringLiteral("777"), theirs, victim}) == 0);
        QVERIFY(asNobody({QStringLiteral("touch"), victim + QStringLiteral("/keep")}) == 0);
        QVERIFY(asNobody({QStringLiteral("ln"), QStringLiteral("-s"), victim, link}) == 0);
        QVERIFY(asNobody({QStringLiteral("touch"), QStringLiteral("-h"), QStringLiteral("-d"), QStringLiteral("-10 min"), theirs, link}) == 0);
        auto cleanup = qScopeGuard([&] { run(QStringLiteral("rm"), {QStringLiteral("-rf"), theirs, link, victim}); });

        auto r = transport()->execute(kubectl({QStringLiteral("get"), QStringLiteral("namespace"), QStringLiteral("default")}));
        QVERIFY2(r && r->succeeded(), r ? r->stderrData.constData() : "transport failed");
        auto lease = KubeconfigLease::create(transport(), m_cluster.kubeconfig(), CancelToken());
        QVERIFY(lease);
        QVERIFY((*lease)->dir() != theirs && (*lease)->dir() != link);
        lease->reset();

        QCOMPARE(QDir(theirs).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden), QStringList());
        QCOMPARE(QDir(victim).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden), QStringList{QStringLiteral("keep")});
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(QDir(QStringLiteral("/tmp")).entryList({QStringLiteral("fleetdeck-kubeconfig-*")}, QDir::AllEntries | QDir::System), QStringList());
        cleanup.dismiss();
        run(QStringLiteral("rm"), {QStringLiteral("-rf"), theirs, link, victim});
    }

    // A run killed while it handed the kubeconfig over leaves its directory; the next handover sweeps it,
    // but not a directory still open in a live process (a long stream's lease).
    void staleDirectoryIsSweptLiveOneKept()
    {
        const QString stale = QStringLiteral("/tmp/fleetdeck-kubectl.KilledRun1");
        const QString live = QStringLiteral("/tmp/fleetdeck-kubectl.LiveLease1");
        for (const QString &d : {stale, live}) {
            QVERIFY(QDir().mkdir(d));
            QFile f(d + QStringLiteral("/kubeconfig"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("apiVersion: v1\n");
        }
        QProcess holder;   // a stream of a live lease holds its kubeconfig open
        holder.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("exec 3<\"$1\"; exec sleep 120"), QStringLiteral("sh"),
                                            live + QStringLiteral("/kubeconfig")});
        QVERIFY(holder.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return run(QStringLiteral("ls"), {QStringLiteral("-l"), QStringLiteral("/proc/%1/fd").arg(holder.processId())})
                                                 .contains(live); }, 10000));
        for (const QString &d : {stale, live})
            QCOMPARE(QProcess::execute(QStringLiteral("touch"), {QStringLiteral("-d"), QStringLiteral("-5 min"), d}), 0);

        auto r = transport()->execute(kubectl({QStringLiteral("get"), QStringLiteral("namespace"), QStringLiteral("default")}));
        QVERIFY2(r && r->succeeded(), r ? r->stderrData.constData() : "transport failed");
        QVERIFY(!QFileInfo::exists(stale));
        QVERIFY(QFileInfo::exists(live + QStringLiteral("/kubeconfig")));

        holder.kill();
        holder.waitForFinished();
        QCOMPARE(QProcess::execute(QStringLiteral("touch"), {QStringLiteral("-d"), QStringLiteral("-5 min"), live}), 0);
        auto again = transport()->execute(kubectl({QStringLiteral("get"), QStringLiteral("namespace"), QStringLiteral("default")}));
        QVERIFY(again && again->succeeded());
        QVERIFY(!QFileInfo::exists(live));
    }
};

QTEST_MAIN(TestK8sKubeconfigHandover)
#include "tst_k8s_kubeconfig_handover.moc"
