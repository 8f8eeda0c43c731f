// ApiRequestHandler: what happens to every request before and after its endpoint: the token is
// checked (401), the route found (404/405), a read-only token kept from changes (403), and the
// call recorded in the activity log with the token's name. Blocking: runs on the server's pool.
#pragma once

#include "api/ApiEndpoints.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>

namespace fleetdeck::api {

class ApiRequestHandler final
{
public:
    ApiRequestHandler(std::shared_ptr<Store> store, OperationsService &operations);

    ApiReply handle(const HttpRequest &request);

private:
    ApiReply route(const HttpRequest &request, ApiToken *token);
    void noteUse(const ApiToken &token);

    std::shared_ptr<Store> m_store;
    ApiEndpoints m_endpoints;
    QMutex m_mutex;
    QHash<qint64, QDateTime> m_lastNoted;   // token id -> when last_used_at was last written
};

// The activity log's entry for one API call: server "api", target "token NAME", argv METHOD PATH,
// exitCode the HTTP status.
void recordApiCall(const QString &tokenName, const HttpRequest &request, int status, qint64 durationMs);

} // namespace fleetdeck::api
