// ApplicationService: the one way the GUI, the CLI and the API add, change and remove applications.
// Settings and orchestration are separate field groups; each change is a patch of its group, applied
// by the store in one transaction (read, merge, validate, write), so no caller reads-merges-writes and
// two forms saved one after the other never write each other's old values back.
//
// Blocking calls are for a worker thread (or the CLI's main thread); each has an ...Async twin on the
// global thread pool (watch it with ui::watch, so a result for a closed window is dropped).
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "domain/ApplicationPatch.h"

#include <QFuture>

#include <memory>

namespace fleetdeck {

class Store;

class ApplicationService final
{
public:
    explicit ApplicationService(std::shared_ptr<Store> store);

    // Validates; returns the application as stored (id and uuid set).
    Result<Application> add(const Application &app) const;
    Result<Application> changeSettings(qint64 appId, const ApplicationSettingsPatch &patch) const;
    Result<Application> changeOrchestration(qint64 appId, const ApplicationOrchestrationPatch &patch) const;
    // Both groups in one transaction (the CLI's `app set`).
    Result<Application> change(qint64 appId, const ApplicationPatch &patch) const;
    // Removes the row only: what runs keeps running (stop it first).
    Status remove(qint64 appId) const;

    QFuture<Result<Application>> addAsync(const Application &app) const;
    QFuture<Result<Application>> changeSettingsAsync(qint64 appId, const ApplicationSettingsPatch &patch) const;
    QFuture<Result<Application>> changeOrchestrationAsync(qint64 appId, const ApplicationOrchestrationPatch &patch) const;
    QFuture<Status> removeAsync(qint64 appId) const;

private:
    std::shared_ptr<Store> m_store;
};

} // namespace fleetdeck
