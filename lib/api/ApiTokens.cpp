// ApiTokens: token generation, hashing and constant-time lookup.
#include "api/ApiTokens.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <openssl/crypto.h>

#include <array>

namespace fleetdeck::api {

QByteArray tokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

Result<CreatedToken> createToken(Store &store, const QString &name, bool readOnly)
{
    std::array<quint32, 8> random{};   // 32 bytes from the system's cryptographic source
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    const QByteArray bytes(reinterpret_cast<const char *>(random.data()), sizeof(random));
    CreatedToken out;
    out.token = QStringLiteral("fdk_") + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    ApiToken row;
    row.name = name;
    row.readOnly = readOnly;
    row.hash = tokenHash(out.token);
    auto stored = store.addApiToken(row);
    if (!stored)
        return stored.error();
    out.stored = *stored;
    return out;
}

Result<std::optional<ApiToken>> authenticate(Store &store, const QByteArray &authorizationHeader)
{
    static const QByteArray scheme = "bearer ";
    if (!authorizationHeader.toLower().startsWith(scheme))
        return std::optional<ApiToken>();
    const QByteArray presented = tokenHash(QString::fromUtf8(authorizationHeader.mid(scheme.size()).trimmed()));
    auto tokens = store.apiTokens();
    if (!tokens)
        return tokens.error();
    std::optional<ApiToken> match;
    for (const ApiToken &t : *tokens) {
        if (t.hash.size() == presented.size() && CRYPTO_memcmp(t.hash.constData(), presented.constData(), size_t(presented.size())) == 0)
            match = t;
    }
    return match;
}

} // namespace fleetdeck::api
