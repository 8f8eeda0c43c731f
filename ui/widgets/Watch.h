// watch(): the QFuture twin of runAsync for the OperationsService ...Async calls: `done` runs on the
// GUI thread, and only while `guard` lives.
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

namespace fleetdeck::ui {

template<typename T, typename Done>
void watch(QObject *guard, QFuture<T> future, Done done)
{
    auto *watcher = new QFutureWatcher<T>(guard);
    QObject::connect(watcher, &QFutureWatcherBase::finished, guard, [watcher, done = std::move(done)]() mutable {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(std::move(future));
}

} // namespace fleetdeck::ui
