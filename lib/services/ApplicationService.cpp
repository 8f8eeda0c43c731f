// ApplicationService: application rows changed through field-group patches (see the header).
#include "services/ApplicationService.h"

#include "store/Repositories.h"

#include <QtConcurrent>

namespace fleetdeck {

ApplicationService::ApplicationService(std::shared_ptr<Store> store)
    : m_store(std::move(store))
{
}

Result<Application> ApplicationService::add(const Application &app) const
{
    return m_store->addApplication(app);
}

Result<Application> ApplicationService::changeSettings(qint64 appId, const ApplicationSettingsPatch &patch) const
{
    ApplicationPatch p;
    p.settings = patch;
    return m_store->patchApplication(appId, p);
}

Result<Application> ApplicationService::changeOrchestration(qint64 appId, const ApplicationOrchestrationPatch &patch) const
{
    ApplicationPatch p;
    p.orchestration = patch;
    return m_store->patchApplication(appId, p);
}

Result<Application> ApplicationService::change(qint64 appId, const ApplicationPatch &patch) const
{
    return m_store->patchApplication(appId, patch);
}

Status ApplicationService::remove(qint64 appId) const
{
    return m_store->removeApplication(appId);
}

// The twins copy the service (a store pointer), so a result may outlive the caller's service object.
QFuture<Result<Application>> ApplicationService::addAsync(const Application &app) const
{
    return QtConcurrent::run([self = *this, app] { return self.add(app); });
}

QFuture<Result<Application>> ApplicationService::changeSettingsAsync(qint64 appId, const ApplicationSettingsPatch &patch) const
{
    return QtConcurrent::run([self = *this, appId, patch] { return self.changeSettings(appId, patch); });
}

QFuture<Result<Application>> ApplicationService::changeOrchestrationAsync(qint64 appId, const ApplicationOrchestrationPatch &patch) const
{
    return QtConcurrent::run([self = *this, appId, patch] { return self.changeOrchestration(appId, patch); });
}

QFuture<Status> ApplicationService::removeAsync(qint64 appId) const
{
    return QtConcurrent::run([self = *this, appId] { return self.remove(appId); });
}

} // namespace fleetdeck
