// ContainerOptions: env, health check and quantities as Docker CLI arguments.
#include "orchestrators/docker/ContainerOptions.h"

#include "core/Translate.h"
#include "domain/Quantity.h"
#include "remote/ShellQuote.h"

#include <QSet>

namespace fleetdeck::docker {

namespace {

// Variables the loader's shell or the docker CLI read for themselves: a secret of that name would
// change how the deploy command runs, not just the container.
bool reservedForLoader(const QString &key)
{
    static const QSet<QString> names = {
        QStringLiteral("PATH"), QStringLiteral("HOME"), QStringLiteral("IFS"), QStringLiteral("ENV"),
        QStringLiteral("SHELL"), QStringLiteral("PWD"), QStringLiteral("OLDPWD"), QStringLiteral("CDPATH"),
        QStringLiteral("PS1"), QStringLiteral("PS2"), QStringLiteral("PS4"), QStringLiteral("OPTIND"),
        QStringLiteral("OPTARG"), QStringLiteral("TMPDIR"), QStringLiteral("HTTP_PROXY"), QStringLiteral("HTTPS_PROXY"),
        QStringLiteral("NO_PROXY"), QStringLiteral("http_proxy"), QStringLiteral("https_proxy"), QStringLiteral("no_proxy"),
        QStringLiteral("SSL_CERT_FILE"), QStringLiteral("SSL_CERT_DIR")};
    if (names.contains(key))
        return true;
    for (const char *prefix : {"DOCKER_", "LD_", "BASH_", "GODEBUG", "GOTRACEBACK", "GOMAXPROCS", "BUILDKIT_"})
        if (key.startsWith(QLatin1String(prefix)))
            return true;
    return false;
}

QString seconds(int s)
{
    return QString::number(s) + QLatin1Char('s');
}

} // namespace

QString secretEnvLoader()
{
    // Constant: user data reaches it only as the quoted stdin and as positional parameters.
    return QStringLiteral("set -a && . /dev/stdin && set +a && exec \"$@\"");
}

Status checkSecretEnv(const QList<EnvVar> &env)
{
    for (const EnvVar &e : env) {
        if (!e.secret)
            continue;
        if (reservedForLoader(e.key))
            return Error::invalid(QStringLiteral("env"),
                                  QCoreApplication::translate("fleetdeck::orchestrators", "secret variable %1 cannot be passed safely: the docker command on the "
                                                                                          "server would use it itself; rename it or make it non-secret").arg(e.key));
        if (e.value.contains(QChar(0)))
            return Error::invalid(QStringLiteral("env"), QCoreApplication::translate("fleetdeck::orchestrators", "value of %1 contains a NUL byte").arg(e.key));
    }
    return {};
}

QStringList envArgs(const QList<EnvVar> &env, const QString &flag, QList<EnvVar> *secretsOut)
{
    QStringList args;
    for (const EnvVar &e : env) {
        args << flag;
        if (e.secret) {
            args << e.key;
            if (secretsOut)
                secretsOut->append(e);
        } else {
            args << e.key + QLatin1Char('=') + e.value;
        }
    }
    return args;
}

PlannedCommand withSecretEnv(PlannedCommand command, const QList<EnvVar> &secrets)
{
    if (secrets.isEmpty())
        return command;
    const QStringList prefix{QStringLiteral("sh"), QStringLiteral("-c"), secretEnvLoader(), QStringLiteral("fleetdeck-env")};
    command.command.argv = prefix + command.command.argv;
    for (int &i : command.command.secretArgs)
        i += int(prefix.size());
    QByteArray script;
    QStringList names;
    for (const EnvVar &e : secrets) {
        script += e.key.toUtf8() + '=' + shellQuote(e.value).toUtf8() + '\n';
        names << e.key + QStringLiteral("=***");
    }
    command.command.stdinData = script;
    command.command.stdinIsSecret = true;
    command.stdinSummary = names.join(QLatin1Char(' ')) + QStringLiteral(" (secret values, read by the loader)");
    return command;
}

QString healthCommand(const Application &app)
{
    const HealthCheck &h = app.health;
    if (!h.command.isEmpty())
        return h.command;
    if (h.path.isEmpty())
        return {};
    const int port = h.port > 0 ? h.port : app.ports.value(0);
    if (port <= 0)
        return {};
    const QString url = QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(h.path);
    // Whichever of the two the image has; the URL is quoted by the one audited quoting function.
    return QStringLiteral("if command -v wget >/dev/null 2>&1; then ")
        + shellJoin({QStringLiteral("wget"), QStringLiteral("-q"), QStringLiteral("-O"), QStringLiteral("/dev/null"), url})
        + QStringLiteral("; else ")
        + shellJoin({QStringLiteral("curl"), QStringLiteral("-fsS"), QStringLiteral("-o"), QStringLiteral("/dev/null"), url})
        + QStringLiteral("; fi");
}

Result<QStringList> healthArgs(const Application &app)
{
    if (!app.health.path.isEmpty() && app.health.command.isEmpty() && app.health.port <= 0 && app.ports.isEmpty())
        return Error::invalid(QStringLiteral("health-port"), QCoreApplication::translate("fleetdeck::orchestrators", "an HTTP health check needs a port: set the "
                                                                                                                    "health port or give the application a port"));
    const QString cmd = healthCommand(app);
    if (cmd.isEmpty())
        return QStringList{};
    const HealthCheck &h = app.health;
    return QStringList{QStringLiteral("--health-cmd"), cmd,
            QStringLiteral("--health-interval"), seconds(qMax(1, h.intervalSeconds)),
            QStringLiteral("--health-timeout"), seconds(qMax(1, h.timeoutSeconds)),
            QStringLiteral("--health-retries"), QString::number(qMax(1, h.retries)),
            QStringLiteral("--health-start-period"), seconds(qMax(0, h.startPeriodSeconds))};
}

Result<Quantities> quantities(const Application &app)
{
    Quantities q;
    if (!app.cpuLimit.isEmpty()) {
        auto v = parseCpu(app.cpuLimit, QStringLiteral("cpu"));
        if (!v)
            return v.error();
        q.cpuLimit = cpuToDocker(*v);
        q.cpuLimitNano = *v * 1000000;
    }
    if (!app.cpuReservation.isEmpty()) {
        auto v = parseCpu(app.cpuReservation, QStringLiteral("cpu-reservation"));
        if (!v)
            return v.error();
        q.cpuReservation = cpuToDocker(*v);
        q.cpuReservationNano = *v * 1000000;
    }
    if (!app.memoryLimit.isEmpty()) {
        auto v = parseMemory(app.memoryLimit, QStringLiteral("memory"));
        if (!v)
            return v.error();
        q.memoryLimit = memoryToDocker(*v);
        q.memoryLimitBytes = *v;
    }
    if (!app.memoryReservation.isEmpty()) {
        auto v = parseMemory(app.memoryReservation, QStringLiteral("memory-reservation"));
        if (!v)
            return v.error();
        q.memoryReservation = memoryToDocker(*v);
        q.memoryReservationBytes = *v;
    }
    return q;
}

QString swarmRestartCondition(const QString &policy)
{
    if (policy == QLatin1String("no"))
        return QStringLiteral("none");
    if (policy.startsWith(QLatin1String("on-failure")))
        return QStringLiteral("on-failure");
    return QStringLiteral("any");
}

} // namespace fleetdeck::docker
