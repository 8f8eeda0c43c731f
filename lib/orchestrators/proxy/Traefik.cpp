// Traefik: labels, configuration and install commands (see Traefik.h).
#include "orchestrators/proxy/Traefik.h"

#include "core/Translate.h"

namespace fleetdeck::proxy {

namespace {

PlannedCommand cmd(const QString &step, const QString &description, QStringList argv, int timeoutMs = 0)
{
    return PlannedCommand::make(step, description, std::move(argv), timeoutMs);
}

QString routerName(const Application &app)
{
    return QStringLiteral("fd-") + app.name;
}

} // namespace

QString routerRule(const QStringList &domains)
{
    QStringList parts;
    for (const QString &d : domains) {
        if (d.startsWith(QLatin1String("*."))) {
            QString rest = d.mid(2);
            rest.replace(QLatin1Char('.'), QLatin1String("\\."));
            parts << QStringLiteral("HostRegexp(`^[^.]+\\.%1$`)").arg(rest);
        } else {
            parts << QStringLiteral("Host(`%1`)").arg(d);
        }
    }
    return parts.join(QLatin1String(" || "));
}

labels::LabelList applicationLabels(const Application &app, Orchestrator orchestrator, const ProxySettings &s)
{
    if (app.domains.isEmpty() || app.ports.isEmpty())
        return {};
    const QString router = routerName(app);
    const QString prefix = QStringLiteral("traefik.http.routers.") + router;
    const QString provider = orchestrator == Orchestrator::Swarm ? QStringLiteral("swarm") : QStringLiteral("docker");
    labels::LabelList out{
        {QStringLiteral("traefik.enable"), QStringLiteral("true")},
        {QStringLiteral("traefik.%1.network").arg(provider), s.network},
        {prefix + QStringLiteral(".rule"), routerRule(app.domains)},
        {prefix + QStringLiteral(".entrypoints"), QStringLiteral("web")},
        {prefix + QStringLiteral(".service"), router},
        {QStringLiteral("traefik.http.services.%1.loadbalancer.server.port").arg(router), QString::number(app.ports.first())},
    };
    if (!s.acmeEmail.isEmpty()) {
        const QString secure = QStringLiteral("traefik.http.routers.") + router + QStringLiteral("-secure");
        out.append({secure + QStringLiteral(".rule"), routerRule(app.domains)});
        out.append({secure + QStringLiteral(".entrypoints"), QStringLiteral("websecure")});
        out.append({secure + QStringLiteral(".service"), router});
        out.append({secure + QStringLiteral(".tls"), QStringLiteral("true")});
        out.append({secure + QStringLiteral(".tls.certresolver"), QStringLiteral("letsencrypt")});
    }
    return out;
}

QStringList traefikArguments(Orchestrator orchestrator, const ProxySettings &s)
{
    QStringList args;
    if (orchestrator == Orchestrator::Swarm) {
        args << QStringLiteral("--providers.swarm=true")
             << QStringLiteral("--providers.swarm.endpoint=unix:///var/run/docker.sock")
             << QStringLiteral("--providers.swarm.exposedbydefault=false")
             << QStringLiteral("--providers.swarm.network=") + s.network;
    } else {
        args << QStringLiteral("--providers.docker=true")
             << QStringLiteral("--providers.docker.endpoint=unix:///var/run/docker.sock")
             << QStringLiteral("--providers.docker.exposedbydefault=false")
             << QStringLiteral("--providers.docker.network=") + s.network;
    }
    args << QStringLiteral("--entrypoints.web.address=:80");
    if (!s.acmeEmail.isEmpty()) {
        args << QStringLiteral("--entrypoints.websecure.address=:443")
             << QStringLiteral("--certificatesresolvers.letsencrypt.acme.email=") + s.acmeEmail
             << QStringLiteral("--certificatesresolvers.letsencrypt.acme.storage=/letsencrypt/acme.json")
             << QStringLiteral("--certificatesresolvers.letsencrypt.acme.httpchallenge.entrypoint=web");
    }
    args << QStringLiteral("--ping=true") << QStringLiteral("--log.level=INFO");
    return args;
}

PlannedCommand imageCheckCommand(const ProxySettings &s)
{
    return cmd(QStringLiteral("proxy"), QStringLiteral("check the Traefik image %1").arg(s.image),
               {QStringLiteral("docker"), QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"),
                QStringLiteral("{{.Id}}"), s.image},
               30000);
}

PlannedCommand imagePullCommand(const ProxySettings &s)
{
    return cmd(QStringLiteral("proxy"), QStringLiteral("pull the Traefik image %1").arg(s.image),
               {QStringLiteral("docker"), QStringLiteral("pull"), QStringLiteral("--quiet"), s.image}, 300000);
}

Error missingImageError(const ProxySettings &s, const QString &where, const QString &pullError)
{
    Error e = Error::make(ErrorKind::NotFound,
                          QCoreApplication::translate("fleetdeck::orchestrators", "the Traefik image %1 is not on %2 and could not be pulled: load it there "
                                                                                  "(docker load -i traefik.tar) or make its registry reachable, then install the "
                                                                                  "proxy again").arg(s.image, where),
                          pullError);
    e.field = QStringLiteral("image");
    return e;
}

QList<PlannedCommand> installCommands(Orchestrator orchestrator, const ProxySettings &s)
{
    QList<PlannedCommand> out;
    out << imageCheckCommand(s);
    const QStringList proxyLabels{QStringLiteral("--label"), labels::managed() + QStringLiteral("=true"),
                                  QStringLiteral("--label"), labels::proxy() + QStringLiteral("=true")};
    if (orchestrator == Orchestrator::Swarm) {
        out << cmd(QStringLiteral("proxy"), QStringLiteral("create the overlay network %1").arg(s.network),
                   {QStringLiteral("docker"), QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--driver"),
                    QStringLiteral("overlay"), QStringLiteral("--attachable"), s.network});
        out << cmd(QStringLiteral("proxy"), QStringLiteral("remove the previous proxy service, if any"),
                   {QStringLiteral("docker"), QStringLiteral("service"), QStringLiteral("rm"), s.name});
        QStringList argv{QStringLiteral("docker"), QStringLiteral("service"), QStringLiteral("create"), QStringLiteral("--detach"),
                         QStringLiteral("--no-resolve-image"), QStringLiteral("--name"), s.name,
                         QStringLiteral("--constraint"), QStringLiteral("node.role == manager"),
                         QStringLiteral("--network"), s.network,
                         QStringLiteral("--mount"),
                         QStringLiteral("type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock,readonly"),
                         QStringLiteral("--publish"),
                         QStringLiteral("mode=%1,target=80,published=%2").arg(s.publishMode).arg(s.httpPort)};
        if (!s.acmeEmail.isEmpty())
            argv << QStringLiteral("--publish") << QStringLiteral("mode=%1,target=443,published=%2").arg(s.publishMode).arg(s.httpsPort)
                 << QStringLiteral("--mount") << QStringLiteral("type=volume,source=fleetdeck-letsencrypt,target=/letsencrypt");
        argv << proxyLabels << s.image << traefikArguments(orchestrator, s);
        out << cmd(QStringLiteral("proxy"), QStringLiteral("create the Traefik service"), argv);
    } else {
        out << cmd(QStringLiteral("proxy"), QStringLiteral("create the network %1").arg(s.network),
                   {QStringLiteral("docker"), QStringLiteral("network"), QStringLiteral("create"), s.network});
        out << cmd(QStringLiteral("proxy"), QStringLiteral("remove the previous proxy container, if any"),
                   {QStringLiteral("docker"), QStringLiteral("rm"), QStringLiteral("-f"), s.name});
        QStringList argv{QStringLiteral("docker"), QStringLiteral("run"), QStringLiteral("--detach"),
                         QStringLiteral("--name"), s.name, QStringLiteral("--restart"), QStringLiteral("unless-stopped"),
                         QStringLiteral("--network"), s.network,
                         QStringLiteral("--volume"), QStringLiteral("/var/run/docker.sock:/var/run/docker.sock:ro"),
                         QStringLiteral("--publish"), QStringLiteral("%1:80").arg(s.httpPort)};
        if (!s.acmeEmail.isEmpty())
            argv << QStringLiteral("--publish") << QStringLiteral("%1:443").arg(s.httpsPort)
                 << QStringLiteral("--volume") << QStringLiteral("fleetdeck-letsencrypt:/letsencrypt");
        argv << proxyLabels << s.image << traefikArguments(orchestrator, s);
        out << cmd(QStringLiteral("proxy"), QStringLiteral("run the Traefik container"), argv);
    }
    return out;
}

} // namespace fleetdeck::proxy

