// SshWorker: the worker's loop and the life of its session (connect with backoff, keepalives, loss).

#include "remote/SshWorker.h"

#include "core/Translate.h"
#include "core/Logging.h"
#include "remote/ActivityLog.h"
#include "remote/SshAuth.h"
#include "remote/SshHostKey.h"
#include "remote/SshSession.h"
#include "remote/SshStream.h"

#include <libssh/server.h> // ssh_send_keepalive(), which clients may use too

#include <poll.h>
#include <unistd.h>

namespace fleetdeck {

bool SshWorker::takeIncoming()
{
    std::lock_guard lock(m_c.m_queueMutex);
    while (!m_c.m_incoming.empty()) {
        m_waiting.push_back(std::move(m_c.m_incoming.front()));
        m_c.m_incoming.pop_front();
    }
    return m_c.m_stopping;
}

void SshWorker::record(const SshJob &job, const Result<CommandResult> &result, qint64 durationMs)
{
    if (job.kind == SshJob::Kind::Connect)
        return;
    ActivityEntry entry = ActivityLog::entryFor(job.command, m_c.m_server.name, m_c.describe());
    entry.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-job.clock.elapsed());
    entry.streamed = job.kind == SshJob::Kind::Stream;
    entry.durationMs = durationMs;
    if (result) {
        entry.exitCode = result->exitCode;
        entry.exitSignal = result->exitSignal;
    } else {
        entry.error = result.error().message;
        entry.errorKind = errorKindName(result.error().kind);
    }
    ActivityLog::instance().record(entry);
}

void SshWorker::expireWaiting()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        SshJob &job = **it;
        std::optional<Error> error;
        if (job.isCancelled())
            error = Error::make(ErrorKind::Cancelled, QCoreApplication::translate("fleetdeck::remote", "Cancelled before it started."));
        else if (job.deadline.hasExpired())
            error = Error::make(ErrorKind::Timeout,
                              QCoreApplication::translate("fleetdeck::remote", "Timed out after %1 waiting for the connection to %2.")
                                  .arg(secondsText(int(job.command.timeoutMs)), m_c.describe()));
        if (!error) {
            ++it;
            continue;
        }
        if (job.kind == SshJob::Kind::Stream)
            job.sink->finish(-1, *error);
        else
            job.complete(*error);
        record(job, *error, job.clock.elapsed());
        it = m_waiting.erase(it);
    }
}

Status SshWorker::openSession()
{
    const Server &server = m_c.m_server;
    ssh_session session = newSession(server, m_c.m_options.connectTimeoutMs);
    if (!session)
        return Error::make(ErrorKind::Internal, QCoreApplication::translate("fleetdeck::remote", "Could not create an SSH session."));
    Status status = connectSocket(session, server, m_c.m_options.connectTimeoutMs);
    if (status)
        status = verifyHostKey(session, server);
    if (status)
        status = authenticate(session, server);
    if (!status) {
        freeSession(session);
        return status;
    }
    ssh_set_blocking(session, 0);
    m_event = ssh_event_new();
    ssh_event_add_session(m_event, session);
    m_session = session;
    m_channelLimit = qMax(1, m_c.m_options.maxChannels);
    m_keepaliveMisses = 0;
    m_keepaliveSent.invalidate();
    m_socketBytes = ssh_counter_struct{};
    ssh_set_counters(session, &m_socketBytes, nullptr);
    m_lastInBytes = 0;
    m_lastReceived.start();
    m_c.m_connectCount.fetch_add(1);
    m_c.m_connected.store(true);
    qCDebug(lcRemote) << "connected to" << m_c.describe();
    return {};
}

void SshWorker::connectIfNeeded()
{
    if (m_session || m_waiting.empty() || !m_nextConnect.hasExpired())
        return;
    const Status status = openSession();
    if (status) {
        m_backoffMs = 0;
        return;
    }
    // Only network failures back off; a host key or auth failure is the same however often it is retried.
    if (status.error().kind == ErrorKind::Unreachable) {
        const SshOptions &o = m_c.m_options;
        m_backoffMs = m_backoffMs == 0 ? o.reconnectBackoffInitialMs : qMin(m_backoffMs * 2, o.reconnectBackoffMaxMs);
        m_nextConnect.setRemainingTime(m_backoffMs);
    }
    qCInfo(lcRemote) << "connect to" << m_c.describe() << "failed:" << status.error().toString();
    while (!m_waiting.empty()) {
        std::shared_ptr<SshJob> job = std::move(m_waiting.front());
        m_waiting.pop_front();
        if (job->kind == SshJob::Kind::Stream)
            job->sink->finish(-1, status.error());
        else
            job->complete(status.error());
        record(*job, status.error(), job->clock.elapsed());
    }
}

void SshWorker::closeSession()
{
    for (auto &run : m_runs)
        freeChannel(*run);
    m_runs.clear();
    if (m_event) {
        ssh_event_remove_session(m_event, m_session);
        ssh_event_free(m_event);
        m_event = nullptr;
    }
    freeSession(m_session);
    m_session = nullptr;
    m_c.m_connected.store(false);
}

