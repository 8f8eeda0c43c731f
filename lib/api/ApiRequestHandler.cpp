// ApiRequestHandler: authentication, routing, scope and the activity record of each call.
#include "api/ApiRequestHandler.h"

#include "api/ApiJson.h"
#include "api/ApiTokens.h"
#include "remote/ActivityLog.h"

#include <QElapsedTimer>

namespace fleetdeck::api {

ApiRequestHandler::ApiRequestHandler(std::shared_ptr<Store> store, OperationsService &operations)
    : m_store(store), m_endpoints(std::move(store), operations)
{
}

void recordApiCall(const QString &tokenName, const HttpRequest &request, int status, qint64 durationMs)
{
    ActivityEntry e;
    e.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-durationMs);
    e.server = QStringLiteral("api");
    e.target = tokenName.isEmpty() ? QStringLiteral("no valid token") : QStringLiteral("token ") + tokenName;
    QString target = request.path;
    if (!request.query.isEmpty())
        target += QLatin1Char('?') + request.query.toString(QUrl::FullyEncoded);
    e.argv = {QString::fromLatin1(request.method), target};
    e.purpose = QStringLiteral("REST API call");
    e.exitCode = status;
    e.durationMs = durationMs;
    e.stdinBytes = request.body.size();
    ActivityLog::instance().record(e);
}

void ApiRequestHandler::noteUse(const ApiToken &token)
{
    // last_used_at is for people ("is this token still in use?"): a write a minute per token is enough.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        QMutexLocker lock(&m_mutex);
        const QDateTime last = m_lastNoted.value(token.id);
        if (last.isValid() && last.secsTo(now) < 60)
            return;
        m_lastNoted.insert(token.id, now);
    }
    (void)m_store->touchApiToken(token.id, now);
}

ApiReply ApiRequestHandler::route(const HttpRequest &request, ApiToken *token)
{
    auto found = authenticate(*m_store, request.header("authorization"));
    if (!found)
        return errorResponse(found.error());
    if (!found->has_value()) {
        HttpResponse r = errorResponse(401, QStringLiteral("unauthorized"),
                                       QStringLiteral("send a valid token: Authorization: Bearer <token> (fleetdeck-cli api token create NAME)"));
        r.headers.append(std::pair<QByteArray, QByteArray>("WWW-Authenticate", "Bearer realm=\"fleetdeck\""));
        return r;
    }
    *token = **found;
    noteUse(*token);
    const RouteMatch match = matchRoute(request.method, request.path);
    if (!match.route) {
        if (match.allowed.isEmpty())
            return errorResponse(404, QStringLiteral("no_route"), QStringLiteral("no such endpoint: %1 (see /api/v1/openapi.json)").arg(request.path));
        HttpResponse r = errorResponse(405, QStringLiteral("method_not_allowed"),
                                       QStringLiteral("%1 answers %2").arg(request.path, QString::fromLatin1(match.allowed.join(", "))));
        r.headers.append(std::pair<QByteArray, QByteArray>("Allow", match.allowed.join(", ")));
        return r;
    }
    if (match.route->mutates && token->readOnly)
        return errorResponse(403, QStringLiteral("read_only_token"), QStringLiteral("the token %1 is read-only").arg(token->name));
    const ApiCall call{request, match.params, *token};
    return (m_endpoints.*(match.route->handler))(call);
}

ApiReply ApiRequestHandler::handle(const HttpRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    ApiToken token;
    ApiReply reply = route(request, &token);
    recordApiCall(token.name, request, reply.response.status, timer.elapsed());
    return reply;
}

} // namespace fleetdeck::api
