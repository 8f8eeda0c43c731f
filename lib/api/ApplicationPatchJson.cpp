// ApplicationPatchJson: JSON -> ApplicationPatch, field by field.
#include "api/ApplicationPatchJson.h"

#include <QJsonArray>

#include <functional>

namespace fleetdeck::api {

namespace {

using Reader = std::function<Status(const QJsonValue &, ApplicationPatch &)>;

Error wrongType(const QString &field, const QString &what)
{
    return Error::invalid(field, QStringLiteral("must be %1").arg(what));
}

Reader text(const QString &field, std::optional<QString> ApplicationSettingsPatch::*member)
{
    return [field, member](const QJsonValue &v, ApplicationPatch &p) -> Status {
        if (!v.isString())
            return wrongType(field, QStringLiteral("a string"));
        p.settings.*member = v.toString();
        return {};
    };
}

Result<int> integer(const QString &field, const QJsonValue &v)
{
    const double d = v.toDouble();
    if (!v.isDouble() || d != double(qint64(d)) || d < -2147483648.0 || d > 2147483647.0)
        return wrongType(field, QStringLiteral("an integer"));
    return int(d);
}

Reader number(const QString &field, std::optional<int> ApplicationSettingsPatch::*member)
{
    return [field, member](const QJsonValue &v, ApplicationPatch &p) -> Status {
        auto n = integer(field, v);
        if (!n)
            return n.error();
        p.settings.*member = *n;
        return {};
    };
}

Reader replicaCount(const QString &field, std::optional<int> ApplicationOrchestrationPatch::*member)
{
    return [field, member](const QJsonValue &v, ApplicationPatch &p) -> Status {
        auto n = integer(field, v);
        if (!n)
            return n.error();
        p.orchestration.*member = *n;
        return {};
    };
}

Result<QStringList> stringList(const QString &field, const QJsonValue &v)
{
    if (!v.isArray())
        return wrongType(field, QStringLiteral("an array of strings"));
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return wrongType(field, QStringLiteral("an array of strings"));
        out << item.toString();
    }
    return out;
}

Reader object(const QString &field, std::optional<QJsonObject> ApplicationOrchestrationPatch::*member)
{
    return [field, member](const QJsonValue &v, ApplicationPatch &p) -> Status {
        if (!v.isObject())
            return wrongType(field, QStringLiteral("a JSON object"));
        p.orchestration.*member = v.toObject();
        return {};
    };
}

Result<QList<EnvVar>> envList(const QString &field, const QJsonValue &v)
{
    if (!v.isArray())
        return wrongType(field, QStringLiteral("an array of {\"key\", \"value\", \"secret\"} objects"));
    QList<EnvVar> out;
    for (const QJsonValue &item : v.toArray()) {
        const QJsonObject o = item.toObject();
        if (!item.isObject() || !o.value(QLatin1String("key")).isString() || !o.value(QLatin1String("value")).isString()
            || !(o.value(QLatin1String("secret")).isBool() || o.value(QLatin1String("secret")).isUndefined()))
            return wrongType(field, QStringLiteral("an array of {\"key\": string, \"value\": string, \"secret\": bool} objects"));
        EnvVar e{o.value(QLatin1String("key")).toString(), o.value(QLatin1String("value")).toString(),
                 o.value(QLatin1String("secret")).toBool()};
        // GET shows a secret value as "***": sending that back would replace the secret with the mask.
        if (e.secret && e.value == QLatin1String("***"))
            return Error::invalid(field, QStringLiteral("'%1': \"***\" is the masked secret, not its value: send the value, "
                                                        "or leave the variable out of set_env").arg(e.key));
        out << e;
    }
    return out;
}

// Sub-objects ("health_check", "limits", "reservations"): each key read by its own reader.
Reader group(const QString &field, QHash<QString, Reader> members)
{
    return [field, members](const QJsonValue &v, ApplicationPatch &p) -> Status {
        if (!v.isObject())
            return wrongType(field, QStringLiteral("a JSON object"));
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const auto reader = members.constFind(it.key());
            if (reader == members.constEnd())
                return Error::invalid(field + QLatin1Char('.') + it.key(), QStringLiteral("is not a field you can change"));
            if (auto s = (*reader)(it.value(), p); !s)
                return s;
        }
        return {};
    };
}

