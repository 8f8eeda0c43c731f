// ApiJson: JSON responses of the API, and the one mapping of a core Error to an HTTP status.
#pragma once

#include "api/HttpMessage.h"
#include "core/Error.h"
#include "orchestrators/OrchestratorTypes.h"

#include <QJsonObject>
#include <QJsonValue>

namespace fleetdeck::api {

HttpResponse jsonResponse(int status, const QJsonValue &body);
// {"error": code, "message": message, "field": field (when given)}
HttpResponse errorResponse(int status, const QString &code, const QString &message, const QString &field = {});
// Invalid -> 422 naming the field (in the API's words), NotFound -> 404, Conflict -> 409, remote
// failures -> 502, Timeout -> 504, NotSupported -> 501, the rest -> 500.
HttpResponse errorResponse(const Error &error);
int statusFor(ErrorKind kind);
// {"replica", "stream": "stdout"|"stderr", "text", "timestamp" (when asked for)}
QJsonObject logLineJson(const LogLine &line);

} // namespace fleetdeck::api
