// DockerFixture: the real engine for integration tests (see DockerFixture.h).
#include "DockerFixture.h"

#include "remote/TransportPool.h"
#include "services/Operations.h"
#include "store/Repositories.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <csignal>

namespace fleetdeck::test {

namespace {

struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

RunResult run(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    RunResult r;
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool g_ready = false;
bool g_swarmReady = false;

} // namespace

QString DockerFixture::script()
{
    QString dir = qEnvironmentVariable("FLEETDECK_SOURCE_DIR");
    if (dir.isEmpty())
        dir = QFileInfo(QStringLiteral(__FILE__)).absolutePath() + QStringLiteral("/../..");
    return QDir(dir).filePath(QStringLiteral("scripts/start-docker.sh"));
}

bool DockerFixture::ensure(QString *why, bool swarm)
{
    if (g_ready && (!swarm || g_swarmReady))
        return true;
    if (QStandardPaths::findExecutable(QStringLiteral("docker")).isEmpty()) {
        *why = QStringLiteral("the docker client is not installed");
        return false;
    }
    QStringList env = QProcess::systemEnvironment();
    QProcess p;
    if (!swarm)
        env << QStringLiteral("FLEETDECK_NO_SWARM=1");
    p.setEnvironment(env);
    p.start(QStringLiteral("bash"), {script()});
    if (!p.waitForStarted(10000) || !p.waitForFinished(180000) || p.exitCode() != 0) {
        *why = QStringLiteral("scripts/start-docker.sh failed: ") + QString::fromUtf8(p.readAllStandardError()).trimmed();
        return false;
    }
    g_ready = true;
    g_swarmReady = g_swarmReady || swarm;
    return true;
}

QByteArray DockerFixture::docker(const QStringList &args, int *exitCode, int timeoutMs)
{
    const RunResult r = run(QStringLiteral("docker"), args, timeoutMs);
    if (exitCode)
        *exitCode = r.exitCode;
    return r.out;
}

QStringList DockerFixture::dockerLines(const QStringList &args)
{
    QStringList out;
    for (const QByteArray &l : docker(args).split('\n')) {
        const QString t = QString::fromUtf8(l).trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

void DockerFixture::cleanup()
{
    QStringList ours;
    for (const QString &s : dockerLines({QStringLiteral("service"), QStringLiteral("ls"), QStringLiteral("--format"),
                                         QStringLiteral("{{.Name}}"), QStringLiteral("--filter"), QStringLiteral("name=fdtest-")}))
        if (s.startsWith(QLatin1String("fdtest-")))
            ours << s;
    if (!ours.isEmpty())
        docker(QStringList{QStringLiteral("service"), QStringLiteral("rm")} + ours);
    // Swarm removes task containers asynchronously: remove what is there until nothing is left.
    waitUntil([] {
        QStringList mine;
        for (const QString &c : dockerLines({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                                             QStringLiteral("{{.Names}}"), QStringLiteral("--filter"), QStringLiteral("name=fdtest-")}))
            if (c.startsWith(QLatin1String("fdtest-")))
                mine << c;
        if (mine.isEmpty())
            return true;
        docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + mine);
        return false;
    }, 30000, 500);
    for (const QString &n : dockerLines({QStringLiteral("network"), QStringLiteral("ls"), QStringLiteral("--format"),
                                         QStringLiteral("{{.Name}}"), QStringLiteral("--filter"), QStringLiteral("name=fdtest-")}))
        if (n.startsWith(QLatin1String("fdtest-")))
            docker({QStringLiteral("network"), QStringLiteral("rm"), n});
}

bool DockerFixture::killEngine(QString *why)
{
    QFile pidFile(QStringLiteral("/var/run/docker.pid"));
    if (!pidFile.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("no /var/run/docker.pid: is this engine ours?");
        return false;
    }
    const pid_t pid = pid_t(pidFile.readAll().trimmed().toLongLong());
    if (pid <= 1) {
        *why = QStringLiteral("unreadable /var/run/docker.pid");
        return false;
    }
    ::kill(pid, SIGKILL);
    const bool gone = waitUntil([pid] { return ::kill(pid, 0) != 0; }, 20000);
    if (!gone)
        *why = QStringLiteral("dockerd did not end");
    g_ready = g_swarmReady = false;
    return gone;
}

bool DockerFixture::restartEngine(QString *why)
{
    if (!ensure(why, true))
        return false;
    // The swarm comes back with the engine, a few seconds later.
    const bool swarm = waitUntil([] {
        int code = -1;
        docker({QStringLiteral("node"), QStringLiteral("ls")}, &code, 10000);
        return code == 0;
    }, 60000, 500);
    if (!swarm)
        *why = QStringLiteral("the swarm did not come back after the engine restarted");
    return swarm;
}

Application DockerFixture::app(const QString &name, qint64 serverId)
{
    Application a;
    a.name = name;
    a.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.serverId = serverId;
    a.image = image1();
    a.restartPolicy = QStringLiteral("unless-stopped");
    return a;
}

bool DockerFixture::waitUntil(const std::function<bool()> &condition, int timeoutMs, int pollMs)
{
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QThread::msleep(quint64(pollMs));
    }
    return true;
}

OperationsHarness::OperationsHarness() = default;

OperationsHarness::~OperationsHarness()
{
    ops.reset();
    TransportPool::instance().clear();
}

bool OperationsHarness::start(QString *why)
{
    isolateEnvironment();
    if (!DockerFixture::ensure(why, true))
        return false;
    if (!SshdFixture::available(why))
        return false;
    QString error;
    if (!sshd.start(&error)) {
        *why = QStringLiteral("sshd fixture: ") + error;
        return false;
    }
    temp = std::make_unique<TempStore>();
    Server s = sshd.server();
    s.id = 0;
    s.name = QStringLiteral("fdtest-docker");
    auto a = temp->store->addServer(s);
    if (!a) {
        *why = a.error().toString();
        return false;
    }
    sshDocker = *a;
    s.name = QStringLiteral("fdtest-swarm");
    s.settings.orchestrator = Orchestrator::Swarm;
    s.settings.swarmManager = true;
    s.settings.swarmPublishMode = QStringLiteral("host");
    auto b = temp->store->addServer(s);
    if (!b) {
        *why = b.error().toString();
        return false;
    }
    sshSwarm = *b;
    Server l;
    l.name = QStringLiteral("fdtest-local");
    l.host = QStringLiteral("localhost");
    l.isLocal = true;
    auto c = temp->store->addServer(l);
    if (!c) {
        *why = c.error().toString();
        return false;
    }
    local = *c;
    ops = std::make_unique<OperationsService>(temp->store);
    ops->queue().setPollIntervalMs(500);
    return true;
}

Application OperationsHarness::add(Application app)
{
    auto added = temp->store->addApplication(app);
    if (!added)
        qFatal("cannot store application %s: %s", qPrintable(app.name), qPrintable(added.error().toString()));
    return *added;
}

Application OperationsHarness::reload(const Application &app) const
{
    auto a = temp->store->application(app.id);
    if (!a)
        qFatal("application %lld vanished", app.id);
    return *a;
}

int OperationsHarness::remoteCommands() const
{
    return sshd.countInLog(QStringLiteral("request exec"));
}

} // namespace fleetdeck::test
