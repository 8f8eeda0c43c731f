// ApiRoutes: the table of every route the REST API answers (method, path template, whether it
// changes anything) and matching a request path against it. docs/api/openapi.json documents exactly
// this table (tests/unit/tst_api_openapi checks both ways).
#pragma once

#include "api/HttpMessage.h"
#include "orchestrators/OrchestratorTypes.h"
#include "store/Repositories.h"

#include <QStringList>

#include <optional>

namespace fleetdeck::api {

// What a handler answers: a response, or a log follow the server starts on its own thread.
struct ApiReply {
    HttpResponse response;
    struct Follow {
        qint64 applicationId = 0;
        LogOptions options;
    };
    std::optional<Follow> follow;

    ApiReply(HttpResponse r) : response(std::move(r)) {}   // NOLINT: a response is a reply
    ApiReply() = default;
};

struct ApiCall {
    const HttpRequest &request;
    QStringList params;   // the path's {placeholders}, in order
    ApiToken token;
};

class ApiEndpoints;

struct ApiRoute {
    QByteArray method;
    QString path;         // "/api/v1/applications/{uuid}/scale"
    bool mutates;         // refused to read-only tokens (403)
    ApiReply (ApiEndpoints::*handler)(const ApiCall &);
};

const QList<ApiRoute> &apiRoutes();

struct RouteMatch {
    const ApiRoute *route = nullptr;   // null: no route for this method
    QStringList params;
    QList<QByteArray> allowed;         // methods the path answers (empty: the path is unknown)
};
RouteMatch matchRoute(const QByteArray &method, const QString &path);

} // namespace fleetdeck::api
