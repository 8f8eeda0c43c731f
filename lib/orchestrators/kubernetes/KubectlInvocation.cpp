// KubectlInvocation: the kubectl wrappers (stdin handover, lease, sweep) and the one builder.
#include "orchestrators/kubernetes/KubectlInvocation.h"

#include <QRegularExpression>

namespace fleetdeck::kubernetes {

namespace {

const QString kName = QStringLiteral("fleetdeck-kubectl");   // $0 of the wrappers: names them in `ps`

// This user's handover directories of killed runs: older than a minute (a live handover lasts
// milliseconds, a lease is opened by its streams at once) and open in no process of this user.
#define FLEETDECK_SWEEP                                                                                        \
    "for d in /tmp/fleetdeck-kubectl.*; do "                                                                  \
    "[ -d \"$d\" ] && [ ! -L \"$d\" ] && [ -O \"$d\" ] || continue; "                                         \
    "[ -n \"$(find \"$d\" -maxdepth 0 -mmin +1 2>/dev/null)\" ] || continue; "                               \
    "ls -l /proc/[0-9]*/fd 2>/dev/null | grep -qF -- \"$d/\" && continue; "                                   \
    "rm -rf -- \"$d\"; "                                                                                      \
    "done; "

// A fresh private directory $d, removed by the traps on any exit until they are lifted.
#define FLEETDECK_PRIVATE_DIR                                                                                  \
    "umask 077; " FLEETDECK_SWEEP                                                                              \
    "d=$(mktemp -d /tmp/fleetdeck-kubectl.XXXXXXXXXX) || exit 125; "                                          \
    "trap 'rm -rf -- \"$d\"' EXIT; trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM; "

// $1 = bytes of kubeconfig at the head of stdin; the rest of stdin is kubectl's.
const QString kStdinScript = QStringLiteral(
    FLEETDECK_PRIVATE_DIR
    "head -c \"$1\" >\"$d/kubeconfig\" && exec 3<\"$d/kubeconfig\" || exit 125; "
    "shift; rm -rf -- \"$d\"; trap - EXIT HUP INT TERM; "
    "exec kubectl --kubeconfig=/dev/fd/3 \"$@\"");

// stdin = the kubeconfig; prints the lease directory.
const QString kLeaseScript = QStringLiteral(
    FLEETDECK_PRIVATE_DIR
    "cat >\"$d/kubeconfig\" || exit 125; "
    "trap - EXIT HUP INT TERM; printf '%s\\n' \"$d\"");

// $1 = a lease directory of this user.
const QString kLeasedScript = QStringLiteral(
    "d=$1; shift; case $d in /tmp/fleetdeck-kubectl.*) ;; *) exit 125;; esac; "
    "if [ -d \"$d\" ] && [ ! -L \"$d\" ] && [ -O \"$d\" ] && [ -f \"$d/kubeconfig\" ]; then exec 3<\"$d/kubeconfig\"; "
    "else echo 'fleetdeck: the kubeconfig handed over for this command is gone' >&2; exit 125; fi; "
    "exec kubectl --kubeconfig=/dev/fd/3 \"$@\"");

#undef FLEETDECK_PRIVATE_DIR
#undef FLEETDECK_SWEEP

const QRegularExpression &leaseShape()
{
    static const QRegularExpression re(QStringLiteral("^/tmp/fleetdeck-kubectl\\.[A-Za-z0-9]{10}$"));
    return re;
}

QStringList wrapper(const QString &script)
{
    return QStringList{QStringLiteral("sh"), QStringLiteral("-c"), script, kName};
}

} // namespace

RemoteCommand kubectlCommand(const KubectlTarget &t, const QStringList &kubectlArgv, const QByteArray &payload)
{
    Q_ASSERT(!kubectlArgv.isEmpty() && kubectlArgv.first() == QLatin1String("kubectl"));
    const QStringList args = kubectlArgv.mid(1);
    RemoteCommand c;
    if (!t.leaseDir.isEmpty()) {
        Q_ASSERT(payload.isEmpty());
        c.argv = wrapper(kLeasedScript) << t.leaseDir << args;
    } else if (!t.kubeconfig.trimmed().isEmpty()) {
        const QByteArray kubeconfig = t.kubeconfig.toUtf8();
        c.argv = wrapper(kStdinScript) << QString::number(kubeconfig.size()) << args;
        c.stdinData = kubeconfig + payload;
        c.stdinIsSecret = true;
    } else {
        c.argv = kubectlArgv;
        c.stdinData = payload;
    }
    return c;
}

RemoteCommand leaseCommand(const QString &kubeconfig)
{
    RemoteCommand c;
    c.argv = wrapper(kLeaseScript);
    c.stdinData = kubeconfig.toUtf8();
    c.stdinIsSecret = true;
    c.timeoutMs = 30000;
    c.purpose = QStringLiteral("hand the kubeconfig over for a stream");
    return c;
}

std::optional<QString> parseLeaseDir(const QByteArray &stdoutData)
{
    const QString dir = QString::fromUtf8(stdoutData).trimmed();
    if (!leaseShape().match(dir).hasMatch())
        return std::nullopt;
    return dir;
}

RemoteCommand releaseCommand(const QString &leaseDir)
{
    RemoteCommand c;
    c.argv = QStringList{QStringLiteral("rm"), QStringLiteral("-rf"), QStringLiteral("--"), leaseDir};
    c.timeoutMs = 15000;
    c.purpose = QStringLiteral("remove the kubeconfig handed over for a stream");
    return c;
}

std::optional<UnwrappedKubectl> unwrapKubectl(const QStringList &argv)
{
    if (argv.size() < 5 || argv.at(0) != QLatin1String("sh") || argv.at(1) != QLatin1String("-c") || argv.at(3) != kName)
        return std::nullopt;
    if (argv.at(2) == kStdinScript)
        return UnwrappedKubectl{QStringLiteral("<stdin>"), argv.mid(5)};
    if (argv.at(2) == kLeasedScript)
        return UnwrappedKubectl{QStringLiteral("<lease>"), argv.mid(5)};
    return std::nullopt;
}

QString handoverDirPattern()
{
    return QStringLiteral("/tmp/fleetdeck-kubectl.*");
}

} // namespace fleetdeck::kubernetes
