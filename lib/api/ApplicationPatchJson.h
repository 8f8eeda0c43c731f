// ApplicationPatchJson: the body of PATCH /applications/{uuid} read into an ApplicationPatch. Only
// types are checked here (a string where a string belongs); every rule is the store's validation,
// whose field names apiFieldName() turns into the API's JSON names.
#pragma once

#include "core/Result.h"
#include "domain/ApplicationPatch.h"

#include <QJsonObject>
#include <QStringList>

namespace fleetdeck::api {

Result<ApplicationPatch> applicationPatchFromJson(const QJsonObject &body);
// The fields a PATCH may carry (documented in docs/api/openapi.json).
QStringList patchableApplicationFields();
// "cpu-reservation" (the validation's name, shared with the CLI's options) -> "reservations.cpus".
QString apiFieldName(const QString &validationField);

} // namespace fleetdeck::api
