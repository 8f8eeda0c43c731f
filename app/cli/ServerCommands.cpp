// server add | list | show | set | remove
#include "cli/CliCommand.h"
#include "cli/OptionReaders.h"

#include "domain/Validation.h"
#include "services/EntityJson.h"
#include "services/ServerService.h"
#include "store/Repositories.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <QJsonObject>

#include <cstdio>
#include <optional>
#include <unistd.h>
#include <iostream>
#include <string>

namespace fleetdeck::cli {

namespace {

using Opt = QCommandLineOption;

void addServerOptions(QCommandLineParser &p, bool forSet)
{
    p.addOptions({
        Opt(QStringLiteral("host"), QStringLiteral("Host name or IP address."), QStringLiteral("H")),
        Opt(QStringLiteral("port"), QStringLiteral("SSH port (default 22)."), QStringLiteral("N")),
        Opt(QStringLiteral("user"), QStringLiteral("SSH user (default root)."), QStringLiteral("U")),
        Opt(QStringLiteral("auth"), QStringLiteral("key, agent or password (default key, or agent without --identity)."), QStringLiteral("METHOD")),
        Opt(QStringLiteral("identity"), QStringLiteral("Private key file."), QStringLiteral("FILE")),
        Opt(QStringLiteral("passphrase-stdin"), QStringLiteral("Read the key passphrase from standard input.")),
        Opt(QStringLiteral("password-stdin"), QStringLiteral("Read the SSH password from standard input (sets --auth password).")),
        Opt(QStringLiteral("orchestrator"), QStringLiteral("none, swarm or kubernetes."), QStringLiteral("O")),
        Opt(QStringLiteral("swarm-role"), QStringLiteral("manager or worker."), QStringLiteral("ROLE")),
        Opt(QStringLiteral("publish-mode"), QStringLiteral("Swarm port publishing: ingress or host."), QStringLiteral("MODE")),
        Opt(QStringLiteral("kubernetes-role"), QStringLiteral("master or worker."), QStringLiteral("ROLE")),
        Opt(QStringLiteral("kubernetes-version"), QStringLiteral("Kubernetes version (normally detected)."), QStringLiteral("V")),
        Opt(QStringLiteral("namespace"), QStringLiteral("Kubernetes namespace (default: default)."), QStringLiteral("NS")),
        Opt(QStringLiteral("kubeconfig"), QStringLiteral("Kubeconfig file; stored encrypted."), QStringLiteral("FILE")),
        Opt(QStringLiteral("kube-context"), QStringLiteral("Kubeconfig context (default: its current-context)."), QStringLiteral("CTX")),
        Opt(QStringLiteral("ingress"), QStringLiteral("Create an Ingress for domains: on or off."), QStringLiteral("on|off")),
        Opt(QStringLiteral("ingress-class"), QStringLiteral("Ingress class (default nginx)."), QStringLiteral("C")),
        Opt(QStringLiteral("cert-issuer"), QStringLiteral("cert-manager ClusterIssuer for TLS."), QStringLiteral("ISSUER")),
        Opt(QStringLiteral("storage-class"), QStringLiteral("Kubernetes storage class."), QStringLiteral("SC")),
        Opt(QStringLiteral("fingerprint"), QStringLiteral("Trusted host key, SHA256:..."), QStringLiteral("FP")),
    });
    if (forSet)
        p.addOption(Opt(QStringLiteral("name"), QStringLiteral("Rename the server."), QStringLiteral("NEW")));
    else
        p.addOption(Opt(QStringLiteral("local"), QStringLiteral("This machine: run commands locally, without SSH.")));
}

QString readSecretLine()
{
    std::string line;
    std::getline(std::cin, line);
    return QString::fromStdString(line);
}

// The change the given options make. Nothing is written here.
Result<ServerPatch> patchFromOptions(const QCommandLineParser &p, bool forSet)
{
    ServerPatch patch;
    auto text = [&](const char *name) { return p.value(QLatin1String(name)); };
    auto isSet = [&](const char *name) { return p.isSet(QLatin1String(name)); };
    if (isSet("host")) patch.host = text("host");
    if (isSet("port")) {
        auto port = intOption(p, QStringLiteral("port"), 1, 65535);
        if (!port) return port.error();
        patch.port = *port;
    }
    if (isSet("user")) patch.user = text("user");
    if (isSet("identity")) {
        const QFileInfo key(text("identity"));
        if (!key.isFile() || !key.isReadable())
            return Error::invalid(QStringLiteral("--identity"), QStringLiteral("cannot read the key file '%1'").arg(text("identity")));
        patch.identityFile = key.absoluteFilePath();
        patch.auth = AuthMethod::Key;
    }
    if (isSet("auth")) {
        AuthMethod auth = AuthMethod::Key;
        if (!parseAuthMethod(text("auth"), &auth))
            return Error::invalid(QStringLiteral("--auth"), QStringLiteral("'%1' must be key, agent or password").arg(text("auth")));
        patch.auth = auth;
    }
    if (isSet("password-stdin")) {
        patch.auth = AuthMethod::Password;
        patch.secret = readSecretLine();
    } else if (isSet("passphrase-stdin")) {
        patch.secret = readSecretLine();
    }
    if (isSet("orchestrator")) {
        Orchestrator o = Orchestrator::None;
        if (!parseOrchestrator(text("orchestrator"), &o))
            return Error::invalid(QStringLiteral("--orchestrator"), QStringLiteral("'%1' must be none, swarm or kubernetes").arg(text("orchestrator")));
        patch.orchestrator = o;
    }
    if (isSet("swarm-role")) {
        if (text("swarm-role") != QLatin1String("manager") && text("swarm-role") != QLatin1String("worker"))
            return Error::invalid(QStringLiteral("--swarm-role"), QStringLiteral("'%1' must be manager or worker").arg(text("swarm-role")));
        patch.swarmManager = text("swarm-role") == QLatin1String("manager");
        patch.swarmWorker = !*patch.swarmManager;
    }
    if (isSet("publish-mode")) patch.swarmPublishMode = text("publish-mode");
    if (isSet("kubernetes-role")) {
        if (text("kubernetes-role") != QLatin1String("master") && text("kubernetes-role") != QLatin1String("worker"))
            return Error::invalid(QStringLiteral("--kubernetes-role"), QStringLiteral("'%1' must be master or worker").arg(text("kubernetes-role")));
        patch.kubernetesMaster = text("kubernetes-role") == QLatin1String("master");
        patch.kubernetesWorker = !*patch.kubernetesMaster;
    }
    if (isSet("kubernetes-version")) patch.kubernetesVersion = text("kubernetes-version");
    if (isSet("namespace")) patch.kubernetesNamespace = text("namespace");
    if (isSet("kubeconfig")) {
        auto contents = fileOption(p, QStringLiteral("kubeconfig"));
        if (!contents) return contents.error();
        patch.kubeconfig = *contents;
    }
    if (isSet("kube-context")) patch.kubeContext = text("kube-context");
    if (isSet("ingress")) {
        auto on = boolOption(p, QStringLiteral("ingress"));
        if (!on) return on.error();
        patch.useIngress = *on;
    }
    if (isSet("ingress-class")) patch.ingressClass = text("ingress-class");
    if (isSet("cert-issuer")) patch.certIssuer = text("cert-issuer");
    if (isSet("storage-class")) patch.storageClass = text("storage-class");
    if (isSet("fingerprint")) {
        if (auto v = validate::fingerprint(QStringLiteral("--fingerprint"), text("fingerprint")); !v)
            return v.error();
        patch.hostKeyFingerprint = text("fingerprint");
    }
    if (forSet && isSet("name")) patch.name = text("name");
    return patch;
}

// Option names in errors: the validator speaks of fields, the CLI user of flags.
Error asOptionError(Error e)
{
    if (e.kind == ErrorKind::Invalid && !e.field.isEmpty() && !e.field.startsWith(QLatin1String("--")) && e.field != QLatin1String("name"))
        e.field = QStringLiteral("--") + e.field;
    return e;
}

void printServer(CliEnv &env, const Server &s)
{
    const ServerSettings &t = s.settings;
    env.out << "name:          " << s.name << '\n';
    if (s.isLocal) {
        env.out << "connection:    this machine (no SSH)\n";
    } else {
        env.out << "connection:    " << s.user << '@' << s.host << ':' << s.port << " (" << authMethodName(s.auth) << ")\n";
        if (!s.identityFile.isEmpty())
            env.out << "identity:      " << s.identityFile << '\n';
        env.out << "host key:      " << (s.hostKeyFingerprint.isEmpty() ? QStringLiteral("not trusted yet (run: server trust ") + s.name + QLatin1Char(')') : s.hostKeyFingerprint) << '\n';
    }
    env.out << "orchestrator:  " << orchestratorName(t.orchestrator) << '\n';
    if (t.orchestrator == Orchestrator::Swarm)
        env.out << "swarm role:    " << (t.swarmManager ? "manager" : t.swarmWorker ? "worker" : "unknown") << ", publish mode " << t.swarmPublishMode << '\n';
    if (t.orchestrator == Orchestrator::Kubernetes) {
        env.out << "kubernetes:    " << (t.kubernetesMaster ? "master" : t.kubernetesWorker ? "worker" : "role unknown")
                << (t.kubernetesVersion.isEmpty() ? QString() : QStringLiteral(", version ") + t.kubernetesVersion) << '\n';
        env.out << "kubeconfig:    " << (t.kubeconfig.isEmpty() ? "server's own" : "stored (encrypted)")
                << (t.kubeContext.isEmpty() ? QString() : QStringLiteral(", context ") + t.kubeContext) << '\n';
        env.out << "namespace:     " << t.kubernetesNamespace << '\n';
        env.out << "ingress:       " << (t.useIngress ? QStringLiteral("on, class ") + t.ingressClass : QStringLiteral("off"))
                << (t.certIssuer.isEmpty() ? QString() : QStringLiteral(", issuer ") + t.certIssuer) << '\n';
        if (!t.storageClass.isEmpty())
            env.out << "storage class: " << t.storageClass << '\n';
    }
}

int serverAdd(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    addServerOptions(p, false);
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print the added server as JSON.")));
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Name of the server."));
    int exit = 0;
    if (!parseArgs(p, cmd, args, env, &exit))
        return exit;
    if (p.positionalArguments().size() != 1)
        return usage(env, QStringLiteral("server add needs exactly one NAME"));
    Server s;
    s.name = p.positionalArguments().first();
    s.isLocal = p.isSet(QStringLiteral("local"));
    if (s.isLocal) {
        s.host = QStringLiteral("localhost");
        s.auth = AuthMethod::Agent;
    } else if (!p.isSet(QStringLiteral("host"))) {
        return usage(env, QStringLiteral("--host: is required (or --local for this machine)"));
    }
    if (!s.isLocal && !p.isSet(QStringLiteral("identity")) && !p.isSet(QStringLiteral("auth")))
        s.auth = AuthMethod::Agent;
    auto patch = patchFromOptions(p, false);
    if (!patch)
        return fail(env, patch.error());
    patch->applyTo(s);
    auto added = ServerService(env.store()).add(s);
    if (!added)
        return fail(env, asOptionError(added.error()));
    if (p.isSet(QStringLiteral("json")))
        env.out << QJsonDocument(json::server(*added)).toJson(QJsonDocument::Indented);
    else
        env.out << "added server " << added->name << (added->isLocal || !added->hostKeyFingerprint.isEmpty() ? QString()
                     : QStringLiteral("; next: fleetdeck-cli server trust ") + added->name) << '\n';
    return ExitOk;
}

int serverList(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print JSON.")));
    int exit = 0;
    if (!parseArgs(p, cmd, args, env, &exit))
        return exit;
    if (!p.positionalArguments().isEmpty())
        return usage(env, QStringLiteral("server list takes no arguments"));
    auto servers = ServerService(env.store()).servers();
    if (!servers)
        return fail(env, servers.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const Server &s : *servers)
            a.append(json::server(s));
        env.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    env.out << QStringLiteral("NAME").leftJustified(20) << QStringLiteral("CONNECTION").leftJustified(32) << "ORCHESTRATOR\n";
    for (const Server &s : *servers)
        env.out << s.name.leftJustified(20)
                << (s.isLocal ? QStringLiteral("this machine") : s.user + QLatin1Char('@') + s.host + QLatin1Char(':') + QString::number(s.port)).leftJustified(32)
                << orchestratorName(s.settings.orchestrator) << '\n';
    return ExitOk;
}

Result<Server> namedServer(CliEnv &env, const QCommandLineParser &p, const QString &command)
{
    if (p.positionalArguments().size() != 1)
        return Error::invalid(QStringLiteral("NAME"), command + QStringLiteral(" needs exactly one server NAME"));
    return ServerService(env.store()).serverByName(p.positionalArguments().first());
}

// For commands on one server: parses `args` and loads the server named in them. On failure (or --help)
// returns nullopt with the exit code in *exit.
std::optional<Server> parseServerCommand(QCommandLineParser &p, const CliCommand &cmd, const QStringList &args, CliEnv &env,
                                         int *exit)
{
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Server name."));
    if (!parseArgs(p, cmd, args, env, exit))
        return std::nullopt;
    auto s = namedServer(env, p, cmd.path);
    if (!s) {
        *exit = fail(env, s.error());
        return std::nullopt;
    }
    return *s;
}

int serverShow(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print JSON.")));
    int exit = 0;
    const auto s = parseServerCommand(p, cmd, args, env, &exit);
    if (!s)
        return exit;
    if (p.isSet(QStringLiteral("json")))
        env.out << QJsonDocument(json::server(*s)).toJson(QJsonDocument::Indented);
    else
        printServer(env, *s);
    return ExitOk;
}

int serverSet(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    addServerOptions(p, true);
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print the result as JSON.")));
    int exit = 0;
    const auto s = parseServerCommand(p, cmd, args, env, &exit);
    if (!s)
        return exit;
    auto patch = patchFromOptions(p, true);
    if (!patch)
        return fail(env, patch.error());
    // Only the options given are written, read-merged-written in one transaction: a console save of
    // other fields meanwhile stays.
    auto stored = ServerService(env.store()).change(s->id, *patch);
    if (!stored)
        return fail(env, asOptionError(stored.error()));
    if (p.isSet(QStringLiteral("json")))
        env.out << QJsonDocument(json::server(*stored)).toJson(QJsonDocument::Indented);
    else
        env.out << "updated server " << stored->name << '\n';
    return ExitOk;
}

int serverRemove(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    int exit = 0;
    const auto s = parseServerCommand(p, cmd, args, env, &exit);
    if (!s)
        return exit;
    if (auto st = ServerService(env.store()).remove(s->id); !st)
        return fail(env, st.error());
    env.out << "removed server " << s->name << '\n';
    return ExitOk;
}

int serverTrust(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("fingerprint"), QStringLiteral("The fingerprint you verified out of band (SHA256:...)."),
                    QStringLiteral("FP")));
    p.addOption(Opt(QStringLiteral("timeout"), QStringLiteral("Connect timeout in seconds (default 10)."), QStringLiteral("S")));
    int exit = 0;
    const auto s = parseServerCommand(p, cmd, args, env, &exit);
    if (!s)
        return exit;
    if (s->isLocal)
        return fail(env, Error::invalid(QStringLiteral("NAME"), QStringLiteral("'%1' is this machine: it has no host key to trust").arg(s->name)));
    int timeout = 10;
    if (p.isSet(QStringLiteral("timeout"))) {
        auto t = intOption(p, QStringLiteral("timeout"), 1, 300);
        if (!t)
            return fail(env, t.error());
        timeout = *t;
    }
    const QString given = p.value(QStringLiteral("fingerprint"));
    if (!given.isEmpty())
        if (auto v = validate::fingerprint(QStringLiteral("--fingerprint"), given); !v)
            return fail(env, v.error());
    ServerService service(env.store());
    auto offer = service.fetchHostKey(*s, timeout * 1000);
    if (!offer)
        return fail(env, offer.error());
    const QString *offered = &offer->fingerprint;
    env.out << s->host << ':' << s->port << " offers " << offer->keyType << " key " << *offered << '\n';
    if (!s->hostKeyFingerprint.isEmpty() && s->hostKeyFingerprint != *offered && given != *offered) {
        Error e = Error::make(ErrorKind::HostKeyChanged,
                              QStringLiteral("WARNING: the host key of %1 CHANGED from %2 to %3. This can mean someone is "
                                             "intercepting the connection. If the server was reinstalled, verify the new key and "
                                             "run: fleetdeck-cli server trust %1 --fingerprint %3")
                                  .arg(s->name, s->hostKeyFingerprint, *offered));
        return fail(env, e);
    }
    if (!given.isEmpty() && given != *offered)
        return fail(env, Error::make(ErrorKind::HostKeyChanged, QStringLiteral("the server offers %1, not the %2 you gave: not trusted")
                                                                    .arg(*offered, given)));
    if (given.isEmpty() && s->hostKeyFingerprint != *offered) {
        // Without --fingerprint, only a person at a terminal can confirm what they compared.
        if (!isatty(fileno(stdin))) {
            env.err << "error: confirm the key by running: fleetdeck-cli server trust " << s->name << " --fingerprint " << *offered << '\n';
            return ExitFailure;
        }
        env.out << "Trust this key for " << s->name << "? [y/N] ";
        env.out.flush();
        const QString answer = readSecretLine().trimmed().toLower();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
            env.err << "not trusted\n";
            return ExitFailure;
        }
    }
    if (auto st = service.trustHostKey(s->id, *offered); !st)
        return fail(env, st.error());
    env.out << "trusted " << *offered << " for " << s->name << '\n';
    return ExitOk;
}

