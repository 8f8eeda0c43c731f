// Typed readers for CLI option values: each failure names the option and says what to write.
#pragma once

#include "core/Result.h"

#include <QCommandLineParser>

namespace fleetdeck::cli {

Result<int> intOption(const QCommandLineParser &p, const QString &name, int min, int max);
Result<bool> boolOption(const QCommandLineParser &p, const QString &name);   // on/off, true/false, yes/no
Result<QString> fileOption(const QCommandLineParser &p, const QString &name); // contents of an existing file
// KEY=VALUE -> pair; the error names `name`.
Result<std::pair<QString, QString>> keyValue(const QString &name, const QString &text);

} // namespace fleetdeck::cli
