// api serve | api token create | list | revoke: the headless REST API server and its tokens.
#include "cli/CliCommand.h"

#include "api/ApiServer.h"
#include "api/ApiTokens.h"
#include "remote/ActivityLog.h"
#include "store/Repositories.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace fleetdeck::cli {

namespace {

using Opt = QCommandLineOption;

std::atomic_bool g_stopServing{false};
extern "C" void onStopSignal(int)
{
    g_stopServing.store(true);
}

// "ADDR:PORT", "[::1]:PORT" or ":PORT" (loopback).
bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const int p = text.mid(colon + 1).toInt(&ok);
    if (!ok || p < 0 || p > 65535)
        return false;
    *port = quint16(p);
    if (host.isEmpty()) {
        *address = QHostAddress::LocalHost;
        return true;
    }
    return address->setAddress(host);
}

int serveCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("listen"), QStringLiteral("Address and port (default 127.0.0.1:8787)."), QStringLiteral("ADDR:PORT")));
    p.addOption(Opt(QStringLiteral("cert"), QStringLiteral("PEM certificate (chain) for HTTPS."), QStringLiteral("FILE")));
    p.addOption(Opt(QStringLiteral("key"), QStringLiteral("PEM private key for HTTPS."), QStringLiteral("FILE")));
    p.addOption(Opt(QStringLiteral("max-body"), QStringLiteral("Largest request body in bytes (default 262144)."), QStringLiteral("BYTES")));
    int exit = 0;
    if (!parseArgs(p, c, args, env, &exit))
        return exit;
    if (!p.positionalArguments().isEmpty())
        return usage(env, QStringLiteral("api serve takes no arguments (see fleetdeck-cli api serve --help)"));
    api::ApiServerOptions options;
    if (p.isSet(QStringLiteral("listen")) && !parseListen(p.value(QStringLiteral("listen")), &options.address, &options.port))
        return usage(env, QStringLiteral("--listen: '%1' is not ADDR:PORT, e.g. 127.0.0.1:8787").arg(p.value(QStringLiteral("listen"))));
    if (p.isSet(QStringLiteral("max-body"))) {
        bool ok = false;
        options.maxBodyBytes = p.value(QStringLiteral("max-body")).toLongLong(&ok);
        if (!ok || options.maxBodyBytes < 1024)
            return usage(env, QStringLiteral("--max-body: give a number of bytes, at least 1024"));
    }
    options.certificateFile = p.value(QStringLiteral("cert"));
    options.keyFile = p.value(QStringLiteral("key"));
    if (!api::ApiServer::isLoopback(options.address))
        env.err << "warning: the API listens on " << options.address.toString()
                << ", reachable from other machines; every token is a key to your servers"
                << (options.certificateFile.isEmpty() ? " and without --cert/--key it travels in clear text" : "") << '\n';

    api::ApiServer server(env.store(), options);
    if (auto s = server.start(); !s) {
        if (s.error().kind == ErrorKind::Invalid)
            return usage(env, QStringLiteral("--%1: %2").arg(s.error().field, s.error().message));
        return fail(env, s.error());
    }
    // One line per call, from the activity log (recorded on the pool, printed here).
    QObject::connect(&ActivityLog::instance(), &ActivityLog::recorded, QCoreApplication::instance(), [&env](const ActivityEntry &e) {
        if (e.server != QLatin1String("api"))
            return;
        env.out << e.startedAt.toString(Qt::ISODateWithMs) << ' ' << e.target << ' ' << e.argv.join(u' ') << " -> " << e.exitCode
                << " (" << e.durationMs << " ms)\n";
        env.out.flush();
    });
    env.out << "listening on " << server.url() << "/api/v1 (Ctrl-C to stop)\n";
    env.out.flush();
    g_stopServing.store(false);
    auto previousInt = std::signal(SIGINT, onStopSignal);
    auto previousTerm = std::signal(SIGTERM, onStopSignal);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, QCoreApplication::instance(), [] {
        if (g_stopServing.load())
            QCoreApplication::quit();
    });
    poll.start(200);
    QCoreApplication::exec();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    env.out << "stopped\n";
    return ExitOk;
}

int tokenCreateCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("read-only"), QStringLiteral("The token may only read (GET); changes get 403.")));
    int exit = 0;
    if (!parseArgs(p, c, args, env, &exit))
        return exit;
    if (p.positionalArguments().size() != 1)
        return usage(env, QStringLiteral("api token create needs one NAME"));
    auto created = api::createToken(*env.store(), p.positionalArguments().first(), p.isSet(QStringLiteral("read-only")));
    if (!created)
        return fail(env, created.error());
    env.out << "token " << created->stored.name << (created->stored.readOnly ? " (read-only)" : "")
            << " created; it is shown this once, store it now:\n"
            << created->token << '\n';
    return ExitOk;
}

int tokenListCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    p.addOption(Opt(QStringLiteral("json"), QStringLiteral("Print JSON.")));
    int exit = 0;
    if (!parseArgs(p, c, args, env, &exit))
        return exit;
    auto tokens = env.store()->apiTokens();
    if (!tokens)
        return fail(env, tokens.error());
    const auto time = [](const QDateTime &t) { return t.isValid() ? t.toString(Qt::ISODate) : QString(); };
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const ApiToken &t : *tokens)
            out.append(QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("read_only"), t.readOnly},
                                   {QStringLiteral("created_at"), time(t.createdAt)}, {QStringLiteral("last_used_at"), time(t.lastUsedAt)}});
        env.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    env.out << QStringLiteral("NAME").leftJustified(24) << QStringLiteral("SCOPE").leftJustified(11)
            << QStringLiteral("CREATED").leftJustified(22) << "LAST USED\n";
    for (const ApiToken &t : *tokens)
        env.out << t.name.leftJustified(24) << (t.readOnly ? QStringLiteral("read-only") : QStringLiteral("read-write")).leftJustified(11)
                << time(t.createdAt).leftJustified(22) << (t.lastUsedAt.isValid() ? time(t.lastUsedAt) : QStringLiteral("never")) << '\n';
    return ExitOk;
}

int tokenRevokeCommand(CliEnv &env, const QStringList &args, const CliCommand &c)
{
    QCommandLineParser p;
    int exit = 0;
    if (!parseArgs(p, c, args, env, &exit))
        return exit;
    if (p.positionalArguments().size() != 1)
        return usage(env, QStringLiteral("api token revoke needs one NAME"));
    if (auto s = env.store()->removeApiToken(p.positionalArguments().first()); !s)
        return fail(env, s.error());
    env.out << "token " << p.positionalArguments().first() << " revoked\n";
    return ExitOk;
}

} // namespace

void registerApiCommands(QList<CliCommand> &commands)
{
    using Handler = int (*)(CliEnv &, const QStringList &, const CliCommand &);
    auto add = [&](const QString &path, const QString &synopsis, const QString &summary, Handler handler) {
        CliCommand c{path, synopsis, summary, {}};
        c.run = [handler, c](CliEnv &env, const QStringList &args) { return handler(env, args, c); };
        commands.append(c);
    };
    add(QStringLiteral("api serve"), QStringLiteral("[--listen ADDR:PORT] [--cert FILE --key FILE] [--max-body BYTES]"),
        QStringLiteral("Serve the REST API (127.0.0.1:8787 unless told otherwise)."), serveCommand);
    add(QStringLiteral("api token create"), QStringLiteral("NAME [--read-only]"),
        QStringLiteral("Create an API token; prints it once, as the last line."), tokenCreateCommand);
    add(QStringLiteral("api token list"), QStringLiteral("[--json]"), QStringLiteral("API tokens: name, scope, last use."), tokenListCommand);
    add(QStringLiteral("api token revoke"), QStringLiteral("NAME"), QStringLiteral("Revoke an API token at once."), tokenRevokeCommand);
}

} // namespace fleetdeck::cli
