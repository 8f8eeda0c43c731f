// KubernetesManifests: Namespace, ResourceQuota, LimitRange, Secret, Deployment, Service, Ingress.
#include "manifests/KubernetesManifests.h"

#include "domain/Quantity.h"
#include "domain/Validation.h"
#include "manifests/KubernetesNames.h"

namespace fleetdeck::manifests {

namespace {

const QString kMasked = QStringLiteral("***");

Value labelMap(const LabelList &labels)
{
    Value out = Value::map();
    for (const auto &[key, value] : labels)
        out.set(key, Value(value));
    return out;
}

Value metadata(const QString &name, const QString &ns, const LabelList &labels)
{
    Value m = Value::map();
    m.set(QStringLiteral("name"), Value(name));
    if (!ns.isEmpty())
        m.set(QStringLiteral("namespace"), Value(ns));
    m.setIfNotEmpty(QStringLiteral("labels"), labelMap(labels));
    return m;
}

Value object(const QString &apiVersion, const QString &kind, Value meta)
{
    Value o = Value::map();
    o.set(QStringLiteral("apiVersion"), Value(apiVersion));
    o.set(QStringLiteral("kind"), Value(kind));
    o.set(QStringLiteral("metadata"), std::move(meta));
    return o;
}

Manifest manifest(const QString &apiVersion, const QString &kind, const QString &name, const QString &ns, Value body)
{
    Manifest m;
    m.apiVersion = apiVersion;
    m.kind = kind;
    m.name = name;
    m.nameSpace = ns;
    m.maskedBody = body;
    m.body = std::move(body);
    return m;
}

Value selectorLabels(const Application &app)
{
    return Value::map().set(appLabel(), Value(app.uuid));
}

// Docker-unit quantities to Kubernetes ones, explicitly (never "0.5 / 2" arithmetic on strings).
Result<Value> resources(const Application &app)
{
    Value limits = Value::map();
    Value requests = Value::map();
    auto cpu = [](const QString &text, const QString &field, Value &into) -> Status {
        if (text.isEmpty())
            return {};
        auto m = parseCpu(text, field);
        if (!m)
            return m.error();
        into.set(QStringLiteral("cpu"), Value(cpuToKubernetes(*m)));
        return {};
    };
    auto memory = [](const QString &text, const QString &field, Value &into) -> Status {
        if (text.isEmpty())
            return {};
        auto b = parseMemory(text, field);
        if (!b)
            return b.error();
        into.set(QStringLiteral("memory"), Value(memoryToKubernetes(*b)));
        return {};
    };
    if (auto s = cpu(app.cpuLimit, QStringLiteral("cpu"), limits); !s) return s.error();
    if (auto s = memory(app.memoryLimit, QStringLiteral("memory"), limits); !s) return s.error();
    if (auto s = cpu(app.cpuReservation, QStringLiteral("cpu-reservation"), requests); !s) return s.error();
    if (auto s = memory(app.memoryReservation, QStringLiteral("memory-reservation"), requests); !s) return s.error();
    Value out = Value::map();
    out.setIfNotEmpty(QStringLiteral("limits"), std::move(limits));
    out.setIfNotEmpty(QStringLiteral("requests"), std::move(requests));
    return out;
}

// Liveness and readiness from the health check: HTTP GET on the path, or the command through sh
// (what Docker's CMD-SHELL does). The port is the check's own or the first exposed one, never a guess.
Result<std::pair<Value, Value>> probes(const Application &app)
{
    const HealthCheck &h = app.health;
    if (!h.enabled())
        return std::pair<Value, Value>{};
    Value action = Value::map();
    QString actionKey;
    if (!h.path.isEmpty()) {
        const int port = h.port > 0 ? h.port : (app.ports.isEmpty() ? 0 : app.ports.first());
        if (port <= 0)
            return Error::invalid(QStringLiteral("health-port"),
                                  QStringLiteral("an HTTP health check needs a port: set --health-port or expose a port"));
        actionKey = QStringLiteral("httpGet");
        action.set(QStringLiteral("path"), Value(h.path));
        action.set(QStringLiteral("port"), Value(port));
    } else {
        actionKey = QStringLiteral("exec");
        action.set(QStringLiteral("command"), Value::list()
                                                  .append(Value(QStringLiteral("/bin/sh")))
                                                  .append(Value(QStringLiteral("-c")))
                                                  .append(Value(h.command)));
    }
    Value readiness = Value::map();
    readiness.set(actionKey, action);
    readiness.set(QStringLiteral("periodSeconds"), Value(h.intervalSeconds));
    readiness.set(QStringLiteral("timeoutSeconds"), Value(h.timeoutSeconds));
    readiness.set(QStringLiteral("failureThreshold"), Value(h.retries));
    Value liveness = Value::map();
    liveness.set(actionKey, action);
    // Docker's start period: failures before it ends do not count; for liveness that is a delay.
    liveness.set(QStringLiteral("initialDelaySeconds"), Value(h.startPeriodSeconds));
    liveness.set(QStringLiteral("periodSeconds"), Value(h.intervalSeconds));
    liveness.set(QStringLiteral("timeoutSeconds"), Value(h.timeoutSeconds));
    liveness.set(QStringLiteral("failureThreshold"), Value(h.retries));
    return std::pair<Value, Value>{liveness, readiness};
}

Status checkInputs(const Application &app, const ServerSettings &settings, const ManifestOptions &options)
{
    if (auto s = validate::application(app); !s)
        return s;
    if (app.uuid.isEmpty())
        return Error::invalid(QStringLiteral("uuid"), QStringLiteral("the application has no uuid yet (save it first)"));
    if (auto s = validate::labelValue(QStringLiteral("uuid"), app.uuid); !s)
        return s;
    if (auto s = validate::kubernetesName(QStringLiteral("kubernetes-namespace"), settings.kubernetesNamespace); !s)
        return s;
    if (!settings.ingressClass.isEmpty())
        if (auto s = validate::kubernetesSubdomain(QStringLiteral("ingress-class"), settings.ingressClass); !s)
            return s;
    if (!settings.certIssuer.isEmpty())
        if (auto s = validate::kubernetesSubdomain(QStringLiteral("cert-issuer"), settings.certIssuer); !s)
            return s;
    for (const QString &key : reservedLabelKeys())
        if (app.podLabels.contains(key))
            return Error::invalid(QStringLiteral("pod-labels"),
                                  QStringLiteral("'%1' is set by Fleetdeck (it selects the application's pods); "
                                                 "use another key").arg(key));
    if (options.replicas)
        if (auto s = validate::replicas(QStringLiteral("kubernetes-replicas"), *options.replicas); !s)
            return s;
    if (options.namespaceSettings) {
        const QList<Error> problems = validate::namespaceProblems(*options.namespaceSettings);
        if (!problems.isEmpty())
            return problems.first();
    }
    return {};
}

Manifest namespaceManifest(const QString &ns)
{
    return manifest(QStringLiteral("v1"), QStringLiteral("Namespace"), ns, QString(),
                    object(QStringLiteral("v1"), QStringLiteral("Namespace"),
                           metadata(ns, QString(), {{managedByLabel(), managedByValue()}})));
}

Manifest quotaManifest(const QString &ns, const QJsonObject &hard)
{
    Value body = object(QStringLiteral("v1"), QStringLiteral("ResourceQuota"),
                        metadata(quotaName(), ns, {{managedByLabel(), managedByValue()}}));
    body.set(QStringLiteral("spec"), Value::map().set(QStringLiteral("hard"), Value::fromJson(hard)));
    return manifest(QStringLiteral("v1"), QStringLiteral("ResourceQuota"), quotaName(), ns, std::move(body));
}

Manifest limitRangeManifest(const QString &ns, const QJsonObject &limits)
{
    Value item = Value::map().set(QStringLiteral("type"), Value(QStringLiteral("Container")));
    // A fixed key order (the namespace editor's JSON object comes sorted anyway).
    for (const QString &key : {QStringLiteral("default"), QStringLiteral("defaultRequest"), QStringLiteral("max"),
                               QStringLiteral("min")})
        if (limits.contains(key))
            item.set(key, Value::fromJson(limits.value(key)));
    Value body = object(QStringLiteral("v1"), QStringLiteral("LimitRange"),
                        metadata(limitRangeName(), ns, {{managedByLabel(), managedByValue()}}));
    body.set(QStringLiteral("spec"), Value::map().set(QStringLiteral("limits"), Value::list().append(std::move(item))));
    return manifest(QStringLiteral("v1"), QStringLiteral("LimitRange"), limitRangeName(), ns, std::move(body));
}

Manifest secretManifest(const Application &app, const QString &ns)
{
    Value data = Value::map();
    Value masked = Value::map();
    for (const EnvVar &e : app.env) {
        if (!e.secret)
            continue;
        data.set(e.key, Value(QString::fromLatin1(e.value.toUtf8().toBase64())));
        masked.set(e.key, Value(kMasked));
    }
    Value body = object(QStringLiteral("v1"), QStringLiteral("Secret"), metadata(secretName(app), ns, identityLabels(app)));
    body.set(QStringLiteral("type"), Value(QStringLiteral("Opaque")));
    Value maskedBody = body;
    body.set(QStringLiteral("data"), std::move(data));
    maskedBody.set(QStringLiteral("data"), std::move(masked));
    Manifest m = manifest(QStringLiteral("v1"), QStringLiteral("Secret"), secretName(app), ns, std::move(body));
    m.maskedBody = std::move(maskedBody);
    m.holdsSecrets = true;
    return m;
}

Result<Manifest> deploymentManifest(const Application &app, const QString &ns, const ManifestOptions &options)
{
    Value container = Value::map();
    container.set(QStringLiteral("name"), Value(containerName(app)));
    container.set(QStringLiteral("image"), Value(app.image));
    Value ports = Value::list();
    for (int port : app.ports)
        ports.append(Value::map()
                         .set(QStringLiteral("name"), Value(portName(port)))
                         .set(QStringLiteral("containerPort"), Value(port))
                         .set(QStringLiteral("protocol"), Value(QStringLiteral("TCP"))));
    container.setIfNotEmpty(QStringLiteral("ports"), std::move(ports));
    Value env = Value::list();
    for (const EnvVar &e : app.env) {
        Value item = Value::map().set(QStringLiteral("name"), Value(e.key));
        if (e.secret) {
            item.set(QStringLiteral("valueFrom"),
                     Value::map().set(QStringLiteral("secretKeyRef"), Value::map()
                                                                          .set(QStringLiteral("name"), Value(secretName(app)))
                                                                          .set(QStringLiteral("key"), Value(e.key))));
        } else {
            item.set(QStringLiteral("value"), Value(e.value));
        }
        env.append(std::move(item));
    }
    container.setIfNotEmpty(QStringLiteral("env"), std::move(env));
    auto res = resources(app);
    if (!res)
        return res.error();
    container.setIfNotEmpty(QStringLiteral("resources"), std::move(*res));
    auto probe = probes(app);
    if (!probe)
        return probe.error();
    container.setIfNotEmpty(QStringLiteral("livenessProbe"), probe->first);
    container.setIfNotEmpty(QStringLiteral("readinessProbe"), probe->second);

    Value podSpec = Value::map();
    podSpec.set(QStringLiteral("containers"), Value::list().append(std::move(container)));
    podSpec.setIfNotEmpty(QStringLiteral("nodeSelector"), Value::fromJson(app.nodeSelector));
    podSpec.setIfNotEmpty(QStringLiteral("tolerations"), Value::fromJson(app.tolerations));
    podSpec.setIfNotEmpty(QStringLiteral("affinity"), Value::fromJson(app.affinity));

    LabelList podLabels = identityLabels(app);
    for (auto it = app.podLabels.begin(); it != app.podLabels.end(); ++it)
        podLabels.append({it.key(), it.value().toString()});
    Value templateMeta = Value::map().set(QStringLiteral("labels"), labelMap(podLabels));
    if (options.deploymentId > 0)
        templateMeta.set(QStringLiteral("annotations"),
                         Value::map().set(deploymentAnnotation(), Value(QString::number(options.deploymentId))));

    Value spec = Value::map();
    spec.set(QStringLiteral("replicas"), Value(options.replicas.value_or(app.kubernetesReplicas)));
    spec.set(QStringLiteral("selector"), Value::map().set(QStringLiteral("matchLabels"), selectorLabels(app)));
    spec.set(QStringLiteral("template"), Value::map()
                                             .set(QStringLiteral("metadata"), std::move(templateMeta))
                                             .set(QStringLiteral("spec"), std::move(podSpec)));

    Value meta = metadata(deploymentName(app), ns, identityLabels(app));
    meta.set(QStringLiteral("annotations"),
             Value::map().set(replicasAnnotation(), Value(QString::number(app.kubernetesReplicas))));
    Value body = object(QStringLiteral("apps/v1"), QStringLiteral("Deployment"), std::move(meta));
    body.set(QStringLiteral("spec"), std::move(spec));
    return manifest(QStringLiteral("apps/v1"), QStringLiteral("Deployment"), deploymentName(app), ns, std::move(body));
}

Manifest serviceManifest(const Application &app, const QString &ns)
{
    Value meta = metadata(serviceName(app), ns, identityLabels(app));
    meta.setIfNotEmpty(QStringLiteral("annotations"), Value::fromJson(app.serviceAnnotations));
    Value ports = Value::list();
    for (int port : app.ports)
        ports.append(Value::map()
                         .set(QStringLiteral("name"), Value(portName(port)))
                         .set(QStringLiteral("port"), Value(port))
                         .set(QStringLiteral("targetPort"), Value(port))
                         .set(QStringLiteral("protocol"), Value(QStringLiteral("TCP"))));
    Value spec = Value::map();
    spec.set(QStringLiteral("type"), Value(serviceTypeName(app.serviceType)));
    spec.set(QStringLiteral("selector"), selectorLabels(app));
    spec.set(QStringLiteral("ports"), std::move(ports));
    Value body = object(QStringLiteral("v1"), QStringLiteral("Service"), std::move(meta));
    body.set(QStringLiteral("spec"), std::move(spec));
    return manifest(QStringLiteral("v1"), QStringLiteral("Service"), serviceName(app), ns, std::move(body));
}

Manifest ingressManifest(const Application &app, const ServerSettings &settings, const QString &ns)
{
    Value meta = metadata(ingressName(app), ns, identityLabels(app));
    if (!settings.certIssuer.isEmpty())
        meta.set(QStringLiteral("annotations"),
                 Value::map().set(QStringLiteral("cert-manager.io/cluster-issuer"), Value(settings.certIssuer)));
    Value spec = Value::map();
    if (!settings.ingressClass.isEmpty())
        spec.set(QStringLiteral("ingressClassName"), Value(settings.ingressClass));
    if (!settings.certIssuer.isEmpty()) {
        Value hosts = Value::list();
        for (const QString &d : app.domains)
            hosts.append(Value(d));
        spec.set(QStringLiteral("tls"), Value::list().append(Value::map()
                                                                 .set(QStringLiteral("hosts"), std::move(hosts))
                                                                 .set(QStringLiteral("secretName"), Value(tlsSecretName(app)))));
    }
    // Every domain routes to the application's first (main) port: the same rule as the Docker proxy.
    const Value backend = Value::map().set(
        QStringLiteral("service"), Value::map()
                                       .set(QStringLiteral("name"), Value(serviceName(app)))
                                       .set(QStringLiteral("port"), Value::map().set(QStringLiteral("number"), Value(app.ports.first()))));
    Value rules = Value::list();
    for (const QString &d : app.domains) {
        Value path = Value::map()
                         .set(QStringLiteral("path"), Value(QStringLiteral("/")))
                         .set(QStringLiteral("pathType"), Value(QStringLiteral("Prefix")))
                         .set(QStringLiteral("backend"), backend);
        rules.append(Value::map()
                         .set(QStringLiteral("host"), Value(d))
                         .set(QStringLiteral("http"), Value::map().set(QStringLiteral("paths"), Value::list().append(std::move(path)))));
    }
    spec.set(QStringLiteral("rules"), std::move(rules));
    Value body = object(QStringLiteral("networking.k8s.io/v1"), QStringLiteral("Ingress"), std::move(meta));
    body.set(QStringLiteral("spec"), std::move(spec));
    return manifest(QStringLiteral("networking.k8s.io/v1"), QStringLiteral("Ingress"), ingressName(app), ns, std::move(body));
}

} // namespace

const Manifest *ManifestSet::find(const QString &kind) const
{
    for (const Manifest &m : items)
        if (m.kind == kind)
            return &m;
    return nullptr;
}

bool ManifestSet::holdsSecrets() const
{
    for (const Manifest &m : items)
        if (m.holdsSecrets)
            return true;
    return false;
}

QStringList ManifestSet::documents(bool masked) const
{
    QStringList out;
    for (const Manifest &m : items)
        out.append(QString::fromUtf8(toYaml(masked ? m.maskedBody : m.body)));
    return out;
}

QByteArray ManifestSet::yaml(bool masked) const
{
    QList<Value> docs;
    for (const Manifest &m : items)
        docs.append(masked ? m.maskedBody : m.body);
    return toYamlDocuments(docs);
}

Result<ManifestSet> buildManifests(const Application &app, const ServerSettings &settings, const ManifestOptions &options)
{
    if (auto s = checkInputs(app, settings, options); !s)
        return s.error();
    const QString ns = settings.kubernetesNamespace;
    ManifestSet set;
    if (options.includeNamespace)
        set.items.append(namespaceManifest(ns));
    if (options.namespaceSettings) {
        if (!options.namespaceSettings->resourceQuota.isEmpty())
            set.items.append(quotaManifest(ns, options.namespaceSettings->resourceQuota));
        if (!options.namespaceSettings->limitRange.isEmpty())
            set.items.append(limitRangeManifest(ns, options.namespaceSettings->limitRange));
    }
    bool anySecret = false;
    for (const EnvVar &e : app.env)
        anySecret = anySecret || e.secret;
    if (anySecret)
        set.items.append(secretManifest(app, ns));
    auto deployment = deploymentManifest(app, ns, options);
    if (!deployment)
        return deployment.error();
    set.items.append(std::move(*deployment));
    if (!app.ports.isEmpty())
        set.items.append(serviceManifest(app, ns));
    else
        set.notes.append(QStringLiteral("the application exposes no port: no Service is created"));
    if (!app.domains.isEmpty()) {
        if (!settings.useIngress)
            set.notes.append(QStringLiteral("the server does not use an Ingress: the domains %1 are not routed")
                                 .arg(app.domains.join(QStringLiteral(", "))));
        else if (!app.ports.isEmpty()) {
            set.items.append(ingressManifest(app, settings, ns));
            if (settings.certIssuer.isEmpty())
                set.notes.append(QStringLiteral("no certificate issuer is set on the server: the Ingress serves "
                                                "HTTP only (set a cert-manager ClusterIssuer for TLS)"));
        }
    }
    if (app.restartPolicy == QLatin1String("no") || app.restartPolicy == QLatin1String("on-failure"))
        set.notes.append(QStringLiteral("restart policy '%1' does not apply: a Deployment always restarts its containers")
                             .arg(app.restartPolicy));
    if (!app.network.isEmpty())
        set.notes.append(QStringLiteral("Docker network '%1' does not apply on Kubernetes").arg(app.network));
    if (!app.swarmConstraints.isEmpty())
        set.notes.append(QStringLiteral("Swarm placement constraints do not apply on Kubernetes: use the node "
                                        "selector, tolerations or affinity"));
    if (!app.cpuLimit.isEmpty() && app.cpuReservation.isEmpty())
        set.notes.append(QStringLiteral("no CPU reservation: Kubernetes requests the CPU limit"));
    if (!app.memoryLimit.isEmpty() && app.memoryReservation.isEmpty())
        set.notes.append(QStringLiteral("no memory reservation: Kubernetes requests the memory limit"));
    return set;
}

QStringList applicationResourceKinds()
{
    return {QStringLiteral("deployments.apps"), QStringLiteral("services"), QStringLiteral("ingresses.networking.k8s.io"),
            QStringLiteral("secrets")};
}

} // namespace fleetdeck::manifests