const QHash<QString, Reader> &readers()
{
    using S = ApplicationSettingsPatch;
    using O = ApplicationOrchestrationPatch;
    static const QHash<QString, Reader> all = {
        {QStringLiteral("name"), text(QStringLiteral("name"), &S::name)},
        {QStringLiteral("project"), text(QStringLiteral("project"), &S::project)},
        {QStringLiteral("image"), text(QStringLiteral("image"), &S::image)},
        {QStringLiteral("build_source"), text(QStringLiteral("build_source"), &S::buildSource)},
        {QStringLiteral("dockerfile"), text(QStringLiteral("dockerfile"), &S::dockerfile)},
        {QStringLiteral("restart_policy"), text(QStringLiteral("restart_policy"), &S::restartPolicy)},
        {QStringLiteral("network"), text(QStringLiteral("network"), &S::network)},
        {QStringLiteral("ports"), [](const QJsonValue &v, ApplicationPatch &p) -> Status {
             if (!v.isArray())
                 return wrongType(QStringLiteral("ports"), QStringLiteral("an array of integers"));
             QList<int> ports;
             for (const QJsonValue &item : v.toArray()) {
                 auto n = integer(QStringLiteral("ports"), item);
                 if (!n)
                     return n.error();
                 ports << *n;
             }
             p.settings.ports = ports;
             return {};
         }},
        {QStringLiteral("domains"), [](const QJsonValue &v, ApplicationPatch &p) -> Status {
             auto list = stringList(QStringLiteral("domains"), v);
             if (!list)
                 return list.error();
             p.settings.domains = *list;
             return {};
         }},
        {QStringLiteral("env"), [](const QJsonValue &v, ApplicationPatch &p) -> Status {
             auto list = envList(QStringLiteral("env"), v);
             if (!list)
                 return list.error();
             p.settings.env = *list;
             return {};
         }},
        {QStringLiteral("set_env"), [](const QJsonValue &v, ApplicationPatch &p) -> Status {
             auto list = envList(QStringLiteral("set_env"), v);
             if (!list)
                 return list.error();
             p.settings.setEnv = *list;
             return {};
         }},
        {QStringLiteral("unset_env"), [](const QJsonValue &v, ApplicationPatch &p) -> Status {
             auto list = stringList(QStringLiteral("unset_env"), v);
             if (!list)
                 return list.error();
             p.settings.unsetEnv = *list;
             return {};
         }},
        {QStringLiteral("health_check"), group(QStringLiteral("health_check"), {
             {QStringLiteral("path"), text(QStringLiteral("health_check.path"), &S::healthPath)},
             {QStringLiteral("port"), number(QStringLiteral("health_check.port"), &S::healthPort)},
             {QStringLiteral("interval"), number(QStringLiteral("health_check.interval"), &S::healthIntervalSeconds)},
             {QStringLiteral("timeout"), number(QStringLiteral("health_check.timeout"), &S::healthTimeoutSeconds)},
             {QStringLiteral("retries"), number(QStringLiteral("health_check.retries"), &S::healthRetries)}})},
        {QStringLiteral("limits"), group(QStringLiteral("limits"), {
             {QStringLiteral("cpus"), text(QStringLiteral("limits.cpus"), &S::cpuLimit)},
             {QStringLiteral("memory"), text(QStringLiteral("limits.memory"), &S::memoryLimit)}})},
        {QStringLiteral("reservations"), group(QStringLiteral("reservations"), {
             {QStringLiteral("cpus"), text(QStringLiteral("reservations.cpus"), &S::cpuReservation)},
             {QStringLiteral("memory"), text(QStringLiteral("reservations.memory"), &S::memoryReservation)}})},
        {QStringLiteral("replicas"), replicaCount(QStringLiteral("replicas"), &O::replicas)},
        {QStringLiteral("swarm_replicas"), replicaCount(QStringLiteral("swarm_replicas"), &O::swarmReplicas)},
        {QStringLiteral("kubernetes_replicas"), replicaCount(QStringLiteral("kubernetes_replicas"), &O::kubernetesReplicas)},
        {QStringLiteral("swarm_placement_constraints"), [](const QJsonValue &v, ApplicationPatch &p) -> Status {
             auto list = stringList(QStringLiteral("swarm_placement_constraints"), v);
             if (!list)
                 return list.error();
             p.orchestration.swarmConstraints = *list;
             return {};
         }},
        {QStringLiteral("kubernetes_node_selector"), object(QStringLiteral("kubernetes_node_selector"), &O::nodeSelector)},
        {QStringLiteral("kubernetes_affinity"), object(QStringLiteral("kubernetes_affinity"), &O::affinity)},
        {QStringLiteral("kubernetes_pod_labels"), object(QStringLiteral("kubernetes_pod_labels"), &O::podLabels)},
        {QStringLiteral("kubernetes_service_annotations"), object(QStringLiteral("kubernetes_service_annotations"), &O::serviceAnnotations)},
        {QStringLiteral("kubernetes_tolerations"), [](const QJsonValue &v, ApplicationPatch &p) -> Status {
             if (!v.isArray())
                 return wrongType(QStringLiteral("kubernetes_tolerations"), QStringLiteral("a JSON array"));
             p.orchestration.tolerations = v.toArray();
             return {};
         }},
        {QStringLiteral("kubernetes_service_type"), [](const QJsonValue &v, ApplicationPatch &p) -> Status {
             ServiceType type;
             if (!v.isString() || !parseServiceType(v.toString(), &type))
                 return Error::invalid(QStringLiteral("kubernetes_service_type"), QStringLiteral("must be ClusterIP, NodePort or LoadBalancer"));
             p.orchestration.serviceType = type;
             return {};
         }},
    };
    return all;
}

} // namespace

