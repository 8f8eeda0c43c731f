// KubeClusterFixture: the real test control plane of tests/k8s/ (kube-apiserver, controller-manager,
// scheduler, etcd, kwok nodes) for the Kubernetes backend's tests.
#pragma once

#include "domain/Application.h"
#include "domain/Server.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace fleetdeck::test {

// Uses `tests/k8s/cluster` (FLEETDECK_K8S_DIR / FLEETDECK_K8S_PORT pass through): when the cluster is
// not up it is started (`cluster up`, which builds the binaries on a machine's first run) unless
// FLEETDECK_K8S_NO_AUTOSTART=1; it is never stopped here (CI runs `cluster down` at the end).
// start() puts the cluster's own kubectl first in this process' PATH and sets KUBECONFIG, so
// "kubectl" run through a LocalTransport talks to the test cluster with a matching version.
class KubeClusterFixture
{
public:
    KubeClusterFixture();
    ~KubeClusterFixture();

    static QString clusterScript();
    bool start(QString *error);

    QString kubeconfigPath() const { return m_kubeconfigPath; }
    QString kubeconfig() const;                  // the admin kubeconfig's text
    QString binDir() const { return m_binDir; }  // kubectl of the cluster's version
    QString runDir() const { return m_runDir; }
    QString apiServer() const;                   // https://127.0.0.1:PORT

    // Admin kubectl on this machine (not through Fleetdeck).
    QByteArray kubectl(const QStringList &args, int *exitCode = nullptr, const QByteArray &stdinData = {},
                       QByteArray *stderrData = nullptr) const;
    QJsonObject kubectlJson(const QStringList &args) const;

    // A fresh namespace name for one test ("fd-<prefix>-<random>"); created only when `create`.
    // Every name handed out is deleted by the destructor (without waiting).
    QString uniqueNamespace(const QString &prefix, bool create = true);

    // A Server for "this machine" with Kubernetes settings. `storedKubeconfig`: the admin kubeconfig is
    // stored in the settings (uploaded by the backend); else kubectl uses $KUBECONFIG.
    Server localServer(const QString &nameSpace, bool storedKubeconfig) const;
    // An application with a fresh uuid, one port, in-memory only.
    static Application application(const QString &name, int replicas = 1);

    // Kubeconfigs for the error tests.
    QString expiredKubeconfig(QString *error) const;          // client cert signed by the cluster CA, expired yesterday
    QString unknownCaKubeconfig(QString *error) const;        // the API server's cert is not signed by this CA
    QString unreachableKubeconfig() const;                    // nothing listens on its port
    // A ServiceAccount token allowed only to read pods and deployments in `ns`.
    QString readOnlyKubeconfig(const QString &ns, QString *error) const;

    static bool waitUntil(const std::function<bool()> &condition, int timeoutMs, int intervalMs = 200);

    // The real node of tests/k8s/cluster (kubelet + containerd, label fleetdeck.test/node=real, taint
    // fleetdeck.test/node=real:NoSchedule): its name when it is Ready, else empty and `why` says so.
    QString realNode(QString *why) const;
    // What pins an application's pods to the real node: a node selector and the toleration of its taint.
    static QString realNodeSelectorJson();
    static QString realNodeTolerationsJson();
    // ctr against the real node's containerd, namespace k8s.io (`tests/k8s/cluster ctr ARGS...`).
    QByteArray nodeCtr(const QStringList &args, int *exitCode = nullptr, QByteArray *stderrData = nullptr) const;

private:
    QString kubeconfigWith(const QString &caPem, const QString &userYaml, const QString &server = {}) const;

    QString m_kubeconfigPath;
    QString m_binDir;
    QString m_runDir;
    QStringList m_namespaces;
};

} // namespace fleetdeck::test
