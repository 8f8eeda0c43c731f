// The Kubernetes backend through the SSH transport, as on a real server: kubectl runs over a real
// OpenSSH sshd (loopback), the stored kubeconfig is uploaded to a private random file on the "server"
// and removed after each operation. Deploy, status, scale, logs (followed), exec, stop.
#include "KubeClusterFixture.h"
#include "RealComponent.h"
#include "SshdFixture.h"

#include "manifests/KubernetesNames.h"
#include "orchestrators/kubernetes/KubernetesOrchestrator.h"
#include "remote/SshTransport.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::KubeClusterFixture;
using fleetdeck::test::SshdFixture;

namespace {

QString describe(const Error &e)
{
    return QStringLiteral("%1: %2 [%3]").arg(errorKindName(e.kind), e.toString(), e.detail);
}

// The private directories the kubeconfig is handed over through (KubectlInvocation.h).
QStringList leftoverKubeconfigs()
{
    return QDir(QStringLiteral("/tmp")).entryList({QStringLiteral("fleetdeck-kubectl.*")}, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestK8sSsh : public QObject
{
    Q_OBJECT

private:
    KubeClusterFixture m_cluster;
    SshdFixture m_sshd;
    std::shared_ptr<SshTransport> m_ssh;
    QString m_ns;
    Application m_app = KubeClusterFixture::application(QStringLiteral("remote"), 2);
    QList<StepRecord> m_steps;

    OperationContext ctx(qint64 deploymentId = 0)
    {
        OperationContext c;
        c.deploymentId = deploymentId;
        c.deadline = QDeadlineTimer(120000);
        c.onStep = [this](const StepRecord &s) { m_steps.append(s); };
        return c;
    }

    Server server() const
    {
        Server s = m_sshd.server();
        s.settings.orchestrator = Orchestrator::Kubernetes;
        s.settings.kubernetesNamespace = m_ns;
        s.settings.kubeconfig = m_cluster.kubeconfig();
        s.settings.kubeContext = QStringLiteral("fleetdeck-test");
        return s;
    }

    // Steps whose kubectl got the stored kubeconfig handed over (never a path in argv).
    int handedOver() const
    {
        int n = 0;
        for (const StepRecord &s : m_steps)
            n += s.command.contains(QLatin1String("--kubeconfig=<stdin>")) ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("fleetdeck.*.debug=false"));
        QString why;
        const bool up = m_cluster.start(&why);
        FLEETDECK_REQUIRE_COMPONENT(up, why);
        FLEETDECK_REQUIRE_COMPONENT(SshdFixture::available(&why), why);
        // The "server" finds the cluster's kubectl first in its PATH (sshd sets the session's PATH).
        SshdFixture::Config config;
        config.extraLines << QStringLiteral("SetEnv PATH=%1:/usr/local/bin:/usr/bin:/bin").arg(m_cluster.binDir());
        QVERIFY2(m_sshd.start(config, &why), qPrintable(why));
        m_ns = m_cluster.uniqueNamespace(QStringLiteral("ssh"), false);
        m_ssh = std::make_shared<SshTransport>(server());
    }

    void init()
    {
        m_steps.clear();
    }

    void deployOverSsh()
    {
        const QStringList before = leftoverKubeconfigs();
        KubernetesOrchestrator o(server(), m_ssh);
        Application &app = m_app;
        app.env = {{QStringLiteral("TOKEN"), QStringLiteral("over-ssh-secret"), true}};
        app.health.path = QStringLiteral("/ready");
        const int execsBefore = m_sshd.countInLog(QStringLiteral("request exec"));
        auto out = o.deploy(app, ctx(1));
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : describe(out.error())));
        auto waited = o.waitForRollout(app, *out, 60, ctx(1));
        QVERIFY2(waited.ok(), qPrintable(waited.ok() ? QString() : describe(waited.error())));
        QVERIFY2(waited->phase == RolloutPhase::Converged, qPrintable(waited->reason));
        QCOMPARE(waited->status.running, 2);
        qInfo("deploy + wait over SSH: %d remote commands",
              m_sshd.countInLog(QStringLiteral("request exec")) - execsBefore);
        // Every kubectl got the kubeconfig handed over on stdin; nothing of it is left on the server.
        QVERIFY(handedOver() >= 2);
        QCOMPARE(leftoverKubeconfigs(), before);
        for (const StepRecord &s : m_steps)
            QVERIFY(!s.output.contains(QLatin1String("over-ssh-secret")) && !s.command.contains(QLatin1String("over-ssh-secret")));
        // The secret arrived intact.
        const QJsonObject secret = m_cluster.kubectlJson({QStringLiteral("get"), QStringLiteral("secret"), manifests::secretName(app),
                                                          QStringLiteral("-n"), m_ns});
        QCOMPARE(QByteArray::fromBase64(secret.value(QLatin1String("data")).toObject().value(QLatin1String("TOKEN")).toString().toLatin1()),
                 QByteArray("over-ssh-secret"));
    }

