#include "async/Async.h"

namespace fleetdeck::ui {

QThreadPool &networkPool()
{
    // Threads here mostly wait on sockets; many can wait at once without using a core. Widgets cancel
    // their tokens when they close, so the pool drains quickly when the application quits.
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(32);
        pool.setExpiryTimeout(30000);
        return true;
    }();
    Q_UNUSED(configured);
    return pool;
}

} // namespace fleetdeck::ui
