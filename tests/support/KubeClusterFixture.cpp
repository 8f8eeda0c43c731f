// KubeClusterFixture: starting/finding the test cluster, admin kubectl, namespaces, odd kubeconfigs.
#include "KubeClusterFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace fleetdeck::test {

namespace {

QByteArray run(const QString &program, const QStringList &args, int *exitCode, const QByteArray &stdinData,
               QByteArray *stderrData, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        if (exitCode)
            *exitCode = -1;
        return {};
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        if (exitCode)
            *exitCode = -1;
        return {};
    }
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    if (stderrData)
        *stderrData = p.readAllStandardError();
    return p.readAllStandardOutput();
}

QString pemOf(X509 *cert)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    const QString out = QString::fromLatin1(data, n);
    BIO_free(bio);
    return out;
}

QString pemOf(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    const QString out = QString::fromLatin1(data, n);
    BIO_free(bio);
    return out;
}

// A certificate for `key` with the given subject, issued by (caCert, caKey) or self-signed, valid
// from `fromDays` to `toDays` relative to now (negative = in the past).
X509 *makeCert(EVP_PKEY *key, const char *cn, const char *org, X509 *caCert, EVP_PKEY *caKey, long fromDays, long toDays)
{
    X509 *x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), long(QRandomGenerator::global()->bounded(1, 1 << 30)));
    X509_gmtime_adj(X509_getm_notBefore(x), fromDays * 86400);
    X509_gmtime_adj(X509_getm_notAfter(x), toDays * 86400);
    X509_set_pubkey(x, key);
    X509_NAME *name = X509_get_subject_name(x);
    if (org)
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(org), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(cn), -1, -1, 0);
    X509_set_issuer_name(x, caCert ? X509_get_subject_name(caCert) : name);
    X509_sign(x, caKey ? caKey : key, EVP_sha256());
    return x;
}

QString indent(const QString &text, int spaces)
{
    QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &l : lines)
        l.prepend(QString(spaces, QLatin1Char(' ')));
    return lines.join(QLatin1Char('\n'));
}

QString b64(const QString &text)
{
    return QString::fromLatin1(text.toUtf8().toBase64());
}

} // namespace

KubeClusterFixture::KubeClusterFixture() = default;

KubeClusterFixture::~KubeClusterFixture()
{
    if (!m_namespaces.isEmpty() && !m_kubeconfigPath.isEmpty()) {
        QStringList args{QStringLiteral("delete"), QStringLiteral("namespace"), QStringLiteral("--ignore-not-found"),
                         QStringLiteral("--wait=false")};
        args << m_namespaces;
        kubectl(args);
    }
}

QString KubeClusterFixture::clusterScript()
{
    // ctest sets FLEETDECK_SOURCE_DIR; run by hand, the test needs it too.
    const QString source = qEnvironmentVariable("FLEETDECK_SOURCE_DIR");
    return source.isEmpty() ? QString() : source + QStringLiteral("/tests/k8s/cluster");
}

bool KubeClusterFixture::start(QString *error)
{
    const QString script = clusterScript();
    if (script.isEmpty() || !QFileInfo(script).isExecutable()) {
        *error = script.isEmpty() ? QStringLiteral("FLEETDECK_SOURCE_DIR is not set (run the test through ctest)")
                                  : QStringLiteral("%1 is missing").arg(script);
        return false;
    }
    int code = -1;
    QByteArray err;
    run(script, {QStringLiteral("status")}, &code, {}, &err, 60000);
    if (code != 0) {
        if (qEnvironmentVariable("FLEETDECK_K8S_NO_AUTOSTART") == QLatin1String("1")) {
            *error = QStringLiteral("the test cluster is down (tests/k8s/cluster up) and FLEETDECK_K8S_NO_AUTOSTART=1");
            return false;
        }
        // The first run on a machine builds the binaries: that takes minutes.
        run(script, {QStringLiteral("up")}, &code, {}, &err, 60 * 60 * 1000);
        if (code != 0) {
            *error = QStringLiteral("tests/k8s/cluster up failed: %1").arg(QString::fromUtf8(err.right(2000)));
            return false;
        }
    }
    const QString env = QString::fromUtf8(run(script, {QStringLiteral("env")}, &code, {}, &err, 60000));
    static const QRegularExpression kubeconfig(QStringLiteral("^export KUBECONFIG=(\\S+)$"), QRegularExpression::MultilineOption);
    static const QRegularExpression path(QStringLiteral("^export PATH=([^:\"]+):"), QRegularExpression::MultilineOption);
    const auto k = kubeconfig.match(env);
    const auto pth = path.match(env);
    if (code != 0 || !k.hasMatch() || !pth.hasMatch()) {
        *error = QStringLiteral("could not read `cluster env`: %1 %2").arg(env, QString::fromUtf8(err));
        return false;
    }
    m_kubeconfigPath = k.captured(1);
    m_binDir = pth.captured(1);
    m_runDir = QFileInfo(m_kubeconfigPath).absolutePath();
    const QByteArray currentPath = qgetenv("PATH");
    if (!currentPath.startsWith(m_binDir.toUtf8() + ':'))
        qputenv("PATH", m_binDir.toUtf8() + ':' + currentPath);
    qputenv("KUBECONFIG", m_kubeconfigPath.toUtf8());
    return true;
}

