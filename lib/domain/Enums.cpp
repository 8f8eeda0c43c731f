// Names of the domain enums as stored and shown; parsing is strict (lower-case names only).
#include "domain/Application.h"
#include "domain/Deployment.h"
#include "domain/Server.h"
#include "domain/States.h"

#include <QCoreApplication>

namespace fleetdeck {

namespace {
template<typename E, size_t N>
bool parseByName(const QString &text, E *out, const std::pair<E, const char *> (&table)[N])
{
    for (const auto &[value, name] : table) {
        if (text == QLatin1String(name)) {
            *out = value;
            return true;
        }
    }
    return false;
}
template<typename E, size_t N>
QString nameOf(E value, const std::pair<E, const char *> (&table)[N])
{
    for (const auto &[v, name] : table)
        if (v == value)
            return QLatin1String(name);
    return {};
}

constexpr std::pair<Orchestrator, const char *> kOrchestrators[] = {
    {Orchestrator::None, "none"}, {Orchestrator::Swarm, "swarm"}, {Orchestrator::Kubernetes, "kubernetes"}};
constexpr std::pair<AuthMethod, const char *> kAuthMethods[] = {
    {AuthMethod::Key, "key"}, {AuthMethod::Agent, "agent"}, {AuthMethod::Password, "password"}};
constexpr std::pair<ServiceType, const char *> kServiceTypes[] = {
    {ServiceType::ClusterIP, "ClusterIP"}, {ServiceType::NodePort, "NodePort"}, {ServiceType::LoadBalancer, "LoadBalancer"}};
constexpr std::pair<DeploymentStatus, const char *> kDeploymentStatuses[] = {
    {DeploymentStatus::Queued, "queued"}, {DeploymentStatus::InProgress, "in_progress"},
    {DeploymentStatus::Finished, "finished"}, {DeploymentStatus::Failed, "failed"},
    {DeploymentStatus::Cancelled, "cancelled"}};

// The state words are also the English display labels: marked here, translated in the *Label functions.
constexpr const char *kStateContext = "fleetdeck::State";
constexpr std::pair<ApplicationStatus, const char *> kApplicationStatuses[] = {
    {ApplicationStatus::Stopped, QT_TRANSLATE_NOOP("fleetdeck::State", "stopped")},
    {ApplicationStatus::Deploying, QT_TRANSLATE_NOOP("fleetdeck::State", "deploying")},
    {ApplicationStatus::Running, QT_TRANSLATE_NOOP("fleetdeck::State", "running")},
    {ApplicationStatus::Degraded, QT_TRANSLATE_NOOP("fleetdeck::State", "degraded")},
    {ApplicationStatus::Failed, QT_TRANSLATE_NOOP("fleetdeck::State", "failed")}};
constexpr std::pair<EngineState, const char *> kEngineStates[] = {
    {EngineState::NotDeployed, QT_TRANSLATE_NOOP("fleetdeck::State", "not-deployed")},
    {EngineState::Running, QT_TRANSLATE_NOOP("fleetdeck::State", "running")},
    {EngineState::Starting, QT_TRANSLATE_NOOP("fleetdeck::State", "starting")},
    {EngineState::Updating, QT_TRANSLATE_NOOP("fleetdeck::State", "updating")},
    {EngineState::RollingBack, QT_TRANSLATE_NOOP("fleetdeck::State", "rolling-back")},
    {EngineState::Degraded, QT_TRANSLATE_NOOP("fleetdeck::State", "degraded")},
    {EngineState::Stopped, QT_TRANSLATE_NOOP("fleetdeck::State", "stopped")},
    {EngineState::Failed, QT_TRANSLATE_NOOP("fleetdeck::State", "failed")},
    {EngineState::Unknown, QT_TRANSLATE_NOOP("fleetdeck::State", "unknown")}};
constexpr std::pair<PlanAction, const char *> kPlanActions[] = {
    {PlanAction::Create, "create"}, {PlanAction::Update, "update"}, {PlanAction::Replace, "replace"},
    {PlanAction::Apply, "apply"}, {PlanAction::Scale, "scale"}, {PlanAction::Stop, "stop"},
    {PlanAction::Restart, "restart"}, {PlanAction::Rollback, "rollback"}};

template<typename E, size_t N>
QString labelOf(E value, const std::pair<E, const char *> (&table)[N])
{
    for (const auto &[v, name] : table)
        if (v == value)
            return QCoreApplication::translate(kStateContext, name);
    return {};
}
} // namespace

QString orchestratorName(Orchestrator o) { return nameOf(o, kOrchestrators); }
bool parseOrchestrator(const QString &text, Orchestrator *out) { return parseByName(text, out, kOrchestrators); }
QString authMethodName(AuthMethod a) { return nameOf(a, kAuthMethods); }
bool parseAuthMethod(const QString &text, AuthMethod *out) { return parseByName(text, out, kAuthMethods); }
QString serviceTypeName(ServiceType t) { return nameOf(t, kServiceTypes); }
bool parseServiceType(const QString &text, ServiceType *out) { return parseByName(text, out, kServiceTypes); }
QString deploymentStatusName(DeploymentStatus s) { return nameOf(s, kDeploymentStatuses); }
bool parseDeploymentStatus(const QString &text, DeploymentStatus *out) { return parseByName(text, out, kDeploymentStatuses); }

QString applicationStatusName(ApplicationStatus s) { return nameOf(s, kApplicationStatuses); }
bool parseApplicationStatus(const QString &text, ApplicationStatus *out) { return parseByName(text, out, kApplicationStatuses); }
ApplicationStatus applicationStatusOrStopped(const QString &text)
{
    ApplicationStatus s = ApplicationStatus::Stopped;
    return parseApplicationStatus(text, &s) ? s : ApplicationStatus::Stopped;
}
QString applicationStatusLabel(ApplicationStatus s) { return labelOf(s, kApplicationStatuses); }
QString engineStateName(EngineState s) { return nameOf(s, kEngineStates); }
bool parseEngineState(const QString &text, EngineState *out) { return parseByName(text, out, kEngineStates); }
QString engineStateLabel(EngineState s) { return labelOf(s, kEngineStates); }
QString planActionName(PlanAction a) { return nameOf(a, kPlanActions); }
bool parsePlanAction(const QString &text, PlanAction *out) { return parseByName(text, out, kPlanActions); }

} // namespace fleetdeck
