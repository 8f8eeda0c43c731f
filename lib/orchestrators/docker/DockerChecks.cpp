// DockerChecks: docker version asked and judged for Test connection.
#include "orchestrators/docker/DockerChecks.h"

#include "orchestrators/CheckSupport.h"
#include "remote/HostFactsParser.h"
#include "remote/Transport.h"

namespace fleetdeck::checks {

Result<CommandResult> runDockerCheck(Transport &transport, const QStringList &argv, const CancelToken &cancel)
{
    RemoteCommand c;
    c.argv = argv;
    c.timeoutMs = kCheckCommandTimeoutMs;
    c.purpose = QStringLiteral("test connection");
    return transport.execute(c, cancel);
}

Result<QString> checkDockerEngine(Transport &transport, ConnectionReport &report, const CancelToken &cancel)
{
    Result<CommandResult> version = runDockerCheck(transport, {QStringLiteral("docker"), QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{json .}}")}, cancel);
    if (!version)
        return version.error();
    if (toolMissing(*version)) {
        report.items.append(fail(QStringLiteral("Docker"), QStringLiteral("docker is not installed on %1").arg(transport.describe())));
        report.summary = QStringLiteral("Docker is not installed");
        return QString();
    }
    const Result<DockerVersionInfo> info = parseDockerVersion(version->stdoutData);
    if (!info || info->engineVersion.isEmpty()) {
        report.items.append(fail(QStringLiteral("Docker engine"), meaningfulStderr(version->stderrData).isEmpty()
                                                                     ? QStringLiteral("the engine did not answer")
                                                                     : meaningfulStderr(version->stderrData)));
        report.summary = QStringLiteral("The Docker engine does not answer");
        return QString();
    }
    report.version = info->engineVersion;
    report.items.append(ok(QStringLiteral("Docker engine"), QStringLiteral("%1 (API %2)").arg(info->engineVersion, info->engineApiVersion)));
    return info->engineVersion;
}

Result<ConnectionReport> testDocker(Transport &transport, const CancelToken &cancel)
{
    ConnectionReport report;
    const Result<QString> engine = checkDockerEngine(transport, report, cancel);
    if (!engine)
        return engine.error();
    if (!engine->isEmpty())
        report.summary = QStringLiteral("Docker %1 — ready to deploy").arg(*engine);
    return report;
}

} // namespace fleetdeck::checks