QString KubeClusterFixture::kubeconfig() const
{
    QFile f(m_kubeconfigPath);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString KubeClusterFixture::apiServer() const
{
    static const QRegularExpression server(QStringLiteral("server:\\s*(\\S+)"));
    return server.match(kubeconfig()).captured(1);
}

QByteArray KubeClusterFixture::kubectl(const QStringList &args, int *exitCode, const QByteArray &stdinData,
                                       QByteArray *stderrData) const
{
    QStringList full{QStringLiteral("--kubeconfig=") + m_kubeconfigPath};
    full << args;
    return run(m_binDir + QStringLiteral("/kubectl"), full, exitCode, stdinData, stderrData, 120000);
}

QJsonObject KubeClusterFixture::kubectlJson(const QStringList &args) const
{
    return QJsonDocument::fromJson(kubectl(QStringList(args) << QStringLiteral("-o") << QStringLiteral("json"))).object();
}

QString KubeClusterFixture::uniqueNamespace(const QString &prefix, bool create)
{
    const QString ns = QStringLiteral("fd-%1-%2").arg(prefix).arg(QRandomGenerator::global()->bounded(100000, 999999));
    m_namespaces << ns;
    if (create)
        kubectl({QStringLiteral("create"), QStringLiteral("namespace"), ns});
    return ns;
}

Server KubeClusterFixture::localServer(const QString &nameSpace, bool storedKubeconfig) const
{
    Server s;
    s.id = 1;
    s.name = QStringLiteral("test-cluster");
    s.host = QStringLiteral("localhost");
    s.isLocal = true;
    s.settings.orchestrator = Orchestrator::Kubernetes;
    s.settings.kubernetesNamespace = nameSpace;
    s.settings.useIngress = true;
    s.settings.ingressClass = QStringLiteral("nginx");
    if (storedKubeconfig)
        s.settings.kubeconfig = kubeconfig();
    return s;
}

Application KubeClusterFixture::application(const QString &name, int replicas)
{
    Application a;
    a.id = QRandomGenerator::global()->bounded(1, 1000000);
    a.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.name = name;
    a.serverId = 1;
    a.image = QStringLiteral("registry.example.com/fleetdeck/demo:1.0");
    a.ports = {8080};
    a.kubernetesReplicas = replicas;
    return a;
}

QString KubeClusterFixture::kubeconfigWith(const QString &caPem, const QString &userYaml, const QString &server) const
{
    return QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: test\n  cluster:\n    server: %1\n"
                          "    certificate-authority-data: %2\nusers:\n- name: user\n  user:\n%3\ncontexts:\n"
                          "- name: test\n  context:\n    cluster: test\n    user: user\ncurrent-context: test\n")
        .arg(server.isEmpty() ? apiServer() : server, b64(caPem), indent(userYaml, 4));
}

QString KubeClusterFixture::expiredKubeconfig(QString *error) const
{
    QFile caCertFile(m_runDir + QStringLiteral("/pki/ca.crt"));
    QFile caKeyFile(m_runDir + QStringLiteral("/pki/ca.key"));
    if (!caCertFile.open(QIODevice::ReadOnly) || !caKeyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the cluster CA in %1/pki").arg(m_runDir);
        return {};
    }
    const QByteArray caPem = caCertFile.readAll();
    const QByteArray caKeyPem = caKeyFile.readAll();
    BIO *certBio = BIO_new_mem_buf(caPem.constData(), int(caPem.size()));
    BIO *keyBio = BIO_new_mem_buf(caKeyPem.constData(), int(caKeyPem.size()));
    X509 *ca = PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr);
    EVP_PKEY *caKey = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
    BIO_free(certBio);
    BIO_free(keyBio);
    if (!ca || !caKey) {
        *error = QStringLiteral("cannot parse the cluster CA");
        X509_free(ca);
        EVP_PKEY_free(caKey);
        return {};
    }
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *cert = makeCert(key, "fleetdeck-expired", "system:masters", ca, caKey, -3, -1);
    const QString user = QStringLiteral("client-certificate-data: %1\nclient-key-data: %2")
                             .arg(b64(pemOf(cert)), b64(pemOf(key)));
    const QString out = kubeconfigWith(QString::fromUtf8(caPem), user);
    X509_free(cert);
    EVP_PKEY_free(key);
    X509_free(ca);
    EVP_PKEY_free(caKey);
    return out;
}

