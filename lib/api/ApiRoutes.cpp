// ApiRoutes: the route table and path-template matching.
#include "api/ApiRoutes.h"

#include "api/ApiEndpoints.h"

namespace fleetdeck::api {

const QList<ApiRoute> &apiRoutes()
{
    using E = ApiEndpoints;
    static const QList<ApiRoute> routes = {
        {"GET", QStringLiteral("/api/v1/openapi.json"), false, &E::openApi},
        {"GET", QStringLiteral("/api/v1/servers"), false, &E::servers},
        {"GET", QStringLiteral("/api/v1/applications"), false, &E::applications},
        {"GET", QStringLiteral("/api/v1/applications/{uuid}"), false, &E::application},
        {"PATCH", QStringLiteral("/api/v1/applications/{uuid}"), true, &E::patchApplication},
        {"GET", QStringLiteral("/api/v1/applications/{uuid}/orchestrator"), false, &E::orchestrator},
        {"PATCH", QStringLiteral("/api/v1/applications/{uuid}/scale"), true, &E::scale},
        {"POST", QStringLiteral("/api/v1/applications/{uuid}/deploy"), true, &E::deploy},
        {"GET", QStringLiteral("/api/v1/applications/{uuid}/status"), false, &E::status},
        {"POST", QStringLiteral("/api/v1/applications/{uuid}/stop"), true, &E::stop},
        {"POST", QStringLiteral("/api/v1/applications/{uuid}/restart"), true, &E::restart},
        {"POST", QStringLiteral("/api/v1/applications/{uuid}/rollback"), true, &E::rollback},
        {"GET", QStringLiteral("/api/v1/applications/{uuid}/logs"), false, &E::logs},
        {"GET", QStringLiteral("/api/v1/deployments/{id}"), false, &E::deployment},
    };
    return routes;
}

namespace {
bool matches(const QString &pattern, const QString &path, QStringList *params)
{
    const QStringList want = pattern.split(u'/');
    const QStringList have = path.split(u'/');
    if (want.size() != have.size())
        return false;
    QStringList found;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want.at(i).startsWith(u'{')) {
            if (have.at(i).isEmpty())
                return false;
            found << have.at(i);
        } else if (want.at(i) != have.at(i)) {
            return false;
        }
    }
    *params = found;
    return true;
}
} // namespace

RouteMatch matchRoute(const QByteArray &method, const QString &path)
{
    RouteMatch m;
    for (const ApiRoute &r : apiRoutes()) {
        QStringList params;
        if (!matches(r.path, path, &params))
            continue;
        m.allowed << r.method;
        if (r.method == method) {
            m.route = &r;
            m.params = params;
        }
    }
    return m;
}

} // namespace fleetdeck::api
