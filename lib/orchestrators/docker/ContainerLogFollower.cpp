// ContainerLogFollower: initial `docker logs -f` streams + `docker events` + a stream per container
// that starts later.
#include "orchestrators/docker/ContainerLogFollower.h"

#include "core/Translate.h"
#include "core/Logging.h"
#include "orchestrators/Labels.h"
#include "orchestrators/docker/DockerCommands.h"
#include "orchestrators/docker/DockerParsers.h"

namespace fleetdeck::docker {

ContainerLogFollower::ContainerLogFollower(std::shared_ptr<Transport> transport, Application app, LogOptions options,
                                           QList<Container> initial, QString eventsSince, int maxContainerStreams,
                                           QObject *parent)
    : LogFollower(maxContainerStreams, parent),
      m_transport(std::move(transport)),
      m_app(std::move(app)),
      m_options(std::move(options)),
      m_initial(std::move(initial)),
      m_eventsSince(std::move(eventsSince))
{
    m_options.follow = true;
}

void ContainerLogFollower::start()
{
    for (const Container &c : std::as_const(m_initial)) {
        if (hasRoomForReplica())
            follow(c, m_options);
        else
            note(c.name, QStringLiteral("not following this container: already following %1").arg(replicaStreams()));
        m_seen.insert(c.id);
    }
    addStream(m_transport->stream(containerStartEvents(labels::appFilter(m_app), m_eventsSince).command), Role::Watch, {},
              [this](const QList<StreamLine> &lines) { onEventLines(lines); });
}

void ContainerLogFollower::follow(const Container &container, const LogOptions &options)
{
    m_streaming.insert(container.id);
    m_seen.insert(container.id);
    m_order.append(container.name);
    const QByteArray frame = container.name.toUtf8() + ' ';
    // By ID: the name moves to the replacement during a restart or deploy, the ID never does.
    addStream(m_transport->stream(containerLogs(container.id, options).command), Role::Replica, container.id,
              [this, frame, first = true](const QList<StreamLine> &lines) mutable {
                  QList<StreamLine> out;
                  out.reserve(lines.size());
                  for (const StreamLine &l : lines) {
                      // A container removed before its stream began (a start replayed from before the
                      // query): it has no log left to show, and its absence is no error.
                      const bool gone = first && l.channel == StreamChannel::Stderr
                          && l.text.startsWith("Error response from daemon: No such container");
                      first = false;
                      if (!gone)
                          out.append(StreamLine{l.channel, frame + l.text});
                  }
                  if (!out.isEmpty())
                      Q_EMIT linesReceived(out);
              });
}

void ContainerLogFollower::note(const QString &container, const QString &text)
{
    const QString line = container + QStringLiteral(" fleetdeck: ") + text;
    Q_EMIT linesReceived({StreamLine{StreamChannel::Stderr, line.toUtf8()}});
}

void ContainerLogFollower::onEventLines(const QList<StreamLine> &lines)
{
    for (const StreamLine &line : lines) {
        const auto event = parseContainerEvent(line.text);
        if (!event) {
            qCWarning(lcOrchestrator).noquote() << event.error().toString();
            continue;
        }
        // Only the application's replica slots: not a container set aside during a deploy.
        if (event->action != QLatin1String("start") || slotOf(m_app, event->name) == 0
            || m_streaming.contains(event->id) || isEnding())
            continue;
        if (!hasRoomForReplica()) {
            if (!m_seen.contains(event->id))
                note(event->name, QStringLiteral("not following this container: already following %1").arg(replicaStreams()));
            m_seen.insert(event->id);
            continue;
        }
        LogOptions o = m_options;
        o.tail = -1;
        // A new container: every line it wrote is new to the reader. One followed before (its stream
        // ended when it stopped, and now it started again): only what it writes from this start on.
        o.since = m_seen.contains(event->id) ? event->sinceArgument() : QString();
        qCInfo(lcOrchestrator).noquote() << "following the container" << event->name << event->id.left(12);
        follow(Container{event->id, event->name}, o);
    }
}

void ContainerLogFollower::streamEnded(Role role, const QString &key, int exitCode, const Error &error)
{
    if (role == Role::Replica) {
        // Its container stopped or went away; a start of it or of its replacement brings a new stream.
        m_streaming.remove(key);
        return;
    }
    // Without the events stream the follow would silently miss new containers: end it, the reader
    // reconnects (and says so).
    CommandResult r;
    r.exitCode = exitCode;
    r.stderrData = watchErrors();
    Error e = error;
    if (e.message.isEmpty())
        e = exitCode != 0 ? engineError(r, QStringLiteral("watch the containers that start"), m_transport->describe())
                          : Error::make(ErrorKind::RemoteFailed, QCoreApplication::translate("fleetdeck::orchestrators", "docker events ended on %1").arg(m_transport->describe()));
    failWith(exitCode != 0 ? exitCode : -1, e);
}

LogLine ContainerLogFollower::parseLine(const StreamLine &line, bool timestamps)
{
    const qsizetype space = line.text.indexOf(' ');
    if (space <= 0)
        return parseContainerLogLine(line.text, timestamps, QString(), line.channel);
    return parseContainerLogLine(line.text.mid(space + 1), timestamps, QString::fromUtf8(line.text.left(space)), line.channel);
}

} // namespace fleetdeck::docker
