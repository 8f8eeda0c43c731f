// A CLI command: "server add", "deploy", ... Each group registers its commands; main() dispatches.
#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace fleetdeck {
class Store;
struct Error;
}

namespace fleetdeck::cli {

enum Exit { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

struct CliEnv {
    QString dbPath;
    QTextStream &out;
    QTextStream &err;
    // Opened on first use, so `--help` never touches the disk.
    std::function<std::shared_ptr<Store>()> store;
};

struct CliCommand {
    QString path;        // "server add", "deploy"
    QString synopsis;    // "NAME --host H [--port N] ..."
    QString summary;     // one line for the overview
    // `args` are the arguments after the command path (no program name).
    std::function<int(CliEnv &, const QStringList &args)> run;
};

// Groups (one file each).
void registerServerCommands(QList<CliCommand> &commands);
void registerAppCommands(QList<CliCommand> &commands);
void registerOperationCommands(QList<CliCommand> &commands);   // deploy, scale, status, logs, ...
void registerKubernetesCommands(QList<CliCommand> &commands);  // manifests, cluster/namespace
void registerApiCommands(QList<CliCommand> &commands);         // api serve, api token ...

// Helpers shared by the groups.
// Parses `args` with `parser` (adds --help and --json); on bad usage prints the message naming the
// option and returns false with *exit = ExitUsage; on --help prints help and returns false, *exit = 0.
bool parseArgs(QCommandLineParser &parser, const CliCommand &command, const QStringList &args, CliEnv &env, int *exit);
int fail(CliEnv &env, const fleetdeck::Error &error);   // prints "error: ..." to stderr, returns 1 or 2
int usage(CliEnv &env, const QString &message);          // prints to stderr, returns 2

} // namespace fleetdeck::cli