int serverCheck(CliEnv &env, const CliCommand &cmd, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print JSON.")));
    int exit = 0;
    const auto s = parseServerCommand(p, cmd, args, env, &exit);
    if (!s)
        return exit;
    const ConnectionCheck check = ServerService(env.store()).check(*s, true);
    if (const Status &st = check.connection; !st) {
        if (p.isSet(QStringLiteral("json")))
            env.out << QJsonDocument(QJsonObject{{QStringLiteral("server"), s->name}, {QStringLiteral("ok"), false},
                                                 {QStringLiteral("error"), errorKindName(st.error().kind)},
                                                 {QStringLiteral("message"), st.error().toString()},
                                                 {QStringLiteral("fingerprint"), st.error().fingerprint}})
                           .toJson(QJsonDocument::Indented);
        if (st.error().kind == ErrorKind::HostKeyUnknown)
            env.err << "the host key of " << s->name << " is not trusted yet; compare it and run: fleetdeck-cli server trust "
                    << s->name << " --fingerprint " << st.error().fingerprint << '\n';
        return fail(env, st.error());
    }
    if (!check.probe)
        return fail(env, check.probe.error());
    const std::optional<HostFacts> &facts = check.facts;
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o = facts->toJson();
        o.insert(QStringLiteral("server"), s->name);
        o.insert(QStringLiteral("ok"), true);
        o.insert(QStringLiteral("host_key_fingerprint"), s->hostKeyFingerprint);
        env.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        env.out << "server:        " << s->name << " (" << check.transport << ")\n" << facts->toText();
        if (!facts->toText().endsWith(QLatin1Char('\n')))
            env.out << '\n';
    }
    return ExitOk;
}

} // namespace