Error SshWorker::lostError(const QString &why) const
{
    return Error::make(ErrorKind::Unreachable, QCoreApplication::translate("fleetdeck::remote", "The connection to %1 was lost (%2).").arg(m_c.describe(), why),
                     libsshError(m_session));
}

void SshWorker::connectionLost(const QString &why)
{
    const Error error = lostError(why);
    qCWarning(lcRemote) << error.toString();
    m_c.m_connected.store(false); // before anyone hears about it
    for (auto &run : m_runs) {
        if (!run->answered)
            answer(*run, error);
    }
    closeSession();
}

bool SshWorker::sessionBroken() const
{
    if (!m_session)
        return false;
    return !ssh_is_connected(m_session) || (ssh_get_status(m_session) & (SSH_CLOSED | SSH_CLOSED_ERROR));
}

void SshWorker::checkKeepalive()
{
    const SshOptions &o = m_c.m_options;
    if (!m_session || o.keepaliveIntervalMs <= 0)
        return;
    const qint64 silent = m_lastReceived.elapsed();
    if (silent < o.keepaliveIntervalMs) {
        m_keepaliveMisses = 0;
        m_keepaliveSent.invalidate();
        return;
    }
    if (m_keepaliveSent.isValid()) {
        if (silent < m_keepaliveSent.elapsed()) { // something arrived after the last keepalive
            m_keepaliveMisses = 0;
            m_keepaliveSent.invalidate();
            return;
        }
        if (m_keepaliveSent.elapsed() < o.keepaliveIntervalMs)
            return;
        ++m_keepaliveMisses;
        if (m_keepaliveMisses >= o.keepaliveMaxMisses) {
            connectionLost(QStringLiteral("no answer to %1 keepalives in %2").arg(m_keepaliveMisses).arg(secondsText(int(silent))));
            return;
        }
    }
    // ssh_send_keepalive() only sends when no earlier keepalive is pending in libssh, so a second call
    // sends the next one right after the previous answer was consumed.
    ssh_send_keepalive(m_session);
    ssh_send_keepalive(m_session);
    m_keepaliveSent.start();
}

int SshWorker::nextTimeoutMs() const
{
    qint64 timeout = 1000;
    auto consider = [&timeout](const QDeadlineTimer &deadline) {
        if (!deadline.isForever())
            timeout = qMin(timeout, qMax<qint64>(0, deadline.remainingTime()));
    };
    for (const auto &job : m_waiting)
        consider(job->deadline);
    for (const auto &run : m_runs) {
        if (!run->answered)
            consider(run->job->deadline);
        if (run->phase == Phase::Killing || run->phase == Phase::Closing)
            consider(run->killDeadline);
    }
    if (!m_session && !m_waiting.empty())
        consider(m_nextConnect);
    if (m_session && !m_waiting.empty())
        consider(m_openPause);
    if (m_session && m_c.m_options.keepaliveIntervalMs > 0)
        timeout = qMin<qint64>(timeout, qMax(10, m_c.m_options.keepaliveIntervalMs / 4));
    return int(timeout);
}

void SshWorker::waitForActivity(int timeoutMs)
{
    pollfd fds[2];
    nfds_t count = 0;
    fds[count++] = pollfd{m_c.m_wakePipe[0], POLLIN, 0};
    const int sshFd = m_session ? ssh_get_fd(m_session) : -1;
    if (sshFd >= 0) {
        short events = POLLIN;
        if (ssh_get_poll_flags(m_session) & SSH_WRITE_PENDING)
            events |= POLLOUT;
        fds[count++] = pollfd{sshFd, events, 0};
    }
    const int rc = ::poll(fds, count, timeoutMs);
    if (rc <= 0)
        return;
    if (fds[0].revents & POLLIN) {
        char drain[256];
        while (::read(m_c.m_wakePipe[0], drain, sizeof drain) > 0) {
        }
    }
    if (count > 1 && fds[1].revents) {
        // Let libssh read and dispatch what arrived (channel data lands in the channels' buffers).
        ssh_event_dopoll(m_event, 0);
    }
}

void SshWorker::run()
{
    for (;;) {
        m_stopping = takeIncoming();
        expireWaiting();
        if (m_stopping && m_waiting.empty() && m_runs.empty())
            break;

        connectIfNeeded();

        bool progress = false;
        if (m_session) {
            startWaiting(progress);
            for (size_t i = 0; i < m_runs.size();) {
                if (step(*m_runs[i], progress)) {
                    ++i;
                } else {
                    if (!m_runs[i]->requeued) // a channel ended: the server has room again
                        m_openPause = QDeadlineTimer(0);
                    m_runs.erase(m_runs.begin() + qsizetype(i));
                }
                if (sessionBroken())
                    break;
            }
            // Packets read while serving one channel may complete another that was already served in
            // this round, and no poll() would report them again: go round once more without sleeping.
            if (m_session && m_socketBytes.in_bytes != m_lastInBytes) {
                m_lastInBytes = m_socketBytes.in_bytes;
                m_lastReceived.start();
                progress = true;
            }
            if (sessionBroken())
                connectionLost(QStringLiteral("the server closed the connection or the network failed"));
            else
                checkKeepalive();
        }
        waitForActivity(progress ? 0 : nextTimeoutMs());
    }
    closeSession();
}

} // namespace fleetdeck
