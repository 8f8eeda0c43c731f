// app add | set | list | show | remove
#include "cli/CliCommand.h"
#include "cli/OptionReaders.h"

#include "domain/Validation.h"
#include "services/ApplicationService.h"
#include "services/EntityJson.h"
#include "store/Repositories.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fleetdeck::cli {

namespace {

using Opt = QCommandLineOption;

void addAppOptions(QCommandLineParser &p, bool forSet)
{
    p.addOptions({
        Opt(QStringLiteral("server"), QStringLiteral("Server to run on."), QStringLiteral("S")),
        Opt(QStringLiteral("project"), QStringLiteral("Project the application belongs to (a label; \"\" for none)."), QStringLiteral("P")),
        Opt(QStringLiteral("image"), QStringLiteral("Image reference (the tag to build with --build)."), QStringLiteral("IMG")),
        Opt(QStringLiteral("build"), QStringLiteral("Build from a local folder with a Dockerfile, or a git URL."), QStringLiteral("SRC")),
        Opt(QStringLiteral("dockerfile"), QStringLiteral("Dockerfile path inside the build source."), QStringLiteral("FILE")),
        Opt(QStringLiteral("port"), QStringLiteral("Exposed container port; repeat for more (replaces the list)."), QStringLiteral("N")),
        Opt(QStringLiteral("domain"), QStringLiteral("Domain routed to the first port; repeat (replaces the list)."), QStringLiteral("D")),
        Opt(QStringLiteral("env"), QStringLiteral("Environment variable KEY=VALUE; repeat."), QStringLiteral("KEY=VALUE")),
        Opt(QStringLiteral("secret-env"), QStringLiteral("Secret variable KEY=VALUE (encrypted, masked); repeat."), QStringLiteral("KEY=VALUE")),
        Opt(QStringLiteral("replicas"), QStringLiteral("Replicas on every orchestrator (0..100)."), QStringLiteral("N")),
        Opt(QStringLiteral("swarm-replicas"), QStringLiteral("Replicas on Swarm (0..100)."), QStringLiteral("N")),
        Opt(QStringLiteral("kubernetes-replicas"), QStringLiteral("Replicas on Kubernetes (0..100)."), QStringLiteral("N")),
        Opt(QStringLiteral("constraint"), QStringLiteral("Swarm placement constraint, e.g. 'node.role == manager'; repeat (replaces)."), QStringLiteral("EXPR")),
        Opt(QStringLiteral("node-selector"), QStringLiteral("Kubernetes node selector JSON object."), QStringLiteral("JSON")),
        Opt(QStringLiteral("tolerations"), QStringLiteral("Kubernetes tolerations JSON array."), QStringLiteral("JSON")),
        Opt(QStringLiteral("affinity"), QStringLiteral("Kubernetes affinity JSON object."), QStringLiteral("JSON")),
        Opt(QStringLiteral("pod-labels"), QStringLiteral("Extra pod labels JSON object."), QStringLiteral("JSON")),
        Opt(QStringLiteral("service-annotations"), QStringLiteral("Service annotations JSON object."), QStringLiteral("JSON")),
        Opt(QStringLiteral("service-type"), QStringLiteral("ClusterIP, NodePort or LoadBalancer."), QStringLiteral("T")),
        Opt(QStringLiteral("cpu"), QStringLiteral("CPU limit: 0.5 (CPUs) or 500m."), QStringLiteral("Q")),
        Opt(QStringLiteral("memory"), QStringLiteral("Memory limit: 512m or 512Mi."), QStringLiteral("Q")),
        Opt(QStringLiteral("cpu-reservation"), QStringLiteral("CPU reserved/requested."), QStringLiteral("Q")),
        Opt(QStringLiteral("memory-reservation"), QStringLiteral("Memory reserved/requested."), QStringLiteral("Q")),
        Opt(QStringLiteral("health-path"), QStringLiteral("HTTP health check path, e.g. /healthz."), QStringLiteral("P")),
        Opt(QStringLiteral("health-port"), QStringLiteral("Health check port (default: first port)."), QStringLiteral("N")),
        Opt(QStringLiteral("health-interval"), QStringLiteral("Seconds between checks."), QStringLiteral("S")),
        Opt(QStringLiteral("health-timeout"), QStringLiteral("Seconds before a check fails."), QStringLiteral("S")),
        Opt(QStringLiteral("health-retries"), QStringLiteral("Failures before unhealthy."), QStringLiteral("N")),
        Opt(QStringLiteral("restart-policy"), QStringLiteral("no, always, unless-stopped or on-failure."), QStringLiteral("P")),
        Opt(QStringLiteral("network"), QStringLiteral("Docker network to join."), QStringLiteral("NET")),
    });
    if (forSet) {
        p.addOptions({
            Opt(QStringLiteral("name"), QStringLiteral("Rename the application."), QStringLiteral("NEW")),
            Opt(QStringLiteral("unset-env"), QStringLiteral("Remove an environment variable; repeat."), QStringLiteral("KEY")),
            Opt(QStringLiteral("clear-domains"), QStringLiteral("Remove every domain.")),
            Opt(QStringLiteral("clear-constraints"), QStringLiteral("Remove every placement constraint.")),
        });
    }
}

// Field names of the validator mapped to the flags that set them.
Error asFlagError(Error e)
{
    static const QHash<QString, QString> flags = {
        {QStringLiteral("health"), QStringLiteral("--health-interval")},
        {QStringLiteral("server"), QStringLiteral("--server")},
    };
    if (e.field.isEmpty() || e.field.startsWith(QLatin1String("--")) || e.field == QLatin1String("name"))
        return e;
    const QString base = e.field.section(QLatin1Char('['), 0, 0);
    e.field = flags.value(base, QStringLiteral("--") + base) + e.field.mid(base.size());
    return e;
}

// The options given, as a patch of both field groups (nothing read: the store merges it).
Result<ApplicationPatch> patchFromOptions(CliEnv &env, const QCommandLineParser &p, bool forSet)
{
    static const QStringList setOnly = {QStringLiteral("name"), QStringLiteral("unset-env"), QStringLiteral("clear-domains"),
                                        QStringLiteral("clear-constraints")};
    ApplicationPatch patch;
    ApplicationSettingsPatch &a = patch.settings;
    ApplicationOrchestrationPatch &o = patch.orchestration;
    auto text = [&](const char *name) { return p.value(QLatin1String(name)); };
    auto isSet = [&](const char *name) {
        return (forSet || !setOnly.contains(QLatin1String(name))) && p.isSet(QLatin1String(name));
    };
    auto number = [&](const char *name, int min, int max, std::optional<int> *out) -> Status {
        if (!isSet(name))
            return {};
        auto v = intOption(p, QLatin1String(name), min, max);
        if (!v)
            return v.error();
        *out = *v;
        return {};
    };
    auto json = [&](const char *name, auto parse, auto *out) -> Status {
        if (!isSet(name))
            return {};
        auto v = parse(QStringLiteral("--") + QLatin1String(name), text(name));
        if (!v)
            return v.error();
        *out = *v;
        return {};
    };
    if (isSet("name")) a.name = text("name");
    if (isSet("project")) a.project = text("project");
    if (isSet("server")) {
        auto server = env.store()->serverByName(text("server"));
        if (!server)
            return Error::invalid(QStringLiteral("--server"), server.error().message);
        a.serverId = server->id;
    }
    if (isSet("image")) a.image = text("image");
    if (isSet("build")) a.buildSource = text("build");
    if (isSet("dockerfile")) a.dockerfile = text("dockerfile");
    if (isSet("port")) {
        QList<int> ports;
        for (const QString &v : p.values(QStringLiteral("port"))) {
            bool ok = false;
            const int port = v.toInt(&ok);
            if (!ok)
                return Error::invalid(QStringLiteral("--port"), QStringLiteral("'%1' is not a port number").arg(v));
            ports.append(port);
        }
        a.ports = ports;
    }
    if (isSet("clear-domains")) a.domains = QStringList();
    if (isSet("domain")) a.domains = p.values(QStringLiteral("domain"));
    if (isSet("unset-env"))
        a.unsetEnv = p.values(QStringLiteral("unset-env"));
    for (const auto &[flag, secret] : {std::pair{QStringLiteral("env"), false}, std::pair{QStringLiteral("secret-env"), true}}) {
        for (const QString &v : p.values(flag)) {
            auto kv = keyValue(flag, v);
            if (!kv)
                return kv.error();
            if (auto s = validate::envKey(QStringLiteral("--") + flag, kv->first); !s)
                return s.error();
            a.setEnv.removeIf([&kv](const EnvVar &e) { return e.key == kv->first; });
            a.setEnv.append({kv->first, kv->second, secret});
        }
    }
    if (isSet("replicas")) {
        if (auto s = number("replicas", 0, validate::kMaxReplicas, &o.replicas); !s)
            return s.error();
        o.swarmReplicas = o.kubernetesReplicas = o.replicas;
    }
    if (auto s = number("swarm-replicas", 0, validate::kMaxReplicas, &o.swarmReplicas); !s) return s.error();
    if (auto s = number("kubernetes-replicas", 0, validate::kMaxReplicas, &o.kubernetesReplicas); !s) return s.error();
    if (isSet("clear-constraints")) o.swarmConstraints = QStringList();
    if (isSet("constraint")) o.swarmConstraints = p.values(QStringLiteral("constraint"));
    if (auto s = json("node-selector", validate::nodeSelectorJson, &o.nodeSelector); !s) return s.error();
    if (auto s = json("tolerations", validate::tolerationsJson, &o.tolerations); !s) return s.error();
    if (auto s = json("affinity", validate::affinityJson, &o.affinity); !s) return s.error();
    if (auto s = json("pod-labels", validate::labelsJson, &o.podLabels); !s) return s.error();
    if (auto s = json("service-annotations", validate::annotationsJson, &o.serviceAnnotations); !s) return s.error();
    if (isSet("service-type")) {
        ServiceType type = ServiceType::ClusterIP;
        if (!parseServiceType(text("service-type"), &type))
            return Error::invalid(QStringLiteral("--service-type"), QStringLiteral("'%1' must be ClusterIP, NodePort or LoadBalancer").arg(text("service-type")));
        o.serviceType = type;
    }
    if (isSet("cpu")) a.cpuLimit = text("cpu");
    if (isSet("memory")) a.memoryLimit = text("memory");
    if (isSet("cpu-reservation")) a.cpuReservation = text("cpu-reservation");
    if (isSet("memory-reservation")) a.memoryReservation = text("memory-reservation");
    if (isSet("health-path")) a.healthPath = text("health-path");
    if (auto s = number("health-port", 1, 65535, &a.healthPort); !s) return s.error();
    if (auto s = number("health-interval", 1, 3600, &a.healthIntervalSeconds); !s) return s.error();
    if (auto s = number("health-timeout", 1, 3600, &a.healthTimeoutSeconds); !s) return s.error();
    if (auto s = number("health-retries", 1, 100, &a.healthRetries); !s) return s.error();
    if (isSet("restart-policy")) a.restartPolicy = text("restart-policy");
    if (isSet("network")) a.network = text("network");
    return patch;
}

QString serverNameOf(CliEnv &env, qint64 id)
{
    auto s = env.store()->server(id);
    return s ? s->name : QString();
}

void printApp(CliEnv &env, const Application &a)
{
    auto line = [&](const char *label, const QString &value) {
        if (!value.isEmpty())
            env.out << QString::fromLatin1(label).leftJustified(22) << value << '\n';
    };
    auto jsonText = [](const auto &v) { return v.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(v).toJson(QJsonDocument::Compact)); };
    line("name:", a.name);
    line("uuid:", a.uuid);
    line("server:", serverNameOf(env, a.serverId));
    line("image:", a.image);
    line("build:", a.buildSource.isEmpty() ? QString() : a.buildSource + QStringLiteral(" (") + a.dockerfile + QLatin1Char(')'));
    QStringList ports;
    for (int p : a.ports)
        ports.append(QString::number(p));
    line("ports:", ports.join(QStringLiteral(", ")));
    line("domains:", a.domains.join(QStringLiteral(", ")));
    for (const EnvVar &e : a.env)
        line("env:", e.key + QLatin1Char('=') + (e.secret ? QStringLiteral("*** (secret)") : e.value));
    if (a.health.enabled())
        line("health check:", a.health.path + QStringLiteral(" every %1s, timeout %2s, %3 retries").arg(a.health.intervalSeconds).arg(a.health.timeoutSeconds).arg(a.health.retries));
    line("cpu limit:", a.cpuLimit);
    line("memory limit:", a.memoryLimit);
    line("cpu reservation:", a.cpuReservation);
    line("memory reservation:", a.memoryReservation);
    line("restart policy:", a.restartPolicy);
    line("network:", a.network);
    line("replicas:", QStringLiteral("docker %1, swarm %2, kubernetes %3").arg(a.replicas).arg(a.swarmReplicas).arg(a.kubernetesReplicas));
    for (const QString &c : a.swarmConstraints)
        line("constraint:", c);
    line("node selector:", jsonText(a.nodeSelector));
    line("tolerations:", jsonText(a.tolerations));
    line("affinity:", jsonText(a.affinity));
    line("pod labels:", jsonText(a.podLabels));
    line("service annotations:", jsonText(a.serviceAnnotations));
    line("service type:", serviceTypeName(a.serviceType));
    line("status:", applicationStatusName(a.status));
}

