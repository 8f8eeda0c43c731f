// SshKeys: pure helpers about keys — OpenSSH-style fingerprints and private-key file inspection.
#pragma once

#include <QByteArray>
#include <QString>

namespace fleetdeck {

// "SHA256:" + base64 without padding of a raw SHA-256 digest, as `ssh-keygen -lf` prints it.
QString sha256Fingerprint(const QByteArray &rawDigest);

// True when `fingerprint` looks like "SHA256:<43 base64 chars>".
bool isSha256Fingerprint(const QString &fingerprint);

enum class PrivateKeyProtection { Unencrypted, Encrypted, NotAKey };

// Inspects a private key file's text (OpenSSH "openssh-key-v1" or PEM) without decrypting it, so an
// auth failure can say "needs a passphrase" instead of "wrong key".
PrivateKeyProtection privateKeyProtection(const QByteArray &fileContent);

} // namespace fleetdeck
