// CheckSupport: report items, missing tools, meaningful stderr; ConnectionReport's own methods.
#include "orchestrators/CheckSupport.h"

#include <QRegularExpression>

namespace fleetdeck::checks {

CheckItem ok(const QString &title, const QString &detail)
{
    return CheckItem{CheckItem::Level::Ok, title, detail};
}
CheckItem warn(const QString &title, const QString &detail)
{
    return CheckItem{CheckItem::Level::Warning, title, detail};
}
CheckItem fail(const QString &title, const QString &detail)
{
    return CheckItem{CheckItem::Level::Failed, title, detail};
}

bool toolMissing(const CommandResult &r)
{
    return r.exitCode == 127 || r.exitCode == 126;
}

QString meaningfulStderr(const QByteArray &stderrData)
{
    static const QRegularExpression klog(QStringLiteral(R"(^[EWI]\d{4} \d\d:\d\d:\d\d)"));
    const QStringList lines = QString::fromUtf8(stderrData).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QString last;
    for (const QString &line : lines)
        if (!klog.match(line).hasMatch())
            last = line.trimmed();
    if (last.isEmpty() && !lines.isEmpty())
        last = lines.last().trimmed();
    return last.startsWith(QLatin1String("error: ")) ? last.mid(7) : last;
}

bool ConnectionReport::ok() const
{
    for (const CheckItem &i : items)
        if (i.level == CheckItem::Level::Failed)
            return false;
    return true;
}

QString ConnectionReport::toText() const
{
    QStringList lines{summary};
    for (const CheckItem &i : items) {
        const char *mark = i.level == CheckItem::Level::Ok ? "ok  " : i.level == CheckItem::Level::Warning ? "warn" : "FAIL";
        lines << QStringLiteral("[%1] %2: %3").arg(QLatin1String(mark), i.title, i.detail);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace fleetdeck::checks
