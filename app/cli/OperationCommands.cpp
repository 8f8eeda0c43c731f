// deploy | plan | scale | stop | restart | rollback | status | logs | exec | top | deployments |
// deployment-log | proxy install: thin front ends over OperationsService (the GUI and API call the same).
#include "cli/CliCommand.h"
#include "cli/OptionReaders.h"

#include "domain/Validation.h"
#include "orchestrators/DisplayCommand.h"
#include "remote/ShellQuote.h"
#include "services/EntityJson.h"
#include "services/Operations.h"
#include "store/Repositories.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <optional>

namespace fleetdeck::cli {

namespace {

using Opt = QCommandLineOption;

// Ctrl-C while a command waits: the flag is read by a timer / wait loop on the main thread.
std::atomic_bool g_interrupted{false};
extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

class InterruptGuard
{
public:
    InterruptGuard()
    {
        g_interrupted.store(false);
        m_previous = std::signal(SIGINT, onInterrupt);
    }
    ~InterruptGuard() { std::signal(SIGINT, m_previous); }
    bool interrupted() const { return g_interrupted.load(); }

private:
    void (*m_previous)(int) = nullptr;
};

// Ctrl-C while a stream runs: the handler may only set a flag, so `poll` looks at it and cancels.
template<typename Stream>
void cancelOnInterrupt(QTimer &poll, const InterruptGuard &guard, Stream *stream)
{
    QObject::connect(&poll, &QTimer::timeout, stream, [&guard, stream] {
        if (guard.interrupted())
            stream->cancel();
    });
    poll.start(100);
}

Result<Application> appByName(CliEnv &env, const QString &name)
{
    auto app = env.store()->applicationByName(name);
    if (!app)
        return Error::notFound(QStringLiteral("application '%1'").arg(name));
    return app;
}

// Parses args expecting exactly `positional` positional arguments (names for the message).
bool parse(QCommandLineParser &p, const CliCommand &c, const QStringList &args, CliEnv &env, int *exit,
           const QStringList &positional)
{
    if (!parseArgs(p, c, args, env, exit))
        return false;
    if (p.positionalArguments().size() != positional.size()) {
        *exit = usage(env, QStringLiteral("%1 expects %2 (see fleetdeck-cli %1 --help)").arg(c.path, positional.join(QLatin1Char(' '))));
        return false;
    }
    return true;
}

// parse() with APP first, then the application it names; on failure prints why, *exit says how.
std::optional<Application> parseAppCommand(QCommandLineParser &p, const CliCommand &c, const QStringList &args, CliEnv &env, int *exit,
                                           const QStringList &positional = {QStringLiteral("APP")})
{
    if (!parse(p, c, args, env, exit, positional))
        return std::nullopt;
    auto app = appByName(env, p.positionalArguments().first());
    if (!app) {
        *exit = fail(env, app.error());
        return std::nullopt;
    }
    return *app;
}

Result<int> timeoutOption(const QCommandLineParser &p, int fallback)
{
    if (!p.isSet(QStringLiteral("timeout")))
        return fallback;
    return intOption(p, QStringLiteral("timeout"), 1, 24 * 3600);
}

// The status output calls standalone Docker "docker" (the stored name is "none").
QString orchestratorWord(Orchestrator o)
{
    return o == Orchestrator::None ? QStringLiteral("docker") : orchestratorName(o);
}

QString statusLine(const AppStatus &s)
{
    QString line = QStringLiteral("%1 (%2): %3, %4 of %5 replicas running")
                       .arg(s.application, orchestratorWord(s.orchestrator), engineStateName(s.state))
                       .arg(s.running)
                       .arg(s.desired);
    if (!s.message.isEmpty())
        line += QStringLiteral(" (") + s.message + QLatin1Char(')');
    return line;
}

void printStatus(CliEnv &env, const AppStatus &s)
{
    env.out << statusLine(s) << '\n';
    if (!s.image.isEmpty())
        env.out << "image: " << s.image << '\n';
    if (!s.updateState.isEmpty())
        env.out << "update: " << s.updateState << '\n';
    if (s.replicas.isEmpty())
        return;
    env.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(QStringLiteral("REPLICA"), -24)
                   .arg(QStringLiteral("STATE"), -10)
                   .arg(QStringLiteral("HEALTH"), -10)
                   .arg(QStringLiteral("NODE"), -12)
                   .arg(QStringLiteral("SINCE"), -22)
                   .arg(QStringLiteral("ERROR"));
    for (const ReplicaStatus &r : s.replicas) {
        QString state = r.state;
        if (!r.current)
            state = QStringLiteral("(") + state + QLatin1Char(')');
        env.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                       .arg(r.name, -24)
                       .arg(state, -10)
                       .arg(r.health.isEmpty() ? QStringLiteral("-") : r.health, -10)
                       .arg(r.node.isEmpty() ? QStringLiteral("-") : r.node, -12)
                       .arg(r.since.isEmpty() ? QStringLiteral("-") : r.since, -22)
                       .arg(r.error);
    }
}

void printJson(CliEnv &env, const QJsonValue &v)
{
    if (v.isArray())
        env.out << QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented);
    else
        env.out << QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented);
}

