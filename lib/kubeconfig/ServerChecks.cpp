// ServerChecks: Detect / Test connection — commands, parsers and the judgements made on their output.
#include "kubeconfig/ServerChecks.h"

#include "orchestrators/kubernetes/KubectlInvocation.h"

#include "remote/HostFactsParser.h"
#include "remote/ServerProbe.h"
#include "remote/ShellQuote.h"
#include "remote/Transport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>

namespace fleetdeck::checks {

namespace {

constexpr int kCommandTimeoutMs = 30000;
const QString kRequestTimeout = QStringLiteral("--request-timeout=10s");

bool toolMissing(const CommandResult &r)
{
    return r.exitCode == 127 || r.exitCode == 126;
}

// kubectl's stderr without its klog noise ("E1126 20:21:56.05 ... memcache.go:265] ...").
QString meaningfulStderr(const QByteArray &stderrData)
{
    static const QRegularExpression klog(QStringLiteral(R"(^[EWI]\d{4} \d\d:\d\d:\d\d)"));
    const QStringList lines = QString::fromUtf8(stderrData).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QString last;
    for (const QString &line : lines)
        if (!klog.match(line).hasMatch())
            last = line.trimmed();
    if (last.isEmpty() && !lines.isEmpty())
        last = lines.last().trimmed();
    return last.startsWith(QLatin1String("error: ")) ? last.mid(7) : last;
}

bool forbidden(const CommandResult &r)
{
    return QString::fromUtf8(r.stderrData).contains(QLatin1String("forbidden"), Qt::CaseInsensitive);
}

bool notFound(const CommandResult &r)
{
    const QString err = QString::fromUtf8(r.stderrData);
    return err.contains(QLatin1String("NotFound")) || err.contains(QLatin1String("not found"));
}

QString versionMajorMinor(const QString &v)
{
    static const QRegularExpression re(QStringLiteral(R"(^v?(\d+)\.(\d+))"));
    const auto m = re.match(v.trimmed());
    return m.hasMatch() ? m.captured(1) + QLatin1Char('.') + m.captured(2) : QString();
}

CheckItem ok(const QString &title, const QString &detail)
{
    return CheckItem{CheckItem::Level::Ok, title, detail};
}
CheckItem warn(const QString &title, const QString &detail)
{
    return CheckItem{CheckItem::Level::Warning, title, detail};
}
CheckItem fail(const QString &title, const QString &detail)
{
    return CheckItem{CheckItem::Level::Failed, title, detail};
}

class Kubectl
{
public:
    Kubectl(Transport &transport, const ServerSettings &settings, const CancelToken &cancel)
        : m_transport(transport), m_settings(settings), m_cancel(cancel) {}

