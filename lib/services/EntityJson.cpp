#include "services/EntityJson.h"

#include <QJsonArray>

namespace fleetdeck::json {

namespace {
QString time(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); }
QJsonArray strings(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}
} // namespace

QJsonObject server(const Server &s)
{
    const ServerSettings &t = s.settings;
    return {
        {QStringLiteral("id"), s.id}, {QStringLiteral("name"), s.name}, {QStringLiteral("host"), s.host},
        {QStringLiteral("port"), s.port}, {QStringLiteral("user"), s.user}, {QStringLiteral("auth"), authMethodName(s.auth)},
        {QStringLiteral("identity"), s.identityFile}, {QStringLiteral("secret_set"), !s.secret.isEmpty()},
        {QStringLiteral("host_key_fingerprint"), s.hostKeyFingerprint}, {QStringLiteral("local"), s.isLocal},
        {QStringLiteral("created_at"), time(s.createdAt)}, {QStringLiteral("updated_at"), time(s.updatedAt)},
        {QStringLiteral("settings"), QJsonObject{
             {QStringLiteral("orchestrator"), orchestratorName(t.orchestrator)},
             {QStringLiteral("swarm_manager"), t.swarmManager}, {QStringLiteral("swarm_worker"), t.swarmWorker},
             {QStringLiteral("swarm_publish_mode"), t.swarmPublishMode},
             {QStringLiteral("kubernetes_master"), t.kubernetesMaster}, {QStringLiteral("kubernetes_worker"), t.kubernetesWorker},
             {QStringLiteral("kubernetes_version"), t.kubernetesVersion},
             {QStringLiteral("kubeconfig_set"), !t.kubeconfig.isEmpty()}, {QStringLiteral("kube_context"), t.kubeContext},
             {QStringLiteral("namespace"), t.kubernetesNamespace}, {QStringLiteral("use_ingress"), t.useIngress},
             {QStringLiteral("ingress_class"), t.ingressClass}, {QStringLiteral("cert_issuer"), t.certIssuer},
             {QStringLiteral("storage_class"), t.storageClass}}},
    };
}

QJsonObject application(const Application &a, const QString &serverName)
{
    QJsonArray ports, env;
    for (int p : a.ports)
        ports.append(p);
    for (const EnvVar &e : a.env)
        env.append(QJsonObject{{QStringLiteral("key"), e.key},
                               {QStringLiteral("value"), e.secret ? QStringLiteral("***") : e.value},
                               {QStringLiteral("secret"), e.secret}});
    const HealthCheck &h = a.health;
    return {
        {QStringLiteral("id"), a.id}, {QStringLiteral("uuid"), a.uuid}, {QStringLiteral("name"), a.name},
        {QStringLiteral("project"), a.project},
        {QStringLiteral("server_id"), a.serverId}, {QStringLiteral("server"), serverName},
        {QStringLiteral("image"), a.image}, {QStringLiteral("build_source"), a.buildSource},
        {QStringLiteral("dockerfile"), a.dockerfile}, {QStringLiteral("ports"), ports},
        {QStringLiteral("domains"), strings(a.domains)}, {QStringLiteral("env"), env},
        {QStringLiteral("health_check"), QJsonObject{{QStringLiteral("path"), h.path}, {QStringLiteral("command"), h.command},
                                                     {QStringLiteral("port"), h.port}, {QStringLiteral("interval"), h.intervalSeconds},
                                                     {QStringLiteral("timeout"), h.timeoutSeconds}, {QStringLiteral("retries"), h.retries},
                                                     {QStringLiteral("start_period"), h.startPeriodSeconds}}},
        {QStringLiteral("limits"), QJsonObject{{QStringLiteral("cpus"), a.cpuLimit}, {QStringLiteral("memory"), a.memoryLimit}}},
        {QStringLiteral("reservations"), QJsonObject{{QStringLiteral("cpus"), a.cpuReservation},
                                                     {QStringLiteral("memory"), a.memoryReservation}}},
        {QStringLiteral("restart_policy"), a.restartPolicy}, {QStringLiteral("network"), a.network},
        {QStringLiteral("replicas"), a.replicas}, {QStringLiteral("swarm_replicas"), a.swarmReplicas},
        {QStringLiteral("kubernetes_replicas"), a.kubernetesReplicas},
        {QStringLiteral("swarm_placement_constraints"), strings(a.swarmConstraints)},
        {QStringLiteral("kubernetes_node_selector"), a.nodeSelector}, {QStringLiteral("kubernetes_tolerations"), a.tolerations},
        {QStringLiteral("kubernetes_affinity"), a.affinity}, {QStringLiteral("kubernetes_pod_labels"), a.podLabels},
        {QStringLiteral("kubernetes_service_annotations"), a.serviceAnnotations},
        {QStringLiteral("kubernetes_service_type"), serviceTypeName(a.serviceType)},
        {QStringLiteral("status"), applicationStatusName(a.status)}, {QStringLiteral("created_at"), time(a.createdAt)},
        {QStringLiteral("updated_at"), time(a.updatedAt)},
    };
}

QJsonObject deployment(const Deployment &d, bool withLog)
{
    QJsonObject o{
        {QStringLiteral("id"), d.id}, {QStringLiteral("uuid"), d.uuid}, {QStringLiteral("application_id"), d.applicationId},
        {QStringLiteral("status"), deploymentStatusName(d.status)}, {QStringLiteral("orchestrator"), d.orchestrator},
        {QStringLiteral("image"), d.image}, {QStringLiteral("triggered_by"), d.triggeredBy}, {QStringLiteral("error"), d.error},
        {QStringLiteral("created_at"), time(d.createdAt)}, {QStringLiteral("started_at"), time(d.startedAt)},
        {QStringLiteral("finished_at"), time(d.finishedAt)},
        {QStringLiteral("duration_seconds"), d.startedAt.isValid() && d.finishedAt.isValid()
                                                 ? QJsonValue(d.startedAt.msecsTo(d.finishedAt) / 1000.0) : QJsonValue()},
    };
    if (withLog) {
        QJsonArray log;
        for (const DeploymentLogEntry &e : d.log)
            log.append(QJsonObject{{QStringLiteral("at"), time(e.at)}, {QStringLiteral("step"), e.step},
                                   {QStringLiteral("command"), e.command}, {QStringLiteral("output"), e.output},
                                   {QStringLiteral("exit_code"), e.exitCode}});
        o.insert(QStringLiteral("log"), log);
    }
    return o;
}

QJsonObject cluster(const KubernetesCluster &c)
{
    return {{QStringLiteral("id"), c.id}, {QStringLiteral("server_id"), c.serverId}, {QStringLiteral("name"), c.name},
            {QStringLiteral("api_endpoint"), c.apiEndpoint}, {QStringLiteral("version"), c.version},
            {QStringLiteral("context"), c.context}, {QStringLiteral("kubeconfig_set"), !c.kubeconfig.isEmpty()},
            {QStringLiteral("client_key_set"), !c.clientKey.isEmpty()}, {QStringLiteral("created_at"), time(c.createdAt)}};
}

QJsonObject kubernetesNamespace(const KubernetesNamespace &ns)
{
    return {{QStringLiteral("id"), ns.id}, {QStringLiteral("cluster_id"), ns.clusterId}, {QStringLiteral("name"), ns.name},
            {QStringLiteral("resource_quota"), ns.resourceQuota}, {QStringLiteral("limit_range"), ns.limitRange},
            {QStringLiteral("created_at"), time(ns.createdAt)}};
}

} // namespace fleetdeck::json