int appAdd(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    addAppOptions(p, false);
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print the added application as JSON.")));
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Application name (RFC 1123: lower-case, digits, '-')."));
    int exit = 0;
    if (!parseArgs(p, cmd, args, env, &exit))
        return exit;
    if (p.positionalArguments().size() != 1)
        return usage(env, QStringLiteral("app add needs exactly one NAME"));
    if (!p.isSet(QStringLiteral("server")))
        return usage(env, QStringLiteral("--server: is required"));
    if (!p.isSet(QStringLiteral("image")))
        return usage(env, QStringLiteral("--image: is required"));
    auto patch = patchFromOptions(env, p, false);
    if (!patch)
        return fail(env, patch.error());
    Application a;
    a.name = p.positionalArguments().first();
    patch->applyTo(a);
    auto added = ApplicationService(env.store()).add(a);
    if (!added)
        return fail(env, asFlagError(added.error()));
    if (p.isSet(QStringLiteral("json")))
        env.out << QJsonDocument(json::application(*added, serverNameOf(env, added->serverId))).toJson(QJsonDocument::Indented);
    else
        env.out << "added application " << added->name << " (" << added->uuid << ")\n";
    return ExitOk;
}

Result<Application> namedApp(CliEnv &env, const QCommandLineParser &p, const QString &command)
{
    if (p.positionalArguments().size() != 1)
        return Error::invalid(QStringLiteral("APP"), command + QStringLiteral(" needs exactly one application name"));
    return env.store()->applicationByName(p.positionalArguments().first());
}

