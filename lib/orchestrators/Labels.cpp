// Labels: identity labels and filters.
#include "orchestrators/Labels.h"

namespace fleetdeck::labels {

LabelList identity(const Application &a, qint64 deploymentId)
{
    LabelList out{{managed(), QStringLiteral("true")}, {app(), a.uuid}, {appName(), a.name}};
    if (deploymentId > 0)
        out.append({deployment(), QString::number(deploymentId)});
    return out;
}

QString managedFilter()
{
    return QStringLiteral("label=") + managed() + QStringLiteral("=true");
}

QString appFilter(const Application &a)
{
    return QStringLiteral("label=") + app() + QLatin1Char('=') + a.uuid;
}

bool isOwnedKey(const QString &key)
{
    return key.startsWith(QLatin1String("fleetdeck.")) || key.startsWith(QLatin1String("traefik."));
}

} // namespace fleetdeck::labels
