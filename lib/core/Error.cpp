#include "core/Error.h"

namespace fleetdeck {

Error Error::invalid(const QString &field, const QString &reason)
{
    Error e;
    e.kind = ErrorKind::Invalid;
    e.field = field;
    e.message = reason;
    return e;
}

Error Error::notFound(const QString &what)
{
    return make(ErrorKind::NotFound, what);
}

Error Error::make(ErrorKind kind, const QString &message, const QString &detail)
{
    Error e;
    e.kind = kind;
    e.message = message;
    e.detail = detail;
    return e;
}

QString Error::toString() const
{
    QString text = field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail.trimmed() + QLatin1Char(')');
    return text;
}

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid: return QStringLiteral("invalid");
    case ErrorKind::NotFound: return QStringLiteral("not_found");
    case ErrorKind::Conflict: return QStringLiteral("conflict");
    case ErrorKind::Storage: return QStringLiteral("storage");
    case ErrorKind::HostKeyUnknown: return QStringLiteral("host_key_unknown");
    case ErrorKind::HostKeyChanged: return QStringLiteral("host_key_changed");
    case ErrorKind::AuthFailed: return QStringLiteral("auth_failed");
    case ErrorKind::Unreachable: return QStringLiteral("unreachable");
    case ErrorKind::Timeout: return QStringLiteral("timeout");
    case ErrorKind::Cancelled: return QStringLiteral("cancelled");
    case ErrorKind::RemoteFailed: return QStringLiteral("remote_failed");
    case ErrorKind::NoExitStatus: return QStringLiteral("no_exit_status");
    case ErrorKind::ParseFailed: return QStringLiteral("parse_failed");
    case ErrorKind::NotSupported: return QStringLiteral("not_supported");
    case ErrorKind::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace fleetdeck