    Result<CommandResult> run(const QStringList &args, const QString &purpose)
    {
        return m_transport.execute(kubectlCommand(args, m_settings.kubeconfig, m_settings.kubeContext, kCommandTimeoutMs, purpose),
                                   m_cancel);
    }

private:
    Transport &m_transport;
    const ServerSettings &m_settings;
    CancelToken m_cancel;
};

QString permissionText(const Permission &p, const QString &ns)
{
    return p.clusterScoped ? QStringLiteral("%1 %2").arg(p.verb, p.resource)
                           : QStringLiteral("%1 %2 in namespace %3").arg(p.verb, p.resource, ns);
}

} // namespace

RemoteCommand kubectlCommand(const QStringList &kubectlArgs, const QString &kubeconfig, const QString &context,
                             int timeoutMs, const QString &purpose)
{
    kubernetes::KubectlTarget t;
    t.kubeconfig = kubeconfig;
    QStringList argv{QStringLiteral("kubectl")};
    if (!context.isEmpty())
        argv << QStringLiteral("--context") << context;
    RemoteCommand c = kubernetes::kubectlCommand(t, argv + kubectlArgs);
    c.timeoutMs = timeoutMs;
    c.purpose = purpose;
    return c;
}

QString displayCommand(const QStringList &argv)
{
    const auto wrapped = kubernetes::unwrapKubectl(argv);
    QStringList shown = wrapped ? wrapped->args : argv;
    static const QRegularExpression bare(QStringLiteral(R"(^[A-Za-z0-9_./:=@%+,*-]+$)"));
    for (QString &word : shown)
        if (!bare.match(word).hasMatch())
            word = shellQuote(word);
    if (wrapped)
        shown = QStringList{QStringLiteral("kubectl"), QStringLiteral("--kubeconfig=") + wrapped->kubeconfigShown} + shown;
    return shown.join(QLatin1Char(' '));
}

Result<QList<NodeState>> parseNodes(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(ErrorKind::ParseFailed, QStringLiteral("Could not understand the output of kubectl get nodes."),
                           error.errorString());
    QList<NodeState> nodes;
    for (const QJsonValue &v : doc.object().value(QLatin1String("items")).toArray()) {
        const QJsonObject node = v.toObject();
        const QJsonObject meta = node.value(QLatin1String("metadata")).toObject();
        const QJsonObject status = node.value(QLatin1String("status")).toObject();
        NodeState n;
        n.name = meta.value(QLatin1String("name")).toString();
        const QJsonObject labels = meta.value(QLatin1String("labels")).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            static const QString prefix = QStringLiteral("node-role.kubernetes.io/");
            if (it.key().startsWith(prefix) && it.key().size() > prefix.size())
                n.roles.append(it.key().mid(prefix.size()));
        }
        n.roles.sort();
        n.unschedulable = node.value(QLatin1String("spec")).toObject().value(QLatin1String("unschedulable")).toBool();
        for (const QJsonValue &a : status.value(QLatin1String("addresses")).toArray())
            n.addresses.append(a.toObject().value(QLatin1String("address")).toString());
        n.kubeletVersion = status.value(QLatin1String("nodeInfo")).toObject().value(QLatin1String("kubeletVersion")).toString();
        bool sawReady = false;
        for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
            const QJsonObject cond = c.toObject();
            const QString type = cond.value(QLatin1String("type")).toString();
            const QString value = cond.value(QLatin1String("status")).toString();
            if (type == QLatin1String("Ready")) {
                sawReady = true;
                n.ready = value == QLatin1String("True");
                if (!n.ready) {
                    n.reason = cond.value(QLatin1String("reason")).toString();
                    n.message = cond.value(QLatin1String("message")).toString();
                    if (value == QLatin1String("Unknown") && n.reason.isEmpty())
                        n.reason = QStringLiteral("NodeStatusUnknown");
                }
            } else if (value == QLatin1String("True")) {
                n.pressure.append(type);
            }
        }
        if (!sawReady)
            n.reason = QStringLiteral("no Ready condition reported");
        nodes.append(n);
    }
    return nodes;
}

QString parseServerVersion(const QByteArray &json)
{
    const Result<KubectlVersionInfo> info = parseKubectlVersion(json);
    return info ? info->serverVersion : QString();
}

Result<QList<SwarmNode>> parseSwarmNodes(const QByteArray &lines)
{
    QList<SwarmNode> nodes;
    for (const QByteArray &line : lines.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return Error::make(ErrorKind::ParseFailed, QStringLiteral("Could not understand the output of docker node ls."),
                               QString::fromUtf8(line.left(200)));
        const QJsonObject o = doc.object();
        SwarmNode n;
        n.hostname = o.value(QLatin1String("Hostname")).toString();
        n.status = o.value(QLatin1String("Status")).toString();
        n.availability = o.value(QLatin1String("Availability")).toString();
        n.managerStatus = o.value(QLatin1String("ManagerStatus")).toString();
        n.self = o.value(QLatin1String("Self")).toBool();
        nodes.append(n);
    }
    return nodes;
}

