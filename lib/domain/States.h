// The states the console reasons about, as enums: application status, engine state, plan action.
// Their words (the store's column values, the JSON and CLI output) live in one name table each in
// Enums.cpp; code compares enums, strings appear only where states are stored, sent or shown.
#pragma once

#include <QString>

namespace fleetdeck {

// An application's last known status, as the store keeps it (applications.status).
enum class ApplicationStatus { Stopped, Deploying, Running, Degraded, Failed };
QString applicationStatusName(ApplicationStatus s);         // stopped|deploying|running|degraded|failed
bool parseApplicationStatus(const QString &text, ApplicationStatus *out);
// The store's reading: a word this version does not know (written by a newer one, or by hand) is Stopped,
// the status of an application nothing is known about; the next status refresh replaces it.
ApplicationStatus applicationStatusOrStopped(const QString &text);
QString applicationStatusLabel(ApplicationStatus s);        // translated, for display

// The engine's view of one application (AppStatus::state).
enum class EngineState { NotDeployed, Running, Starting, Updating, RollingBack, Degraded, Stopped, Failed, Unknown };
// not-deployed|running|starting|updating|rolling-back|degraded|stopped|failed|unknown
QString engineStateName(EngineState s);
bool parseEngineState(const QString &text, EngineState *out);
QString engineStateLabel(EngineState s);                    // translated, for display

// What a deploy plan or an operation does to its target (DeployPlan::action, DeployOutcome::action).
enum class PlanAction { Create, Update, Replace, Apply, Scale, Stop, Restart, Rollback };
QString planActionName(PlanAction a);                       // create|update|replace|apply|scale|stop|restart|rollback
bool parsePlanAction(const QString &text, PlanAction *out);

} // namespace fleetdeck
