// ApiEndpoints: the handlers (see the header).
#include "api/ApiEndpoints.h"

#include "api/ApiJson.h"
#include "api/ApplicationPatchJson.h"
#include "domain/Validation.h"
#include "services/ApplicationService.h"
#include "services/EntityJson.h"
#include "services/Operations.h"
#include "store/Repositories.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fleetdeck::api {

namespace {

Result<QJsonObject> jsonBody(const ApiCall &call)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::make(ErrorKind::ParseFailed, QStringLiteral("the body is not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return Error::make(ErrorKind::ParseFailed, QStringLiteral("the body must be a JSON object"));
    return doc.object();
}

// Bad JSON is the client's syntax (400), unlike a bad value (422).
HttpResponse badBody(const Error &e)
{
    return errorResponse(400, QStringLiteral("bad_json"), e.message);
}

} // namespace

ApiEndpoints::ApiEndpoints(std::shared_ptr<Store> store, OperationsService &operations)
    : m_store(std::move(store)), m_operations(operations)
{
}

Result<Application> ApiEndpoints::applicationOf(const ApiCall &call) const
{
    return m_store->applicationByName(call.params.value(0));
}

Status ApiEndpoints::refuseWhileDeploying(const Application &app) const
{
    if (m_operations.queue().isBusy(app.id))
        return Error::make(ErrorKind::Conflict, QStringLiteral("a deployment of %1 is queued or running: wait for it (GET "
                                                               "/api/v1/deployments/{id}) and try again").arg(app.name));
    return {};
}

QString ApiEndpoints::triggeredBy(const ApiCall &call) const
{
    return QStringLiteral("api:") + call.token.name;
}

ApiReply ApiEndpoints::openApi(const ApiCall &)
{
    HttpResponse r;
    r.body = openApiDocument();
    return r;
}

ApiReply ApiEndpoints::servers(const ApiCall &)
{
    auto list = m_store->servers();
    if (!list)
        return errorResponse(list.error());
    QJsonArray out;
    for (const Server &s : *list)
        out.append(json::server(s));
    return jsonResponse(200, out);
}

ApiReply ApiEndpoints::applications(const ApiCall &)
{
    auto servers = m_store->servers();
    if (!servers)
        return errorResponse(servers.error());
    QHash<qint64, QString> names;
    for (const Server &s : *servers)
        names.insert(s.id, s.name);
    auto list = m_store->applications();
    if (!list)
        return errorResponse(list.error());
    QJsonArray out;
    for (const Application &a : *list)
        out.append(json::application(a, names.value(a.serverId)));
    return jsonResponse(200, out);
}

ApiReply ApiEndpoints::application(const ApiCall &call)
{
    auto app = applicationOf(call);
    if (!app)
        return errorResponse(app.error());
    auto server = m_store->server(app->serverId);
    return jsonResponse(200, json::application(*app, server ? server->name : QString()));
}

ApiReply ApiEndpoints::patchApplication(const ApiCall &call)
{
    auto body = jsonBody(call);
    if (!body)
        return badBody(body.error());
    auto app = applicationOf(call);
    if (!app)
        return errorResponse(app.error());
    auto patch = applicationPatchFromJson(*body);
    if (!patch)
        return errorResponse(patch.error());
    if (auto busy = refuseWhileDeploying(*app); !busy)
        return errorResponse(busy.error());
    auto changed = ApplicationService(m_store).change(app->id, *patch);
    if (!changed)
        return errorResponse(changed.error());
    auto server = m_store->server(changed->serverId);
    return jsonResponse(200, json::application(*changed, server ? server->name : QString()));
}

ApiReply ApiEndpoints::orchestrator(const ApiCall &call)
{
    auto app = applicationOf(call);
    if (!app)
        return errorResponse(app.error());
    auto server = m_store->server(app->serverId);
    if (!server)
        return errorResponse(server.error());
    const Orchestrator type = server->settings.orchestrator;
    QJsonObject o{{QStringLiteral("type"), orchestratorName(type)},
                  {QStringLiteral("server"), server->name},
                  {QStringLiteral("replicas"), replicasOn(*app, type)}};
    if (type == Orchestrator::Swarm)
        o.insert(QStringLiteral("placement_constraints"), QJsonArray::fromStringList(app->swarmConstraints));
    if (type == Orchestrator::Kubernetes) {
        o.insert(QStringLiteral("namespace"), server->settings.kubernetesNamespace);
        o.insert(QStringLiteral("node_selector"), app->nodeSelector);
        o.insert(QStringLiteral("tolerations"), app->tolerations);
        o.insert(QStringLiteral("affinity"), app->affinity);
    }
    return jsonResponse(200, o);
}

ApiReply ApiEndpoints::scale(const ApiCall &call)
{
    auto body = jsonBody(call);
    if (!body)
        return badBody(body.error());
    auto app = applicationOf(call);
    if (!app)
        return errorResponse(app.error());
    const QJsonValue value = body->value(QLatin1String("replicas"));
    const double d = value.toDouble();
    if (!value.isDouble() || d != double(qint64(d)) || body->size() != 1)
        return errorResponse(Error::invalid(QStringLiteral("replicas"), QStringLiteral("the body must be {\"replicas\": N}, N an integer")));
    const int replicas = d < -1e9 || d > 1e9 ? -1 : int(d);
    if (auto s = validate::replicas(QStringLiteral("replicas"), replicas); !s)
        return errorResponse(s.error());
    if (auto busy = refuseWhileDeploying(*app); !busy)
        return errorResponse(busy.error());
    // Running: scale now (the count is stored when the engine accepted it). Otherwise only store it,
    // so the next deploy starts that many.
    const bool running = app->status == ApplicationStatus::Running || app->status == ApplicationStatus::Degraded
                         || app->status == ApplicationStatus::Deploying;
    if (running) {
        auto st = m_operations.scale(app->id, replicas);
        if (!st)
            return errorResponse(st.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("replicas"), replicas}, {QStringLiteral("scaled"), true},
                                             {QStringLiteral("status"), st->toJson()}});
    }
    auto server = m_store->server(app->serverId);
    if (!server)
        return errorResponse(server.error());
    auto stored = ApplicationService(m_store).changeOrchestration(
        app->id, ApplicationOrchestrationPatch::replicasOn(server->settings.orchestrator, replicas));
    if (!stored)
        return errorResponse(stored.error());
    return jsonResponse(200, QJsonObject{{QStringLiteral("replicas"), replicas}, {QStringLiteral("scaled"), false},
                                         {QStringLiteral("application"), json::application(*stored, server->name)}});
}

