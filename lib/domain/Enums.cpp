// Names of the domain enums as stored and shown; parsing is strict (lower-case names only).
#include "domain/Application.h"
#include "domain/Deployment.h"
#include "domain/Server.h"

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
} // namespace

QString orchestratorName(Orchestrator o) { return nameOf(o, kOrchestrators); }
bool parseOrchestrator(const QString &text, Orchestrator *out) { return parseByName(text, out, kOrchestrators); }
QString authMethodName(AuthMethod a) { return nameOf(a, kAuthMethods); }
bool parseAuthMethod(const QString &text, AuthMethod *out) { return parseByName(text, out, kAuthMethods); }
QString serviceTypeName(ServiceType t) { return nameOf(t, kServiceTypes); }
bool parseServiceType(const QString &text, ServiceType *out) { return parseByName(text, out, kServiceTypes); }
QString deploymentStatusName(DeploymentStatus s) { return nameOf(s, kDeploymentStatuses); }
bool parseDeploymentStatus(const QString &text, DeploymentStatus *out) { return parseByName(text, out, kDeploymentStatuses); }

} // namespace fleetdeck