// Prints each step of a deployment to stderr as it is recorded (stdout keeps the result).
void followDeploymentLog(OperationsService &ops, CliEnv &env)
{
    QObject::connect(&ops.queue(), &DeploymentQueue::deploymentLogAppended, &ops,
                     [&env](qint64, const DeploymentLogEntry &e) {
                         QString text = e.command.isEmpty() ? e.output : QStringLiteral("$ ") + e.command;
                         if (!e.command.isEmpty() && e.exitCode != 0 && !e.output.isEmpty())
                             text += QStringLiteral("\n  ") + e.output.left(2000).replace(QLatin1Char('\n'), QStringLiteral("\n  "));
                         env.err << "[" << e.step << "] " << text << '\n';
                         env.err.flush();
                     },
                     Qt::DirectConnection);
}

// Waits for a queued deployment on the main thread; Ctrl-C cancels it.
int awaitDeployment(CliEnv &env, OperationsService &ops, const Deployment &queued, const QString &appName, bool json)
{
    InterruptGuard guard;
    bool cancelled = false;
    Result<Deployment> done = Error::make(ErrorKind::Internal, QStringLiteral("not finished"));
    for (;;) {
        done = ops.queue().wait(queued.id, 200);
        if (done || done.error().kind != ErrorKind::Timeout)
            break;
        if (guard.interrupted() && !cancelled) {
            cancelled = true;
            env.err << "cancelling deployment " << queued.id << "...\n";
            env.err.flush();
            (void)ops.cancelDeployment(queued.id);
        }
    }
    if (!done)
        return fail(env, done.error());
    if (json) {
        printJson(env, json::deployment(*done));
    } else {
        env.out << "deployment " << done->id << ": " << deploymentStatusName(done->status);
        if (!done->image.isEmpty())
            env.out << " (" << done->image << ")";
        env.out << '\n';
        if (!done->error.isEmpty())
            env.out << "reason: " << done->error << '\n';
        if (done->status == DeploymentStatus::InProgress)
            env.out << "still converging: `fleetdeck-cli status " << appName << "` settles it\n";
    }
    return done->status == DeploymentStatus::Finished || done->status == DeploymentStatus::InProgress ? ExitOk : ExitFailure;
}

