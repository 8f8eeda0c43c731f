// DisplayCommand: argv for humans, with kubectl's kubeconfig wrapper folded back to one word.
#include "orchestrators/DisplayCommand.h"

#include "orchestrators/kubernetes/KubectlInvocation.h"
#include "remote/ShellQuote.h"

#include <QRegularExpression>

namespace fleetdeck::checks {

QString displayCommand(const QStringList &argv)
{
    const auto wrapped = kubernetes::unwrapKubectl(argv);
    QStringList shown = wrapped ? wrapped->args : argv;
    static const QRegularExpression bare(QStringLiteral(R"(^[A-Za-z0-9_./:=@%+,*-]+$)"));
    for (QString &word : shown)
        if (!bare.match(word).hasMatch())
            word = shellQuote(word);
    if (wrapped)
        shown = QStringList{QStringLiteral("kubectl"), QStringLiteral("--kubeconfig=") + wrapped->kubeconfigShown} + shown;
    return shown.join(QLatin1Char(' '));
}

} // namespace fleetdeck::checks
