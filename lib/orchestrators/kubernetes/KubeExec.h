// KubeExec: a streamed `kubectl exec` in one pod, and how kubectl's words about it are read.
#pragma once

#include "orchestrators/ExecStream.h"
#include "orchestrators/kubernetes/KubectlSession.h"

#include <memory>
#include <optional>

namespace fleetdeck::kubernetes {

// Some kubelets (kwok's simulated one among them) report a command's non-zero exit status as an
// error text ("error executing command in container: ... exit status N") and kubectl exits 1: N.
std::optional<int> reportedExitStatus(const QByteArray &kubectlStderr);

// True for kubectl's own failures (API server, connection upgrade), not the command's output.
bool isKubectlFailure(const QByteArray &firstLine);

// Runs `env MARK ARGV...` in `container` of `pod` (kubectl exec has no --env), so that cancelling
// ends the command in the pod. The stream holds the session's kubeconfig lease while it or its
// stop needs it (the session's stream target must be taken first: KubectlSession::streamTarget()).
std::unique_ptr<RemoteStream> streamExec(const KubectlSession &session, const KubectlTarget &streamTarget, const QString &pod,
                                         const QString &container, const QStringList &argv);

} // namespace fleetdeck::kubernetes
