// SecretBox: encrypts secrets (kubeconfigs, passphrases, secret env values, tokens) before they
// reach the store. AES-256-GCM; the 32-byte key comes from FLEETDECK_MASTER_KEY (base64) or from a
// 0600 key file in the user's config directory, created on first use.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace fleetdeck {

class SecretBox
{
public:
    explicit SecretBox(QByteArray key); // 32 bytes
    // The key of this user: FLEETDECK_MASTER_KEY, else <config>/fleetdeck/master.key (created 0600).
    static Result<std::shared_ptr<SecretBox>> forUser();
    static QString defaultKeyPath();

    // "" stays ""; anything else becomes "fdsec1:<base64(nonce|ciphertext|tag)>".
    Result<QString> seal(const QString &plaintext) const;
    // Accepts only sealed values (or ""): plaintext in the store is an error, never silently used.
    Result<QString> open(const QString &sealed) const;

    static bool isSealed(const QString &value);

private:
    QByteArray m_key;
};

} // namespace fleetdeck
