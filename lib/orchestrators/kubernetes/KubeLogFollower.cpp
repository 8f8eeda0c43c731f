// KubeLogFollower: selector stream + pod watch + per-pod streams for pods that appear later.
#include "orchestrators/kubernetes/KubeLogFollower.h"

#include "core/Logging.h"
#include "orchestrators/kubernetes/KubectlParsers.h"
#include "orchestrators/kubernetes/KubectlSession.h"

#include <QTimer>

namespace fleetdeck::kubernetes {

KubeLogFollower::KubeLogFollower(std::shared_ptr<Transport> transport, std::shared_ptr<KubeconfigLease> lease,
                                 KubectlTarget target, QString selector, LogOptions options, QSet<QString> initialPods,
                                 int maxRequests, int maxPodStreams, QObject *parent)
    : RemoteStream(parent),
      m_transport(std::move(transport)),
      m_lease(std::move(lease)),
      m_target(std::move(target)),
      m_selector(std::move(selector)),
      m_options(std::move(options)),
      m_followed(std::move(initialPods)),
      m_maxRequests(maxRequests),
      m_maxPodStreams(maxPodStreams)
{
    m_options.follow = true;
    m_order = QStringList(m_followed.begin(), m_followed.end());
    m_order.sort();
}

KubeLogFollower::~KubeLogFollower()
{
    // Nothing may outlive us on the server: end every kubectl we started. The lease (and with it the
    // uploaded kubeconfig) goes when the last stream is gone.
    for (auto &s : m_streams) {
        s->disconnect(this);
        s->cancel();
    }
    m_streams.clear();
}

QStringList KubeLogFollower::followedPods() const
{
    return m_order;
}

void KubeLogFollower::start()
{
    if (!m_followed.isEmpty())
        addStream(m_transport->stream(logs(m_target, m_selector, m_options, m_maxRequests).command), false, true);
    addStream(m_transport->stream(watchPods(m_target, m_selector).command), true, false);
}

void KubeLogFollower::addStream(std::unique_ptr<RemoteStream> stream, bool isWatch, bool isSelector)
{
    RemoteStream *raw = stream.get();
    if (isWatch) {
        connect(raw, &RemoteStream::linesReceived, this, &KubeLogFollower::onWatchLines);
    } else {
        connect(raw, &RemoteStream::linesReceived, this, [this, isSelector](const QList<StreamLine> &lines) {
            if (isSelector)
                for (const StreamLine &l : lines)
                    if (l.channel == StreamChannel::Stderr)
                        m_selectorErrors = l.text;   // the last one explains a failure
            Q_EMIT linesReceived(lines);
        });
    }
    connect(raw, &RemoteStream::finished, this, [this, raw, isWatch, isSelector](int exitCode, const Error &error) {
        onStreamFinished(raw, isWatch, isSelector, exitCode, error);
    });
    m_streams.push_back(std::move(stream));
}

void KubeLogFollower::onWatchLines(const QList<StreamLine> &lines)
{
    for (const StreamLine &line : lines) {
        if (line.channel == StreamChannel::Stderr) {
            m_watchErrors += line.text + '\n';
            continue;
        }
        const auto event = parsePodEvent(line.text);
        if (!event || event->deleting || event->phase != QLatin1String("Running") || m_followed.contains(event->name)
            || m_cancelling || m_finished)
            continue;
        m_followed.insert(event->name);
        if (m_podStreams >= m_maxPodStreams) {
            const QString note = QStringLiteral("[pod/%1/-] fleetdeck: not following this pod: already following %2 new pods")
                                     .arg(event->name).arg(m_podStreams);
            Q_EMIT linesReceived({StreamLine{StreamChannel::Stderr, note.toUtf8()}});
            continue;
        }
        ++m_podStreams;
        m_order.append(event->name);
        qCInfo(lcOrchestrator).noquote() << "following the new pod" << event->name;
        LogOptions fromStart = m_options;
        fromStart.tail = -1;     // a new pod: every line it wrote is new to the reader
        fromStart.since.clear();
        addStream(m_transport->stream(podLogs(m_target, event->name, fromStart).command), false, false);
    }
}

void KubeLogFollower::onStreamFinished(RemoteStream *stream, bool isWatch, bool isSelector, int exitCode, const Error &error)
{
    for (auto it = m_streams.begin(); it != m_streams.end(); ++it) {
        if (it->get() == stream) {
            it->release()->deleteLater();   // we are inside its signal
            m_streams.erase(it);
            break;
        }
    }
    if (!isWatch && !isSelector)
        --m_podStreams;
    if (m_cancelling) {
        if (m_streams.empty())
            finishOnce(-1, Error::make(ErrorKind::Cancelled, QStringLiteral("log follow cancelled")));
        return;
    }
    if (m_finished)
        return;
    const bool failed = exitCode != 0 || !error.message.isEmpty();
    if (isWatch && !failed) {
        // The API server ends watches after a while (--min-request-timeout): watch again.
        addStream(m_transport->stream(watchPods(m_target, m_selector).command), true, false);
        return;
    }
    if (isWatch || (isSelector && failed)) {
        CommandResult r;
        r.exitCode = exitCode;
        r.stderrData = isWatch ? m_watchErrors : m_selectorErrors;
        Error e = error.message.isEmpty() ? kubectlError(r, isWatch ? QStringLiteral("watching the pods")
                                                                     : QStringLiteral("following the logs"))
                                          : error;
        m_failure = e;
        m_failureExit = exitCode;
        m_cancelling = true;
        for (auto &s : m_streams)
            s->cancel();
        if (m_streams.empty())
            finishOnce(exitCode, e);
    }
    // A pod stream that ended (its pod went away) or a selector stream whose pods all went away:
    // the watch keeps the follow alive for the pods to come.
}

void KubeLogFollower::finishOnce(int exitCode, const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    // A failure found before the cancel that ended the rest is what the reader must see.
    if (!m_failure.message.isEmpty() && error.kind == ErrorKind::Cancelled)
        Q_EMIT finished(m_failureExit != 0 ? m_failureExit : -1, m_failure);
    else
        Q_EMIT finished(exitCode, error);
}

void KubeLogFollower::cancel()
{
    if (m_finished || m_cancelling)
        return;
    m_cancelling = true;
    const std::vector<RemoteStream *> open = [this] {
        std::vector<RemoteStream *> out;
        for (auto &s : m_streams)
            out.push_back(s.get());
        return out;
    }();
    for (RemoteStream *s : open)
        s->cancel();
    if (m_streams.empty())
        QTimer::singleShot(0, this, [this] {
            finishOnce(-1, Error::make(ErrorKind::Cancelled, QStringLiteral("log follow cancelled")));
        });
}

} // namespace fleetdeck::kubernetes