#include "orchestrators/CommandRunner.h"
#include "orchestrators/docker/DockerParsers.h"

namespace fleetdeck::proxy {

Status install(CommandRunner &runner, Orchestrator orchestrator, const ProxySettings &settings)
{
    if (orchestrator == Orchestrator::Kubernetes)
        return Error::make(ErrorKind::NotSupported,
                           QCoreApplication::translate("fleetdeck::orchestrators", "on Kubernetes, routing goes through the cluster's ingress controller, not a Traefik container"));
    const QList<PlannedCommand> commands = installCommands(orchestrator, settings);
    // 1. The image: on the server already, or pullable.
    auto check = runner.run(commands.first());
    if (!check)
        return check.error();
    if (!check->succeeded()) {
        if (docker::isEngineDown(check->stderrData))
            return docker::engineError(*check, commands.first().description, runner.where());
        auto pull = runner.run(imagePullCommand(settings));
        if (!pull)
            return pull.error();
        if (!pull->succeeded())
            return missingImageError(settings, runner.where(), QString::fromUtf8(pull->stderrData).trimmed());
    }
    // 2. The network (may exist), 3. the old proxy (may not exist), 4. the proxy.
    auto net = runner.run(commands.at(1));
    if (!net)
        return net.error();
    if (!net->succeeded() && !net->stderrData.contains("already exists"))
        return docker::engineError(*net, commands.at(1).description, runner.where());
    auto old = runner.run(commands.at(2));
    if (!old)
        return old.error();
    if (auto r = runner.runChecked(commands.at(3)); !r)
        return r.error();
    return {};
}

} // namespace fleetdeck::proxy
