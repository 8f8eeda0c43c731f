// ContainerLogFollower: one followed log of every container of a standalone application, containers
// that start later (scale-up, restart, redeploy) included.
//
// `docker logs -f` follows one container. This stream runs it for the containers present at the
// start and beside them `docker events` (this application's containers that start); every container
// of a replica slot ("web.N") that starts afterwards gets its own `docker logs -f ID` from its first
// line. Containers are keyed by ID: a restart replaces "web.1" by a new container of the same name,
// which is followed while the old one's stream simply ends. Each line is framed as "NAME TEXT"
// (container names hold no spaces); parseLine() turns it back into a LogLine of replica NAME.
#pragma once

#include "domain/Application.h"
#include "orchestrators/LogFollower.h"
#include "orchestrators/OrchestratorTypes.h"

#include <QSet>

#include <memory>

namespace fleetdeck::docker {

class ContainerLogFollower final : public LogFollower
{
    Q_OBJECT
public:
    // Each followed container is a channel on the server's SSH session (9 at most at once), and the
    // events stream is one more: leave room for the commands that scale or restart the application.
    static constexpr int kDefaultMaxContainerStreams = 6;

    struct Container {
        QString id;
        QString name;
    };

    // `initial`: the application's replica containers found by the status query. `eventsSince`: a
    // duration reaching from before that query ("12s"), so that no start in between is missed.
    ContainerLogFollower(std::shared_ptr<Transport> transport, Application app, LogOptions options,
                         QList<Container> initial, QString eventsSince,
                         int maxContainerStreams = kDefaultMaxContainerStreams, QObject *parent = nullptr);

    // Starts the initial containers' streams and the events stream; call once, right after construction.
    void start();

    QStringList followedContainers() const { return m_order; }   // names, in the order followed

    // A line this stream emitted, as the LogLine of its container.
    static LogLine parseLine(const StreamLine &line, bool timestamps);

private:
    void follow(const Container &container, const LogOptions &options);
    void note(const QString &container, const QString &text);
    void onEventLines(const QList<fleetdeck::StreamLine> &lines);
    void streamEnded(Role role, const QString &key, int exitCode, const Error &error) override;

    std::shared_ptr<Transport> m_transport;
    Application m_app;
    LogOptions m_options;
    QList<Container> m_initial;
    QString m_eventsSince;
    QSet<QString> m_streaming;   // IDs with an open stream
    QSet<QString> m_seen;        // IDs ever followed (or refused at the bound)
    QStringList m_order;
};

} // namespace fleetdeck::docker
