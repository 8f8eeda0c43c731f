#include "cli/OptionReaders.h"

#include <QFile>
#include <QFileInfo>

namespace fleetdeck::cli {

Result<int> intOption(const QCommandLineParser &p, const QString &name, int min, int max)
{
    bool ok = false;
    const QString text = p.value(name);
    const int value = text.toInt(&ok);
    if (!ok)
        return Error::invalid(QStringLiteral("--") + name, QStringLiteral("'%1' is not a whole number").arg(text));
    if (value < min || value > max)
        return Error::invalid(QStringLiteral("--") + name, QStringLiteral("%1 is out of range (%2..%3)").arg(value).arg(min).arg(max));
    return value;
}

Result<bool> boolOption(const QCommandLineParser &p, const QString &name)
{
    const QString v = p.value(name).toLower();
    if (v == QLatin1String("on") || v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1"))
        return true;
    if (v == QLatin1String("off") || v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("0"))
        return false;
    return Error::invalid(QStringLiteral("--") + name, QStringLiteral("'%1' must be on or off").arg(p.value(name)));
}

Result<QString> fileOption(const QCommandLineParser &p, const QString &name)
{
    const QString path = p.value(name);
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return Error::invalid(QStringLiteral("--") + name, QStringLiteral("cannot read the file '%1'").arg(path));
    const QByteArray data = file.read(16 * 1024 * 1024 + 1);
    if (data.size() > 16 * 1024 * 1024)
        return Error::invalid(QStringLiteral("--") + name, QStringLiteral("'%1' is larger than 16 MiB").arg(path));
    return QString::fromUtf8(data);
}

Result<std::pair<QString, QString>> keyValue(const QString &name, const QString &text)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return Error::invalid(QStringLiteral("--") + name, QStringLiteral("'%1' must be KEY=VALUE").arg(text));
    return std::pair<QString, QString>{text.left(eq), text.mid(eq + 1)};
}

} // namespace fleetdeck::cli
