// Clusters and namespaces of a server: a cluster takes a context's credentials from the server's
// kubeconfig; a namespace's resource quota and limit range are edited as tables; a wrong quantity
// or name is refused with the cell or field marked, and nothing is written.
#include "GuiTestSupport.h"
#include "main/MainWindow.h"
#include "servers/ClusterPanel.h"
#include "widgets/FieldHighlight.h"
#include "servers/ServerPanel.h"
#include "store/Repositories.h"

#include "TestEnvironment.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::screenshot;
using fleetdeck::test::child;
using fleetdeck::test::typeInto;
using fleetdeck::test::typeCell;

namespace {

int rowOf(QTableWidget *table, const QString &key)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0) && table->item(r, 0)->text() == key)
            return r;
    return -1;
}

const QString kKubeconfig = QStringLiteral(
    "apiVersion: v1\nkind: Config\n"
    "clusters:\n- name: prod\n  cluster:\n    server: https://10.0.0.5:6443\n    certificate-authority-data: Q0EgUEVN\n"
    "users:\n- name: admin\n  user:\n    client-certificate-data: Q0VSVCBQRU0=\n    client-key-data: S0VZIFBFTSBzZWNyZXQ=\n"
    "contexts:\n- name: prod-admin\n  context: {cluster: prod, user: admin, namespace: shop}\n"
    "current-context: prod-admin\n");

} // namespace

