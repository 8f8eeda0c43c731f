// Status of standalone applications from `docker ps` rows, and the standalone rollout judgement. Pure.
#pragma once

#include "domain/Application.h"
#include "orchestrators/OrchestratorTypes.h"
#include "orchestrators/docker/DockerParsers.h"

namespace fleetdeck::docker {

// Rows of all managed containers; those of `app` are picked by the fleetdeck.app label.
AppStatus standaloneStatus(const Application &app, const QList<ContainerRow> &rows);

// Converged when `expected` replicas run (healthy where checked) and nothing else of the app is left.
RolloutProgress judgeStandaloneRollout(const AppStatus &status, int expected);

// Why a replica is not ready, from its state; "" while it may still become ready.
QString notReadyReason(const ContainerState &state);

} // namespace fleetdeck::docker
