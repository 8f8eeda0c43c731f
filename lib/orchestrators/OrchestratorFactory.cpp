// The orchestrator factory and its registry of backends.
#include "orchestrators/OrchestratorFactory.h"

#include "orchestrators/docker/DockerOrchestrator.h"
#include "orchestrators/kubernetes/KubernetesOrchestrator.h"
#include "orchestrators/swarm/SwarmOrchestrator.h"
#include "remote/TransportPool.h"

#include <QHash>
#include <QMutex>

namespace fleetdeck::Orchestrators {

namespace {

struct Registry {
    QMutex mutex;
    QHash<int, Factory> factories;
};

// Backends compiled into the core. A static library drops self-registering objects nobody references,
// so each backend is named here explicitly.
void registerBuiltins(QHash<int, Factory> &f)
{
    f.insert(int(Orchestrator::None), [](const Server &s, std::shared_ptr<Transport> t, const proxy::ProxySettings &p)
                 -> Result<std::unique_ptr<OrchestratorInterface>> {
        return std::unique_ptr<OrchestratorInterface>(std::make_unique<DockerOrchestrator>(s, std::move(t), p));
    });
    f.insert(int(Orchestrator::Swarm), [](const Server &s, std::shared_ptr<Transport> t, const proxy::ProxySettings &p)
                 -> Result<std::unique_ptr<OrchestratorInterface>> {
        return std::unique_ptr<OrchestratorInterface>(std::make_unique<SwarmOrchestrator>(s, std::move(t), p));
    });
    f.insert(int(Orchestrator::Kubernetes), [](const Server &s, std::shared_ptr<Transport> t, const proxy::ProxySettings &)
                 -> Result<std::unique_ptr<OrchestratorInterface>> {
        return std::unique_ptr<OrchestratorInterface>(std::make_unique<KubernetesOrchestrator>(s, std::move(t)));
    });
}

Registry &registry()
{
    static Registry *r = [] {
        auto *reg = new Registry;
        registerBuiltins(reg->factories);
        return reg;
    }();
    return *r;
}

} // namespace

Result<std::unique_ptr<OrchestratorInterface>> create(const Server &server, std::shared_ptr<Transport> transport,
                                                      const proxy::ProxySettings &proxy)
{
    Factory factory;
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        factory = r.factories.value(int(server.settings.orchestrator));
    }
    if (!factory)
        return Error::make(ErrorKind::NotSupported,
                           QStringLiteral("no %1 backend is built into this Fleetdeck (server %2)")
                               .arg(orchestratorName(server.settings.orchestrator), server.name));
    if (!transport)
        return Error::make(ErrorKind::Internal, QStringLiteral("no transport for server %1").arg(server.name));
    return factory(server, std::move(transport), proxy);
}

Result<std::unique_ptr<OrchestratorInterface>> forServer(const Server &server, const proxy::ProxySettings &proxy)
{
    return create(server, Remote::transportFor(server), proxy);
}

void registerBackend(Orchestrator kind, Factory factory)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    if (factory)
        r.factories.insert(int(kind), std::move(factory));
    else
        r.factories.remove(int(kind));
}

} // namespace fleetdeck::Orchestrators
