// The orchestrator factory and its registry of backends.
#include "orchestrators/OrchestratorFactory.h"

#include "core/Translate.h"
#include "orchestrators/docker/DockerOrchestrator.h"
#include "orchestrators/kubernetes/KubernetesOrchestrator.h"
#include "orchestrators/swarm/SwarmOrchestrator.h"

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
    f.insert(int(Orchestrator::None), [](const BackendSetup &s) -> Result<std::unique_ptr<OrchestratorInterface>> {
        return std::unique_ptr<OrchestratorInterface>(std::make_unique<DockerOrchestrator>(s.server, s.transport, s.proxy));
    });
    f.insert(int(Orchestrator::Swarm), [](const BackendSetup &s) -> Result<std::unique_ptr<OrchestratorInterface>> {
        return std::unique_ptr<OrchestratorInterface>(std::make_unique<SwarmOrchestrator>(s.server, s.transport, s.proxy));
    });
    f.insert(int(Orchestrator::Kubernetes), [](const BackendSetup &s) -> Result<std::unique_ptr<OrchestratorInterface>> {
        return std::unique_ptr<OrchestratorInterface>(
            std::make_unique<KubernetesOrchestrator>(s.server, s.transport, s.namespaceSettings));
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

Result<std::unique_ptr<OrchestratorInterface>> create(const BackendSetup &setup)
{
    const Server &server = setup.server;
    Factory factory;
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        factory = r.factories.value(int(server.settings.orchestrator));
    }
    if (!factory)
        return Error::make(ErrorKind::NotSupported,
                           QCoreApplication::translate("fleetdeck::orchestrators", "no %1 backend is built into this Fleetdeck (server %2)")
                               .arg(orchestratorName(server.settings.orchestrator), server.name));
    if (!setup.transport)
        return Error::make(ErrorKind::Internal, QCoreApplication::translate("fleetdeck::orchestrators", "no transport for server %1").arg(server.name));
    return factory(setup);
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
