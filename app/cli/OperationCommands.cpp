// deploy, scale, status, logs, ... (placeholder until the orchestrator layer lands)
#include "cli/CliCommand.h"

namespace fleetdeck::cli {
void registerOperationCommands(QList<CliCommand> &) {}
} // namespace fleetdeck::cli
