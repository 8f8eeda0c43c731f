// Detection: the host probe and each backend's probe composed into one proposal.
#include "orchestrators/Detection.h"

#include "orchestrators/kubernetes/KubernetesChecks.h"
#include "remote/ServerProbe.h"
#include "remote/Transport.h"

#include <QSysInfo>

namespace fleetdeck::checks {

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
    if (Status s = probeCluster(transport, server, d, cancel); !s)
        return s.error();
    QStringList names{server.host};
    if (server.isLocal)
        names << QSysInfo::machineHostName() << QStringLiteral("127.0.0.1") << QStringLiteral("localhost");
    RemoteCommand hostname;
    hostname.argv = QStringList{QStringLiteral("hostname")};
    hostname.timeoutMs = 10000;
    hostname.purpose = QStringLiteral("detect");
    if (Result<CommandResult> h = transport.execute(hostname, cancel); h && h->succeeded())
        names << QString::fromUtf8(h->stdoutData).trimmed();
    d.proposal = propose(d.facts, d.nodes, names);
    return d;
}

} // namespace fleetdeck::checks
