// DockerFixture: a real Docker engine with the test images and a single-node swarm for integration
// tests (scripts/start-docker.sh does the work), plus ground-truth queries straight to the engine.
#pragma once

#include "SshdFixture.h"
#include "TestEnvironment.h"

#include "domain/Application.h"
#include "domain/Server.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace fleetdeck {
class OperationsService;
}

namespace fleetdeck::test {

class DockerFixture
{
public:
    static QString image1() { return QStringLiteral("fleetdeck-test/busybox:1"); }   // serves "fleetdeck-test v1"
    static QString image2() { return QStringLiteral("fleetdeck-test/busybox:2"); }   // serves "fleetdeck-test v2"

    // Starts the engine when none answers, builds the images, initialises the swarm (once per process;
    // cheap afterwards). False with *why when this machine cannot (no docker, not root, ...).
    static bool ensure(QString *why, bool swarm = true);

    // `docker ARGS` on this machine, the engine's own view. *exitCode gets the exit code.
    static QByteArray docker(const QStringList &args, int *exitCode = nullptr, int timeoutMs = 60000);
    // Lines of `docker ARGS`, trimmed, empty ones dropped.
    static QStringList dockerLines(const QStringList &args);

    // Removes every container and service whose name starts with "fdtest-" (and networks of that name).
    static void cleanup();

    // Kills dockerd (SIGKILL: the socket stops answering at once) and waits until it is gone.
    static bool killEngine(QString *why);
    // scripts/start-docker.sh again; waits until the swarm answers too.
    static bool restartEngine(QString *why);

    // An application named `name` (give it the "fdtest-" prefix) with a fresh uuid, image1, no ports.
    static Application app(const QString &name, qint64 serverId);

    static bool waitUntil(const std::function<bool()> &condition, int timeoutMs, int pollMs = 250);

private:
    static QString script();
};

// Everything an operations test needs: engine, a real sshd, a temporary store holding three servers
// (standalone over SSH, swarm over SSH, standalone on this machine) and an OperationsService.
class OperationsHarness
{
public:
    OperationsHarness();
    ~OperationsHarness();

    // False with *why when a component is missing (then FLEETDECK_REQUIRE_COMPONENT decides).
    bool start(QString *why);

    // Stores `app` and returns it with its id.
    Application add(Application app);
    Application reload(const Application &app) const;

    // "request exec" lines sshd logged so far: one per remote command.
    int remoteCommands() const;

    SshdFixture sshd;
    std::unique_ptr<TempStore> temp;
    Server sshDocker;    // orchestrator none, over SSH
    Server sshSwarm;     // orchestrator swarm (publish mode host), over SSH
    Server local;        // orchestrator none, this machine (LocalTransport)
    std::unique_ptr<OperationsService> ops;
};

} // namespace fleetdeck::test
