// CommandRunner: deadline, cancel and step reporting around Transport::execute.
#include "orchestrators/CommandRunner.h"

#include "core/Translate.h"
#include "core/Logging.h"
#include "orchestrators/DisplayCommand.h"
#include "orchestrators/docker/DockerParsers.h"
#include "remote/ActivityLog.h"
#include "remote/ShellQuote.h"

#include <QThread>

namespace fleetdeck {

namespace {

QString boundedOutput(const CommandResult &r)
{
    QByteArray out = r.stdoutData;
    if (!r.stderrData.isEmpty()) {
        if (!out.isEmpty() && !out.endsWith('\n'))
            out += '\n';
        out += r.stderrData;
    }
    if (out.size() > CommandRunner::kMaxRecordedOutput)
        out = out.left(CommandRunner::kMaxRecordedOutput) + "\n[... output cut at 64 KiB]";
    return QString::fromUtf8(out).trimmed();
}

} // namespace

CommandRunner::CommandRunner(std::shared_ptr<Transport> transport, const OperationContext &ctx)
    : m_transport(std::move(transport)), m_ctx(ctx)
{
}

QString CommandRunner::where() const
{
    return m_transport ? m_transport->describe() : QStringLiteral("the server");
}

Status CommandRunner::checkpoint(const QString &what) const
{
    if (m_ctx.cancel.isCancelled())
        return Error::make(ErrorKind::Cancelled, QCoreApplication::translate("fleetdeck::orchestrators", "%1: cancelled").arg(what));
    if (m_ctx.deadline.hasExpired())
        return Error::make(ErrorKind::Timeout, QCoreApplication::translate("fleetdeck::orchestrators", "%1: the time allowed ran out").arg(what));
    return {};
}

Status CommandRunner::pause(int ms, const QString &what) const
{
    QDeadlineTimer until(ms);
    while (!until.hasExpired()) {
        if (auto s = checkpoint(what); !s)
            return s;
        QThread::msleep(quint64(qMin<qint64>(100, qMax<qint64>(1, until.remainingTime()))));
    }
    return checkpoint(what);
}

void CommandRunner::note(const QString &step, const QString &text)
{
    qCInfo(lcOrchestrator).noquote() << step << text;
    if (m_ctx.onStep)
        m_ctx.onStep(StepRecord{step, {}, text, -1});
}

Result<CommandResult> CommandRunner::run(const PlannedCommand &planned, Output output)
{
    if (auto s = checkpoint(planned.description); !s)
        return s.error();
    RemoteCommand cmd = planned.command;
    if (cmd.purpose.isEmpty())
        cmd.purpose = planned.description;
    int timeout = cmd.timeoutMs > 0 ? cmd.timeoutMs : kDefaultTimeoutMs;
    const qint64 remaining = m_ctx.deadline.remainingTime();
    if (remaining >= 0)
        timeout = int(qMax<qint64>(1, qMin<qint64>(timeout, remaining)));
    cmd.timeoutMs = timeout;
    const QString line = checks::displayCommand(maskedArgv(cmd));   // kubectl wrappers as one word, secrets masked
    qCDebug(lcOrchestrator).noquote() << "run" << line;
    auto result = m_transport->execute(cmd, m_ctx.cancel);
    if (!result) {
        if (m_ctx.onStep)
            m_ctx.onStep(StepRecord{planned.step, line, result.error().toString(), -1});
        return result.error();
    }
    if (m_ctx.onStep) {
        QString text = output == Output::Record ? boundedOutput(*result)
                                                : QStringLiteral("(%1 bytes of output, not kept: may hold secret values)")
                                                      .arg(result->stdoutData.size());
        if (output == Output::Omit && !result->succeeded())
            text += QLatin1Char('\n') + QString::fromUtf8(result->stderrData.left(4000)).trimmed();
        m_ctx.onStep(StepRecord{planned.step, line, text, result->exitCode});
    }
    return result;
}

Result<CommandResult> CommandRunner::runChecked(const PlannedCommand &planned, Output output)
{
    auto result = run(planned, output);
    if (!result)
        return result;
    if (!result->succeeded())
        return docker::engineError(*result, planned.description, where());
    return result;
}

Status CommandRunner::runSteps(const QList<PlannedCommand> &steps)
{
    for (const PlannedCommand &step : steps) {
        auto r = runChecked(step);
        if (!r && (step.alreadyDoneWhen.isEmpty() || !r.error().detail.contains(step.alreadyDoneWhen)))
            return r.error();
    }
    return {};
}

} // namespace fleetdeck
