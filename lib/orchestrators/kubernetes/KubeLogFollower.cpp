// KubeLogFollower: selector stream + pod watch + per-pod streams for pods that appear later.
#include "orchestrators/kubernetes/KubeLogFollower.h"

#include "core/Logging.h"
#include "orchestrators/kubernetes/KubectlParsers.h"
#include "orchestrators/kubernetes/KubectlSession.h"

namespace fleetdeck::kubernetes {

KubeLogFollower::KubeLogFollower(std::shared_ptr<Transport> transport, std::shared_ptr<KubeconfigLease> lease,
                                 KubectlTarget target, QString selector, LogOptions options, QSet<QString> initialPods,
                                 int maxRequests, int maxPodStreams, QObject *parent)
    : LogFollower(maxPodStreams, parent),
      m_transport(std::move(transport)),
      m_lease(std::move(lease)),
      m_target(std::move(target)),
      m_selector(std::move(selector)),
      m_options(std::move(options)),
      m_followed(std::move(initialPods)),
      m_maxRequests(maxRequests)
{
    m_options.follow = true;
    m_order = QStringList(m_followed.begin(), m_followed.end());
    m_order.sort();
}

void KubeLogFollower::start()
{
    if (!m_followed.isEmpty())
        addStream(m_transport->stream(logs(m_target, m_selector, m_options, m_maxRequests).command), Role::Group, {},
                  [this](const QList<StreamLine> &lines) {
                      for (const StreamLine &l : lines)
                          if (l.channel == StreamChannel::Stderr)
                              m_selectorErrors = l.text;   // the last one explains a failure
                      Q_EMIT linesReceived(lines);
                  });
    startWatch();
}

void KubeLogFollower::startWatch()
{
    addStream(m_transport->stream(watchPods(m_target, m_selector).command), Role::Watch, {},
              [this](const QList<StreamLine> &lines) { onWatchLines(lines); });
}

void KubeLogFollower::onWatchLines(const QList<StreamLine> &lines)
{
    for (const StreamLine &line : lines) {
        const auto event = parsePodEvent(line.text);
        if (!event || event->deleting || event->phase != QLatin1String("Running") || m_followed.contains(event->name)
            || isEnding())
            continue;
        m_followed.insert(event->name);
        if (!hasRoomForReplica()) {
            const QString note = QStringLiteral("[pod/%1/-] fleetdeck: not following this pod: already following %2 new pods")
                                     .arg(event->name).arg(replicaStreams());
            Q_EMIT linesReceived({StreamLine{StreamChannel::Stderr, note.toUtf8()}});
            continue;
        }
        m_order.append(event->name);
        qCInfo(lcOrchestrator).noquote() << "following the new pod" << event->name;
        LogOptions fromStart = m_options;
        fromStart.tail = -1;     // a new pod: every line it wrote is new to the reader
        fromStart.since.clear();
        addStream(m_transport->stream(podLogs(m_target, event->name, fromStart).command), Role::Replica, event->name);
    }
}

void KubeLogFollower::streamEnded(Role role, const QString &, int exitCode, const Error &error)
{
    const bool failed = exitCode != 0 || !error.message.isEmpty();
    if (role == Role::Watch && !failed) {
        // The API server ends watches after a while (--min-request-timeout): watch again.
        startWatch();
        return;
    }
    if (role == Role::Watch || (role == Role::Group && failed)) {
        CommandResult r;
        r.exitCode = exitCode;
        r.stderrData = role == Role::Watch ? watchErrors() : m_selectorErrors;
        const Error e = error.message.isEmpty()
            ? kubectlError(r, role == Role::Watch ? QStringLiteral("watching the pods") : QStringLiteral("following the logs"))
            : error;
        failWith(exitCode, e);
    }
    // A pod stream that ended (its pod went away) or a selector stream whose pods all went away:
    // the watch keeps the follow alive for the pods to come.
}

} // namespace fleetdeck::kubernetes
