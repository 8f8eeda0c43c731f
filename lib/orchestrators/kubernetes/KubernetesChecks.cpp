// KubernetesChecks: what the console asks a cluster on Detect and Test connection, and its judgements.
#include "orchestrators/kubernetes/KubernetesChecks.h"

#include "orchestrators/CheckSupport.h"
#include "orchestrators/kubernetes/KubectlErrors.h"
#include "orchestrators/kubernetes/KubectlInvocation.h"
#include "orchestrators/kubernetes/KubectlParsers.h"
#include "remote/Transport.h"

#include <QRegularExpression>

namespace fleetdeck::checks {

namespace {

const QString kRequestTimeout = QStringLiteral("--request-timeout=10s");

QString versionMajorMinor(const QString &v)
{
    static const QRegularExpression re(QStringLiteral(R"(^v?(\d+)\.(\d+))"));
    const auto m = re.match(v.trimmed());
    return m.hasMatch() ? m.captured(1) + QLatin1Char('.') + m.captured(2) : QString();
}

class Kubectl
{
public:
    Kubectl(Transport &transport, const ServerSettings &settings, const CancelToken &cancel)
        : m_transport(transport), m_settings(settings), m_cancel(cancel) {}

    Result<CommandResult> run(const QStringList &args, const QString &purpose)
    {
        return m_transport.execute(kubectlCommand(args, m_settings.kubeconfig, m_settings.kubeContext, kCheckCommandTimeoutMs, purpose),
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

Status probeCluster(Transport &transport, const Server &server, Detection &d, const CancelToken &cancel)
{
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
    return {};
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
    } else if (kubectlForbidden(*nodes)) {
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
        namespaceExists = one->succeeded() || !kubectlNotFound(*one);
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
        else if (kubectlForbidden(*r))
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

} // namespace fleetdeck::checks
