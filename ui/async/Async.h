// runAsync: the one way widgets run core work. `work` runs on the thread pool (never the GUI
// thread); `done` runs on the GUI thread, and only while `guard` is alive.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent>

#include <type_traits>

namespace fleetdeck::ui {

template<typename Work, typename Done>
void runAsync(QObject *guard, Work work, Done done)
{
    using R = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<R>(guard);
    QObject::connect(watcher, &QFutureWatcherBase::finished, guard, [watcher, done = std::move(done)]() mutable {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace fleetdeck::ui
