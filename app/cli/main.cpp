// fleetdeck-cli: the command-line front end over the core library (scripts, tests, CI).
#include "cli/CliCommand.h"

#include "remote/TransportPool.h"
#include "store/Database.h"
#include "store/Repositories.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>

using namespace fleetdeck;
using namespace fleetdeck::cli;

namespace {

void printOverview(QTextStream &out, const QList<CliCommand> &commands)
{
    out << "Usage: fleetdeck-cli [--db PATH] COMMAND [OPTIONS]\n\n"
           "Deploy and run applications on standalone Docker, Docker Swarm and Kubernetes.\n\n"
           "Global options:\n"
           "  --db PATH      store to use (default: $FLEETDECK_DB or " << Database::defaultPath() << ")\n"
           "  --version      print the version\n"
           "  --help         this overview; COMMAND --help for a command\n\nCommands:\n";
    for (const CliCommand &c : commands)
        out << "  " << (c.path + QLatin1Char(' ') + c.synopsis).leftJustified(58) << ' ' << c.summary << '\n';
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fleetdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEETDECK_VERSION));
    // Progress chatter of the core stays out of scripts' stderr unless asked for.
    if (qEnvironmentVariableIsEmpty("FLEETDECK_DEBUG"))
        QLoggingCategory::setFilterRules(QStringLiteral("fleetdeck.*.info=false\nfleetdeck.*.debug=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QList<CliCommand> commands;
    registerServerCommands(commands);
    registerAppCommands(commands);
    registerOperationCommands(commands);
    registerKubernetesCommands(commands);
    registerApiCommands(commands);

    QStringList args = app.arguments().mid(1);
    QString dbPath;
    // Global options come before the command.
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString opt = args.takeFirst();
        if (opt == QLatin1String("--version")) {
            out << "fleetdeck-cli " << FLEETDECK_VERSION << '\n';
            return ExitOk;
        }
        if (opt == QLatin1String("--help")) {
            printOverview(out, commands);
            return ExitOk;
        }
        if (opt == QLatin1String("--db") || opt.startsWith(QLatin1String("--db="))) {
            if (opt == QLatin1String("--db")) {
                if (args.isEmpty()) {
                    err << "error: --db needs a PATH\n";
                    return ExitUsage;
                }
                dbPath = args.takeFirst();
            } else {
                dbPath = opt.mid(5);
            }
            continue;
        }
        err << "error: unknown global option " << opt << " (see fleetdeck-cli --help)\n";
        return ExitUsage;
    }
    if (args.isEmpty()) {
        printOverview(err, commands);
        return ExitUsage;
    }
    if (dbPath.isEmpty())
        dbPath = Database::defaultPath();

    // Longest command path that prefixes the arguments: "server add" before "server".
    const CliCommand *match = nullptr;
    int matchedWords = 0;
    for (const CliCommand &c : commands) {
        const QStringList words = c.path.split(QLatin1Char(' '));
        if (words.size() <= args.size() && args.mid(0, words.size()) == words && words.size() > matchedWords) {
            match = &c;
            matchedWords = int(words.size());
        }
    }
    if (!match && args.size() <= 2 && (args.size() == 1 || args.at(1) == QLatin1String("--help"))) {
        // "server" or "server --help": list that group's commands.
        QList<CliCommand> group;
        for (const CliCommand &c : commands)
            if (c.path.startsWith(args.first() + QLatin1Char(' ')))
                group.append(c);
        if (!group.isEmpty()) {
            printOverview(args.size() == 2 ? out : err, group);
            return args.size() == 2 ? ExitOk : ExitUsage;
        }
    }
    if (!match) {
        err << "error: unknown command '" << args.mid(0, 2).join(QLatin1Char(' ')) << "' (see fleetdeck-cli --help)\n";
        return ExitUsage;
    }

    std::shared_ptr<Store> store;
    CliEnv env{dbPath, out, err, {}};
    env.store = [&]() -> std::shared_ptr<Store> {
        if (!store) {
            auto opened = Store::open(dbPath);
            if (!opened) {
                err << "error: " << opened.error().toString() << '\n';
                err.flush();
                ::exit(ExitFailure);
            }
            store = *opened;
        }
        return store;
    };
    const int code = match->run(env, args.mid(matchedWords));
    TransportPool::instance().shutdown();
    out.flush();
    err.flush();
    return code;
}
