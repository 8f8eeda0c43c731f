// KubectlErrors: kubectl's stderr sorted into error kinds (auth, unreachable, TLS, forbidden, not found).
#include "orchestrators/kubernetes/KubectlErrors.h"

#include "orchestrators/CheckSupport.h"

namespace fleetdeck::checks {

bool kubectlForbidden(const CommandResult &r)
{
    return QString::fromUtf8(r.stderrData).contains(QLatin1String("forbidden"), Qt::CaseInsensitive);
}

bool kubectlNotFound(const CommandResult &r)
{
    const QString err = QString::fromUtf8(r.stderrData);
    return err.contains(QLatin1String("NotFound")) || err.contains(QLatin1String("not found"));
}

Error classifyKubectlError(const CommandResult &result, const QString &what)
{
    const QString err = QString::fromUtf8(result.stderrData);
    const QString line = meaningfulStderr(result.stderrData);
    if (toolMissing(result))
        return Error::make(ErrorKind::NotSupported, QStringLiteral("kubectl is not installed on the server."), line);
    if (err.contains(QLatin1String("Unauthorized")) || err.contains(QLatin1String("You must be logged in")))
        return Error::make(ErrorKind::AuthFailed,
                           QStringLiteral("The cluster refused the kubeconfig's credentials (Unauthorized) while %1.").arg(what), line);
    if (err.contains(QLatin1String("x509")) || err.contains(QLatin1String("certificate signed by unknown authority")))
        return Error::make(ErrorKind::RemoteFailed,
                           QStringLiteral("TLS failed while %1: the API server's certificate does not match the kubeconfig's "
                                          "certificate-authority.").arg(what),
                           line);
    static const QStringList unreachable = {
        QStringLiteral("connection refused"), QStringLiteral("was refused"),      QStringLiteral("no such host"),
        QStringLiteral("i/o timeout"),        QStringLiteral("no route to host"), QStringLiteral("Client.Timeout"),
        QStringLiteral("deadline exceeded"),  QStringLiteral("network is unreachable"),
    };
    for (const QString &needle : unreachable)
        if (err.contains(needle))
            return Error::make(ErrorKind::Unreachable, QStringLiteral("The API server did not answer while %1.").arg(what), line);
    if (kubectlForbidden(result))
        return Error::make(ErrorKind::RemoteFailed, QStringLiteral("Permission denied while %1.").arg(what), line);
    if (kubectlNotFound(result))
        return Error::make(ErrorKind::NotFound, QStringLiteral("Not found while %1.").arg(what), line);
    Error e = Error::make(ErrorKind::RemoteFailed, QStringLiteral("kubectl failed while %1.").arg(what), line);
    e.exitCode = result.exitCode;
    return e;
}

} // namespace fleetdeck::checks
