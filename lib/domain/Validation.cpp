#include "domain/Validation.h"

#include "core/Translate.h"
#include "domain/Quantity.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

namespace fleetdeck::validate {

namespace {

bool matches(const QString &pattern, const QString &text)
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    return re.match(text).hasMatch();
}

const QString kLabelPattern = QStringLiteral("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

Result<QJsonDocument> parseJson(const QString &field, const QString &json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError) {
        // Report line and column so editors can point at the spot.
        const QByteArray bytes = json.toUtf8().left(err.offset);
        const int line = int(bytes.count('\n')) + 1;
        const int column = int(err.offset - (bytes.lastIndexOf('\n') + 1)) + 1;
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "invalid JSON at line %1, column %2: %3")
                                         .arg(line).arg(column).arg(err.errorString()));
    }
    return doc;
}

Result<QJsonObject> parseObject(const QString &field, const QString &json)
{
    if (json.trimmed().isEmpty())
        return QJsonObject();
    auto doc = parseJson(field, json);
    if (!doc)
        return doc.error();
    if (!doc->isObject())
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "must be a JSON object like {\"key\": \"value\"}"));
    return doc->object();
}

Status stringMap(const QString &field, const QJsonObject &map, bool valuesAreLabels)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (auto s = labelKey(field, it.key()); !s)
            return s;
        if (!it.value().isString())
            return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "value of '%1' must be a string (write \"%2\")")
                                             .arg(it.key(), it.value().toVariant().toString()));
        if (valuesAreLabels)
            if (auto s = labelValue(field, it.value().toString()); !s)
                return s;
    }
    return {};
}

void collect(QList<Error> &out, const Status &s)
{
    if (!s)
        out.append(s.error());
}

} // namespace

Status kubernetesName(const QString &field, const QString &name)
{
    if (name.isEmpty())
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "is required"));
    if (name.size() > 63)
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' is longer than 63 characters").arg(name));
    if (!matches(kLabelPattern, name))
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' must be lower-case letters, digits and '-', starting and ending "
                                                                                          "with a letter or digit (RFC 1123), e.g. my-app").arg(name));
    return {};
}

Status kubernetesSubdomain(const QString &field, const QString &name)
{
    if (name.isEmpty())
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "is required"));
    if (name.size() > 253)
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "is longer than 253 characters"));
    for (const QString &part : name.split(QLatin1Char('.')))
        if (part.isEmpty() || part.size() > 63 || !matches(kLabelPattern, part))
            return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' must be dot-separated lower-case RFC 1123 labels, e.g. "
                                                                                              "example.com").arg(name));
    return {};
}

Status labelKey(const QString &field, const QString &key)
{
    const QStringList parts = key.split(QLatin1Char('/'));
    if (parts.size() > 2 || key.isEmpty())
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "key '%1' must be name or prefix/name").arg(key));
    const QString name = parts.last();
    if (parts.size() == 2)
        if (auto s = kubernetesSubdomain(field, parts.first()); !s)
            return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "prefix of key '%1' must be a DNS subdomain").arg(key));
    if (name.isEmpty() || name.size() > 63 || !matches(QStringLiteral("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?"), name))
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "key '%1' must be at most 63 letters, digits, '-', '_' or '.', "
                                                                                          "starting and ending with a letter or digit").arg(key));
    return {};
}

Status labelValue(const QString &field, const QString &value)
{
    if (value.isEmpty())
        return {};
    if (value.size() > 63 || !matches(QStringLiteral("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?"), value))
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "value '%1' must be at most 63 letters, digits, '-', '_' or '.', "
                                                                                          "starting and ending with a letter or digit").arg(value));
    return {};
}

Status replicas(const QString &field, int n)
{
    if (n < 0 || n > kMaxReplicas)
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "%1 is out of range: replicas must be between 0 and %2").arg(n).arg(kMaxReplicas));
    return {};
}

