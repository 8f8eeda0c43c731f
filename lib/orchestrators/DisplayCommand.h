// DisplayCommand: an argv as people read it (activity log, deployment step log, `fleetdeck-cli plan`).
#pragma once

#include <QString>
#include <QStringList>

namespace fleetdeck::checks {

// The kubeconfig handover wrappers show as "kubectl --kubeconfig=<stdin> ARGS" (or <lease> for
// streams); words that need no quoting stay bare, others are quoted by shellQuote.
QString displayCommand(const QStringList &argv);

} // namespace fleetdeck::checks
