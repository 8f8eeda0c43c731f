// SshHostKey: reading the host key a server offers and checking it against the trusted fingerprint.

#include "remote/SshHostKey.h"

#include "core/Translate.h"
#include "remote/SshKeys.h"
#include "remote/SshSession.h"

namespace fleetdeck {

Result<HostKey> readHostKey(ssh_session session)
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(session, &key) != SSH_OK || !key)
        return Error::make(ErrorKind::Unreachable, QCoreApplication::translate("fleetdeck::remote", "The server sent no host key."), libsshError(session));
    unsigned char *hash = nullptr;
    size_t length = 0;
    const int rc = ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length);
    HostKey out;
    const char *type = ssh_key_type_to_char(ssh_key_type(key));
    out.type = type ? QString::fromLatin1(type).toUpper().remove(QLatin1String("SSH-")) : QString();
    ssh_key_free(key);
    if (rc != SSH_OK || !hash)
        return Error::make(ErrorKind::Internal, QCoreApplication::translate("fleetdeck::remote", "Could not hash the server's host key."));
    out.fingerprint = sha256Fingerprint(QByteArray(reinterpret_cast<const char *>(hash), qsizetype(length)));
    ssh_clean_pubkey_hash(&hash);
    return out;
}

Status verifyHostKey(ssh_session session, const Server &server)
{
    Result<HostKey> key = readHostKey(session);
    if (!key)
        return key.error();
    if (server.hostKeyFingerprint.isEmpty()) {
        Error e = Error::make(ErrorKind::HostKeyUnknown,
                            QCoreApplication::translate("fleetdeck::remote", "The host key of %1 is not trusted yet: %2 (%3). Check it on the server "
                                                                             "(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) and trust it; nothing was run.")
                                .arg(sshTarget(server), key->fingerprint, key->type));
        e.fingerprint = key->fingerprint;
        return e;
    }
    if (key->fingerprint != server.hostKeyFingerprint) {
        Error e = Error::make(ErrorKind::HostKeyChanged,
                            QCoreApplication::translate("fleetdeck::remote", "WARNING: the host key of %1 has CHANGED. Trusted: %2; the server now offers: "
                                                                             "%3 (%4). This can mean someone is intercepting the connection; nothing was run. "
                                                                             "Trust the new key only if you know why it changed.")
                                .arg(sshTarget(server), server.hostKeyFingerprint, key->fingerprint, key->type));
        e.fingerprint = key->fingerprint;
        e.expected = server.hostKeyFingerprint;
        return e;
    }
    return {};
}

Result<QString> sshFetchHostKeyFingerprint(const Server &server, int timeoutMs, QString *keyType)
{
    ssh_session session = newSession(server, timeoutMs);
    if (!session)
        return Error::make(ErrorKind::Internal, QCoreApplication::translate("fleetdeck::remote", "Could not create an SSH session."));
    const Status connected = connectSocket(session, server, timeoutMs);
    if (!connected) {
        freeSession(session);
        return connected.error();
    }
    Result<HostKey> key = readHostKey(session);
    freeSession(session);
    if (!key)
        return key.error();
    if (keyType)
        *keyType = key->type;
    return key->fingerprint;
}

} // namespace fleetdeck