Status port(const QString &field, int p)
{
    if (p < 1 || p > 65535)
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "%1 is not a port: use 1 to 65535").arg(p));
    return {};
}

Status domain(const QString &field, const QString &d)
{
    QString name = d;
    if (name.startsWith(QLatin1String("*.")))
        name = name.mid(2);
    if (name.size() > 253 || !name.contains(QLatin1Char('.')))
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' is not a fully qualified domain like app.example.com").arg(d));
    for (const QString &part : name.split(QLatin1Char('.')))
        if (part.isEmpty() || part.size() > 63 || !matches(kLabelPattern, part))
            return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' is not a valid domain: use lower-case letters, digits, '-' "
                                                                                              "and dots, e.g. app.example.com").arg(d));
    return {};
}

Status envKey(const QString &field, const QString &key)
{
    if (!matches(QStringLiteral("[A-Za-z_][A-Za-z0-9_]*"), key))
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' is not a variable name: use letters, digits and '_', not "
                                                                                          "starting with a digit").arg(key));
    return {};
}

Status swarmConstraint(const QString &field, const QString &c)
{
    static const QRegularExpression re(QRegularExpression::anchoredPattern(QStringLiteral(
        "\\s*(node\\.id|node\\.hostname|node\\.role|node\\.platform\\.os|node\\.platform\\.arch|"
        "node\\.labels\\.[A-Za-z0-9_.-]+|engine\\.labels\\.[A-Za-z0-9_.-]+)\\s*(==|!=)\\s*([^\\s=!]+)\\s*")));
    const auto m = re.match(c);
    if (!m.hasMatch())
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' is not a placement constraint: write ATTRIBUTE == VALUE or "
                                                                                          "!=, e.g. node.role == manager, node.labels.disk == ssd, "
                                                                                          "node.hostname != web-1").arg(c));
    if (m.captured(1) == QLatin1String("node.role") && m.captured(3) != QLatin1String("manager")
        && m.captured(3) != QLatin1String("worker"))
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "node.role can only be manager or worker, not '%1'").arg(m.captured(3)));
    return {};
}

Status imageReference(const QString &field, const QString &image)
{
    if (image.isEmpty())
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "is required (e.g. nginx:1.27 or registry.local/app:1.0)"));
    if (image.size() > 255
        || !matches(QStringLiteral("[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)*"
                                   "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?"),
                    image))
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' is not an image reference: use lower-case name[:tag], e.g. "
                                                                                          "nginx:1.27").arg(image));
    return {};
}

Status serverName(const QString &field, const QString &name)
{
    if (!matches(QStringLiteral("[A-Za-z0-9][A-Za-z0-9._-]{0,62}"), name))
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' must be 1-63 letters, digits, '.', '_' or '-', starting with "
                                                                                          "a letter or digit").arg(name));
    return {};
}

Status host(const QString &field, const QString &h)
{
    if (h.isEmpty())
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "is required (a host name or IP address)"));
    QHostAddress address;
    if (address.setAddress(h))
        return {};
    if (h.size() > 253 || !matches(QStringLiteral("[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*"), h))
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' is neither a host name nor an IP address").arg(h));
    return {};
}

Status unixUser(const QString &field, const QString &user)
{
    if (!matches(QStringLiteral("[a-z_][a-z0-9_.-]{0,31}"), user))
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' is not a user name: lower-case letters, digits, '_', '.', '-'").arg(user));
    return {};
}

Status healthPath(const QString &field, const QString &path)
{
    if (path.isEmpty())
        return {};
    if (!path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char(' ')) || path.size() > 1024)
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' must be an HTTP path starting with '/', e.g. /healthz").arg(path));
    return {};
}

Status fingerprint(const QString &field, const QString &fp)
{
    if (!matches(QStringLiteral("SHA256:[A-Za-z0-9+/]{43}"), fp))
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' is not a SHA256 fingerprint like SHA256:abc...(43 characters)").arg(fp));
    return {};
}

