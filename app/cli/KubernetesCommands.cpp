// manifests, cluster test / detect, namespace set / show (Kubernetes issue). The generic operations
// (deploy, scale, status, logs, ...) reach the Kubernetes backend through the orchestrator factory.
#include "cli/CliCommand.h"
#include "cli/OptionReaders.h"

#include "domain/Validation.h"
#include "manifests/ManifestValue.h"
#include "services/ClusterService.h"
#include "services/ServerService.h"
#include "store/Repositories.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace fleetdeck::cli {

namespace {

using Opt = QCommandLineOption;

Result<Server> kubernetesServer(CliEnv &env, const QString &name)
{
    auto server = ServerService(env.store()).serverByName(name);
    if (!server)
        return server.error();
    if (server->settings.orchestrator != Orchestrator::Kubernetes)
        return Error::invalid(QStringLiteral("SERVER"), QStringLiteral("server %1 runs %2, not Kubernetes (fleetdeck-cli server set %1 "
                                                                       "--orchestrator kubernetes)")
                                                             .arg(server->name, orchestratorName(server->settings.orchestrator)));
    return server;
}

// Parses a command on one Kubernetes server (SERVER, described by `help`); on bad usage or a server
// that is not Kubernetes it prints why and returns nothing, *exit saying how to exit.
std::optional<Server> parseKubernetesServerCommand(QCommandLineParser &p, const CliCommand &cmd, const QStringList &args,
                                                   CliEnv &env, int *exit, const QString &help)
{
    p.addPositionalArgument(QStringLiteral("SERVER"), help);
    if (!parseArgs(p, cmd, args, env, exit))
        return std::nullopt;
    if (p.positionalArguments().size() != 1) {
        *exit = usage(env, QStringLiteral("%1 needs exactly one SERVER").arg(cmd.path));
        return std::nullopt;
    }
    auto server = kubernetesServer(env, p.positionalArguments().first());
    if (!server) {
        *exit = fail(env, server.error());
        return std::nullopt;
    }
    return *server;
}

// Steps go to stderr as they happen when --verbose is given: stdout stays the manifests.
OperationContext context(CliEnv &env, bool verbose)
{
    OperationContext ctx;
    ctx.deadline = QDeadlineTimer(180000);
    if (verbose)
        ctx.onStep = [&env](const StepRecord &s) {
            env.err << "# " << s.step << (s.command.isEmpty() ? QString() : QStringLiteral(": ") + s.command) << '\n';
            env.err.flush();
        };
    return ctx;
}

int manifestsCommand(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({
        Opt(QStringLiteral("offline"), QStringLiteral("Do not ask the cluster: every object, replicas as the application says.")),
        Opt(QStringLiteral("validate"), QStringLiteral("Also have the API server validate them (server-side dry run; changes nothing).")),
        Opt(QStringLiteral("json"), QStringLiteral("Print the documents and notes as JSON.")),
        Opt(QStringLiteral("verbose"), QStringLiteral("Print the kubectl commands run to stderr.")),
    });
    p.addPositionalArgument(QStringLiteral("APP"), QStringLiteral("Application name or uuid."));
    int exit = 0;
    if (!parseArgs(p, cmd, args, env, &exit))
        return exit;
    if (p.positionalArguments().size() != 1)
        return usage(env, QStringLiteral("manifests needs exactly one APP"));
    if (p.isSet(QStringLiteral("offline")) && p.isSet(QStringLiteral("validate")))
        return usage(env, QStringLiteral("--validate needs the cluster: it cannot go with --offline"));
    auto app = env.store()->applicationByName(p.positionalArguments().first());
    if (!app)
        return fail(env, app.error());
    auto serverRow = ServerService(env.store()).server(app->serverId);
    if (!serverRow)
        return fail(env, serverRow.error());
    auto server = kubernetesServer(env, serverRow->name);
    if (!server)
        return fail(env, server.error());

    const ManifestMode mode = p.isSet(QStringLiteral("offline"))    ? ManifestMode::Offline
                              : p.isSet(QStringLiteral("validate")) ? ManifestMode::Validated
                                                                    : ManifestMode::Live;
    auto set = ClusterService(env.store()).manifests(*app, *server, mode, context(env, p.isSet(QStringLiteral("verbose"))));
    if (!set)
        return fail(env, set.error());
    if (p.isSet(QStringLiteral("json"))) {
        auto docs = manifests::parseYamlDocuments(set->yaml(true));
        if (!docs)
            return fail(env, docs.error());
        QJsonArray documents;
        for (const QJsonValue &d : *docs)
            documents.append(d);
        env.out << QJsonDocument(QJsonObject{{QStringLiteral("manifests"), documents},
                                             {QStringLiteral("notes"), QJsonArray::fromStringList(set->notes)}})
                       .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    // The YAML on stdout (secret values masked: "***" is not base64, so piping this into kubectl
    // fails loudly instead of storing a placeholder); the notes as comments.
    env.out << QString::fromUtf8(set->yaml(true));
    for (const QString &n : set->notes)
        env.out << "# note: " << n << '\n';
    if (p.isSet(QStringLiteral("validate")))
        env.err << "the API server accepted every manifest (server-side dry run)\n";
    return ExitOk;
}

int clusterTest(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print JSON.")));
    int exit = 0;
    const auto server = parseKubernetesServerCommand(p, cmd, args, env, &exit, QStringLiteral("A Kubernetes server."));
    if (!server)
        return exit;
    auto report = ServerService(env.store()).testCluster(*server, server->settings);
    if (!report)
        return fail(env, report.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray items;
        for (const checks::CheckItem &i : report->items)
            items.append(QJsonObject{{QStringLiteral("level"), i.level == checks::CheckItem::Level::Ok        ? QStringLiteral("ok")
                                                               : i.level == checks::CheckItem::Level::Warning ? QStringLiteral("warning")
                                                                                                              : QStringLiteral("failed")},
                                     {QStringLiteral("title"), i.title},
                                     {QStringLiteral("detail"), i.detail}});
        env.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), report->ok()},
                                             {QStringLiteral("summary"), report->summary},
                                             {QStringLiteral("version"), report->version},
                                             {QStringLiteral("items"), items}})
                       .toJson(QJsonDocument::Indented);
    } else {
        env.out << report->toText() << '\n';
    }
    return report->ok() ? ExitOk : ExitFailure;
}

