// KubeLogFollower: one followed log of every pod of an application, pods that appear later included.
//
// `kubectl logs -f -l SELECTOR` resolves the pods once, when it starts (kubernetes#52218): after a
// rollout it follows nothing. This stream runs that command for the pods present at the start and
// beside it a pod watch; every pod that starts running afterwards gets its own `kubectl logs -f
// pod/NAME` (from its first line). All lines keep kubectl's "[pod/NAME/CONTAINER] " prefix.
#pragma once

#include "orchestrators/LogFollower.h"
#include "orchestrators/kubernetes/KubectlCommands.h"

#include <QSet>

#include <memory>

namespace fleetdeck::kubernetes {

class KubeconfigLease;

class KubeLogFollower final : public LogFollower
{
    Q_OBJECT
public:
    // `initialPods`: the pods the selector stream covers (running when the follow began).
    // `maxPodStreams` bounds the extra per-pod streams (each is a channel on the SSH session).
    KubeLogFollower(std::shared_ptr<Transport> transport, std::shared_ptr<KubeconfigLease> lease, KubectlTarget target,
                    QString selector, LogOptions options, QSet<QString> initialPods, int maxRequests, int maxPodStreams,
                    QObject *parent = nullptr);

    // Starts the selector stream and the pod watch; call once, right after construction.
    void start();

    QStringList followedPods() const { return m_order; }   // initial + added, in order

private:
    void startWatch();
    void onWatchLines(const QList<fleetdeck::StreamLine> &lines);
    void streamEnded(Role role, const QString &key, int exitCode, const Error &error) override;

    std::shared_ptr<Transport> m_transport;
    std::shared_ptr<KubeconfigLease> m_lease;   // the uploaded kubeconfig lives as long as we do
    KubectlTarget m_target;
    QString m_selector;
    LogOptions m_options;
    QSet<QString> m_followed;
    QStringList m_order;
    int m_maxRequests = 10;
    QByteArray m_selectorErrors;
};

} // namespace fleetdeck::kubernetes