Status nodeSelector(const QString &field, const QJsonObject &selector)
{
    return stringMap(field, selector, true);
}

Status tolerations(const QString &field, const QJsonArray &list)
{
    static const QSet<QString> keys = {QStringLiteral("key"), QStringLiteral("operator"), QStringLiteral("value"),
                                       QStringLiteral("effect"), QStringLiteral("tolerationSeconds")};
    static const QSet<QString> effects = {QString(), QStringLiteral("NoSchedule"), QStringLiteral("PreferNoSchedule"),
                                          QStringLiteral("NoExecute")};
    for (int i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (!list[i].isObject())
            return Error::invalid(where, QCoreApplication::translate("fleetdeck::validation", "each toleration must be an object like {\"key\": \"dedicated\", "
                                                                                              "\"operator\": \"Equal\", \"value\": \"gpu\", \"effect\": \"NoSchedule\"}"));
        const QJsonObject t = list[i].toObject();
        for (auto it = t.begin(); it != t.end(); ++it) {
            if (!keys.contains(it.key()))
                return Error::invalid(where, QCoreApplication::translate("fleetdeck::validation", "unknown field '%1' (allowed: key, operator, value, effect, "
                                                                                                  "tolerationSeconds)").arg(it.key()));
            if (it.key() != QLatin1String("tolerationSeconds") && !it.value().isString())
                return Error::invalid(where, QCoreApplication::translate("fleetdeck::validation", "'%1' must be a string").arg(it.key()));
        }
        const QString op = t.value(QLatin1String("operator")).toString(QStringLiteral("Equal"));
        if (op != QLatin1String("Equal") && op != QLatin1String("Exists"))
            return Error::invalid(where, QCoreApplication::translate("fleetdeck::validation", "operator must be Equal or Exists, not '%1'").arg(op));
        const QString key = t.value(QLatin1String("key")).toString();
        if (key.isEmpty() && op != QLatin1String("Exists"))
            return Error::invalid(where, QCoreApplication::translate("fleetdeck::validation", "an empty key needs operator Exists"));
        if (!key.isEmpty())
            if (auto s = labelKey(where, key); !s)
                return s;
        if (op == QLatin1String("Exists") && !t.value(QLatin1String("value")).toString().isEmpty())
            return Error::invalid(where, QCoreApplication::translate("fleetdeck::validation", "operator Exists takes no value"));
        if (op == QLatin1String("Equal"))
            if (auto s = labelValue(where, t.value(QLatin1String("value")).toString()); !s)
                return s;
        const QString effect = t.value(QLatin1String("effect")).toString();
        if (!effects.contains(effect))
            return Error::invalid(where, QCoreApplication::translate("fleetdeck::validation", "effect must be NoSchedule, PreferNoSchedule or NoExecute, not '%1'").arg(effect));
        if (t.contains(QLatin1String("tolerationSeconds"))) {
            if (!t.value(QLatin1String("tolerationSeconds")).isDouble())
                return Error::invalid(where, QCoreApplication::translate("fleetdeck::validation", "tolerationSeconds must be a number"));
            if (effect != QLatin1String("NoExecute"))
                return Error::invalid(where, QCoreApplication::translate("fleetdeck::validation", "tolerationSeconds only applies to effect NoExecute"));
        }
    }
    return {};
}

Status affinity(const QString &field, const QJsonObject &a)
{
    static const QSet<QString> keys = {QStringLiteral("nodeAffinity"), QStringLiteral("podAffinity"),
                                       QStringLiteral("podAntiAffinity")};
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (!keys.contains(it.key()))
            return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "unknown field '%1' (allowed: nodeAffinity, podAffinity, "
                                                                                              "podAntiAffinity)").arg(it.key()));
        if (!it.value().isObject())
            return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' must be an object").arg(it.key()));
    }
    return {};
}

