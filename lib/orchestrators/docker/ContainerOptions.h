// Options shared by `docker create` and `docker service create/update`: environment (with secret values
// kept out of argv), health check, resource quantities, restart policy. Pure functions.
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "orchestrators/OrchestratorTypes.h"

namespace fleetdeck::docker {

// Secret variables travel on stdin, never in argv (which `ps` and the activity log show): the command
// becomes `sh -c LOADER fleetdeck-env docker ...` where the constant LOADER sources stdin (lines
// KEY='value', quoted by shellQuote) with `set -a` and execs docker, which reads `--env KEY` (no value)
// from its own environment. Names the shell or the docker CLI would themselves obey are refused.
Status checkSecretEnv(const QList<EnvVar> &env);
QString secretEnvLoader();   // the constant shell text (documented in docs/ORCHESTRATORS.md)

// `flag` is "--env" (create) or "--env-add" (service update). Plain values go as flag K=V; secret ones
// as flag K, their values into `secretsOut`.
QStringList envArgs(const QList<EnvVar> &env, const QString &flag, QList<EnvVar> *secretsOut);

// Wraps a docker argv with the loader when `secrets` is not empty: argv, stdin, secretArgs shifted.
PlannedCommand withSecretEnv(PlannedCommand command, const QList<EnvVar> &secrets);

// The CMD-SHELL text Docker runs inside the container ("" = no check). An HTTP path is fetched with
// wget, or curl when the image has no wget (it needs one of them).
QString healthCommand(const Application &app);
// --health-cmd ... --health-interval Ns ... ; empty when the application has no check. Invalid when an
// HTTP check has no port to probe (never a silent default port).
Result<QStringList> healthArgs(const Application &app);

// Docker CLI forms of the application's quantities ("0.5", "512m"); empty when unset.
struct Quantities {
    QString cpuLimit;
    QString memoryLimit;
    QString cpuReservation;
    QString memoryReservation;
    qint64 cpuLimitNano = 0;
    qint64 memoryLimitBytes = 0;
    qint64 cpuReservationNano = 0;
    qint64 memoryReservationBytes = 0;
};
Result<Quantities> quantities(const Application &app);

// Swarm's restart condition for the application's restart policy: none | on-failure | any.
QString swarmRestartCondition(const QString &restartPolicy);

} // namespace fleetdeck::docker
