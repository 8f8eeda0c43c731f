// KubernetesNames: object names and labels derived from an application.
#include "manifests/KubernetesNames.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace fleetdeck::manifests {

namespace {

// <name><suffix>, kept within 63 characters (a label, so it also fits label values and every
// validator): a long name is cut and given 8 hex digits of its hash, so two long names that share
// their beginning still get different objects.
QString suffixed(const QString &name, const QString &suffix)
{
    if (name.size() + suffix.size() <= 63)
        return name + suffix;
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
    QString base = name.left(63 - suffix.size() - 9);
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    return base + QLatin1Char('-') + hash + suffix;
}

} // namespace

LabelList identityLabels(const Application &app)
{
    return {{nameLabel(), app.name},
            {instanceLabel(), app.name},
            {managedByLabel(), managedByValue()},
            {appLabel(), app.uuid}};
}

QStringList reservedLabelKeys()
{
    return {nameLabel(), instanceLabel(), managedByLabel(), appLabel()};
}

QString appSelector(const Application &app)
{
    return appLabel() + QLatin1Char('=') + app.uuid;
}

QString managedSelector()
{
    return managedByLabel() + QLatin1Char('=') + managedByValue();
}

QString deploymentName(const Application &app)
{
    return app.name;
}

QString containerName(const Application &app)
{
    return app.name;
}

QString serviceName(const Application &app)
{
    // Application names are RFC 1123 labels and may start with a digit; Service names may not.
    static const QRegularExpression rfc1035(QStringLiteral("^[a-z]([-a-z0-9]*[a-z0-9])?$"));
    if (rfc1035.match(app.name).hasMatch())
        return app.name;
    QString name = QStringLiteral("app-") + app.name;
    name.truncate(63);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name;
}

QString secretName(const Application &app)
{
    return suffixed(app.name, QStringLiteral("-env"));
}

QString ingressName(const Application &app)
{
    return app.name;
}

QString tlsSecretName(const Application &app)
{
    return suffixed(app.name, QStringLiteral("-tls"));
}

QString portName(int port)
{
    return QStringLiteral("tcp-") + QString::number(port);
}

QString quotaName()
{
    return QStringLiteral("fleetdeck-quota");
}

QString limitRangeName()
{
    return QStringLiteral("fleetdeck-limits");
}

} // namespace fleetdeck::manifests
