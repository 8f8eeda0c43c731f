// KubeExec: `kubectl exec POD -c CONTAINER -- env MARK ARGV...`, its stop, and the reading of its end.
#include "orchestrators/kubernetes/KubeExec.h"

#include "orchestrators/kubernetes/KubectlParsers.h"

#include <QRegularExpression>

namespace fleetdeck::kubernetes {

std::optional<int> reportedExitStatus(const QByteArray &kubectlStderr)
{
    static const QRegularExpression exitStatus(QStringLiteral("error executing command in container: .*exit status ([0-9]+)"));
    const auto m = exitStatus.match(QString::fromUtf8(kubectlStderr));
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt();
}

bool isKubectlFailure(const QByteArray &firstLine)
{
    return firstLine.startsWith("Error from server") || firstLine.startsWith("error: unable to upgrade connection")
           || firstLine.startsWith("error: Internal error occurred") || firstLine.startsWith("error: unable to");
}

std::unique_ptr<RemoteStream> streamExec(const KubectlSession &session, const KubectlTarget &streamTarget, const QString &pod,
                                         const QString &container, const QStringList &argv)
{
    const QString mark = execmark::newMark();
    RemoteCommand command = exec(streamTarget, pod, container, QStringList{QStringLiteral("env"), mark} + argv, 0).command;
    command.timeoutMs = 0;
    RemoteCommand stop = exec(streamTarget, pod, container, execmark::stopArgv(mark), 30000).command;
    stop.purpose = QStringLiteral("stop exec in pod %1").arg(pod);

    ExecStream::Reading reading;
    reading.exitStatusLine = [](const QByteArray &line) { return reportedExitStatus(line); };
    reading.clientFailure = [pod](int exitCode, const QList<QByteArray> &firstLines) {
        if (exitCode == 0 || firstLines.isEmpty() || !isKubectlFailure(firstLines.first()))
            return Error{};
        CommandResult r;
        r.exitCode = exitCode;
        r.stderrData = firstLines.join('\n');
        return kubectlError(r, QStringLiteral("running a command in pod %1").arg(pod));
    };
    return std::make_unique<ExecStream>(session.transport(), command, stop, reading, session.lease());
}

} // namespace fleetdeck::kubernetes