void registerServerCommands(QList<CliCommand> &commands)
{
    auto add = [&](const QString &path, const QString &synopsis, const QString &summary,
                   int (*fn)(CliEnv &, const CliCommand &, const QStringList &)) {
        CliCommand c{path, synopsis, summary, {}};
        c.run = [c, fn](CliEnv &env, const QStringList &args) { return fn(env, c, args); };
        commands.append(c);
    };
    add(QStringLiteral("server add"), QStringLiteral("NAME --host H [--port N] [--user U] [--identity FILE] [--orchestrator O] ..."),
        QStringLiteral("Add a server (or --local for this machine)."), serverAdd);
    add(QStringLiteral("server list"), QStringLiteral("[--json]"), QStringLiteral("List servers."), serverList);
    add(QStringLiteral("server show"), QStringLiteral("NAME [--json]"), QStringLiteral("Show a server and its orchestrator settings."), serverShow);
    add(QStringLiteral("server set"), QStringLiteral("NAME [options of server add] [--name NEW]"), QStringLiteral("Change a server."), serverSet);
    add(QStringLiteral("server trust"), QStringLiteral("NAME [--fingerprint SHA256:...]"),
        QStringLiteral("Show the server's host key and trust it after confirmation."), serverTrust);
    add(QStringLiteral("server check"), QStringLiteral("NAME [--json]"),
        QStringLiteral("Connect, verify the host key, report OS, Docker, swarm and Kubernetes."), serverCheck);
    add(QStringLiteral("server remove"), QStringLiteral("NAME"), QStringLiteral("Remove a server without applications."), serverRemove);
}

} // namespace fleetdeck::cli