class TestServerClusters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateEnvironment(); }

    void clusterAndNamespaceWithQuotaAndLimits()
    {
        test::TempStore t;
        Server local = t.store->servers()->first();
        local.settings.orchestrator = Orchestrator::Kubernetes;
        local.settings.kubeconfig = kKubeconfig;
        QVERIFY(t.store->updateServer(local).ok());

        ui::MainWindow window(t.path);
        window.serverPanel()->setAutoCheckInterval(0);
        QSignalSpy loaded(&window, &ui::MainWindow::serversLoaded);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(loaded.wait(10000));
        QTest::keyClick(&window, Qt::Key_4, Qt::AltModifier);
        ui::ClusterPanel *panel = window.clusterPanel();
        QCOMPARE(window.tabs()->currentWidget(), panel);

        // A new cluster from the kubeconfig's context: the endpoint follows the context.
        QTest::mouseClick(child<QPushButton>(panel, "newClusterButton"), Qt::LeftButton);
        auto *context = child<QComboBox>(panel, "clusterContext");
        QTRY_COMPARE(context->count(), 1);
        QCOMPARE(context->currentText(), QStringLiteral("prod-admin"));
        QTRY_COMPARE(child<QLineEdit>(panel, "clusterEndpoint")->text(), QStringLiteral("https://10.0.0.5:6443"));
        typeInto(child<QLineEdit>(panel, "clusterName"), QStringLiteral("Prod"));
        QSignalSpy rejected(panel, &ui::ClusterPanel::clusterRejected);
        QTest::mouseClick(child<QPushButton>(panel, "saveClusterButton"), Qt::LeftButton);
        QCOMPARE(rejected.count(), 1);
        QVERIFY(ui::isMarkedInvalid(child<QLineEdit>(panel, "clusterName")));
        QVERIFY(t.store->clusters(local.id)->isEmpty());
        typeInto(child<QLineEdit>(panel, "clusterName"), QStringLiteral("prod"));
        typeInto(child<QLineEdit>(panel, "clusterVersion"), QStringLiteral("v1.32.4"));
        QSignalSpy clusterSaved(panel, &ui::ClusterPanel::clusterSaved);
        QTest::mouseClick(child<QPushButton>(panel, "saveClusterButton"), Qt::LeftButton);
        QVERIFY(clusterSaved.wait(10000));
        const QList<KubernetesCluster> clusters = *t.store->clusters(local.id);
        QCOMPARE(clusters.size(), 1);
        QCOMPARE(clusters.first().context, QStringLiteral("prod-admin"));
        QCOMPARE(clusters.first().apiEndpoint, QStringLiteral("https://10.0.0.5:6443"));
        QCOMPARE(clusters.first().caCertificate, QStringLiteral("CA PEM"));
        QCOMPARE(clusters.first().clientKey, QStringLiteral("KEY PEM secret"));
        QCOMPARE(clusters.first().kubeconfig, kKubeconfig);
        QTRY_COMPARE(child<QListWidget>(panel, "clusterList")->count(), 1);

        // A namespace with quota and limit range typed into the tables.
        QTRY_VERIFY(child<QPushButton>(panel, "newNamespaceButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>(panel, "newNamespaceButton"), Qt::LeftButton);
        typeInto(child<QLineEdit>(panel, "namespaceName"), QStringLiteral("shop"));
        auto *quota = child<QTableWidget>(panel, "quotaTable");
        auto *limits = child<QTableWidget>(panel, "limitRangeTable");
        QVERIFY(typeCell(quota, rowOf(quota, QStringLiteral("requests.cpu")), 1, QStringLiteral("2")));
        QVERIFY(typeCell(quota, rowOf(quota, QStringLiteral("requests.memory")), 1, QStringLiteral("4G")));   // ambiguous
        QVERIFY(typeCell(quota, rowOf(quota, QStringLiteral("pods")), 1, QStringLiteral("20")));
        QVERIFY(typeCell(limits, 0, 0, QStringLiteral("500m")));   // default limit, CPU
        QVERIFY(typeCell(limits, 1, 1, QStringLiteral("128Mi")));  // default request, memory

        QSignalSpy nsRejected(panel, &ui::ClusterPanel::namespaceRejected);
        QSignalSpy nsSaved(panel, &ui::ClusterPanel::namespaceSaved);
        QTest::mouseClick(child<QPushButton>(panel, "saveNamespaceButton"), Qt::LeftButton);
        QCOMPARE(nsRejected.count(), 1);
        const int memoryRow = rowOf(quota, QStringLiteral("requests.memory"));
        QCOMPARE(nsRejected.first().first().toString(), QStringLiteral("quota:%1").arg(memoryRow));
        QCOMPARE(quota->currentRow(), memoryRow);
        QVERIFY(quota->item(memoryRow, 1)->background().color() != QColor());
        auto *message = child<QLabel>(panel, "namespaceMessage");
        QVERIFY2(message->text().contains(QLatin1String("requests.memory")), qPrintable(message->text()));
        QVERIFY(t.store->namespaces(clusters.first().id)->isEmpty());
        QVERIFY(screenshot(&window, QStringLiteral("clusters-namespaces")));

        // Ctrl+S while the cell is still being edited: the edit is committed, then saved.
        quota->setCurrentCell(memoryRow, 1);
        QTest::keyClick(quota, Qt::Key_F2);
        QWidget *editor = QApplication::focusWidget();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("4Gi"));
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);   // Ctrl+S saves the tab that shows
        QVERIFY(nsSaved.wait(10000));
        const QList<KubernetesNamespace> namespaces = *t.store->namespaces(clusters.first().id);
        QCOMPARE(namespaces.size(), 1);
        const KubernetesNamespace ns = namespaces.first();
        QCOMPARE(ns.name, QStringLiteral("shop"));
        QCOMPARE(ns.resourceQuota, (QJsonObject{{QStringLiteral("requests.cpu"), QStringLiteral("2")},
                                                {QStringLiteral("requests.memory"), QStringLiteral("4Gi")},
                                                {QStringLiteral("pods"), QStringLiteral("20")}}));
        QCOMPARE(ns.limitRange, (QJsonObject{{QStringLiteral("default"), QJsonObject{{QStringLiteral("cpu"), QStringLiteral("500m")}}},
                                             {QStringLiteral("defaultRequest"), QJsonObject{{QStringLiteral("memory"), QStringLiteral("128Mi")}}}}));
        QTRY_COMPARE(child<QListWidget>(panel, "namespaceList")->count(), 1);

        // A bad namespace name is pointed at.
        QTest::mouseClick(child<QPushButton>(panel, "newNamespaceButton"), Qt::LeftButton);
        typeInto(child<QLineEdit>(panel, "namespaceName"), QStringLiteral("Shop_2"));
        QTest::mouseClick(child<QPushButton>(panel, "saveNamespaceButton"), Qt::LeftButton);
        QCOMPARE(nsRejected.count(), 2);
        QCOMPARE(nsRejected.last().first().toString(), QStringLiteral("name"));
        QVERIFY(ui::isMarkedInvalid(child<QLineEdit>(panel, "namespaceName")));
        QCOMPARE(t.store->namespaces(clusters.first().id)->size(), 1);
    }
};

QTEST_MAIN(TestServerClusters)
#include "tst_server_clusters.moc"
