// Tests that need a real component (sshd, dockerd, swarm, cluster): when CI=true a missing
// component fails the test; on a developer machine it skips with the reason.
#pragma once

#include <QTest>
#include <QtGlobal>

namespace fleetdeck::test {

inline bool inCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

} // namespace fleetdeck::test

#define FLEETDECK_REQUIRE_COMPONENT(available, reason)                                  \
    do {                                                                                \
        if (!(available)) {                                                             \
            if (fleetdeck::test::inCi())                                                \
                QFAIL(qPrintable(QStringLiteral("required component missing in CI: ") + (reason))); \
            else                                                                        \
                QSKIP(qPrintable(QStringLiteral("component missing: ") + (reason)));   \
        }                                                                               \
    } while (false)
