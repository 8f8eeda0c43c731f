// ApiJson: error bodies and statuses.
#include "api/ApiJson.h"

#include "api/ApplicationPatchJson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fleetdeck::api {

HttpResponse jsonResponse(int status, const QJsonValue &body)
{
    HttpResponse r;
    r.status = status;
    r.body = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    r.body += '\n';
    return r;
}

HttpResponse errorResponse(int status, const QString &code, const QString &message, const QString &field)
{
    QJsonObject o{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        o.insert(QStringLiteral("field"), field);
    return jsonResponse(status, o);
}

int statusFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid: return 422;
    case ErrorKind::NotFound: return 404;
    case ErrorKind::Conflict: return 409;
    case ErrorKind::Cancelled: return 409;
    case ErrorKind::NotSupported: return 501;
    case ErrorKind::Timeout: return 504;
    case ErrorKind::HostKeyUnknown:
    case ErrorKind::HostKeyChanged:
    case ErrorKind::AuthFailed:
    case ErrorKind::Unreachable:
    case ErrorKind::RemoteFailed:
    case ErrorKind::NoExitStatus:
    case ErrorKind::ParseFailed: return 502;
    case ErrorKind::Storage:
    case ErrorKind::Internal: return 500;
    }
    return 500;
}

HttpResponse errorResponse(const Error &error)
{
    const int status = statusFor(error.kind);
    if (error.kind == ErrorKind::Invalid)
        return errorResponse(status, QStringLiteral("invalid"), error.message, apiFieldName(error.field));
    QString code = errorKindName(error.kind);
    return errorResponse(status, code, error.message);
}

QJsonObject logLineJson(const LogLine &l)
{
    QJsonObject o{{QStringLiteral("replica"), l.replica}, {QStringLiteral("text"), l.text},
                  {QStringLiteral("stream"), l.channel == StreamChannel::Stderr ? QStringLiteral("stderr") : QStringLiteral("stdout")}};
    if (!l.timestamp.isEmpty())
        o.insert(QStringLiteral("timestamp"), l.timestamp);
    return o;
}

} // namespace fleetdeck::api
