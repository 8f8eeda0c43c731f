#include "secrets/SecretBox.h"

#include "core/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace fleetdeck {

namespace {
constexpr int kKeySize = 32;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
const QLatin1String kPrefix("fdsec1:");

struct CipherContext {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    ~CipherContext() { EVP_CIPHER_CTX_free(ctx); }
};
} // namespace

SecretBox::SecretBox(QByteArray key) : m_key(std::move(key)) {}

QString SecretBox::defaultKeyPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/fleetdeck/master.key");
}

Result<std::shared_ptr<SecretBox>> SecretBox::forUser()
{
    const QByteArray fromEnv = qgetenv("FLEETDECK_MASTER_KEY");
    if (!fromEnv.isEmpty()) {
        const QByteArray key = QByteArray::fromBase64(fromEnv);
        if (key.size() != kKeySize)
            return Error::invalid(QStringLiteral("FLEETDECK_MASTER_KEY"),
                                  QStringLiteral("must be 32 bytes in base64 (e.g. from `openssl rand -base64 32`)"));
        return std::make_shared<SecretBox>(key);
    }
    const QString path = defaultKeyPath();
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error::make(ErrorKind::Storage, QStringLiteral("cannot read the secret key %1").arg(path), file.errorString());
        const QByteArray key = QByteArray::fromBase64(file.readAll().trimmed());
        if (key.size() != kKeySize)
            return Error::make(ErrorKind::Storage, QStringLiteral("the secret key %1 is damaged (not 32 bytes)").arg(path));
        return std::make_shared<SecretBox>(key);
    }
    QByteArray key(kKeySize, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), kKeySize) != 1)
        return Error::make(ErrorKind::Internal, QStringLiteral("the system random generator failed"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::make(ErrorKind::Storage, QStringLiteral("cannot create the secret key %1").arg(path), out.errorString());
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(key.toBase64() + '\n');
    if (!out.commit())
        return Error::make(ErrorKind::Storage, QStringLiteral("cannot write the secret key %1").arg(path), out.errorString());
    qCInfo(lcSecrets) << "created secret key" << path;
    return std::make_shared<SecretBox>(key);
}

bool SecretBox::isSealed(const QString &value)
{
    return value.startsWith(kPrefix);
}

Result<QString> SecretBox::seal(const QString &plaintext) const
{
    if (plaintext.isEmpty())
        return QString();
    const QByteArray data = plaintext.toUtf8();
    QByteArray nonce(kNonceSize, '\0');
    RAND_bytes(reinterpret_cast<unsigned char *>(nonce.data()), kNonceSize);
    QByteArray cipher(data.size(), '\0');
    QByteArray tag(kTagSize, '\0');
    CipherContext c;
    int len = 0;
    const bool ok = c.ctx
        && EVP_EncryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, reinterpret_cast<const unsigned char *>(m_key.constData()),
                              reinterpret_cast<const unsigned char *>(nonce.constData())) == 1
        && EVP_EncryptUpdate(c.ctx, reinterpret_cast<unsigned char *>(cipher.data()), &len,
                             reinterpret_cast<const unsigned char *>(data.constData()), int(data.size())) == 1
        && EVP_EncryptFinal_ex(c.ctx, reinterpret_cast<unsigned char *>(cipher.data()) + len, &len) == 1
        && EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, kTagSize, tag.data()) == 1;
    if (!ok)
        return Error::make(ErrorKind::Internal, QStringLiteral("encrypting a secret failed"));
    return kPrefix + QString::fromLatin1((nonce + cipher + tag).toBase64());
}

Result<QString> SecretBox::open(const QString &sealed) const
{
    if (sealed.isEmpty())
        return QString();
    if (!isSealed(sealed))
        return Error::make(ErrorKind::Storage, QStringLiteral("a secret in the store is not encrypted; refusing to use it"));
    const QByteArray blob = QByteArray::fromBase64(sealed.mid(kPrefix.size()).toLatin1());
    if (blob.size() < kNonceSize + kTagSize)
        return Error::make(ErrorKind::Storage, QStringLiteral("a secret in the store is damaged"));
    const QByteArray nonce = blob.left(kNonceSize);
    const QByteArray tag = blob.right(kTagSize);
    const QByteArray cipher = blob.mid(kNonceSize, blob.size() - kNonceSize - kTagSize);
    QByteArray plain(cipher.size(), '\0');
    CipherContext c;
    int len = 0;
    const bool ok = c.ctx
        && EVP_DecryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, reinterpret_cast<const unsigned char *>(m_key.constData()),
                              reinterpret_cast<const unsigned char *>(nonce.constData())) == 1
        && EVP_DecryptUpdate(c.ctx, reinterpret_cast<unsigned char *>(plain.data()), &len,
                             reinterpret_cast<const unsigned char *>(cipher.constData()), int(cipher.size())) == 1
        && EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, kTagSize, const_cast<char *>(tag.constData())) == 1
        && EVP_DecryptFinal_ex(c.ctx, reinterpret_cast<unsigned char *>(plain.data()) + len, &len) == 1;
    if (!ok)
        return Error::make(ErrorKind::Storage, QStringLiteral("a secret cannot be decrypted: the store was written with "
                                                              "another key (see FLEETDECK_MASTER_KEY / %1)").arg(defaultKeyPath()));
    return QString::fromUtf8(plain);
}

} // namespace fleetdeck