Status annotations(const QString &field, const QJsonObject &map)
{
    return stringMap(field, map, false);
}

Result<QJsonObject> nodeSelectorJson(const QString &field, const QString &json)
{
    auto obj = parseObject(field, json);
    if (obj)
        if (auto s = nodeSelector(field, *obj); !s)
            return s.error();
    return obj;
}

Result<QJsonArray> tolerationsJson(const QString &field, const QString &json)
{
    if (json.trimmed().isEmpty())
        return QJsonArray();
    auto doc = parseJson(field, json);
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "must be a JSON array of tolerations, e.g. [{\"key\": \"dedicated\", "
                                                                                          "\"operator\": \"Equal\", \"value\": \"gpu\", \"effect\": \"NoSchedule\"}]"));
    if (auto s = tolerations(field, doc->array()); !s)
        return s.error();
    return doc->array();
}

Result<QJsonObject> affinityJson(const QString &field, const QString &json)
{
    auto obj = parseObject(field, json);
    if (obj)
        if (auto s = affinity(field, *obj); !s)
            return s.error();
    return obj;
}

Result<QJsonObject> labelsJson(const QString &field, const QString &json)
{
    return nodeSelectorJson(field, json);
}

Result<QJsonObject> annotationsJson(const QString &field, const QString &json)
{
    auto obj = parseObject(field, json);
    if (obj)
        if (auto s = annotations(field, *obj); !s)
            return s.error();
    return obj;
}

Result<QJsonObject> resourceQuotaJson(const QString &field, const QString &json)
{
    auto obj = parseObject(field, json);
    if (!obj)
        return obj;
    for (auto it = obj->begin(); it != obj->end(); ++it) {
        if (auto s = labelKey(field, it.key()); !s)
            return s.error();
        if (!it.value().isString())
            return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "quota '%1' must be a quantity string like \"2\" or \"4Gi\"").arg(it.key()));
    }
    return obj;
}

Result<QJsonObject> limitRangeJson(const QString &field, const QString &json)
{
    auto obj = parseObject(field, json);
    if (!obj)
        return obj;
    static const QSet<QString> keys = {QStringLiteral("default"), QStringLiteral("defaultRequest"),
                                       QStringLiteral("max"), QStringLiteral("min")};
    for (auto it = obj->begin(); it != obj->end(); ++it) {
        if (!keys.contains(it.key()))
            return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "unknown field '%1' (allowed: default, defaultRequest, max, min)").arg(it.key()));
        if (!it.value().isObject())
            return Error::invalid(field, QCoreApplication::translate("fleetdeck::validation", "'%1' must be an object like {\"cpu\": \"500m\"}").arg(it.key()));
    }
    return obj;
}

QList<Error> serverProblems(const Server &s)
{
    QList<Error> out;
    collect(out, serverName(QStringLiteral("name"), s.name));
    if (!s.isLocal) {
        collect(out, host(QStringLiteral("host"), s.host));
        collect(out, port(QStringLiteral("port"), s.port));
        collect(out, unixUser(QStringLiteral("user"), s.user));
        if (s.auth == AuthMethod::Key && s.identityFile.isEmpty())
            out.append(Error::invalid(QStringLiteral("identity"), QCoreApplication::translate("fleetdeck::validation", "key authentication needs a private key file")));
        if (s.auth == AuthMethod::Password && s.secret.isEmpty())
            out.append(Error::invalid(QStringLiteral("password"), QCoreApplication::translate("fleetdeck::validation", "password authentication needs a password")));
    }
    if (!s.hostKeyFingerprint.isEmpty())
        collect(out, fingerprint(QStringLiteral("fingerprint"), s.hostKeyFingerprint));
    const ServerSettings &k = s.settings;
    collect(out, kubernetesName(QStringLiteral("namespace"), k.kubernetesNamespace));
    if (!k.ingressClass.isEmpty())
        collect(out, kubernetesSubdomain(QStringLiteral("ingress-class"), k.ingressClass));
    if (!k.certIssuer.isEmpty())
        collect(out, kubernetesSubdomain(QStringLiteral("cert-issuer"), k.certIssuer));
    if (!k.storageClass.isEmpty())
        collect(out, kubernetesSubdomain(QStringLiteral("storage-class"), k.storageClass));
    if (k.swarmPublishMode != QLatin1String("ingress") && k.swarmPublishMode != QLatin1String("host"))
        out.append(Error::invalid(QStringLiteral("publish-mode"), QCoreApplication::translate("fleetdeck::validation", "must be ingress or host")));
    if (k.swarmManager && k.swarmWorker)
        out.append(Error::invalid(QStringLiteral("swarm-role"), QCoreApplication::translate("fleetdeck::validation", "a node is a swarm manager or a worker, not both")));
    return out;
}