int appSet(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    addAppOptions(p, true);
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print the result as JSON.")));
    p.addPositionalArgument(QStringLiteral("APP"), QStringLiteral("Application name or uuid."));
    int exit = 0;
    if (!parseArgs(p, cmd, args, env, &exit))
        return exit;
    auto a = namedApp(env, p, QStringLiteral("app set"));
    if (!a)
        return fail(env, a.error());
    auto patch = patchFromOptions(env, p, true);
    if (!patch)
        return fail(env, patch.error());
    auto stored = ApplicationService(env.store()).change(a->id, *patch);
    if (!stored)
        return fail(env, asFlagError(stored.error()));
    if (p.isSet(QStringLiteral("json")))
        env.out << QJsonDocument(json::application(*stored, serverNameOf(env, stored->serverId))).toJson(QJsonDocument::Indented);
    else
        env.out << "updated application " << stored->name << " (a redeploy applies the changes)\n";
    return ExitOk;
}

int appList(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print JSON.")));
    p.addOption(Opt(QStringLiteral("server"), QStringLiteral("Only this server's applications."), QStringLiteral("S")));
    p.addOption(Opt(QStringLiteral("project"), QStringLiteral("Only this project's applications."), QStringLiteral("P")));
    int exit = 0;
    if (!parseArgs(p, cmd, args, env, &exit))
        return exit;
    qint64 serverId = 0;
    if (p.isSet(QStringLiteral("server"))) {
        auto s = env.store()->serverByName(p.value(QStringLiteral("server")));
        if (!s)
            return fail(env, Error::invalid(QStringLiteral("--server"), s.error().message));
        serverId = s->id;
    }
    auto apps = env.store()->applications(serverId);
    if (!apps)
        return fail(env, apps.error());
    if (p.isSet(QStringLiteral("project"))) {
        const QString project = p.value(QStringLiteral("project"));
        apps->removeIf([&project](const Application &a) { return a.project != project; });
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Application &a : *apps)
            list.append(json::application(a, serverNameOf(env, a.serverId)));
        env.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    env.out << QStringLiteral("NAME").leftJustified(24) << QStringLiteral("PROJECT").leftJustified(16)
            << QStringLiteral("SERVER").leftJustified(16) << QStringLiteral("IMAGE").leftJustified(32) << "STATUS\n";
    for (const Application &a : *apps)
        env.out << a.name.leftJustified(24) << (a.project.isEmpty() ? QStringLiteral("-") : a.project).leftJustified(16)
                << serverNameOf(env, a.serverId).leftJustified(16) << a.image.leftJustified(32) << applicationStatusName(a.status) << '\n';
    return ExitOk;
}

