#include "domain/Quantity.h"

#include <QList>
#include <QRegularExpression>

#include <utility>

namespace fleetdeck {

namespace {
constexpr qint64 kMaxMillicores = 1024LL * 1000;              // 1024 CPUs
constexpr qint64 kMaxBytes = 16LL * 1024 * 1024 * 1024 * 1024; // 16 TiB
}

Result<qint64> parseCpu(const QString &text, const QString &field)
{
    const QString t = text.trimmed();
    static const QRegularExpression milli(QStringLiteral("^([0-9]{1,9})m$"));
    static const QRegularExpression decimal(QStringLiteral("^([0-9]{1,6})(?:\\.([0-9]{1,3}))?$"));
    qint64 millicores = 0;
    if (const auto m = milli.match(t); m.hasMatch()) {
        millicores = m.captured(1).toLongLong();
    } else if (const auto d = decimal.match(t); d.hasMatch()) {
        const QString fraction = d.captured(2).leftJustified(3, QLatin1Char('0'));
        millicores = d.captured(1).toLongLong() * 1000 + fraction.toLongLong();
    } else {
        return Error::invalid(field, QStringLiteral("'%1' is not a CPU quantity: use CPUs like 0.5 or 2 (Docker), "
                                                    "or millicores like 500m (at most 3 decimals)").arg(text));
    }
    if (millicores < 1)
        return Error::invalid(field, QStringLiteral("CPU must be more than 0 (smallest is 0.001 or 1m)"));
    if (millicores > kMaxMillicores)
        return Error::invalid(field, QStringLiteral("CPU %1 is more than 1024 CPUs").arg(text));
    return millicores;
}

Result<qint64> parseMemory(const QString &text, const QString &field)
{
    const QString t = text.trimmed();
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,15})(b|k|m|g|Ki|Mi|Gi|Ti|K|M|G|T)?$"));
    const auto m = re.match(t);
    if (!m.hasMatch())
        return Error::invalid(field, QStringLiteral("'%1' is not a memory quantity: use Docker units like 512m or 2g, "
                                                    "or Kubernetes units like 512Mi or 2Gi").arg(text));
    const qint64 number = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    qint64 factor = 1;
    // Docker's lower-case units and Kubernetes' Ki/Mi/Gi/Ti are binary.
    if (unit.isEmpty() || unit == QLatin1String("b")) factor = 1;
    else if (unit == QLatin1String("k") || unit == QLatin1String("Ki")) factor = 1024;
    else if (unit == QLatin1String("m") || unit == QLatin1String("Mi")) factor = 1024LL * 1024;
    else if (unit == QLatin1String("g") || unit == QLatin1String("Gi")) factor = 1024LL * 1024 * 1024;
    else if (unit == QLatin1String("Ti")) factor = 1024LL * 1024 * 1024 * 1024;
    else if (unit == QLatin1String("K") || unit == QLatin1String("M") || unit == QLatin1String("G")
             || unit == QLatin1String("T"))
        // Docker reads "512M" as MiB, Kubernetes as 10^6 bytes: refuse rather than guess.
        return Error::invalid(field, QStringLiteral("'%1' is ambiguous: Docker reads %2 as binary, Kubernetes as decimal; "
                                                    "write %3%4 (binary) or the number of bytes")
                                         .arg(text, unit, m.captured(1), unit.toLower()));
    else
        return Error::invalid(field, QStringLiteral("unknown memory unit '%1' (use m, g, Mi or Gi)").arg(unit));
    if (number > kMaxBytes / factor)
        return Error::invalid(field, QStringLiteral("memory %1 is more than 16 TiB").arg(text));
    const qint64 bytes = number * factor;
    // Docker refuses limits under 6 MiB; refuse them here so the error names the field.
    if (bytes < 6LL * 1024 * 1024)
        return Error::invalid(field, QStringLiteral("memory %1 is below the 6 MiB minimum Docker accepts").arg(text));
    return bytes;
}

QString cpuToDocker(qint64 millicores)
{
    QString s = QString::number(millicores / 1000);
    if (const qint64 frac = millicores % 1000) {
        QString f = QString::number(frac).rightJustified(3, QLatin1Char('0'));
        while (f.endsWith(QLatin1Char('0')))
            f.chop(1);
        s += QLatin1Char('.') + f;
    }
    return s;
}

QString cpuToKubernetes(qint64 millicores)
{
    if (millicores % 1000 == 0)
        return QString::number(millicores / 1000);
    return QString::number(millicores) + QLatin1Char('m');
}

namespace {
// Largest unit that divides the byte count exactly, so conversions never round.
QString memoryWithUnits(qint64 bytes, const QList<std::pair<qint64, QLatin1String>> &units)
{
    for (const auto &[size, suffix] : units)
        if (bytes % size == 0)
            return QString::number(bytes / size) + suffix;
    return QString::number(bytes);
}
constexpr qint64 kKi = 1024;
} // namespace

QString memoryToDocker(qint64 bytes)
{
    // Docker knows b/k/m/g only (binary).
    return memoryWithUnits(bytes, {{kKi * kKi * kKi, QLatin1String("g")}, {kKi * kKi, QLatin1String("m")},
                                   {kKi, QLatin1String("k")}});
}

QString memoryToKubernetes(qint64 bytes)
{
    return memoryWithUnits(bytes, {{kKi * kKi * kKi * kKi, QLatin1String("Ti")}, {kKi * kKi * kKi, QLatin1String("Gi")},
                                   {kKi * kKi, QLatin1String("Mi")}, {kKi, QLatin1String("Ki")}});
}

} // namespace fleetdeck
