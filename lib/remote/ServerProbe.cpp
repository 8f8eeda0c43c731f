// ServerProbe: runs the fact-finding commands and feeds their outputs to the pure parsers.

#include "remote/ServerProbe.h"

#include "remote/HostFactsParser.h"

#include <QJsonObject>

namespace fleetdeck {

namespace {

constexpr int kProbeTimeoutMs = 20000;

// sh answers 127 (not found) or 126 (not executable) when the tool is not there.
bool toolMissing(const CommandResult &result)
{
    return result.exitCode == 127 || result.exitCode == 126;
}

QString firstLine(const QByteArray &text)
{
    const QString s = QString::fromUtf8(text).trimmed();
    return s.section(QLatin1Char('\n'), 0, 0).trimmed();
}

Result<CommandResult> runProbe(Transport &transport, const QStringList &argv, const QString &purpose, const CancelToken &cancel)
{
    RemoteCommand command;
    command.argv = argv;
    command.timeoutMs = kProbeTimeoutMs;
    command.purpose = purpose;
    return transport.execute(command, cancel);
}

} // namespace

Result<HostFacts> probeServer(Transport &transport, const CancelToken &cancel)
{
    HostFacts facts;
    const QString purpose = QStringLiteral("server check");

    Result<CommandResult> os = runProbe(transport, {QStringLiteral("cat"), QStringLiteral("/etc/os-release")}, purpose, cancel);
    if (!os)
        return os.error();
    if (!os->succeeded())
        os = runProbe(transport, {QStringLiteral("cat"), QStringLiteral("/usr/lib/os-release")}, purpose, cancel);
    if (!os)
        return os.error();
    if (os->succeeded()) {
        if (Result<QString> pretty = parseOsRelease(os->stdoutData))
            facts.os = *pretty;
    }

    Result<CommandResult> docker = runProbe(
        transport, {QStringLiteral("docker"), QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{json .}}")},
        purpose, cancel);
    if (!docker)
        return docker.error();
    if (!toolMissing(*docker)) {
        Result<DockerVersionInfo> version = parseDockerVersion(docker->stdoutData);
        facts.dockerPresent = true;
        if (version) {
            facts.dockerClientVersion = version->clientVersion;
            facts.dockerEngineVersion = version->engineVersion;
        }
        if (facts.dockerEngineVersion.isEmpty())
            facts.dockerError = firstLine(docker->stderrData).isEmpty() ? QStringLiteral("the Docker engine did not answer")
                                                                        : firstLine(docker->stderrData);
    }
    if (!facts.dockerEngineVersion.isEmpty()) {
        Result<CommandResult> info = runProbe(
            transport,
            {QStringLiteral("docker"), QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{json .Swarm}}")},
            purpose, cancel);
        if (!info)
            return info.error();
        if (Result<SwarmInfo> swarm = parseSwarmInfo(info->stdoutData)) {
            facts.swarm = swarm->state;
            facts.swarmError = swarm->error;
        } else {
            facts.swarm = SwarmState::Error;
            facts.swarmError = swarm.error().toString();
        }
    }

    Result<CommandResult> kubectl = runProbe(transport,
                                             {QStringLiteral("kubectl"), QStringLiteral("version"), QStringLiteral("-o"),
                                              QStringLiteral("json"), QStringLiteral("--request-timeout=5s")},
                                             purpose, cancel);
    if (!kubectl)
        return kubectl.error();
    if (!toolMissing(*kubectl)) {
        facts.kubectlPresent = true;
        if (Result<KubectlVersionInfo> version = parseKubectlVersion(kubectl->stdoutData)) {
            facts.kubectlClientVersion = version->clientVersion;
            facts.kubernetesServerVersion = version->serverVersion;
        }
        if (facts.kubernetesServerVersion.isEmpty())
            facts.kubectlError = firstLine(kubectl->stderrData).isEmpty() ? QStringLiteral("no cluster answered")
                                                                          : firstLine(kubectl->stderrData);
    }
    return facts;
}

QJsonObject HostFacts::toJson() const
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    QJsonObject docker{{QStringLiteral("present"), dockerPresent},
                       {QStringLiteral("clientVersion"), orNull(dockerClientVersion)},
                       {QStringLiteral("engineVersion"), orNull(dockerEngineVersion)},
                       {QStringLiteral("error"), orNull(dockerError)}};
    QJsonObject swarmJson{{QStringLiteral("state"), swarmStateName(swarm)}, {QStringLiteral("error"), orNull(swarmError)}};
    QJsonObject kube{{QStringLiteral("present"), kubectlPresent},
                     {QStringLiteral("clientVersion"), orNull(kubectlClientVersion)},
                     {QStringLiteral("serverVersion"), orNull(kubernetesServerVersion)},
                     {QStringLiteral("error"), orNull(kubectlError)}};
    return QJsonObject{{QStringLiteral("os"), orNull(os)},
                       {QStringLiteral("docker"), docker},
                       {QStringLiteral("swarm"), swarmJson},
                       {QStringLiteral("kubectl"), kube}};
}

QString HostFacts::toText() const
{
    const QString absent = QStringLiteral("not present");
    QStringList lines;
    lines << QStringLiteral("OS:         %1").arg(os.isEmpty() ? QStringLiteral("unknown") : os);
    if (!dockerPresent)
        lines << QStringLiteral("Docker:     %1").arg(absent);
    else if (dockerEngineVersion.isEmpty())
        lines << QStringLiteral("Docker:     client %1, engine not reachable (%2)").arg(dockerClientVersion, dockerError);
    else
        lines << QStringLiteral("Docker:     engine %1 (client %2)").arg(dockerEngineVersion, dockerClientVersion);
    lines << QStringLiteral("Swarm:      %1").arg(swarmStateName(swarm));
    if (!kubectlPresent)
        lines << QStringLiteral("kubectl:    %1").arg(absent);
    else
        lines << QStringLiteral("kubectl:    %1").arg(kubectlClientVersion.isEmpty() ? QStringLiteral("unknown version") : kubectlClientVersion)
              << QStringLiteral("Kubernetes: %1").arg(kubernetesServerVersion.isEmpty()
                                                          ? QStringLiteral("no cluster reachable (%1)").arg(kubectlError)
                                                          : kubernetesServerVersion);
    return lines.join(QLatin1Char('\n'));
}

} // namespace fleetdeck
