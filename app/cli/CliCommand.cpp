// Argument parsing and error reporting shared by every CLI command.
#include "cli/CliCommand.h"

#include "core/Error.h"

#include <QRegularExpression>

namespace fleetdeck::cli {

bool parseArgs(QCommandLineParser &parser, const CliCommand &command, const QStringList &args, CliEnv &env, int *exit)
{
    const QCommandLineOption help(QStringLiteral("help"), QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.setApplicationDescription(command.summary);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList full = args;
    full.prepend(QStringLiteral("fleetdeck-cli ") + command.path);
    if (!parser.parse(full)) {
        *exit = usage(env, parser.errorText() + QStringLiteral(" (see fleetdeck-cli ") + command.path + QStringLiteral(" --help)"));
        return false;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: fleetdeck-cli ") + command.path);
        env.out << "Usage: fleetdeck-cli " << command.path << ' ' << command.synopsis << "\n\n" << command.summary << "\n\n"
                << text.section(QLatin1Char('\n'), 2) << '\n';
        *exit = ExitOk;
        return false;
    }
    return true;
}

int fail(CliEnv &env, const Error &error)
{
    env.err << "error: " << error.toString() << '\n';
    if (!error.fingerprint.isEmpty())
        env.err << "fingerprint: " << error.fingerprint << '\n';
    return error.kind == ErrorKind::Invalid ? ExitUsage : ExitFailure;
}

int usage(CliEnv &env, const QString &message)
{
    env.err << "error: " << message << '\n';
    return ExitUsage;
}

} // namespace fleetdeck::cli