int runDeployLike(CliEnv &env, const CliCommand &c, const QStringList &args, bool rollback)
{
    QCommandLineParser p;
    p.addOptions({Opt(QStringLiteral("wait"), QStringLiteral("Wait until every replica runs (healthy where checked); exit 1 if the rollout fails.")),
                  Opt(QStringLiteral("timeout"), QStringLiteral("Seconds to wait for convergence (default 300)."), QStringLiteral("S")),
                  Opt(QStringLiteral("json"), QStringLiteral("Print the deployment as JSON."))});
    int exit = 0;
    const auto app = parseAppCommand(p, c, args, env, &exit);
    if (!app)
        return exit;
    auto timeout = timeoutOption(p, 300);
    if (!timeout)
        return fail(env, timeout.error());
    OperationsService ops(env.store());
    followDeploymentLog(ops, env);
    DeployOptions o;
    o.wait = p.isSet(QStringLiteral("wait"));
    o.timeoutSeconds = *timeout;
    o.triggeredBy = QStringLiteral("cli");
    Result<Deployment> queued = Error::make(ErrorKind::Internal, {});
    if (rollback) {
        DeploymentRequest r;
        r.applicationId = app->id;
        r.kind = DeploymentKind::Rollback;
        r.waitForConvergence = o.wait;
        r.timeoutSeconds = o.timeoutSeconds;
        queued = ops.queue().enqueue(r);
    } else {
        queued = ops.enqueueDeploy(app->id, o);
    }
    if (!queued)
        return fail(env, queued.error());
    env.err << "deployment " << queued->id << " of " << app->name << " queued\n";
    env.err.flush();
    return awaitDeployment(env, ops, *queued, app->name, p.isSet(QStringLiteral("json")));
}

int deployCommand(CliEnv &env, const QStringList &args, const CliCommand &c) { return runDeployLike(env, c, args, false); }
int rollbackCommand(CliEnv &env, const QStringList &args, const CliCommand &c) { return runDeployLike(env, c, args, true); }

int planCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print the plan as JSON.")));
    int exit = 0;
    const auto app = parseAppCommand(p, c, args, env, &exit);
    if (!app)
        return exit;
    OperationsService ops(env.store());
    auto plan = ops.plan(app->id);
    if (!plan)
        return fail(env, plan.error());
    if (p.isSet(QStringLiteral("json")))
        printJson(env, plan->toJson());
    else
        env.out << plan->toText();
    return ExitOk;
}

// scale / stop / restart: the change, then the status (after convergence with --wait).
int changeCommand(CliEnv &env, const QStringList &args, const CliCommand &c, const QString &what)
{
    QCommandLineParser p;
    p.addOptions({Opt(QStringLiteral("wait"), QStringLiteral("Wait until the engine converged on the change.")),
                  Opt(QStringLiteral("timeout"), QStringLiteral("Seconds to wait (default 120)."), QStringLiteral("S")),
                  Opt(QStringLiteral("json"), QStringLiteral("Print the resulting status as JSON."))});
    int exit = 0;
    QStringList positional{QStringLiteral("APP")};
    if (what == QLatin1String("scale"))
        positional << QStringLiteral("N");
    const auto app = parseAppCommand(p, c, args, env, &exit, positional);
    if (!app)
        return exit;
    auto timeout = timeoutOption(p, 120);
    if (!timeout)
        return fail(env, timeout.error());
    OperationOptions o;
    o.wait = p.isSet(QStringLiteral("wait"));
    o.timeoutSeconds = *timeout;
    OperationsService ops(env.store());
    Result<AppStatus> st = Error::make(ErrorKind::Internal, {});
    if (what == QLatin1String("scale")) {
        bool ok = false;
        const int n = p.positionalArguments().at(1).toInt(&ok);
        if (!ok)
            return usage(env, QStringLiteral("N must be a whole number of replicas (0..%1)").arg(validate::kMaxReplicas));
        st = ops.scale(app->id, n, o);
    } else if (what == QLatin1String("stop")) {
        st = ops.stop(app->id, o);
    } else {
        st = ops.restart(app->id, o);
    }
    if (!st)
        return fail(env, st.error());
    if (p.isSet(QStringLiteral("json")))
        printJson(env, st->toJson());
    else
        env.out << statusLine(*st) << '\n';
    return ExitOk;
}

int scaleCommand(CliEnv &env, const QStringList &args, const CliCommand &c) { return changeCommand(env, args, c, QStringLiteral("scale")); }
int stopCommand(CliEnv &env, const QStringList &args, const CliCommand &c) { return changeCommand(env, args, c, QStringLiteral("stop")); }
int restartCommand(CliEnv &env, const QStringList &args, const CliCommand &c) { return changeCommand(env, args, c, QStringLiteral("restart")); }

int statusCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    p.addOptions({Opt(QStringLiteral("all"), QStringLiteral("Every application (one query per server).")),
                  Opt(QStringLiteral("json"), QStringLiteral("Print JSON."))});
    int exit = 0;
    if (!parseArgs(p, c, args, env, &exit))
        return exit;
    const bool all = p.isSet(QStringLiteral("all"));
    const bool json = p.isSet(QStringLiteral("json"));
    if (all == (p.positionalArguments().size() == 1) || p.positionalArguments().size() > 1)
        return usage(env, QStringLiteral("status expects APP or --all (see fleetdeck-cli status --help)"));
    OperationsService ops(env.store());
    if (!all) {
        auto app = appByName(env, p.positionalArguments().first());
        if (!app)
            return fail(env, app.error());
        auto st = ops.status(app->id);
        if (!st)
            return fail(env, st.error());
        if (json)
            printJson(env, st->toJson());
        else
            printStatus(env, *st);
        return ExitOk;
    }
    auto fleet = ops.statusAll();
    if (!fleet)
        return fail(env, fleet.error());
    if (json) {
        QJsonArray apps;
        for (const AppStatus &s : fleet->applications)
            apps.append(s.toJson());
        QJsonObject calls;
        for (auto it = fleet->remoteCallsPerServer.begin(); it != fleet->remoteCallsPerServer.end(); ++it)
            calls.insert(QString::number(it.key()), it.value());
        printJson(env, QJsonObject{{QStringLiteral("applications"), apps}, {QStringLiteral("remoteCallsPerServer"), calls}});
        return ExitOk;
    }
    env.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(QStringLiteral("APPLICATION"), -24)
                   .arg(QStringLiteral("ORCHESTRATOR"), -13)
                   .arg(QStringLiteral("STATE"), -13)
                   .arg(QStringLiteral("RUNNING"), -8)
                   .arg(QStringLiteral("MESSAGE"));
    for (const AppStatus &s : fleet->applications)
        env.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(s.application, -24)
                       .arg(orchestratorWord(s.orchestrator), -13)
                       .arg(engineStateName(s.state), -13)
                       .arg(QStringLiteral("%1/%2").arg(s.running).arg(s.desired), -8)
                       .arg(s.message);
    return ExitOk;
}

QString formatLine(const LogLine &l, bool timestamps)
{
    QString out;
    if (timestamps && !l.timestamp.isEmpty())
        out += l.timestamp + QLatin1Char(' ');
    if (!l.replica.isEmpty())
        out += l.replica + QStringLiteral(" | ");
    return out + l.text;
}

int logsCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    p.addOptions({Opt(QStringLiteral("tail"), QStringLiteral("Lines per replica (default 100)."), QStringLiteral("N")),
                  Opt(QStringLiteral("follow"), QStringLiteral("Keep printing new lines until Ctrl-C.")),
                  Opt(QStringLiteral("since"), QStringLiteral("Only lines newer than D (10m, 2h, or a timestamp)."), QStringLiteral("D")),
                  Opt(QStringLiteral("timestamps"), QStringLiteral("Print each line's timestamp."))});
    int exit = 0;
    const auto app = parseAppCommand(p, c, args, env, &exit);
    if (!app)
        return exit;
    LogOptions o;
    if (p.isSet(QStringLiteral("tail"))) {
        auto n = intOption(p, QStringLiteral("tail"), 0, 1000000);
        if (!n)
            return fail(env, n.error());
        o.tail = *n;
    }
    o.since = p.value(QStringLiteral("since"));
    if (o.since.startsWith(QLatin1Char('-')))
        return usage(env, QStringLiteral("--since must be a duration (10m) or a timestamp"));
    o.timestamps = p.isSet(QStringLiteral("timestamps"));
    o.follow = p.isSet(QStringLiteral("follow"));
    OperationsService ops(env.store());
    if (!o.follow) {
        auto lines = ops.logs(app->id, o);
        if (!lines)
            return fail(env, lines.error());
        for (const LogLine &l : *lines)
            (l.channel == StreamChannel::Stderr ? env.err : env.out) << formatLine(l, o.timestamps) << '\n';
        return ExitOk;
    }
    // Returns at once; a failed replica lookup arrives as finished(false, error).
    auto stream = ops.followLogs(app->id, o);
    InterruptGuard guard;
    QEventLoop loop;
    int code = ExitOk;
    QObject::connect(stream.get(), &LogFollow::linesReceived, &loop, [&](const QList<LogLine> &lines) {
        for (const LogLine &l : lines)
            (l.channel == StreamChannel::Stderr ? env.err : env.out) << formatLine(l, o.timestamps) << '\n';
        env.out.flush();
        env.err.flush();
    });
    QObject::connect(stream.get(), &LogFollow::finished, &loop, [&](bool ok, const Error &error) {
        if (!ok && error.kind != ErrorKind::Cancelled)
            code = fail(env, error);
        loop.quit();
    });
    QTimer poll;
    cancelOnInterrupt(poll, guard, stream.get());
    loop.exec();
    return code;
}

int execCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    p.addOptions({Opt(QStringLiteral("replica"), QStringLiteral("Replica number, name or id (default: the first running)."), QStringLiteral("R")),
                  Opt(QStringLiteral("timeout"), QStringLiteral("Seconds before the command is stopped (default 300)."), QStringLiteral("S"))});
    int exit = 0;
    if (!parseArgs(p, c, args, env, &exit))
        return exit;
    const QStringList pos = p.positionalArguments();
    if (pos.size() < 2 || !args.contains(QStringLiteral("--")))
        return usage(env, QStringLiteral("exec expects APP -- CMD [ARGS...] (see fleetdeck-cli exec --help)"));
    auto app = appByName(env, pos.first());
    if (!app)
        return fail(env, app.error());
    auto timeout = timeoutOption(p, 300);
    if (!timeout)
        return fail(env, timeout.error());
    ExecRequest r;
    r.argv = pos.mid(1);
    r.replica = p.value(QStringLiteral("replica"));
    OperationsService ops(env.store());
    // Lines are printed as they arrive; the exit code is the command's.
    auto stream = ops.followExec(app->id, r);
    InterruptGuard guard;
    QEventLoop loop;
    int code = ExitFailure;
    bool timedOut = false;
    QObject::connect(stream.get(), &ExecSession::linesReceived, &loop, [&](const QList<StreamLine> &lines) {
        for (const StreamLine &l : lines)
            (l.channel == StreamChannel::Stderr ? env.err : env.out) << QString::fromUtf8(l.text) << '\n';
        env.out.flush();
        env.err.flush();
    });
    QObject::connect(stream.get(), &ExecSession::finished, &loop, [&](int exitCode, const Error &error) {
        if (timedOut)
            code = fail(env, Error::make(ErrorKind::Timeout, QStringLiteral("the command ran longer than %1 s and was stopped").arg(*timeout)));
        else if (error.kind == ErrorKind::Cancelled && guard.interrupted())
            code = 128 + 2;
        else if (!error.message.isEmpty())
            code = fail(env, error);
        else
            code = exitCode;
        loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        stream->cancel();
    });
    deadline.start(std::chrono::seconds(*timeout));
    QTimer poll;
    cancelOnInterrupt(poll, guard, stream.get());
    loop.exec();
    return code;
}

QString bytes(qint64 b)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = double(b);
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        ++u;
    }
    return QString::number(v, 'f', u == 0 ? 0 : 1) + QLatin1String(units[u]);
}

int topCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print JSON.")));
    int exit = 0;
    const auto app = parseAppCommand(p, c, args, env, &exit);
    if (!app)
        return exit;
    OperationsService ops(env.store());
    auto usage = ops.resources(app->id);
    if (!usage)
        return fail(env, usage.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const ResourceUsage &u : *usage)
            a.append(u.toJson());
        printJson(env, a);
        return ExitOk;
    }
    env.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(QStringLiteral("REPLICA"), -24)
                   .arg(QStringLiteral("CPU%"), -8)
                   .arg(QStringLiteral("MEMORY"), -22)
                   .arg(QStringLiteral("NET RX"), -10)
                   .arg(QStringLiteral("NET TX"), -10)
                   .arg(QStringLiteral("PIDS"));
    for (const ResourceUsage &u : *usage)
        env.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                       .arg(u.replica, -24)
                       .arg(QString::number(u.cpuPercent, 'f', 2), -8)
                       .arg(bytes(u.memoryBytes) + QStringLiteral(" / ") + bytes(u.memoryLimitBytes), -22)
                       .arg(bytes(u.networkRxBytes), -10)
                       .arg(bytes(u.networkTxBytes), -10)
                       .arg(u.pids);
    if (usage->isEmpty())
        env.out << "(no running replica)\n";
    return ExitOk;
}

int deploymentsCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    p.addOptions({Opt(QStringLiteral("json"), QStringLiteral("Print JSON.")),
                  Opt(QStringLiteral("limit"), QStringLiteral("How many, newest first (default 20)."), QStringLiteral("N"))});
    int exit = 0;
    const auto app = parseAppCommand(p, c, args, env, &exit);
    if (!app)
        return exit;
    int limit = 20;
    if (p.isSet(QStringLiteral("limit"))) {
        auto n = intOption(p, QStringLiteral("limit"), 1, 10000);
        if (!n)
            return fail(env, n.error());
        limit = *n;
    }
    auto list = env.store()->deployments(app->id, limit);
    if (!list)
        return fail(env, list.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const Deployment &d : *list)
            a.append(json::deployment(d));
        printJson(env, a);
        return ExitOk;
    }
    env.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(QStringLiteral("ID"), -6)
                   .arg(QStringLiteral("STATUS"), -12)
                   .arg(QStringLiteral("CREATED"), -21)
                   .arg(QStringLiteral("IMAGE"), -36)
                   .arg(QStringLiteral("ERROR"));
    for (const Deployment &d : *list)
        env.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(d.id, -6)
                       .arg(deploymentStatusName(d.status), -12)
                       .arg(d.createdAt.toString(Qt::ISODate), -21)
                       .arg(d.image, -36)
                       .arg(d.error.section(QLatin1Char('\n'), 0, 0));
    return ExitOk;
}

int deploymentLogCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print JSON.")));
    int exit = 0;
    if (!parse(p, c, args, env, &exit, {QStringLiteral("ID")}))
        return exit;
    bool ok = false;
    const qint64 id = p.positionalArguments().first().toLongLong(&ok);
    if (!ok || id <= 0)
        return usage(env, QStringLiteral("ID must be a deployment number (see fleetdeck-cli deployments APP)"));
    auto d = env.store()->deployment(id);
    if (!d)
        return fail(env, d.error());
    if (p.isSet(QStringLiteral("json"))) {
        printJson(env, json::deployment(*d, true));
        return ExitOk;
    }
    env.out << "deployment " << d->id << ": " << deploymentStatusName(d->status) << " (" << d->orchestrator << ", " << d->image << ")\n";
    if (!d->error.isEmpty())
        env.out << "reason: " << d->error << '\n';
    for (const DeploymentLogEntry &e : d->log) {
        env.out << e.at.toString(Qt::ISODate) << " [" << e.step << "]";
        if (!e.command.isEmpty())
            env.out << " $ " << e.command << (e.exitCode >= 0 ? QStringLiteral("  (exit %1)").arg(e.exitCode) : QString());
        env.out << '\n';
        if (!e.output.isEmpty()) {
            for (const QString &line : e.output.split(QLatin1Char('\n')))
                env.out << "    " << line << '\n';
        }
    }
    return ExitOk;
}

int proxyInstallCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    p.addOptions({Opt(QStringLiteral("image"), QStringLiteral("Traefik image (default traefik:v3.1)."), QStringLiteral("IMG")),
                  Opt(QStringLiteral("acme-email"), QStringLiteral("Enable HTTPS with Let's Encrypt for this e-mail."), QStringLiteral("E")),
                  Opt(QStringLiteral("dry-run"), QStringLiteral("Print the commands instead of running them."))});
    int exit = 0;
    if (!parse(p, c, args, env, &exit, {QStringLiteral("SERVER")}))
        return exit;
    auto server = env.store()->serverByName(p.positionalArguments().first());
    if (!server)
        return fail(env, server.error());
    proxy::ProxySettings s;
    if (p.isSet(QStringLiteral("image"))) {
        if (auto v = validate::imageReference(QStringLiteral("--image"), p.value(QStringLiteral("image"))); !v)
            return fail(env, v.error());
        s.image = p.value(QStringLiteral("image"));
    }
    s.acmeEmail = p.value(QStringLiteral("acme-email"));
    OperationsService ops(env.store());
    if (p.isSet(QStringLiteral("dry-run"))) {
        auto plan = ops.proxyPlan(server->id, s);
        if (!plan)
            return fail(env, plan.error());
        for (const PlannedCommand &cmd : *plan)
            env.out << "# " << cmd.description << '\n' << checks::displayCommand(cmd.command.argv) << '\n';
        return ExitOk;
    }
    if (auto r = ops.installProxy(server->id, s); !r)
        return fail(env, r.error());
    env.out << "proxy installed on " << server->name << '\n';
    return ExitOk;
}

} // namespace

void registerOperationCommands(QList<CliCommand> &commands)
{
    using Handler = int (*)(CliEnv &, const QStringList &, const CliCommand &);
    auto add = [&](const QString &path, const QString &synopsis, const QString &summary, Handler handler) {
        CliCommand c{path, synopsis, summary, {}};
        c.run = [handler, c](CliEnv &env, const QStringList &args) { return handler(env, args, c); };
        commands.append(c);
    };
    add(QStringLiteral("deploy"), QStringLiteral("APP [--wait] [--timeout S] [--json]"),
        QStringLiteral("Build (if configured) and roll the application out."), deployCommand);
    add(QStringLiteral("plan"), QStringLiteral("APP [--json]"), QStringLiteral("Show the exact commands a deploy would run."), planCommand);
    add(QStringLiteral("scale"), QStringLiteral("APP N [--wait] [--json]"), QStringLiteral("Change the number of replicas now (no redeploy)."),
        scaleCommand);
    add(QStringLiteral("stop"), QStringLiteral("APP [--wait] [--json]"), QStringLiteral("Stop every replica."), stopCommand);
    add(QStringLiteral("restart"), QStringLiteral("APP [--wait] [--json]"), QStringLiteral("Replace every replica with a fresh one."),
        restartCommand);
    add(QStringLiteral("rollback"), QStringLiteral("APP [--wait] [--timeout S] [--json]"),
        QStringLiteral("Return to the previous version."), rollbackCommand);
    add(QStringLiteral("status"), QStringLiteral("APP | --all [--json]"), QStringLiteral("What runs: desired vs running, per replica."),
        statusCommand);
    add(QStringLiteral("logs"), QStringLiteral("APP [--tail N] [--follow] [--since D] [--timestamps]"),
        QStringLiteral("Logs of every replica."), logsCommand);
    add(QStringLiteral("exec"), QStringLiteral("APP [--replica R] -- CMD [ARGS...]"), QStringLiteral("Run a command in a replica."),
        execCommand);
    add(QStringLiteral("top"), QStringLiteral("APP [--json]"), QStringLiteral("CPU, memory and network of each replica."), topCommand);
    add(QStringLiteral("deployments"), QStringLiteral("APP [--limit N] [--json]"), QStringLiteral("Deployment history, newest first."),
        deploymentsCommand);
    add(QStringLiteral("deployment-log"), QStringLiteral("ID [--json]"), QStringLiteral("Every step of a deployment with its output."),
        deploymentLogCommand);
    add(QStringLiteral("proxy install"), QStringLiteral("SERVER [--image IMG] [--acme-email E] [--dry-run]"),
        QStringLiteral("Install (or replace) the Traefik proxy on a server."), proxyInstallCommand);
}

} // namespace fleetdeck::cli