QStringList patchableApplicationFields()
{
    QStringList keys = readers().keys();
    keys.sort();
    return keys;
}

Result<ApplicationPatch> applicationPatchFromJson(const QJsonObject &body)
{
    ApplicationPatch patch;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const auto reader = readers().constFind(it.key());
        if (reader == readers().constEnd())
            return Error::invalid(it.key(), QStringLiteral("is not a field you can change (allowed: %1)")
                                                .arg(patchableApplicationFields().join(QStringLiteral(", "))));
        if (auto s = (*reader)(it.value(), patch); !s)
            return s.error();
    }
    return patch;
}

QString apiFieldName(const QString &validationField)
{
    // Longest prefix first: "health-path" before "health".
    static const QList<std::pair<QString, QString>> names = {
        {QStringLiteral("cpu-reservation"), QStringLiteral("reservations.cpus")},
        {QStringLiteral("memory-reservation"), QStringLiteral("reservations.memory")},
        {QStringLiteral("health-path"), QStringLiteral("health_check.path")},
        {QStringLiteral("health-port"), QStringLiteral("health_check.port")},
        {QStringLiteral("health"), QStringLiteral("health_check")},
        {QStringLiteral("cpu"), QStringLiteral("limits.cpus")},
        {QStringLiteral("memory"), QStringLiteral("limits.memory")},
        {QStringLiteral("port"), QStringLiteral("ports")},
        {QStringLiteral("domain"), QStringLiteral("domains")},
        {QStringLiteral("restart-policy"), QStringLiteral("restart_policy")},
        {QStringLiteral("swarm-replicas"), QStringLiteral("swarm_replicas")},
        {QStringLiteral("kubernetes-replicas"), QStringLiteral("kubernetes_replicas")},
        {QStringLiteral("constraint"), QStringLiteral("swarm_placement_constraints")},
        {QStringLiteral("node-selector"), QStringLiteral("kubernetes_node_selector")},
        {QStringLiteral("tolerations"), QStringLiteral("kubernetes_tolerations")},
        {QStringLiteral("affinity"), QStringLiteral("kubernetes_affinity")},
        {QStringLiteral("pod-labels"), QStringLiteral("kubernetes_pod_labels")},
        {QStringLiteral("service-annotations"), QStringLiteral("kubernetes_service_annotations")},
    };
    for (const auto &[from, to] : names) {
        if (validationField == from)
            return to;
        // "tolerations[0]" keeps its index: "kubernetes_tolerations[0]".
        if (validationField.startsWith(from) && (validationField.at(from.size()) == u'[' || validationField.at(from.size()) == u'.'))
            return to + validationField.mid(from.size());
    }
    return validationField;
}

} // namespace fleetdeck::api
