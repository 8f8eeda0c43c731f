// runNetworkAsync: runAsync for work that waits on the network (SSH connects, probes, kubectl). It runs
// on its own pool so that a few unreachable hosts never starve the store calls on the global pool;
// `done` runs on the GUI thread only while `guard` lives. Cancel long work with a CancelToken.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent>

#include <type_traits>

namespace fleetdeck::ui {

QThreadPool &networkPool();

template<typename Work, typename Done>
void runNetworkAsync(QObject *guard, Work work, Done done)
{
    using R = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<R>(guard);
    QObject::connect(watcher, &QFutureWatcherBase::finished, guard, [watcher, done = std::move(done)]() mutable {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(&networkPool(), std::move(work)));
}

} // namespace fleetdeck::ui
