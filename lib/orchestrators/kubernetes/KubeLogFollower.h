// KubeLogFollower: one followed log of every pod of an application, pods that appear later included.
//
// `kubectl logs -f -l SELECTOR` resolves the pods once, when it starts (kubernetes#52218): after a
// rollout it follows nothing. This stream runs that command for the pods present at the start and
// beside it a pod watch; every pod that starts running afterwards gets its own `kubectl logs -f
// pod/NAME` (from its first line). All lines keep kubectl's "[pod/NAME/CONTAINER] " prefix.
#pragma once

#include "orchestrators/kubernetes/KubectlCommands.h"
#include "remote/Transport.h"

#include <QSet>

#include <memory>
#include <vector>

namespace fleetdeck::kubernetes {

class KubeconfigLease;

class KubeLogFollower final : public RemoteStream
{
    Q_OBJECT
public:
    // `initialPods`: the pods the selector stream covers (running when the follow began).
    // `maxPodStreams` bounds the extra per-pod streams (each is a channel on the SSH session).
    KubeLogFollower(std::shared_ptr<Transport> transport, std::shared_ptr<KubeconfigLease> lease, KubectlTarget target,
                    QString selector, LogOptions options, QSet<QString> initialPods, int maxRequests, int maxPodStreams,
                    QObject *parent = nullptr);
    ~KubeLogFollower() override;

    // Starts the selector stream and the pod watch; call once, right after construction.
    void start();
    // Ends every kubectl process; finished(-1, Cancelled) follows once they are gone.
    void cancel() override;

    QStringList followedPods() const;     // initial + added, in order
    int openStreams() const { return int(m_streams.size()); }

private:
    void addStream(std::unique_ptr<RemoteStream> stream, bool isWatch, bool isSelector);
    void onWatchLines(const QList<fleetdeck::StreamLine> &lines);
    void onStreamFinished(RemoteStream *stream, bool isWatch, bool isSelector, int exitCode, const fleetdeck::Error &error);
    void finishOnce(int exitCode, const Error &error);

    std::shared_ptr<Transport> m_transport;
    std::shared_ptr<KubeconfigLease> m_lease;
    KubectlTarget m_target;
    QString m_selector;
    LogOptions m_options;
    QSet<QString> m_followed;
    QStringList m_order;
    int m_maxRequests = 10;
    int m_maxPodStreams = 8;
    int m_podStreams = 0;
    std::vector<std::unique_ptr<RemoteStream>> m_streams;
    QByteArray m_watchErrors;
    QByteArray m_selectorErrors;
    bool m_cancelling = false;
    bool m_finished = false;
    Error m_failure;
    int m_failureExit = 0;
};

} // namespace fleetdeck::kubernetes
