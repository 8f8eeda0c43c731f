// ApiTokens: creating REST API tokens (32 random bytes, shown once) and checking a presented one
// against the stored SHA-256 hashes in constant time.
#pragma once

#include "core/Result.h"
#include "store/Repositories.h"

#include <optional>

namespace fleetdeck::api {

struct CreatedToken {
    ApiToken stored;
    QString token;   // "fdk_" + base64url of 32 random bytes: the only time it exists outside the client
};

Result<CreatedToken> createToken(Store &store, const QString &name, bool readOnly);
QByteArray tokenHash(const QString &token);   // SHA-256, 32 bytes

// The token an "Authorization: Bearer ..." header names, or nullopt (unknown, revoked, malformed).
// Every stored hash is compared, without an early exit, so the time taken says nothing about them.
Result<std::optional<ApiToken>> authenticate(Store &store, const QByteArray &authorizationHeader);

} // namespace fleetdeck::api