QString KubeClusterFixture::unknownCaKubeconfig(QString *error) const
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    if (!key) {
        *error = QStringLiteral("cannot generate a key");
        return {};
    }
    X509 *otherCa = makeCert(key, "some-other-ca", nullptr, nullptr, nullptr, -1, 30);
    // The admin's own credentials, but a CA that never signed the API server's certificate.
    static const QRegularExpression userBlock(QStringLiteral("users:\\n- name: [^\\n]*\\n  user:\\n((?:    [^\\n]*\\n)+)"));
    const QString user = userBlock.match(kubeconfig()).captured(1);
    const QString out = kubeconfigWith(pemOf(otherCa), user);
    X509_free(otherCa);
    EVP_PKEY_free(key);
    return out;
}

QString KubeClusterFixture::unreachableKubeconfig() const
{
    QFile ca(m_runDir + QStringLiteral("/pki/ca.crt"));
    const QString caPem = ca.open(QIODevice::ReadOnly) ? QString::fromUtf8(ca.readAll()) : QString();
    return kubeconfigWith(caPem, QStringLiteral("token: not-used"), QStringLiteral("https://127.0.0.1:1"));
}

QString KubeClusterFixture::readOnlyKubeconfig(const QString &ns, QString *error) const
{
    const QString objects = QStringLiteral(R"(apiVersion: v1
kind: ServiceAccount
metadata: {name: fd-reader, namespace: %1}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: fd-reader, namespace: %1}
rules:
- apiGroups: ["", "apps"]
  resources: [pods, deployments, replicasets]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: fd-reader, namespace: %1}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: fd-reader}
subjects:
- {kind: ServiceAccount, name: fd-reader, namespace: %1}
)").arg(ns);
    int code = -1;
    QByteArray err;
    kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, &code, objects.toUtf8(), &err);
    if (code != 0) {
        *error = QString::fromUtf8(err);
        return {};
    }
    const QString token = QString::fromUtf8(kubectl({QStringLiteral("create"), QStringLiteral("token"), QStringLiteral("fd-reader"),
                                                     QStringLiteral("--namespace=") + ns, QStringLiteral("--duration=1h")},
                                                    &code, {}, &err)).trimmed();
    if (code != 0 || token.isEmpty()) {
        *error = QString::fromUtf8(err);
        return {};
    }
    QFile ca(m_runDir + QStringLiteral("/pki/ca.crt"));
    const QString caPem = ca.open(QIODevice::ReadOnly) ? QString::fromUtf8(ca.readAll()) : QString();
    return kubeconfigWith(caPem, QStringLiteral("token: ") + token);
}

bool KubeClusterFixture::waitUntil(const std::function<bool()> &condition, int timeoutMs, int intervalMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (condition())
            return true;
        QThread::msleep(quint64(intervalMs));
    }
    return condition();
}

QString KubeClusterFixture::realNode(QString *why) const
{
    const QJsonArray nodes = kubectlJson({QStringLiteral("get"), QStringLiteral("nodes"), QStringLiteral("-l"),
                                          QStringLiteral("fleetdeck.test/node=real")})
                                 .value(QLatin1String("items")).toArray();
    for (const QJsonValue &n : nodes) {
        const QJsonObject node = n.toObject();
        const QString name = node.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        for (const QJsonValue &c : node.value(QLatin1String("status")).toObject().value(QLatin1String("conditions")).toArray()) {
            const QJsonObject condition = c.toObject();
            if (condition.value(QLatin1String("type")).toString() == QLatin1String("Ready")) {
                if (condition.value(QLatin1String("status")).toString() == QLatin1String("True"))
                    return name;
                *why = QStringLiteral("the real node %1 is not Ready: %2").arg(name, condition.value(QLatin1String("message")).toString());
                return {};
            }
        }
    }
    if (nodes.isEmpty())
        *why = QStringLiteral("the test cluster has no real node (tests/k8s/cluster up starts one unless FLEETDECK_K8S_NODE=0)");
    return {};
}

QString KubeClusterFixture::realNodeSelectorJson()
{
    return QStringLiteral(R"({"fleetdeck.test/node":"real"})");
}

QString KubeClusterFixture::realNodeTolerationsJson()
{
    return QStringLiteral(R"([{"key":"fleetdeck.test/node","operator":"Equal","value":"real","effect":"NoSchedule"}])");
}

QByteArray KubeClusterFixture::nodeCtr(const QStringList &args, int *exitCode, QByteArray *stderrData) const
{
    return run(clusterScript(), QStringList{QStringLiteral("ctr")} + args, exitCode, {}, stderrData, 60000);
}

} // namespace fleetdeck::test
