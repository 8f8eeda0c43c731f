// DockerExec: `docker exec -e MARK CONTAINER ARGV...`, its stop, and the engine's failures told apart
// from the command's exit code.
#include "orchestrators/docker/DockerExec.h"

#include "orchestrators/docker/DockerCommands.h"
#include "orchestrators/docker/DockerParsers.h"

namespace fleetdeck::docker {

std::unique_ptr<RemoteStream> streamExec(std::shared_ptr<Transport> transport, const ExecTarget &target,
                                         const QStringList &argv, const QString &where)
{
    const QString mark = execmark::newMark();
    RemoteCommand command = execIn(target.container, argv, 0, {mark}).command;
    command.timeoutMs = 0;   // streamed: it runs until it ends or is stopped
    RemoteCommand stop = execIn(target.container, execmark::stopArgv(mark), 30000).command;
    stop.purpose = QStringLiteral("stop exec in %1").arg(target.replica);

    ExecStream::Reading reading;
    const QString replica = target.replica;
    // The engine's own failures (no such container, engine down) come before any output.
    reading.clientFailure = [replica, where](int exitCode, const QList<QByteArray> &firstLines) {
        if (exitCode == 0 || firstLines.isEmpty())
            return Error{};
        const QByteArray text = firstLines.join('\n');
        if (!firstLines.first().startsWith("Error response from daemon") && !isEngineDown(text))
            return Error{};
        CommandResult r;
        r.exitCode = exitCode;
        r.stderrData = text;
        return engineError(r, QStringLiteral("exec in %1").arg(replica), where);
    };
    return std::make_unique<ExecStream>(std::move(transport), command, stop, reading);
}

} // namespace fleetdeck::docker
