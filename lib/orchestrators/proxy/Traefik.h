// Traefik: routing labels for applications with domains, the proxy's own configuration
// (`--providers.docker` or `--providers.swarm`), and the commands that install it on a server.
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "domain/Server.h"
#include "orchestrators/Labels.h"
#include "orchestrators/OrchestratorTypes.h"

namespace fleetdeck::proxy {

struct ProxySettings {
    QString image = QStringLiteral("traefik:v3.1");
    QString network = QStringLiteral("fleetdeck-proxy");  // shared by the proxy and routed applications
    QString name = QStringLiteral("fleetdeck-proxy");     // container / service name
    int httpPort = 80;
    int httpsPort = 443;
    QString acmeEmail;        // non-empty: HTTPS routers with a Let's Encrypt resolver named "letsencrypt"
    QString publishMode = QStringLiteral("host");         // Swarm only: host or ingress
};

// Traefik router rule for the domains: Host(`a`) || Host(`b`); "*.x.y" -> HostRegexp.
QString routerRule(const QStringList &domains);

// Labels for an application with domains (empty list without): the router on the "web" entry point
// (and "websecure" with TLS when acmeEmail is set), the service port, and the network to use.
labels::LabelList applicationLabels(const Application &app, Orchestrator orchestrator, const ProxySettings &settings);

// The proxy's command-line configuration.
QStringList traefikArguments(Orchestrator orchestrator, const ProxySettings &settings);

// The commands that (re)install the proxy. The image check comes first: installing fails with a clear
// message when the image is neither on the server nor pullable.
QList<PlannedCommand> installCommands(Orchestrator orchestrator, const ProxySettings &settings);

// The image check and its answer: NotFound naming the image and how to provide it.
PlannedCommand imageCheckCommand(const ProxySettings &settings);
PlannedCommand imagePullCommand(const ProxySettings &settings);
Error missingImageError(const ProxySettings &settings, const QString &where, const QString &pullError);

} // namespace fleetdeck::proxy

namespace fleetdeck {
class CommandRunner;
}

namespace fleetdeck::proxy {

// Runs installCommands(): image present (else pulled, else missingImageError), network created unless
// it exists, the previous proxy replaced.
Status install(CommandRunner &runner, Orchestrator orchestrator, const ProxySettings &settings);

} // namespace fleetdeck::proxy
