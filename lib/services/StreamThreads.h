// StreamThreads: the threads on which OperationsService's streams (log follows, exec sessions) look up
// their replicas and then live. A worker runs begin() on its own thread (the blocking lookup is there,
// never on the caller's), signals the caller's object through queued connections, and quits its
// thread when its stream ended; worker and thread then delete themselves. The service stops and waits
// for every one still running before it goes away.
#pragma once

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <memory>

namespace fleetdeck {

class StreamWorker;

// Shared by a worker and the caller's object: a cancel that is safe whatever the worker's state.
struct StreamControl {
    QMutex mutex;
    StreamWorker *worker = nullptr;   // cleared (under the mutex) when the worker is destroyed
    std::atomic_bool cancelled{false};

    // Marks the stream cancelled and asks the worker, on its thread, to end the remote process.
    void cancel();
};

class StreamWorker : public QObject
{
    Q_OBJECT
public:
    StreamWorker();
    ~StreamWorker() override;
    std::shared_ptr<StreamControl> control() const { return m_control; }

    // How long a cancelled stream may take to report its end before the worker reports it itself.
    static constexpr int kStopGraceMs = 5000;

    virtual void begin() = 0;   // on the worker thread, once it started
    virtual void stop() = 0;    // on the worker thread: end the remote process; the end follows

protected:
    bool cancelRequested() const { return m_control->cancelled.load(); }
    void done();                // the stream ended and was reported: the thread may end

private:
    std::shared_ptr<StreamControl> m_control = std::make_shared<StreamControl>();
};

class StreamThreads
{
public:
    ~StreamThreads();
    // Moves `worker` (no parent) to a new thread and runs its begin() there.
    void start(StreamWorker *worker, const QString &name);
    // Cancels every stream still running and waits (bounded) for its thread.
    void stopAll();

private:
    struct Running {
        QPointer<QThread> thread;
        std::weak_ptr<StreamControl> control;
    };
    QMutex m_mutex;
    QList<Running> m_running;
};

} // namespace fleetdeck