ApiReply ApiEndpoints::deploy(const ApiCall &call)
{
    auto app = applicationOf(call);
    if (!app)
        return errorResponse(app.error());
    if (auto busy = refuseWhileDeploying(*app); !busy)
        return errorResponse(busy.error());
    DeployOptions options;
    options.triggeredBy = triggeredBy(call);
    auto queued = m_operations.enqueueDeploy(app->id, options);
    if (!queued)
        return errorResponse(queued.error());
    HttpResponse r = jsonResponse(202, QJsonObject{{QStringLiteral("deployment_id"), queued->id},
                                                   {QStringLiteral("deployment"), json::deployment(*queued)}});
    r.headers.append(std::pair<QByteArray, QByteArray>("Location", "/api/v1/deployments/" + QByteArray::number(queued->id)));
    return r;
}

ApiReply ApiEndpoints::status(const ApiCall &call)
{
    auto app = applicationOf(call);
    if (!app)
        return errorResponse(app.error());
    auto st = m_operations.status(app->id);
    if (!st)
        return errorResponse(st.error());
    return jsonResponse(200, st->toJson());
}

ApiReply ApiEndpoints::stop(const ApiCall &call)
{
    auto app = applicationOf(call);
    if (!app)
        return errorResponse(app.error());
    auto st = m_operations.stop(app->id);
    return st ? jsonResponse(200, st->toJson()) : errorResponse(st.error());
}

ApiReply ApiEndpoints::restart(const ApiCall &call)
{
    auto app = applicationOf(call);
    if (!app)
        return errorResponse(app.error());
    auto st = m_operations.restart(app->id);
    return st ? jsonResponse(200, st->toJson()) : errorResponse(st.error());
}

ApiReply ApiEndpoints::rollback(const ApiCall &call)
{
    auto app = applicationOf(call);
    if (!app)
        return errorResponse(app.error());
    if (auto busy = refuseWhileDeploying(*app); !busy)
        return errorResponse(busy.error());
    DeployOptions options;
    options.triggeredBy = triggeredBy(call);
    auto d = m_operations.rollback(app->id, options);
    if (!d)
        return errorResponse(d.error());
    auto withLog = m_operations.deployment(d->id);
    return jsonResponse(200, json::deployment(withLog ? *withLog : *d, withLog.ok()));
}

ApiReply ApiEndpoints::logs(const ApiCall &call)
{
    auto app = applicationOf(call);
    if (!app)
        return errorResponse(app.error());
    const QUrlQuery &q = call.request.query;
    LogOptions options;
    if (q.hasQueryItem(QStringLiteral("tail"))) {
        bool ok = false;
        options.tail = q.queryItemValue(QStringLiteral("tail")).toInt(&ok);
        if (!ok || options.tail < 0 || options.tail > 10000)
            return errorResponse(Error::invalid(QStringLiteral("tail"), QStringLiteral("must be a number of lines from 0 to 10000")));
    }
    options.since = q.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
    options.timestamps = q.queryItemValue(QStringLiteral("timestamps")) == QLatin1String("1");
    const QString follow = q.queryItemValue(QStringLiteral("follow"));
    if (!follow.isEmpty() && follow != QLatin1String("0") && follow != QLatin1String("1"))
        return errorResponse(Error::invalid(QStringLiteral("follow"), QStringLiteral("must be 0 or 1")));
    if (follow == QLatin1String("1")) {
        options.follow = true;
        ApiReply reply;
        reply.follow = ApiReply::Follow{app->id, options};
        return reply;
    }
    auto lines = m_operations.logs(app->id, options);
    if (!lines)
        return errorResponse(lines.error());
    QJsonArray out;
    for (const LogLine &l : *lines)
        out.append(logLineJson(l));
    return jsonResponse(200, QJsonObject{{QStringLiteral("lines"), out}});
}

ApiReply ApiEndpoints::deployment(const ApiCall &call)
{
    bool ok = false;
    const qint64 id = call.params.value(0).toLongLong(&ok);
    if (!ok)
        return errorResponse(Error::notFound(QStringLiteral("no deployment with id %1").arg(call.params.value(0))));
    auto d = m_operations.deployment(id);
    if (!d)
        return errorResponse(d.error());
    return jsonResponse(200, json::deployment(*d, true));
}

} // namespace fleetdeck::api
