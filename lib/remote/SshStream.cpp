// SshStream: lines and the end of an SSH command, handed from the worker thread to the stream's thread.

#include "remote/SshStream.h"

#include "remote/SshConnection.h"

namespace fleetdeck {

void StreamSink::push(QList<StreamLine> lines)
{
    if (lines.isEmpty())
        return;
    std::lock_guard lock(m_mutex);
    if (m_ended)
        return;
    m_lines += std::move(lines);
    postLocked();
}

void StreamSink::finish(int exitCode, const Error &error)
{
    std::lock_guard lock(m_mutex);
    if (m_ended)
        return;
    m_ended = true;
    m_end = std::make_pair(exitCode, error);
    postLocked();
}

void StreamSink::postLocked()
{
    // Posting under the mutex: detach() (from the stream's destructor) cannot run meanwhile, and Qt drops
    // events posted to an object that is deleted later.
    if (!m_target || m_drainPosted)
        return;
    m_drainPosted = true;
    SshStream *target = m_target;
    QMetaObject::invokeMethod(target, [target] { target->drain(); }, Qt::QueuedConnection);
}

void StreamSink::attach(SshStream *target)
{
    std::lock_guard lock(m_mutex);
    m_target = target;
    if (!m_lines.isEmpty() || m_end)
        postLocked();
}

void StreamSink::detach()
{
    std::lock_guard lock(m_mutex);
    m_target = nullptr;
}

bool StreamSink::take(QList<StreamLine> *lines, std::optional<std::pair<int, Error>> *end)
{
    std::lock_guard lock(m_mutex);
    m_drainPosted = false;
    *lines = std::move(m_lines);
    m_lines.clear();
    *end = std::move(m_end);
    m_end.reset();
    return !lines->isEmpty() || end->has_value();
}

SshStream::SshStream(std::shared_ptr<SshConnection> connection, std::shared_ptr<SshJob> job)
    : m_connection(std::move(connection))
    , m_job(std::move(job))
{
    m_job->sink->attach(this);
}

SshStream::~SshStream()
{
    m_job->sink->detach();
    if (!m_finished) {
        m_job->cancelRequested.store(true);
        m_connection->wake();
    }
}

void SshStream::cancel()
{
    if (m_finished)
        return;
    m_job->cancelRequested.store(true);
    m_connection->wake();
}

void SshStream::drain()
{
    QList<StreamLine> lines;
    std::optional<std::pair<int, Error>> end;
    if (!m_job->sink->take(&lines, &end))
        return;
    if (!lines.isEmpty())
        Q_EMIT linesReceived(lines);
    if (end && !m_finished) {
        m_finished = true;
        Q_EMIT finished(end->first, end->second);
    }
}

} // namespace fleetdeck
