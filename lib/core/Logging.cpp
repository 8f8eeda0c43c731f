#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcStore, "fleetdeck.store")
Q_LOGGING_CATEGORY(lcRemote, "fleetdeck.remote")
Q_LOGGING_CATEGORY(lcOrchestrator, "fleetdeck.orchestrator")
Q_LOGGING_CATEGORY(lcDeploy, "fleetdeck.deploy")
Q_LOGGING_CATEGORY(lcSecrets, "fleetdeck.secrets")
