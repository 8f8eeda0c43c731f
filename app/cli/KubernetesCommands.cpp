// manifests, cluster and namespace commands (Kubernetes issue).
#include "cli/CliCommand.h"

namespace fleetdeck::cli {
void registerKubernetesCommands(QList<CliCommand> &) {}
} // namespace fleetdeck::cli