QList<Error> applicationProblems(const Application &a)
{
    QList<Error> out;
    collect(out, kubernetesName(QStringLiteral("name"), a.name));
    if (!a.project.isEmpty())
        collect(out, kubernetesName(QStringLiteral("project"), a.project));   // also a label on what it runs, one day
    if (a.serverId <= 0)
        out.append(Error::invalid(QStringLiteral("server"), QCoreApplication::translate("fleetdeck::validation", "is required")));
    collect(out, imageReference(QStringLiteral("image"), a.image));
    QSet<int> seenPorts;
    for (int p : a.ports) {
        collect(out, port(QStringLiteral("port"), p));
        if (seenPorts.contains(p))
            out.append(Error::invalid(QStringLiteral("port"), QCoreApplication::translate("fleetdeck::validation", "%1 is listed twice").arg(p)));
        seenPorts.insert(p);
    }
    for (const QString &d : a.domains)
        collect(out, domain(QStringLiteral("domain"), d));
    if (!a.domains.isEmpty() && a.ports.isEmpty())
        out.append(Error::invalid(QStringLiteral("port"), QCoreApplication::translate("fleetdeck::validation", "an application with a domain needs a port to route to")));
    QSet<QString> seenKeys;
    for (const EnvVar &e : a.env) {
        collect(out, envKey(QStringLiteral("env"), e.key));
        if (seenKeys.contains(e.key))
            out.append(Error::invalid(QStringLiteral("env"), QCoreApplication::translate("fleetdeck::validation", "'%1' is set twice").arg(e.key)));
        if (e.value.contains(QChar(0)))
            out.append(Error::invalid(QStringLiteral("env"), QCoreApplication::translate("fleetdeck::validation", "value of '%1' contains a NUL byte").arg(e.key)));
        seenKeys.insert(e.key);
    }
    collect(out, healthPath(QStringLiteral("health-path"), a.health.path));
    if (a.health.port != 0)
        collect(out, port(QStringLiteral("health-port"), a.health.port));
    if (a.health.intervalSeconds < 1 || a.health.timeoutSeconds < 1 || a.health.retries < 1)
        out.append(Error::invalid(QStringLiteral("health"), QCoreApplication::translate("fleetdeck::validation", "interval, timeout and retries must be at least 1")));
    if (!a.health.path.isEmpty() && a.ports.isEmpty() && a.health.port == 0)
        out.append(Error::invalid(QStringLiteral("health-path"), QCoreApplication::translate("fleetdeck::validation", "an HTTP health check needs a port")));
    std::optional<qint64> cpuLimit, cpuRes, memLimit, memRes;
    auto quantity = [&](const QString &text, const QString &field, bool cpu) -> std::optional<qint64> {
        if (text.isEmpty())
            return std::nullopt;
        auto r = cpu ? parseCpu(text, field) : parseMemory(text, field);
        if (!r) {
            out.append(r.error());
            return std::nullopt;
        }
        return *r;
    };
    cpuLimit = quantity(a.cpuLimit, QStringLiteral("cpu"), true);
    cpuRes = quantity(a.cpuReservation, QStringLiteral("cpu-reservation"), true);
    memLimit = quantity(a.memoryLimit, QStringLiteral("memory"), false);
    memRes = quantity(a.memoryReservation, QStringLiteral("memory-reservation"), false);
    if (cpuLimit && cpuRes && *cpuRes > *cpuLimit)
        out.append(Error::invalid(QStringLiteral("cpu-reservation"), QCoreApplication::translate("fleetdeck::validation", "is more than the CPU limit")));
    if (memLimit && memRes && *memRes > *memLimit)
        out.append(Error::invalid(QStringLiteral("memory-reservation"), QCoreApplication::translate("fleetdeck::validation", "is more than the memory limit")));
    static const QSet<QString> policies = {QStringLiteral("no"), QStringLiteral("always"), QStringLiteral("unless-stopped"),
                                           QStringLiteral("on-failure")};
    if (!policies.contains(a.restartPolicy))
        out.append(Error::invalid(QStringLiteral("restart-policy"), QCoreApplication::translate("fleetdeck::validation", "must be no, always, unless-stopped or on-failure")));
    if (!a.network.isEmpty() && !matches(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}"), a.network))
        out.append(Error::invalid(QStringLiteral("network"), QCoreApplication::translate("fleetdeck::validation", "'%1' is not a Docker network name").arg(a.network)));
    collect(out, replicas(QStringLiteral("replicas"), a.replicas));
    collect(out, replicas(QStringLiteral("swarm-replicas"), a.swarmReplicas));
    collect(out, replicas(QStringLiteral("kubernetes-replicas"), a.kubernetesReplicas));
    for (const QString &c : a.swarmConstraints)
        collect(out, swarmConstraint(QStringLiteral("constraint"), c));
    collect(out, nodeSelector(QStringLiteral("node-selector"), a.nodeSelector));
    collect(out, tolerations(QStringLiteral("tolerations"), a.tolerations));
    collect(out, affinity(QStringLiteral("affinity"), a.affinity));
    collect(out, nodeSelector(QStringLiteral("pod-labels"), a.podLabels));
    collect(out, annotations(QStringLiteral("service-annotations"), a.serviceAnnotations));
    return out;
}

QList<Error> namespaceProblems(const KubernetesNamespace &ns)
{
    QList<Error> out;
    collect(out, kubernetesName(QStringLiteral("name"), ns.name));
    const auto text = [](const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); };
    if (auto quota = resourceQuotaJson(QStringLiteral("quota"), text(ns.resourceQuota)); !quota)
        out.append(quota.error());
    if (auto limits = limitRangeJson(QStringLiteral("limit-range"), text(ns.limitRange)); !limits)
        out.append(limits.error());
    return out;
}

QList<Error> clusterProblems(const KubernetesCluster &c)
{
    QList<Error> out;
    collect(out, kubernetesName(QStringLiteral("name"), c.name));
    if (!c.apiEndpoint.isEmpty() && !c.apiEndpoint.startsWith(QLatin1String("https://"))
        && !c.apiEndpoint.startsWith(QLatin1String("http://")))
        out.append(Error::invalid(QStringLiteral("api-endpoint"), QCoreApplication::translate("fleetdeck::validation", "the API endpoint is a URL like https://10.0.0.5:6443")));
    return out;
}

Status server(const Server &s)
{
    const auto problems = serverProblems(s);
    if (problems.isEmpty())
        return {};
    return problems.first();
}

Status cluster(const KubernetesCluster &c)
{
    const auto problems = clusterProblems(c);
    if (problems.isEmpty())
        return {};
    return problems.first();
}

Status application(const Application &a)
{
    const auto problems = applicationProblems(a);
    if (problems.isEmpty())
        return {};
    return problems.first();
}

} // namespace fleetdeck::validate
