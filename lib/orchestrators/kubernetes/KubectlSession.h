// KubectlSession: how one operation of the Kubernetes backend reaches the cluster. It checks the
// stored kubeconfig, hands it to each kubectl command (KubectlInvocation.h), leases it to streams for
// as long as they need it, and runs kubectl commands through the CommandRunner (deadline, cancel, steps).
#pragma once

#include "domain/Server.h"
#include "orchestrators/CommandRunner.h"
#include "orchestrators/kubernetes/KubectlCommands.h"

#include <QDateTime>

#include <memory>
#include <optional>

namespace fleetdeck::kubernetes {

// The stored kubeconfig handed over for streams (a followed log, an exec): a private directory made by
// leaseCommand() (KubectlInvocation.h), removed when the last holder lets go, also after a failure or
// a cancel (a killed client's is swept by the next handover). On the GUI thread of a GUI application
// the removal runs on the thread pool (it is a remote command), elsewhere (workers, the CLI) right away.
class KubeconfigLease
{
public:
    static Result<std::shared_ptr<KubeconfigLease>> create(std::shared_ptr<Transport> transport, const QString &kubeconfig,
                                                           const CancelToken &cancel);
    ~KubeconfigLease();

    KubeconfigLease(const KubeconfigLease &) = delete;
    KubeconfigLease &operator=(const KubeconfigLease &) = delete;

    QString dir() const { return m_dir; }

private:
    KubeconfigLease(std::shared_ptr<Transport> transport, QString dir);
    static void release(Transport &transport, const QString &dir);

    std::shared_ptr<Transport> m_transport;
    QString m_dir;
};

// Checks a stored kubeconfig before it is used: syntax and structure (Invalid, field "kubeconfig"),
// the selected context exists (Invalid, field "kube-context"), and its client certificate has not
// expired (AuthFailed: "the client certificate ... expired on ..."), so that these are named
// precisely instead of surfacing as kubectl's "Unauthorized".
Status checkStoredKubeconfig(const QString &kubeconfig, const QString &context,
                             const QDateTime &now = QDateTime::currentDateTimeUtc());
// notAfter of a PEM certificate; nullopt when it cannot be read.
std::optional<QDateTime> certificateNotAfter(const QByteArray &pem);

class KubectlSession
{
public:
    KubectlSession(const Server &server, std::shared_ptr<Transport> transport, const OperationContext &ctx);

    // Checks the stored kubeconfig (once); without one kubectl uses the server's own.
    Status open();
    const KubectlTarget &target() const { return m_target; }
    // The target for streams: the kubeconfig leased (once) instead of handed over on stdin.
    Result<KubectlTarget> streamTarget();
    std::shared_ptr<KubeconfigLease> lease() const { return m_lease; }
    CommandRunner &runner() { return m_runner; }
    std::shared_ptr<Transport> transport() const { return m_runner.transportPtr(); }

    // A non-zero exit is a result (the caller decides).
    Result<CommandResult> run(const PlannedCommand &command, CommandRunner::Output output = CommandRunner::Output::Record);
    // A non-zero exit is kubectlError(...) naming `command.description`.
    Result<CommandResult> runChecked(const PlannedCommand &command, CommandRunner::Output output = CommandRunner::Output::Record);
    // A deploy's steps in order with runChecked(); stops at the first failure.
    Status runSteps(const QList<PlannedCommand> &steps);

private:
    Server m_server;
    CommandRunner m_runner;
    KubectlTarget m_target;
    std::shared_ptr<KubeconfigLease> m_lease;
    bool m_opened = false;
};

} // namespace fleetdeck::kubernetes
