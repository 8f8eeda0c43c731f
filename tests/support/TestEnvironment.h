// Test environment: a private XDG home, a fixed master key, and a temporary store per test case.
#pragma once

#include "store/Repositories.h"

#include <QTemporaryDir>

#include <memory>

namespace fleetdeck::test {

// Call first in initTestCase(): isolates XDG folders and sets FLEETDECK_MASTER_KEY.
void isolateEnvironment();

class TempStore
{
public:
    TempStore();
    std::shared_ptr<Store> store;
    QString path;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

// Path of a built executable (e.g. "app/fleetdeck-cli") from FLEETDECK_BINARY_DIR.
QString builtProgram(const QString &relativePath);

} // namespace fleetdeck::test
