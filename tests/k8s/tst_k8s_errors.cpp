// What the Kubernetes backend says when the cluster cannot be used, on the real test control plane:
// a broken kubeconfig, a missing context, an expired client certificate (caught locally, and as the
// API server answers it), a CA that did not sign the API server, an API server nobody answers on,
// a user without the permissions, a node that is NotReady.
#include "KubeClusterFixture.h"
#include "RealComponent.h"

#include "orchestrators/kubernetes/KubectlSession.h"
#include "orchestrators/kubernetes/KubernetesOrchestrator.h"
#include "remote/LocalTransport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::KubeClusterFixture;

namespace {

QString describe(const Error &e)
{
    return QStringLiteral("%1: %2 [%3]").arg(errorKindName(e.kind), e.toString(), e.detail);
}

} // namespace

class TestK8sErrors : public QObject
{
    Q_OBJECT

private:
    KubeClusterFixture m_cluster;
    std::shared_ptr<Transport> m_local = std::make_shared<LocalTransport>();
    QList<StepRecord> m_steps;

    OperationContext ctx()
    {
        OperationContext c;
        c.deadline = QDeadlineTimer(120000);
        c.onStep = [this](const StepRecord &s) { m_steps.append(s); };
        return c;
    }

    KubernetesOrchestrator withKubeconfig(const QString &kubeconfig, const QString &ns = QStringLiteral("default"),
                                          const QString &context = {})
    {
        Server s = m_cluster.localServer(ns, false);
        s.settings.kubeconfig = kubeconfig;
        s.settings.kubeContext = context;
        return KubernetesOrchestrator(s, m_local);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("fleetdeck.*.debug=false"));
        QString why;
        const bool up = m_cluster.start(&why);
        FLEETDECK_REQUIRE_COMPONENT(up, why);
    }

    void init()
    {
        m_steps.clear();
    }

    void brokenKubeconfigIsRefusedBeforeAnyCommand()
    {
        auto o = withKubeconfig(QStringLiteral("apiVersion: v1\nclusters: [\n  - name: x\n"));
        auto st = o.status(KubeClusterFixture::application(QStringLiteral("any")), ctx());
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, ErrorKind::Invalid);
        QCOMPARE(st.error().field, QStringLiteral("kubeconfig"));
        QVERIFY2(st.error().message.contains(QLatin1String("line")), qPrintable(describe(st.error())));
        QVERIFY(m_steps.isEmpty());
    }

    void missingContextIsNamed()
    {
        auto o = withKubeconfig(m_cluster.kubeconfig(), QStringLiteral("default"), QStringLiteral("production"));
        auto st = o.status(KubeClusterFixture::application(QStringLiteral("any")), ctx());
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, ErrorKind::Invalid);
        QCOMPARE(st.error().field, QStringLiteral("kube-context"));
        QVERIFY2(st.error().message.contains(QLatin1String("production")), qPrintable(describe(st.error())));
    }

    void expiredClientCertificateStored()
    {
        QString why;
        const QString expired = m_cluster.expiredKubeconfig(&why);
        QVERIFY2(!expired.isEmpty(), qPrintable(why));
        auto o = withKubeconfig(expired);
        auto st = o.status(KubeClusterFixture::application(QStringLiteral("any")), ctx());
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, ErrorKind::AuthFailed);
        QVERIFY2(st.error().message.contains(QLatin1String("client certificate")) && st.error().message.contains(QLatin1String("expired on")),
                 qPrintable(describe(st.error())));
        QVERIFY(m_steps.isEmpty());
        // Test connection says the same as a failed item, not as an error.
        auto report = o.testConnection(ctx().cancel);
        QVERIFY(report.ok());
        QVERIFY(!report->ok());
        QVERIFY2(report->toText().contains(QLatin1String("expired on")), qPrintable(report->toText()));
    }

    void expiredClientCertificateAsTheApiServerAnswers()
    {
        // The server's own kubeconfig (nothing stored, nothing checked locally): the API server refuses it.
        QString why;
        const QString expired = m_cluster.expiredKubeconfig(&why);
        QVERIFY(!expired.isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("expired.kubeconfig"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(expired.toUtf8());
        f.close();
        Server s = m_cluster.localServer(QStringLiteral("default"), false);
        const QByteArray saved = qgetenv("KUBECONFIG");
        qputenv("KUBECONFIG", path.toUtf8());
        KubernetesOrchestrator o(s, m_local);
        auto st = o.status(KubeClusterFixture::application(QStringLiteral("any")), ctx());
        qputenv("KUBECONFIG", saved);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, ErrorKind::AuthFailed);
        QVERIFY2(st.error().message.contains(QLatin1String("refused the kubeconfig's credentials")), qPrintable(describe(st.error())));
    }

    void unknownCertificateAuthority()
    {
        QString why;
        const QString kubeconfig = m_cluster.unknownCaKubeconfig(&why);
        QVERIFY2(!kubeconfig.isEmpty(), qPrintable(why));
        auto o = withKubeconfig(kubeconfig);
        auto st = o.status(KubeClusterFixture::application(QStringLiteral("any")), ctx());
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(QLatin1String("certificate-authority")), qPrintable(describe(st.error())));
        QVERIFY2(st.error().detail.contains(QLatin1String("x509")), qPrintable(describe(st.error())));
    }

    void unreachableApiServer()
    {
        auto o = withKubeconfig(m_cluster.unreachableKubeconfig());
        QElapsedTimer t;
        t.start();
        auto deployed = o.deploy(KubeClusterFixture::application(QStringLiteral("any")), ctx());
        QVERIFY(!deployed.ok());
        QCOMPARE(deployed.error().kind, ErrorKind::Unreachable);
        QVERIFY2(deployed.error().message.contains(QLatin1String("did not answer")), qPrintable(describe(deployed.error())));
        qInfo("unreachable API server reported after %lld ms", t.elapsed());
        auto report = o.testConnection(ctx().cancel);
        QVERIFY(report.ok());
        QVERIFY(!report->ok());
        QVERIFY2(report->summary.contains(QLatin1String("cannot be reached")), qPrintable(report->toText()));
    }

    void missingPermissionsAreNamed()
    {
        const QString ns = m_cluster.uniqueNamespace(QStringLiteral("rbac"));
        QString why;
        const QString reader = m_cluster.readOnlyKubeconfig(ns, &why);
        QVERIFY2(!reader.isEmpty(), qPrintable(why));
        auto o = withKubeconfig(reader, ns);
        // Reading works...
        auto st = o.status(KubeClusterFixture::application(QStringLiteral("web")), ctx());
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : describe(st.error())));
        QCOMPARE(st->state, EngineState::NotDeployed);
        // ... a deploy is refused with the API server's reason...
        auto deployed = o.deploy(KubeClusterFixture::application(QStringLiteral("web")), ctx());
        QVERIFY(!deployed.ok());
        QVERIFY2(deployed.error().message.contains(QLatin1String("Permission denied")), qPrintable(describe(deployed.error())));
        QVERIFY2(deployed.error().detail.contains(QLatin1String("forbidden")), qPrintable(describe(deployed.error())));
        // ... and Test connection names each missing permission.
        auto report = o.testConnection(ctx().cancel);
        QVERIFY(report.ok());
        QVERIFY(!report->ok());
        const QString text = report->toText();
        QVERIFY2(text.contains(QLatin1String("missing: create deployments.apps")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("secrets")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("missing: list pods")), qPrintable(text));
    }

    void notReadyNodeIsNamed()
    {
        // A Node no kubelet (and no kwok) looks after never becomes Ready.
        const QString name = QStringLiteral("fd-ghost-%1").arg(QCoreApplication::applicationPid());
        const QByteArray node = QStringLiteral("apiVersion: v1\nkind: Node\nmetadata:\n  name: %1\n  labels: {fleetdeck.test/ghost: \"true\"}\n"
                                               "spec:\n  taints:\n  - {key: fleetdeck.test/ghost, effect: NoSchedule}\n").arg(name).toUtf8();
        int code = -1;
        QByteArray err;
        m_cluster.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, &code, node, &err);
        QVERIFY2(code == 0, err.constData());
        auto o = withKubeconfig(m_cluster.kubeconfig());
        auto report = o.testConnection(ctx().cancel);
        m_cluster.kubectl({QStringLiteral("delete"), QStringLiteral("node"), name, QStringLiteral("--wait=false")});
        QVERIFY(report.ok());
        const QString text = report->toText();
        QVERIFY2(!report->ok(), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Node %1").arg(name)) && text.contains(QLatin1String("NotReady")), qPrintable(text));
        // The kwok nodes are fine, and not taken for NotReady by a substring match.
        QVERIFY2(!text.contains(QLatin1String("Node kwok-node-1: NotReady")), qPrintable(text));
        QVERIFY(report->nodes.size() >= 4);
    }

    void healthyClusterPassesTestConnection()
    {
        auto o = withKubeconfig(m_cluster.kubeconfig());
        auto report = o.testConnection(ctx().cancel);
        QVERIFY(report.ok());
        QVERIFY2(report->ok(), qPrintable(report->toText()));
        QVERIFY2(report->version.startsWith(QLatin1String("v1.")), qPrintable(report->version));
        auto detected = o.detect(ctx());
        QVERIFY2(detected.ok(), qPrintable(detected.ok() ? QString() : describe(detected.error())));
        int ready = 0;
        for (const auto &n : detected->nodes)
            ready += n.ready ? 1 : 0;
        QVERIFY(ready >= 3);
    }

    void expiryCheckIsPure()
    {
        QString why;
        const QString expired = m_cluster.expiredKubeconfig(&why);
        QVERIFY(!kubernetes::checkStoredKubeconfig(expired, QString()).ok());
        // Three days ago it was still valid.
        QVERIFY(kubernetes::checkStoredKubeconfig(expired, QString(), QDateTime::currentDateTimeUtc().addDays(-2)).ok());
        QVERIFY(kubernetes::checkStoredKubeconfig(m_cluster.kubeconfig(), QString()).ok());
    }
};

QTEST_GUILESS_MAIN(TestK8sErrors)
#include "tst_k8s_errors.moc"
