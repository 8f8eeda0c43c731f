#include "TestEnvironment.h"

#include <QStandardPaths>
#include <QTest>

namespace fleetdeck::test {

void isolateEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    static QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/data")).toUtf8());
    // A fixed test key: 32 bytes of 0x42, base64.
    qputenv("FLEETDECK_MASTER_KEY", QByteArray(32, '\x42').toBase64());
    qputenv("LANG", "C.UTF-8");
}

TempStore::TempStore() : m_dir(std::make_unique<QTemporaryDir>())
{
    path = m_dir->filePath(QStringLiteral("fleetdeck.sqlite"));
    auto opened = Store::open(path);
    if (!opened)
        qFatal("cannot open a test store: %s", qPrintable(opened.error().toString()));
    store = *opened;
}

QString builtProgram(const QString &relativePath)
{
    return qEnvironmentVariable("FLEETDECK_BINARY_DIR") + QLatin1Char('/') + relativePath;
}

} // namespace fleetdeck::test