int appShow(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print every field as JSON (secret values masked).")));
    p.addPositionalArgument(QStringLiteral("APP"), QStringLiteral("Application name or uuid."));
    int exit = 0;
    if (!parseArgs(p, cmd, args, env, &exit))
        return exit;
    auto a = namedApp(env, p, QStringLiteral("app show"));
    if (!a)
        return fail(env, a.error());
    if (p.isSet(QStringLiteral("json")))
        env.out << QJsonDocument(json::application(*a, serverNameOf(env, a->serverId))).toJson(QJsonDocument::Indented);
    else
        printApp(env, *a);
    return ExitOk;
}

int appRemove(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("APP"), QStringLiteral("Application name or uuid."));
    int exit = 0;
    if (!parseArgs(p, cmd, args, env, &exit))
        return exit;
    auto a = namedApp(env, p, QStringLiteral("app remove"));
    if (!a)
        return fail(env, a.error());
    if (auto s = ApplicationService(env.store()).remove(a->id); !s)
        return fail(env, s.error());
    env.out << "removed application " << a->name << " (its containers, if any, keep running: `fleetdeck-cli stop` first)\n";
    return ExitOk;
}

} // namespace

void registerAppCommands(QList<CliCommand> &commands)
{
    auto add = [&](const QString &path, const QString &synopsis, const QString &summary,
                   int (*fn)(CliEnv &, const CliCommand &, const QStringList &)) {
        CliCommand c{path, synopsis, summary, {}};
        c.run = [c, fn](CliEnv &env, const QStringList &args) { return fn(env, c, args); };
        commands.append(c);
    };
    add(QStringLiteral("app add"), QStringLiteral("NAME --server S --image IMG [--port N]... [--env K=V]... [--replicas N] ..."),
        QStringLiteral("Add an application."), appAdd);
    add(QStringLiteral("app set"), QStringLiteral("APP [options of app add] [--name NEW] [--unset-env KEY]..."),
        QStringLiteral("Change an application."), appSet);
    add(QStringLiteral("app list"), QStringLiteral("[--server S] [--project P] [--json]"), QStringLiteral("List applications."), appList);
    add(QStringLiteral("app show"), QStringLiteral("APP [--json]"), QStringLiteral("Show every field of an application."), appShow);
    add(QStringLiteral("app remove"), QStringLiteral("APP"), QStringLiteral("Remove an application from the store."), appRemove);
}

} // namespace fleetdeck::cli