Error classifyKubectlError(const CommandResult &result, const QString &what)
{
    const QString err = QString::fromUtf8(result.stderrData);
    const QString line = meaningfulStderr(result.stderrData);
    if (toolMissing(result))
        return Error::make(ErrorKind::NotSupported, QStringLiteral("kubectl is not installed on the server."), line);
    if (err.contains(QLatin1String("Unauthorized")) || err.contains(QLatin1String("You must be logged in")))
        return Error::make(ErrorKind::AuthFailed,
                           QStringLiteral("The cluster refused the kubeconfig's credentials (Unauthorized) while %1.").arg(what), line);
    if (err.contains(QLatin1String("x509")) || err.contains(QLatin1String("certificate signed by unknown authority")))
        return Error::make(ErrorKind::RemoteFailed,
                           QStringLiteral("TLS failed while %1: the API server's certificate does not match the kubeconfig's "
                                          "certificate-authority.").arg(what),
                           line);
    static const QStringList unreachable = {
        QStringLiteral("connection refused"), QStringLiteral("was refused"),      QStringLiteral("no such host"),
        QStringLiteral("i/o timeout"),        QStringLiteral("no route to host"), QStringLiteral("Client.Timeout"),
        QStringLiteral("deadline exceeded"),  QStringLiteral("network is unreachable"),
    };
    for (const QString &needle : unreachable)
        if (err.contains(needle))
            return Error::make(ErrorKind::Unreachable, QStringLiteral("The API server did not answer while %1.").arg(what), line);
    if (forbidden(result))
        return Error::make(ErrorKind::RemoteFailed, QStringLiteral("Permission denied while %1.").arg(what), line);
    if (notFound(result))
        return Error::make(ErrorKind::NotFound, QStringLiteral("Not found while %1.").arg(what), line);
    Error e = Error::make(ErrorKind::RemoteFailed, QStringLiteral("kubectl failed while %1.").arg(what), line);
    e.exitCode = result.exitCode;
    return e;
}

bool ConnectionReport::ok() const
{
    for (const CheckItem &i : items)
        if (i.level == CheckItem::Level::Failed)
            return false;
    return true;
}

QString ConnectionReport::toText() const
{
    QStringList lines{summary};
    for (const CheckItem &i : items) {
        const char *mark = i.level == CheckItem::Level::Ok ? "ok  " : i.level == CheckItem::Level::Warning ? "warn" : "FAIL";
        lines << QStringLiteral("[%1] %2: %3").arg(QLatin1String(mark), i.title, i.detail);
    }
    return lines.join(QLatin1Char('\n'));
}

QList<Permission> requiredPermissions(const ServerSettings &settings, bool namespaceExists)
{
    QList<Permission> list = {
        {QStringLiteral("create"), QStringLiteral("deployments.apps"), false},
        {QStringLiteral("patch"), QStringLiteral("deployments.apps"), false},
        {QStringLiteral("delete"), QStringLiteral("deployments.apps"), false},
        {QStringLiteral("create"), QStringLiteral("services"), false},
        {QStringLiteral("create"), QStringLiteral("secrets"), false},
        {QStringLiteral("list"), QStringLiteral("pods"), false},
        {QStringLiteral("get"), QStringLiteral("pods/log"), false},
    };
    if (settings.useIngress)
        list.append({QStringLiteral("create"), QStringLiteral("ingresses.networking.k8s.io"), false});
    if (!namespaceExists)
        list.append({QStringLiteral("create"), QStringLiteral("namespaces"), true});
    return list;
}

Proposal propose(const HostFacts &facts, const QList<NodeState> &nodes, const QStringList &hostNames)
{
    Proposal p;
    const NodeState *own = nullptr;
    for (const NodeState &n : nodes) {
        for (const QString &name : hostNames) {
            if (!name.isEmpty() && (n.name.compare(name, Qt::CaseInsensitive) == 0 || n.addresses.contains(name)))
                own = &n;
        }
    }
    const bool cluster = !facts.kubernetesServerVersion.isEmpty();
    const bool swarm = facts.swarm == SwarmState::Manager || facts.swarm == SwarmState::Worker;
    if (cluster && (own || !swarm)) {
        p.orchestrator = Orchestrator::Kubernetes;
        p.kubernetesVersion = facts.kubernetesServerVersion;
        if (own) {
            const bool master = own->roles.contains(QLatin1String("control-plane")) || own->roles.contains(QLatin1String("master"));
            p.kubernetesMaster = master;
            p.kubernetesWorker = !master;
            p.reason = QStringLiteral("Kubernetes %1 answers and this server is its node %2 (%3)")
                           .arg(facts.kubernetesServerVersion, own->name, master ? QStringLiteral("control plane") : QStringLiteral("worker"));
        } else {
            p.reason = QStringLiteral("Kubernetes %1 answers through kubectl on this server").arg(facts.kubernetesServerVersion);
        }
        return p;
    }
    if (swarm) {
        p.orchestrator = Orchestrator::Swarm;
        p.swarmManager = facts.swarm == SwarmState::Manager;
        p.swarmWorker = facts.swarm == SwarmState::Worker;
        p.reason = p.swarmManager ? QStringLiteral("this Docker engine is a swarm manager")
                                  : QStringLiteral("this Docker engine is a swarm worker (deploy through a manager)");
        return p;
    }
    p.orchestrator = Orchestrator::None;
    if (!facts.dockerEngineVersion.isEmpty())
        p.reason = QStringLiteral("Docker %1 runs here, without swarm or Kubernetes").arg(facts.dockerEngineVersion);
    else if (facts.dockerPresent)
        p.reason = QStringLiteral("the Docker client is installed but its engine does not answer (%1)").arg(facts.dockerError);
    else
        p.reason = QStringLiteral("no Docker engine and no Kubernetes cluster found: install Docker first");
    return p;
}