    void privateFileWhileInUse()
    {
        // While a follow runs the kubeconfig must stay (0600); once the stream is gone, so is the file.
        KubernetesOrchestrator o(server(), m_ssh);
        const Application &app = m_app;
        LogOptions options;
        options.tail = 2;
        options.follow = true;
        const QStringList before = leftoverKubeconfigs();
        auto stream = o.followLogs(app, options, ctx());
        QVERIFY2(stream.ok(), qPrintable(stream.ok() ? QString() : describe(stream.error())));
        QSet<QString> seen;
        connect(stream->get(), &LogStream::linesReceived, this, [&](const QList<LogLine> &lines) {
            for (const LogLine &l : lines)
                seen.insert(l.replica);
        });
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 2, 20000);
        const QStringList during = leftoverKubeconfigs();
        QCOMPARE(during.size(), before.size() + 1);
        QString mine;
        for (const QString &f : during)
            if (!before.contains(f))
                mine = QStringLiteral("/tmp/") + f;
        // The stream's lease: a private directory (0700) holding a 0600 file.
        QCOMPARE(QFileInfo(mine).permissions() & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser
                                                   | QFile::WriteUser | QFile::ExeUser),
                 QFileDevice::Permissions());
        QCOMPARE(QFileInfo(mine + QStringLiteral("/kubeconfig")).permissions()
                     & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 QFileDevice::Permissions());
        QVERIFY(QRegularExpression(QStringLiteral("^/tmp/fleetdeck-kubectl\\.[A-Za-z0-9]{10}$")).match(mine).hasMatch());
        QSignalSpy finished(stream->get(), &LogStream::finished);
        (*stream)->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        stream->reset();
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(mine), 10000);
    }

    void statusScaleExecStopOverSsh()
    {
        KubernetesOrchestrator o(server(), m_ssh);
        const Application &app = m_app;
        auto scaled = o.scale(app, 3, ctx());
        QVERIFY2(scaled.ok(), qPrintable(scaled.ok() ? QString() : describe(scaled.error())));
        QVERIFY(KubeClusterFixture::waitUntil([&] {
            auto st = o.status(app, ctx());
            return st && st->running == 3 && st->state == EngineState::Running;
        }, 30000));
        ExecRequest req;
        req.argv = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("printf '%s|' \"$@\""), QStringLiteral("sh"),
                    QStringLiteral("a b"), QStringLiteral("'c'"), QStringLiteral("$HOME")};
        auto r = o.exec(app, req, ctx());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        QCOMPARE(QString::fromUtf8(r->stdoutData), QStringLiteral("a b|'c'|$HOME|"));
        auto logs = o.logs(app, LogOptions{}, ctx());
        QVERIFY(logs.ok());
        QVERIFY(!logs->isEmpty());
        auto stopped = o.stop(app, ctx());
        QVERIFY2(stopped.ok(), qPrintable(stopped.ok() ? QString() : describe(stopped.error())));
        auto st = o.status(app, ctx());
        QVERIFY(st.ok());
        QCOMPARE(st->state, EngineState::NotDeployed);
    }
};

QTEST_GUILESS_MAIN(TestK8sSsh)
#include "tst_k8s_ssh.moc"
