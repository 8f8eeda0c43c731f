// StreamThreads: one thread per running stream, and the cancel that reaches it safely.
#include "services/StreamThreads.h"

namespace fleetdeck {

void StreamControl::cancel()
{
    cancelled = true;
    QMutexLocker lock(&mutex);
    if (worker)
        QMetaObject::invokeMethod(worker, &StreamWorker::stop, Qt::QueuedConnection);
}

StreamWorker::StreamWorker()
{
    m_control->worker = this;
}

StreamWorker::~StreamWorker()
{
    QMutexLocker lock(&m_control->mutex);
    m_control->worker = nullptr;
}

void StreamWorker::done()
{
    thread()->quit();
}

StreamThreads::~StreamThreads()
{
    stopAll();
}

void StreamThreads::start(StreamWorker *worker, const QString &name)
{
    auto *thread = new QThread;
    thread->setObjectName(name);
    worker->moveToThread(thread);
    QObject::connect(thread, &QThread::started, worker, &StreamWorker::begin);
    QObject::connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    {
        QMutexLocker lock(&m_mutex);
        m_running.removeIf([](const Running &r) { return r.thread.isNull(); });
        m_running.append({thread, worker->control()});
    }
    thread->start();
}

void StreamThreads::stopAll()
{
    QList<Running> running;
    {
        QMutexLocker lock(&m_mutex);
        running.swap(m_running);
    }
    for (const Running &r : running)
        if (auto control = r.control.lock())
            control->cancel();
    for (const Running &r : running)
        if (QThread *thread = r.thread.data())
            thread->wait(10000);   // a cancelled stream ends within the kill grace period
}

} // namespace fleetdeck
