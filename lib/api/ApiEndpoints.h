// ApiEndpoints: one handler per route of the REST API. Each is a thin front end over the services
// (ApplicationService, OperationsService), so the API, the CLI and the console share every rule.
// Handlers block (SQL, SSH): the server calls them on its worker pool, never on its socket thread.
#pragma once

#include "api/ApiRoutes.h"
#include "core/Result.h"

#include <memory>

namespace fleetdeck {
class OperationsService;
class Store;
}

namespace fleetdeck::api {

class ApiEndpoints final
{
public:
    ApiEndpoints(std::shared_ptr<Store> store, OperationsService &operations);

    ApiReply openApi(const ApiCall &call);
    ApiReply servers(const ApiCall &call);
    ApiReply applications(const ApiCall &call);
    ApiReply application(const ApiCall &call);
    ApiReply patchApplication(const ApiCall &call);
    ApiReply orchestrator(const ApiCall &call);
    ApiReply scale(const ApiCall &call);
    ApiReply deploy(const ApiCall &call);
    ApiReply status(const ApiCall &call);
    ApiReply stop(const ApiCall &call);
    ApiReply restart(const ApiCall &call);
    ApiReply rollback(const ApiCall &call);
    ApiReply logs(const ApiCall &call);
    ApiReply deployment(const ApiCall &call);

private:
    Result<Application> applicationOf(const ApiCall &call) const;   // by uuid (or name)
    Status refuseWhileDeploying(const Application &app) const;      // 409
    QString triggeredBy(const ApiCall &call) const;                  // "api:<token name>"

    std::shared_ptr<Store> m_store;
    OperationsService &m_operations;
};

// The OpenAPI 3 document (docs/api/openapi.json, compiled in).
QByteArray openApiDocument();

} // namespace fleetdeck::api
