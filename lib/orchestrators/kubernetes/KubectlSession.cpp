// KubectlSession: kubeconfig checks, the uploaded kubeconfig's lifetime, checked kubectl runs.
#include "orchestrators/kubernetes/KubectlSession.h"

#include "core/Translate.h"
#include "core/Logging.h"
#include "kubeconfig/Kubeconfig.h"
#include "orchestrators/kubernetes/KubectlInvocation.h"
#include "orchestrators/kubernetes/KubectlParsers.h"
#include "remote/Transport.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace fleetdeck::kubernetes {

KubeconfigLease::KubeconfigLease(std::shared_ptr<Transport> transport, QString dir)
    : m_transport(std::move(transport)), m_dir(std::move(dir))
{
}

Result<std::shared_ptr<KubeconfigLease>> KubeconfigLease::create(std::shared_ptr<Transport> transport, const QString &kubeconfig,
                                                                 const CancelToken &cancel)
{
    auto r = transport->execute(leaseCommand(kubeconfig), cancel);
    if (!r)
        return r.error();
    const auto dir = parseLeaseDir(r->stdoutData);
    if (!r->succeeded() || !dir)
        return Error::make(ErrorKind::RemoteFailed,
                           QCoreApplication::translate("fleetdeck::orchestrators", "Could not hand the kubeconfig over on %1 (exit %2)").arg(transport->describe()).arg(r->exitCode),
                           QString::fromUtf8(r->stderrData));
    return std::shared_ptr<KubeconfigLease>(new KubeconfigLease(std::move(transport), *dir));
}

void KubeconfigLease::release(Transport &transport, const QString &dir)
{
    // A fresh token: the operation's own may be cancelled, the clean-up must still run.
    auto result = transport.execute(releaseCommand(dir), CancelToken());
    if (!result || !result->succeeded())
        qCWarning(lcOrchestrator).noquote() << "could not remove" << dir << "on" << transport.describe() << ":"
                                            << (result ? QString::fromUtf8(result->stderrData) : result.error().toString());
}

KubeconfigLease::~KubeconfigLease()
{
    QCoreApplication *app = QCoreApplication::instance();
    if (app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread()) {
        // Never block the GUI thread on a remote command (the CLI and the tests may wait).
        QThreadPool::globalInstance()->start([transport = m_transport, dir = m_dir] { release(*transport, dir); });
        return;
    }
    release(*m_transport, m_dir);
}

std::optional<QDateTime> certificateNotAfter(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    if (!bio)
        return std::nullopt;
    X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!cert)
        return std::nullopt;
    std::optional<QDateTime> out;
    struct tm t = {};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(cert), &t) == 1)
        out = QDateTime(QDate(t.tm_year + 1900, t.tm_mon + 1, t.tm_mday), QTime(t.tm_hour, t.tm_min, t.tm_sec), Qt::UTC);
    X509_free(cert);
    return out;
}

Status checkStoredKubeconfig(const QString &kubeconfig, const QString &context, const QDateTime &now)
{
    const kubeconfig::CheckResult checked = kubeconfig::check(kubeconfig);
    if (const kubeconfig::Issue *issue = checked.firstError())
        return Error::invalid(QStringLiteral("kubeconfig"), issue->toString());
    const QString selected = context.isEmpty() ? checked.config.currentContext : context;
    if (!checked.config.context(selected))
        return Error::invalid(context.isEmpty() ? QStringLiteral("kubeconfig") : QStringLiteral("kube-context"),
                              QCoreApplication::translate("fleetdeck::orchestrators", "the kubeconfig has no context '%1' (it has: %2)")
                                  .arg(selected, checked.config.contextNames().join(QStringLiteral(", "))));
    auto credentials = kubeconfig::credentialsFor(kubeconfig, context);
    if (!credentials) {
        Error e = credentials.error();
        if (e.kind == ErrorKind::Invalid)
            e.field = context.isEmpty() ? QStringLiteral("kubeconfig") : QStringLiteral("kube-context");
        return e;
    }
    if (!credentials->clientCertificate.isEmpty()) {
        const auto notAfter = certificateNotAfter(credentials->clientCertificate.toUtf8());
        if (notAfter && *notAfter < now)
            return Error::make(ErrorKind::AuthFailed,
                               QCoreApplication::translate("fleetdeck::orchestrators", "The client certificate of context '%1' in the kubeconfig expired on %2: "
                                                                                       "get a new kubeconfig from the cluster's administrator.")
                                   .arg(credentials->context, notAfter->toString(Qt::ISODate)));
    }
    return {};
}

KubectlSession::KubectlSession(const Server &server, std::shared_ptr<Transport> transport, const OperationContext &ctx)
    : m_server(server), m_runner(std::move(transport), ctx)
{
    m_target.context = server.settings.kubeContext;
    m_target.nameSpace = server.settings.kubernetesNamespace.isEmpty() ? QStringLiteral("default")
                                                                      : server.settings.kubernetesNamespace;
}

Status KubectlSession::open()
{
    if (m_opened)
        return {};
    if (auto s = m_runner.checkpoint(QStringLiteral("connect to the cluster")); !s)
        return s;
    const QString &kubeconfig = m_server.settings.kubeconfig;
    if (!kubeconfig.trimmed().isEmpty()) {
        if (auto s = checkStoredKubeconfig(kubeconfig, m_server.settings.kubeContext); !s)
            return s;
        m_target.kubeconfig = kubeconfig;
    }
    m_opened = true;
    return {};
}

Result<KubectlTarget> KubectlSession::streamTarget()
{
    if (auto s = open(); !s)
        return s.error();
    KubectlTarget t = m_target;
    if (t.kubeconfig.isEmpty())
        return t;
    if (!m_lease) {
        auto lease = KubeconfigLease::create(m_runner.transportPtr(), t.kubeconfig, m_runner.context().cancel);
        if (!lease)
            return lease.error();
        m_lease = *lease;
    }
    t.kubeconfig.clear();
    t.leaseDir = m_lease->dir();
    return t;
}

Result<CommandResult> KubectlSession::run(const PlannedCommand &command, CommandRunner::Output output)
{
    if (auto s = open(); !s)
        return s.error();
    return m_runner.run(command, output);
}

Result<CommandResult> KubectlSession::runChecked(const PlannedCommand &command, CommandRunner::Output output)
{
    auto result = run(command, output);
    if (!result)
        return result;
    if (!result->succeeded()) {
        Error e = kubectlError(*result, command.description);
        e.message += QStringLiteral(" (on %1)").arg(m_runner.where());
        return e;
    }
    return result;
}

Status KubectlSession::runSteps(const QList<PlannedCommand> &steps)
{
    for (const PlannedCommand &step : steps)
        if (auto r = runChecked(step); !r)
            return r.error();
    return {};
}

} // namespace fleetdeck::kubernetes