Result<Detection> detect(Transport &transport, const Server &server, const CancelToken &cancel)
{
    Result<HostFacts> facts = probeServer(transport, cancel);
    if (!facts)
        return facts.error();
    Detection d;
    d.facts = *facts;
    Kubectl kubectl(transport, server.settings, cancel);
    const QString purpose = QStringLiteral("detect");
    if (!server.settings.kubeconfig.isEmpty()) {
        // The stored kubeconfig, not the server's own ~/.kube/config, is what deployments will use.
        Result<CommandResult> version = kubectl.run({QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("json"), kRequestTimeout}, purpose);
        if (!version)
            return version.error();
        d.facts.kubectlPresent = !toolMissing(*version);
        d.facts.kubernetesServerVersion = parseServerVersion(version->stdoutData);
        if (d.facts.kubernetesServerVersion.isEmpty())
            d.clusterError = classifyKubectlError(*version, QStringLiteral("asking the cluster for its version")).toString();
    }
    if (!d.facts.kubernetesServerVersion.isEmpty()) {
        Result<CommandResult> nodes = kubectl.run({QStringLiteral("get"), QStringLiteral("nodes"), QStringLiteral("-o"), QStringLiteral("json"), kRequestTimeout}, purpose);
        if (!nodes)
            return nodes.error();
        if (nodes->succeeded())
            if (Result<QList<NodeState>> parsed = parseNodes(nodes->stdoutData))
                d.nodes = *parsed;
    }
    QStringList names{server.host};
    if (server.isLocal)
        names << QSysInfo::machineHostName() << QStringLiteral("127.0.0.1") << QStringLiteral("localhost");
    RemoteCommand hostname;
    hostname.argv = QStringList{QStringLiteral("hostname")};
    hostname.timeoutMs = 10000;
    hostname.purpose = purpose;
    if (Result<CommandResult> h = transport.execute(hostname, cancel); h && h->succeeded())
        names << QString::fromUtf8(h->stdoutData).trimmed();
    d.proposal = propose(d.facts, d.nodes, names);
    return d;
}

