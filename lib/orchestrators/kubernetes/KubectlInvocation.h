// KubectlInvocation: THE function that builds every kubectl RemoteCommand (operations, streams,
// checks), and the one way kubectl gets a stored kubeconfig on the server.
//
// The kubeconfig never has a name another user of the server could find, pre-create, read or replace:
//  - a command: `sh -c SCRIPT fleetdeck-kubectl N ARGS...` reads the first N bytes of stdin (the
//    kubeconfig; any payload such as `apply -f -` manifests follows it) into a fresh `mktemp -d`
//    directory (mode 0700, umask 077), opens it as fd 3, removes the directory and only then runs
//    `kubectl --kubeconfig=/dev/fd/3` (kubectl re-opens /dev/fd/3: a fresh read of the unlinked file).
//    A trap removes the directory on every exit before that point (error, HUP, INT, TERM).
//  - a stream (logs -f, exec, watch) runs under a pty over SSH, where stdin would be echoed: the
//    kubeconfig is handed over first by one command into such a private directory (a lease, held by
//    the stream objects and removed when the last lets go), and each stream opens it as fd 3.
//  - every handover command first sweeps this user's directories left by killed runs: older than a
//    minute and held open by no process.
#pragma once

#include "orchestrators/kubernetes/KubectlCommands.h"
#include "remote/RemoteCommand.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace fleetdeck::kubernetes {

// `kubectlArgv` starts with "kubectl" (kubectlPrefix(t) << ...). Without a kubeconfig in `t` it runs as
// is, with `payload` on stdin (the server's own ~/.kube/config); with `t.leaseDir` through the lease
// (no payload possible: streams take no stdin); otherwise through the stdin handover above.
RemoteCommand kubectlCommand(const KubectlTarget &t, const QStringList &kubectlArgv, const QByteArray &payload = {});

// The command that puts `kubeconfig` into a fresh private directory and prints its path (a lease).
RemoteCommand leaseCommand(const QString &kubeconfig);
// The lease directory from its output; nullopt unless it is exactly the shape leaseCommand makes.
std::optional<QString> parseLeaseDir(const QByteArray &stdoutData);
// `rm -rf -- DIR` of a lease.
RemoteCommand releaseCommand(const QString &leaseDir);

// For people (the activity log, plans): the kubectl words a wrapped command runs, after
// "kubectl --kubeconfig=<stdin>" (or "<lease>"); nullopt when `argv` is not one of the wrappers.
struct UnwrappedKubectl {
    QString kubeconfigShown;      // "<stdin>" | "<lease>"
    QStringList args;             // after "kubectl"
};
std::optional<UnwrappedKubectl> unwrapKubectl(const QStringList &argv);

// Where the private directories live and how they are named (for tests and the sweep).
QString handoverDirPattern();    // "/tmp/fleetdeck-kubectl.*"

} // namespace fleetdeck::kubernetes
