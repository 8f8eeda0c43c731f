// runAsync / runNetworkAsync: the one way widgets run core work. `work` runs on a thread pool (never
// the GUI thread); `done` runs on the GUI thread, and only while `guard` is alive.
//
// runAsync uses the global pool (store reads and writes, rendering). runNetworkAsync uses a pool of
// its own for work that waits on the network (SSH connects, probes, kubectl), so that a few
// unreachable hosts never starve the store calls. Cancel long work with a CancelToken.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent>

#include <type_traits>

namespace fleetdeck::ui {

QThreadPool &networkPool();

template<typename Work, typename Done>
void runAsyncOn(QThreadPool *pool, QObject *guard, Work work, Done done)
{
    using R = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<R>(guard);
    QObject::connect(watcher, &QFutureWatcherBase::finished, guard, [watcher, done = std::move(done)]() mutable {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
}

template<typename Work, typename Done>
void runAsync(QObject *guard, Work work, Done done)
{
    runAsyncOn(QThreadPool::globalInstance(), guard, std::move(work), std::move(done));
}

template<typename Work, typename Done>
void runNetworkAsync(QObject *guard, Work work, Done done)
{
    runAsyncOn(&networkPool(), guard, std::move(work), std::move(done));
}

} // namespace fleetdeck::ui