int clusterDetect(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print JSON.")));
    int exit = 0;
    const auto server = parseKubernetesServerCommand(p, cmd, args, env, &exit, QStringLiteral("A Kubernetes server."));
    if (!server)
        return exit;
    auto d = ServerService(env.store()).detectCluster(*server);
    if (!d)
        return fail(env, d.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray nodes;
        for (const checks::NodeState &n : d->nodes)
            nodes.append(QJsonObject{{QStringLiteral("name"), n.name},
                                     {QStringLiteral("ready"), n.ready},
                                     {QStringLiteral("reason"), n.reason},
                                     {QStringLiteral("roles"), QJsonArray::fromStringList(n.roles)},
                                     {QStringLiteral("kubeletVersion"), n.kubeletVersion}});
        env.out << QJsonDocument(QJsonObject{{QStringLiteral("version"), d->proposal.kubernetesVersion},
                                             {QStringLiteral("nodes"), nodes},
                                             {QStringLiteral("error"), d->clusterError}})
                       .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (!d->clusterError.isEmpty())
        env.out << "cluster: " << d->clusterError << '\n';
    env.out << "version: " << (d->proposal.kubernetesVersion.isEmpty() ? QStringLiteral("-") : d->proposal.kubernetesVersion) << '\n';
    for (const checks::NodeState &n : d->nodes)
        env.out << "node " << n.name << ": " << (n.ready ? "Ready" : "NotReady")
                << (n.ready || n.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(n.reason))
                << (n.roles.isEmpty() ? QString() : QStringLiteral(", roles: ") + n.roles.join(QStringLiteral(", "))) << '\n';
    return ExitOk;
}

QJsonObject namespaceJson(const KubernetesNamespace &ns)
{
    return {{QStringLiteral("name"), ns.name}, {QStringLiteral("resourceQuota"), ns.resourceQuota},
            {QStringLiteral("limitRange"), ns.limitRange}};
}

int namespaceSet(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({
        Opt(QStringLiteral("quota"), QStringLiteral("ResourceQuota hard limits, JSON: {\"pods\":\"20\",\"requests.cpu\":\"4\"}; {} clears."), QStringLiteral("JSON")),
        Opt(QStringLiteral("limit-range"), QStringLiteral("LimitRange for containers, JSON: {\"default\":{\"cpu\":\"500m\"}}; {} clears."), QStringLiteral("JSON")),
    });
    int exit = 0;
    const auto server = parseKubernetesServerCommand(p, cmd, args, env, &exit, QStringLiteral("A Kubernetes server: its namespace is set."));
    if (!server)
        return exit;
    NamespacePatch patch;
    if (p.isSet(QStringLiteral("quota"))) {
        auto quota = validate::resourceQuotaJson(QStringLiteral("--quota"), p.value(QStringLiteral("quota")));
        if (!quota)
            return fail(env, quota.error());
        patch.resourceQuota = *quota;
    }
    if (p.isSet(QStringLiteral("limit-range"))) {
        auto limits = validate::limitRangeJson(QStringLiteral("--limit-range"), p.value(QStringLiteral("limit-range")));
        if (!limits)
            return fail(env, limits.error());
        patch.limitRange = *limits;
    }
    ClusterService clusters(env.store());
    auto ns = clusters.serverNamespace(*server, true);
    if (!ns)
        return fail(env, ns.error());
    if (auto s = clusters.changeNamespace(ns->id, patch); !s)
        return fail(env, s.error());
    env.out << "namespace " << ns->name << " of " << server->name << ": applied with the next deploy\n";
    return ExitOk;
}

int namespaceShow(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print JSON.")));
    int exit = 0;
    const auto server = parseKubernetesServerCommand(p, cmd, args, env, &exit, QStringLiteral("A Kubernetes server."));
    if (!server)
        return exit;
    auto ns = ClusterService(env.store()).serverNamespace(*server, false);
    if (!ns)
        return fail(env, ns.error());
    if (p.isSet(QStringLiteral("json"))) {
        env.out << QJsonDocument(namespaceJson(*ns)).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    env.out << "namespace:   " << ns->name << '\n'
            << "quota:       " << QString::fromUtf8(QJsonDocument(ns->resourceQuota).toJson(QJsonDocument::Compact)) << '\n'
            << "limit range: " << QString::fromUtf8(QJsonDocument(ns->limitRange).toJson(QJsonDocument::Compact)) << '\n';
    return ExitOk;
}

} // namespace

void registerKubernetesCommands(QList<CliCommand> &commands)
{
    auto add = [&](const QString &path, const QString &synopsis, const QString &summary,
                   int (*fn)(CliEnv &, const CliCommand &, const QStringList &)) {
        CliCommand c{path, synopsis, summary, {}};
        c.run = [c, fn](CliEnv &env, const QStringList &args) { return fn(env, c, args); };
        commands.append(c);
    };
    add(QStringLiteral("manifests"), QStringLiteral("APP [--offline] [--validate] [--json]"),
        QStringLiteral("Print the Kubernetes manifests a deploy would apply (secrets masked)."), manifestsCommand);
    add(QStringLiteral("cluster test"), QStringLiteral("SERVER [--json]"),
        QStringLiteral("Test a Kubernetes server: API, nodes, namespace, permissions."), clusterTest);
    add(QStringLiteral("cluster detect"), QStringLiteral("SERVER [--json]"),
        QStringLiteral("Kubernetes version and nodes (Ready condition, roles)."), clusterDetect);
    add(QStringLiteral("namespace set"), QStringLiteral("SERVER [--quota JSON] [--limit-range JSON]"),
        QStringLiteral("Quota and limit range of the server's namespace."), namespaceSet);
    add(QStringLiteral("namespace show"), QStringLiteral("SERVER [--json]"),
        QStringLiteral("Show the namespace settings of a server."), namespaceShow);
}

} // namespace fleetdeck::cli