Result<ConnectionReport> testCluster(Transport &transport, const ServerSettings &settings, const CancelToken &cancel)
{
    ConnectionReport report;
    Kubectl kubectl(transport, settings, cancel);
    const QString purpose = QStringLiteral("test connection");
    const QString ns = settings.kubernetesNamespace.isEmpty() ? QStringLiteral("default") : settings.kubernetesNamespace;

    // 1. The API server: reachable, TLS, credentials.
    Result<CommandResult> version = kubectl.run({QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("json"), kRequestTimeout}, purpose);
    if (!version)
        return version.error();
    report.version = parseServerVersion(version->stdoutData);
    if (report.version.isEmpty()) {
        const Error e = classifyKubectlError(*version, QStringLiteral("asking the API server for its version"));
        report.items.append(fail(QStringLiteral("API server"), e.toString()));
        report.summary = QStringLiteral("Kubernetes: the cluster cannot be reached (%1)").arg(e.message);
        return report;
    }
    report.items.append(ok(QStringLiteral("API server"), QStringLiteral("Kubernetes %1 answered").arg(report.version)));
    if (!settings.kubernetesVersion.isEmpty() && versionMajorMinor(settings.kubernetesVersion) != versionMajorMinor(report.version))
        report.items.append(warn(QStringLiteral("Version"), QStringLiteral("the settings say %1, the cluster runs %2")
                                                                 .arg(settings.kubernetesVersion, report.version)));

    // 2. Nodes: which one is not Ready, and why.
    int readyNodes = 0;
    Result<CommandResult> nodes = kubectl.run({QStringLiteral("get"), QStringLiteral("nodes"), QStringLiteral("-o"), QStringLiteral("json"), kRequestTimeout}, purpose);
    if (!nodes)
        return nodes.error();
    if (nodes->succeeded()) {
        Result<QList<NodeState>> parsed = parseNodes(nodes->stdoutData);
        if (!parsed) {
            report.items.append(warn(QStringLiteral("Nodes"), parsed.error().toString()));
        } else {
            report.nodes = *parsed;
            for (const NodeState &n : report.nodes) {
                const QString title = QStringLiteral("Node %1").arg(n.name);
                if (!n.ready) {
                    report.items.append(fail(title, QStringLiteral("NotReady: %1%2").arg(n.reason.isEmpty() ? QStringLiteral("not ready") : n.reason,
                                                                                       n.message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(n.message))));
                    continue;
                }
                ++readyNodes;
                if (!n.pressure.isEmpty())
                    report.items.append(warn(title, QStringLiteral("Ready, but reports %1").arg(n.pressure.join(QStringLiteral(", ")))));
                if (n.unschedulable)
                    report.items.append(warn(title, QStringLiteral("Ready, but cordoned: nothing new is scheduled on it")));
            }
            if (report.nodes.isEmpty())
                report.items.append(fail(QStringLiteral("Nodes"), QStringLiteral("the cluster has no node: nothing can run")));
            else if (readyNodes > 0)
                report.items.append(ok(QStringLiteral("Nodes"), QStringLiteral("%1 of %2 Ready").arg(readyNodes).arg(report.nodes.size())));
        }
    } else if (forbidden(*nodes)) {
        report.items.append(warn(QStringLiteral("Nodes"), QStringLiteral("not allowed to list nodes (normal for a namespace-scoped user)")));
    } else {
        report.items.append(warn(QStringLiteral("Nodes"), classifyKubectlError(*nodes, QStringLiteral("listing nodes")).toString()));
    }

    // 3. The namespace (and the list of namespaces for the pickers).
    bool namespaceExists = true;
    Result<CommandResult> list = kubectl.run({QStringLiteral("get"), QStringLiteral("namespaces"), QStringLiteral("-o"),
                                              QStringLiteral("jsonpath={range .items[*]}{.metadata.name}{\"\\n\"}{end}"), kRequestTimeout},
                                             purpose);
    if (!list)
        return list.error();
    if (list->succeeded()) {
        report.namespaces = QString::fromUtf8(list->stdoutData).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        namespaceExists = report.namespaces.contains(ns);
    } else {
        Result<CommandResult> one = kubectl.run({QStringLiteral("get"), QStringLiteral("namespace"), ns, QStringLiteral("-o"), QStringLiteral("name"), kRequestTimeout}, purpose);
        if (!one)
            return one.error();
        namespaceExists = one->succeeded() || !notFound(*one);
    }
    if (namespaceExists)
        report.items.append(ok(QStringLiteral("Namespace %1").arg(ns), QStringLiteral("exists")));
    else
        report.items.append(warn(QStringLiteral("Namespace %1").arg(ns), QStringLiteral("does not exist yet: it is created on the first deployment")));

    // 4. Permissions: each one the deployments need, by name.
    int granted = 0;
    const QList<Permission> permissions = requiredPermissions(settings, namespaceExists);
    for (const Permission &p : permissions) {
        QStringList args{QStringLiteral("auth"), QStringLiteral("can-i"), p.verb};
        const qsizetype slash = p.resource.indexOf(QLatin1Char('/'));
        if (slash > 0)
            args << p.resource.left(slash) << QStringLiteral("--subresource=") + p.resource.mid(slash + 1);
        else
            args << p.resource;
        if (!p.clusterScoped)
            args << QStringLiteral("-n") << ns;
        args << kRequestTimeout;
        Result<CommandResult> r = kubectl.run(args, purpose);
        if (!r)
            return r.error();
        const QString answer = QString::fromUtf8(r->stdoutData).trimmed();
        if (answer.startsWith(QLatin1String("yes")))
            ++granted;
        else if (answer.startsWith(QLatin1String("no")))
            report.items.append(fail(QStringLiteral("Permission"), QStringLiteral("missing: %1").arg(permissionText(p, ns))));
        else
            report.items.append(warn(QStringLiteral("Permission"), QStringLiteral("could not check %1: %2")
                                                                       .arg(permissionText(p, ns), meaningfulStderr(r->stderrData))));
    }
    if (granted == permissions.size())
        report.items.append(ok(QStringLiteral("Permissions"), QStringLiteral("all %1 needed to deploy are granted").arg(granted)));

    // 5. What the settings name must exist in the cluster.
    auto exists = [&](const QStringList &args, const QString &title, const QString &missing) -> Status {
        Result<CommandResult> r = kubectl.run(args + QStringList{QStringLiteral("-o"), QStringLiteral("name"), kRequestTimeout}, purpose);
        if (!r)
            return r.error();
        if (r->succeeded())
            report.items.append(ok(title, QStringLiteral("exists")));
        else if (forbidden(*r))
            report.items.append(warn(title, QStringLiteral("not allowed to look it up")));
        else
            report.items.append(warn(title, missing + QStringLiteral(" (") + meaningfulStderr(r->stderrData) + QLatin1Char(')')));
        return {};
    };
    if (settings.useIngress && !settings.ingressClass.isEmpty())
        if (Status s = exists({QStringLiteral("get"), QStringLiteral("ingressclass"), settings.ingressClass},
                              QStringLiteral("Ingress class %1").arg(settings.ingressClass),
                              QStringLiteral("not installed: ingresses will not be served")); !s)
            return s.error();
    if (!settings.storageClass.isEmpty())
        if (Status s = exists({QStringLiteral("get"), QStringLiteral("storageclass"), settings.storageClass},
                              QStringLiteral("Storage class %1").arg(settings.storageClass),
                              QStringLiteral("not found: volumes cannot be provisioned")); !s)
            return s.error();
    if (!settings.certIssuer.isEmpty())
        if (Status s = exists({QStringLiteral("get"), QStringLiteral("clusterissuers.cert-manager.io"), settings.certIssuer},
                              QStringLiteral("Certificate issuer %1").arg(settings.certIssuer),
                              QStringLiteral("not found: is cert-manager installed?")); !s)
            return s.error();

    int problems = 0;
    for (const CheckItem &i : report.items)
        problems += i.level == CheckItem::Level::Failed ? 1 : 0;
    report.summary = QStringLiteral("Kubernetes %1: %2 of %3 nodes Ready, %4 of %5 permissions%6")
                         .arg(report.version)
                         .arg(readyNodes)
                         .arg(report.nodes.size())
                         .arg(granted)
                         .arg(permissions.size())
                         .arg(problems ? QStringLiteral(" — %1 problem(s)").arg(problems) : QStringLiteral(" — ready to deploy"));
    return report;
}

