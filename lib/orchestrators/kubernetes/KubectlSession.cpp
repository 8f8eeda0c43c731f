// KubectlSession: kubeconfig checks, the uploaded kubeconfig's lifetime, checked kubectl runs.
#include "orchestrators/kubernetes/KubectlSession.h"

#include "core/Logging.h"
#include "kubeconfig/Kubeconfig.h"
#include "orchestrators/kubernetes/KubectlParsers.h"
#include "remote/Transport.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QThread>
#include <QThreadPool>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace fleetdeck::kubernetes {

KubeconfigLease::KubeconfigLease(std::shared_ptr<Transport> transport, QString path)
    : m_transport(std::move(transport)), m_path(std::move(path))
{
}

QString KubeconfigLease::randomPath()
{
    quint64 bits[2];
    QRandomGenerator::system()->fillRange(bits);
    return QStringLiteral("/tmp/fleetdeck-kubeconfig-%1%2")
        .arg(bits[0], 16, 16, QLatin1Char('0'))
        .arg(bits[1], 16, 16, QLatin1Char('0'));
}

Result<std::shared_ptr<KubeconfigLease>> KubeconfigLease::upload(std::shared_ptr<Transport> transport, const QString &kubeconfig)
{
    const QString path = randomPath();
    if (auto s = transport->upload(kubeconfig.toUtf8(), path, 0600); !s) {
        // The write may have got as far as the final name before the error (e.g. a timeout while
        // waiting for the answer): remove it anyway.
        remove(*transport, path);
        Error e = s.error();
        e.message = QStringLiteral("Could not put the kubeconfig on %1: %2").arg(transport->describe(), e.message);
        return e;
    }
    return std::shared_ptr<KubeconfigLease>(new KubeconfigLease(std::move(transport), path));
}

void KubeconfigLease::remove(Transport &transport, const QString &path)
{
    RemoteCommand rm;
    rm.argv = QStringList{QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("--"), path};
    rm.timeoutMs = 15000;
    rm.purpose = QStringLiteral("remove the uploaded kubeconfig");
    // A fresh token: the operation's own may be cancelled, the clean-up must still run.
    auto result = transport.execute(rm, CancelToken());
    if (!result || !result->succeeded())
        qCWarning(lcOrchestrator).noquote() << "could not remove" << path << "on" << transport.describe() << ":"
                                            << (result ? QString::fromUtf8(result->stderrData) : result.error().toString());
}

KubeconfigLease::~KubeconfigLease()
{
    QCoreApplication *app = QCoreApplication::instance();
    if (app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread()) {
        // Never block the GUI thread on a remote command (the CLI and the tests may wait).
        QThreadPool::globalInstance()->start([transport = m_transport, path = m_path] { remove(*transport, path); });
        return;
    }
    remove(*m_transport, m_path);
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
                              QStringLiteral("the kubeconfig has no context '%1' (it has: %2)")
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
                               QStringLiteral("The client certificate of context '%1' in the kubeconfig expired on %2: "
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
        auto lease = KubeconfigLease::upload(m_runner.transportPtr(), kubeconfig);
        if (!lease)
            return lease.error();
        m_lease = *lease;
        m_target.kubeconfigPath = m_lease->path();
    }
    m_opened = true;
    return {};
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

} // namespace fleetdeck::kubernetes
