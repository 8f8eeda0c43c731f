// SshChannels: the worker's per-command channel state machine (open -> [pty] -> exec -> running ->
// done, or killing after a cancel or timeout): stdin, output, the answer, and the kill helper.

#include "remote/SshWorker.h"

#include "core/Translate.h"
#include "core/Logging.h"
#include "remote/ShellQuote.h"
#include "remote/SshSession.h"
#include "remote/SshStream.h"

#include <algorithm>

namespace fleetdeck {

void SshWorker::startWaiting(bool &progress)
{
    // One channel stays free for kill helpers: a cancelled command can only be stopped from a second
    // channel, and the server counts the cancelled one until its process is gone.
    const int regularLimit = m_channelLimit > 1 ? m_channelLimit - 1 : 1;
    while (m_session && m_openPause.hasExpired() && !m_waiting.empty()
           && int(m_runs.size()) < (m_waiting.front()->helper ? m_channelLimit : regularLimit)) {
        std::shared_ptr<SshJob> job = std::move(m_waiting.front());
        m_waiting.pop_front();
        if (job->kind == SshJob::Kind::Connect) {
            job->complete(CommandResult{});
            continue;
        }
        auto run = std::make_unique<Run>();
        run->job = job;
        run->usePty = job->kind == SshJob::Kind::Stream;
        run->clock.start();
        run->channel = ssh_channel_new(m_session);
        if (!run->channel) {
            answer(*run, Error::make(ErrorKind::Internal, QCoreApplication::translate("fleetdeck::remote", "Could not create an SSH channel."), libsshError(m_session)));
            continue;
        }
        ssh_callbacks_init(&run->callbacks);
        run->callbacks.userdata = run.get();
        run->callbacks.channel_exit_status_function = &SshWorker::onExitStatus;
        run->callbacks.channel_exit_signal_function = &SshWorker::onExitSignal;
        run->callbacks.channel_close_function = &SshWorker::onClose;
        ssh_set_channel_callbacks(run->channel, &run->callbacks);
        m_runs.push_back(std::move(run));
        progress = true;
    }
}

void SshWorker::answer(Run &run, Result<CommandResult> result)
{
    if (run.answered)
        return;
    run.answered = true;
    SshJob &job = *run.job;
    record(job, result, job.clock.elapsed());
    if (job.kind == SshJob::Kind::Stream) {
        if (!result)
            job.sink->finish(-1, result.error());
        else if (!result->exitSignal.isEmpty())
            job.sink->finish(-1, Error::make(ErrorKind::RemoteFailed,
                                           QCoreApplication::translate("fleetdeck::remote", "The command was killed by signal %1.").arg(result->exitSignal)));
        else
            job.sink->finish(result->exitCode, Error{});
    } else {
        job.complete(std::move(result));
    }
}

void SshWorker::freeChannel(Run &run)
{
    if (!run.channel)
        return;
    ssh_remove_channel_callbacks(run.channel, &run.callbacks);
    if (m_session && ssh_is_connected(m_session) && ssh_channel_is_open(run.channel))
        ssh_channel_close(run.channel);
    ssh_channel_free(run.channel);
    run.channel = nullptr;
}

bool SshWorker::readAvailable(Run &run, bool &progress, int *lastOut, int *lastErr)
{
    for (int isStderr = 0; isStderr < 2; ++isStderr) {
        int rc = 0;
        qsizetype total = 0;
        for (;;) {
            rc = ssh_channel_read_nonblocking(run.channel, m_buffer.data(), uint32_t(m_buffer.size()), isStderr);
            if (rc <= 0)
                break;
            progress = true;
            total += rc;
            QByteArray chunk(m_buffer.constData(), rc);
            if (run.job->reportsPgid && !run.marker.done() && bool(isStderr) != run.usePty) {
                chunk = run.marker.filter(chunk);
                if (run.marker.pgid() > 0 && run.phase == Phase::Killing && !run.killSubmitted)
                    submitKill(run);
            }
            if (run.phase == Phase::Killing || run.answered) {
                // discarded: the caller is gone
            } else if (run.job->kind == SshJob::Kind::Stream) {
                QList<StreamLine> lines;
                const auto channel = isStderr ? StreamChannel::Stderr : StreamChannel::Stdout;
                for (QByteArray &line : (isStderr ? run.errLines : run.outLines).feed(chunk))
                    lines.append(StreamLine{channel, std::move(line)});
                run.job->sink->push(std::move(lines));
            } else {
                (isStderr ? run.err : run.out) += chunk;
            }
            if (total >= 4 * 1024 * 1024) { // be fair to the other channels; come back next turn
                rc = 1;
                break;
            }
        }
        if (rc == SSH_ERROR)
            return false;
        (isStderr ? *lastErr : *lastOut) = rc;
    }
    return true;
}

void SshWorker::writeStdin(Run &run, bool &progress)
{
    const QByteArray &data = run.job->command.stdinData;
    while (run.stdinOffset < data.size()) {
        const uint32_t window = ssh_channel_window_size(run.channel);
        if (window == 0)
            return;
        const qsizetype chunk = std::min({qsizetype(window), data.size() - run.stdinOffset, qsizetype(256 * 1024)});
        const int written = ssh_channel_write(run.channel, data.constData() + run.stdinOffset, uint32_t(chunk));
        if (written <= 0)
            return;
        run.stdinOffset += written;
        progress = true;
    }
    // With a pty, EOF would not reach the program anyway; without, it is what ends `cat`.
    if (!run.eofSent && !run.usePty) {
        ssh_channel_send_eof(run.channel);
        run.eofSent = true;
        progress = true;
    }
}

void SshWorker::beginKill(Run &run, const Error &why)
{
    answer(run, why);
    if (run.phase == Phase::Running) {
        // For non-root logins OpenSSH turns a "signal" request into killpg() of the command's group;
        // for root it refuses, so the kill helper does it from a second channel. With a pty, closing
        // the channel at the end also hangs the terminal up (SIGHUP).
        ssh_channel_request_send_signal(run.channel, "TERM");
        run.phase = Phase::Killing;
        run.killDeadline.setRemainingTime(2 * m_c.m_options.killGraceMs + 3000);
        if (run.marker.pgid() > 0)
            submitKill(run);
    }
    // Opening/Pty/Exec: step() moves it to Killing as soon as the command is running.
}

void SshWorker::submitKill(Run &run)
{
    run.killSubmitted = true;
    auto job = std::make_shared<SshJob>();
    job->kind = SshJob::Kind::Exec;
    job->helper = true;
    job->command.argv = killGroupArgv(run.marker.pgid(), qMax(1, m_c.m_options.killGraceMs / 100));
    job->command.purpose = QStringLiteral("stop a cancelled command");
    job->command.timeoutMs = m_c.m_options.killGraceMs + 10000;
    job->commandLine = shellJoin(job->command.argv).toUtf8();
    job->deadline.setRemainingTime(job->command.timeoutMs);
    job->clock.start();
    m_waiting.push_front(job);
}

void SshWorker::finishRun(Run &run)
{
    CommandResult result;
    result.durationMs = run.job->clock.elapsed();
    if (run.job->reportsPgid && !run.marker.done()) {
        const QByteArray held = run.marker.flush();
        if (run.job->kind == SshJob::Kind::Stream) {
            const auto channel = run.usePty ? StreamChannel::Stdout : StreamChannel::Stderr;
            QList<StreamLine> lines;
            for (QByteArray &line : (run.usePty ? run.outLines : run.errLines).feed(held))
                lines.append(StreamLine{channel, std::move(line)});
            run.job->sink->push(std::move(lines));
        } else
            (run.usePty ? run.out : run.err) += held;
    }
    result.stdoutData = std::move(run.out);
    result.stderrData = std::move(run.err);
    if (run.job->kind == SshJob::Kind::Stream) {
        QList<StreamLine> lines;
        for (QByteArray &line : run.outLines.flush())
            lines.append(StreamLine{StreamChannel::Stdout, std::move(line)});
        for (QByteArray &line : run.errLines.flush())
            lines.append(StreamLine{StreamChannel::Stderr, std::move(line)});
        run.job->sink->push(std::move(lines));
    }
    if (!run.exitSignal.isEmpty()) {
        result.exitCode = -1;
        result.exitSignal = run.exitSignal;
        answer(run, std::move(result));
    } else if (run.exitStatusSeen) {
        result.exitCode = run.exitStatus;
        answer(run, std::move(result));
    } else {
        answer(run, Error::make(ErrorKind::NoExitStatus,
                              QCoreApplication::translate("fleetdeck::remote", "The command on %1 ended without reporting an exit status.").arg(m_c.describe()),
                              QString::fromUtf8(result.stderrData.right(2000))));
    }
}

bool SshWorker::step(Run &run, bool &progress)
{
    stopIfCancelledOrLate(run);
    if (run.phase == Phase::Opening)
        if (const std::optional<bool> keep = stepOpening(run, progress))
            return *keep;
    if (run.phase == Phase::Pty)
        if (const std::optional<bool> keep = stepPty(run, progress))
            return *keep;
    if (run.phase == Phase::Exec)
        if (const std::optional<bool> keep = stepExec(run, progress))
            return *keep;
    return stepRunning(run, progress);
}

void SshWorker::stopIfCancelledOrLate(Run &run)
{
    if (run.answered)
        return;
    const SshJob &job = *run.job;
    if (job.isCancelled())
        beginKill(run, Error::make(ErrorKind::Cancelled, QCoreApplication::translate("fleetdeck::remote", "Cancelled.")));
    else if (job.deadline.hasExpired())
        beginKill(run, Error::make(ErrorKind::Timeout,
                                   QCoreApplication::translate("fleetdeck::remote", "The command timed out after %1 on %2 and was stopped.")
                                       .arg(secondsText(job.command.timeoutMs), m_c.describe())));
}

std::optional<bool> SshWorker::stepOpening(Run &run, bool &progress)
{
    const int rc = ssh_channel_open_session(run.channel);
    if (rc == SSH_AGAIN)
        return true;
    if (rc != SSH_OK) {
        if (sessionBroken())
            return true; // the loop notices and fails everything at once
        const bool denied = ssh_get_error_code(m_session) == SSH_REQUEST_DENIED;
        freeChannel(run);
        // With nothing else open the server may still be reaping channels we closed: a few retries.
        if (denied && !run.answered && (m_runs.size() > 1 || ++run.job->openRefusals <= 5)) {
            // The server is at its MaxSessions (lower than ours, or it has not yet reaped channels we
            // just closed, which happens under load): queue the job again, open nothing until a
            // channel ends or 50 ms pass, and aim at what it took; each successful open at that
            // level raises the aim again by one (so a slow server does not shrink us for good).
            const int open = int(m_runs.size()) - 1;
            qCDebug(lcRemote) << m_c.describe() << "refused a channel with" << open << "open; retrying";
            m_waiting.push_front(run.job);
            m_openPause.setRemainingTime(50);
            m_channelLimit = qMax(1, open);
            run.answered = true;
            run.requeued = true;
            return false;
        }
        answer(run, Error::make(ErrorKind::RemoteFailed,
                                QCoreApplication::translate("fleetdeck::remote", "%1 refused to open a channel.").arg(m_c.describe()), libsshError(m_session)));
        return false;
    }
    progress = true;
    if (m_channelLimit < m_c.m_options.maxChannels && int(m_runs.size()) >= m_channelLimit - 1)
        ++m_channelLimit;
    run.phase = run.usePty ? Phase::Pty : Phase::Exec;
    return std::nullopt;
}

std::optional<bool> SshWorker::stepPty(Run &run, bool &progress)
{
    const int rc = ssh_channel_request_pty_size(run.channel, "dumb", 512, 64);
    if (rc == SSH_AGAIN)
        return true;
    if (rc != SSH_OK) {
        if (sessionBroken())
            return true;
        qCInfo(lcRemote) << m_c.describe() << "refused a pty; the stream runs without one";
        run.usePty = false;
    }
    progress = true;
    run.phase = Phase::Exec;
    return std::nullopt;
}

std::optional<bool> SshWorker::stepExec(Run &run, bool &progress)
{
    if (run.answered) { // cancelled before it started: never start it
        freeChannel(run);
        return false;
    }
    const int rc = ssh_channel_request_exec(run.channel, run.job->commandLine.constData());
    if (rc == SSH_AGAIN)
        return true;
    if (rc != SSH_OK) {
        if (sessionBroken())
            return true;
        answer(run, Error::make(ErrorKind::RemoteFailed,
                                QCoreApplication::translate("fleetdeck::remote", "%1 refused to run the command.").arg(m_c.describe()), libsshError(m_session)));
        freeChannel(run);
        return false;
    }
    progress = true;
    run.phase = Phase::Running;
    if (run.answered) // cancelled while the exec request was in flight
        beginKill(run, Error{});
    return std::nullopt;
}

// Running, Killing and Closing: move bytes, then see whether the command (or its channel) ended.
bool SshWorker::stepRunning(Run &run, bool &progress)
{
    if (run.phase == Phase::Running)
        writeStdin(run, progress);

    int lastOut = 0;
    int lastErr = 0;
    if (!readAvailable(run, progress, &lastOut, &lastErr)) {
        if (sessionBroken())
            return true;
        if (!run.answered)
            answer(run, Error::make(ErrorKind::RemoteFailed, QCoreApplication::translate("fleetdeck::remote", "Reading the command's output failed."),
                                    libsshError(m_session)));
        freeChannel(run);
        return false;
    }
    if (run.phase == Phase::Killing || run.phase == Phase::Closing)
        return stepStopping(run, lastOut <= 0 && lastErr <= 0);

    const bool ended = run.remoteClosed
        || (ssh_channel_is_eof(run.channel) && (run.exitStatusSeen || !run.exitSignal.isEmpty()));
    return ended ? stepEnded(run) : true;
}

// Killing: wait for the channel to close (or KILL at the deadline); Closing: the caller has its answer.
bool SshWorker::stepStopping(Run &run, bool drained)
{
    if (run.phase == Phase::Killing) {
        if (run.remoteClosed && drained) {
            freeChannel(run);
            return false;
        }
        if (run.killDeadline.hasExpired()) {
            ssh_channel_request_send_signal(run.channel, "KILL");
            freeChannel(run); // closes it; a pty gets its hangup
            return false;
        }
        return true;
    }
    if (run.remoteClosed || run.killDeadline.hasExpired()) {
        freeChannel(run);
        return false;
    }
    return true;
}

bool SshWorker::stepEnded(Run &run)
{
    // Reading one stream may have pulled in the rest of the other (and the EOF that told us it ended):
    // read until a whole pass finds nothing, so no byte is left behind.
    int lastOut = 0;
    int lastErr = 0;
    for (bool more = true; more;) {
        more = false;
        if (!readAvailable(run, more, &lastOut, &lastErr))
            break;
    }
    finishRun(run);
    if (run.remoteClosed) {
        freeChannel(run);
        return false;
    }
    // The caller has its answer; the channel counts against the server's MaxSessions until its close.
    run.phase = Phase::Closing;
    run.killDeadline.setRemainingTime(2000);
    return true;
}

} // namespace fleetdeck