Result<ConnectionReport> testConnection(Transport &transport, const Server &server, const CancelToken &cancel)
{
    const ServerSettings &settings = server.settings;
    if (settings.orchestrator == Orchestrator::Kubernetes)
        return testCluster(transport, settings, cancel);

    ConnectionReport report;
    const QString purpose = QStringLiteral("test connection");
    auto run = [&](const QStringList &argv) {
        RemoteCommand c;
        c.argv = argv;
        c.timeoutMs = kCommandTimeoutMs;
        c.purpose = purpose;
        return transport.execute(c, cancel);
    };
    Result<CommandResult> version = run({QStringLiteral("docker"), QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{json .}}")});
    if (!version)
        return version.error();
    if (toolMissing(*version)) {
        report.items.append(fail(QStringLiteral("Docker"), QStringLiteral("docker is not installed on %1").arg(transport.describe())));
        report.summary = QStringLiteral("Docker is not installed");
        return report;
    }
    const Result<DockerVersionInfo> info = parseDockerVersion(version->stdoutData);
    if (!info || info->engineVersion.isEmpty()) {
        report.items.append(fail(QStringLiteral("Docker engine"), meaningfulStderr(version->stderrData).isEmpty()
                                                                     ? QStringLiteral("the engine did not answer")
                                                                     : meaningfulStderr(version->stderrData)));
        report.summary = QStringLiteral("The Docker engine does not answer");
        return report;
    }
    report.version = info->engineVersion;
    report.items.append(ok(QStringLiteral("Docker engine"), QStringLiteral("%1 (API %2)").arg(info->engineVersion, info->engineApiVersion)));
    if (settings.orchestrator == Orchestrator::None) {
        report.summary = QStringLiteral("Docker %1 — ready to deploy").arg(info->engineVersion);
        return report;
    }

    Result<CommandResult> swarmInfo = run({QStringLiteral("docker"), QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{json .Swarm}}")});
    if (!swarmInfo)
        return swarmInfo.error();
    const Result<SwarmInfo> swarm = parseSwarmInfo(swarmInfo->stdoutData);
    if (!swarm) {
        report.items.append(fail(QStringLiteral("Swarm"), swarm.error().toString()));
        report.summary = QStringLiteral("Swarm state unknown");
        return report;
    }
    if (swarm->state != SwarmState::Manager && swarm->state != SwarmState::Worker) {
        report.items.append(fail(QStringLiteral("Swarm"), QStringLiteral("this engine is not part of a swarm (state: %1%2); run docker swarm init")
                                                              .arg(swarmStateName(swarm->state),
                                                                   swarm->error.isEmpty() ? QString() : QStringLiteral(", ") + swarm->error)));
        report.summary = QStringLiteral("Docker %1, no swarm").arg(info->engineVersion);
        return report;
    }
    const bool manager = swarm->state == SwarmState::Manager;
    if (settings.swarmManager && !manager)
        report.items.append(fail(QStringLiteral("Swarm role"), QStringLiteral("set as manager, but this node is a worker: deploy through a manager")));
    else if (settings.swarmWorker && manager)
        report.items.append(warn(QStringLiteral("Swarm role"), QStringLiteral("set as worker, but this node is a manager")));
    else
        report.items.append(ok(QStringLiteral("Swarm role"), manager ? QStringLiteral("manager") : QStringLiteral("worker")));

    int ready = 0;
    int total = 0;
    if (manager) {
        Result<CommandResult> ls = run({QStringLiteral("docker"), QStringLiteral("node"), QStringLiteral("ls"), QStringLiteral("--format"), QStringLiteral("{{json .}}")});
        if (!ls)
            return ls.error();
        if (Result<QList<SwarmNode>> nodes = parseSwarmNodes(ls->stdoutData); nodes && ls->succeeded()) {
            total = int(nodes->size());
            for (const SwarmNode &n : *nodes) {
                const QString title = QStringLiteral("Node %1").arg(n.hostname);
                if (n.status != QLatin1String("Ready")) {
                    report.items.append(fail(title, QStringLiteral("%1 (availability %2)").arg(n.status, n.availability)));
                    continue;
                }
                ++ready;
                if (n.managerStatus == QLatin1String("Unreachable"))
                    report.items.append(fail(title, QStringLiteral("manager unreachable: the swarm may lose its quorum")));
                else if (n.availability != QLatin1String("Active"))
                    report.items.append(warn(title, QStringLiteral("Ready but %1: no new tasks go there").arg(n.availability)));
            }
            report.items.append(ok(QStringLiteral("Nodes"), QStringLiteral("%1 of %2 Ready").arg(ready).arg(total)));
        } else {
            report.items.append(warn(QStringLiteral("Nodes"), meaningfulStderr(ls->stderrData)));
        }
    }
    report.summary = manager ? QStringLiteral("Docker %1, swarm manager: %2 of %3 nodes Ready").arg(info->engineVersion).arg(ready).arg(total)
                             : QStringLiteral("Docker %1, swarm worker").arg(info->engineVersion);
    if (!report.ok())
        report.summary += QStringLiteral(" — problems below");
    return report;
}

} // namespace fleetdeck::checks
