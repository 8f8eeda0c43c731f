// SshConnection: one server's job queue and the worker thread that owns its libssh session (SshWorker).

#include "remote/SshConnection.h"

#include "core/Logging.h"
#include "remote/SshSession.h"
#include "remote/SshWorker.h"

#include <QThread>

#include <fcntl.h>
#include <unistd.h>

namespace fleetdeck {

void SshJob::complete(Result<CommandResult> result)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_result)
            return;
        m_result.emplace(std::move(result));
    }
    m_done.notify_all();
}

Result<CommandResult> SshJob::wait(const std::function<void()> &wakeWorker)
{
    std::unique_lock lock(m_mutex);
    bool cancelSignalled = false;
    while (!m_result) {
        m_done.wait_for(lock, std::chrono::milliseconds(25));
        if (!cancelSignalled && cancel.isCancelled()) {
            cancelSignalled = true;
            lock.unlock();
            wakeWorker();
            lock.lock();
        }
    }
    return *m_result;
}

SshConnection::SshConnection(const Server &server, const SshOptions &options)
    : m_server(server)
    , m_options(options)
{
    if (::pipe2(m_wakePipe, O_NONBLOCK | O_CLOEXEC) != 0)
        qCCritical(lcRemote) << "pipe2 failed";
    m_thread = QThread::create([this] {
        SshWorker worker(*this);
        worker.run();
    });
    m_thread->setObjectName(QStringLiteral("ssh:%1").arg(describe()));
    m_thread->start();
}

SshConnection::~SshConnection()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_stopping = true;
    }
    wake();
    m_thread->wait();
    delete m_thread;
    ::close(m_wakePipe[0]);
    ::close(m_wakePipe[1]);
}

QString SshConnection::describe() const
{
    return sshTarget(m_server);
}

void SshConnection::submit(const std::shared_ptr<SshJob> &job)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_incoming.push_back(job);
    }
    wake();
}

void SshConnection::wake()
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(m_wakePipe[1], &byte, 1);
}

} // namespace fleetdeck
