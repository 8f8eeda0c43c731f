// SshAuth: authenticating a connected session with a private key, ssh-agent or a password.

#include "remote/SshAuth.h"

#include "core/Translate.h"
#include "remote/SshKeys.h"
#include "remote/SshSession.h"

#include <QFile>
#include <QFileInfo>

namespace fleetdeck {

namespace {

QString methodNames(int methods)
{
    QStringList names;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        names << QStringLiteral("publickey");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        names << QStringLiteral("password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        names << QStringLiteral("keyboard-interactive");
    if (methods & SSH_AUTH_METHOD_HOSTBASED)
        names << QStringLiteral("hostbased");
    if (methods & SSH_AUTH_METHOD_GSSAPI_MIC)
        names << QStringLiteral("gssapi-with-mic");
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

Error authError(const QString &message, const QString &field = {}, const QString &detail = {})
{
    Error e = Error::make(ErrorKind::AuthFailed, message, detail);
    e.field = field;
    return e;
}

Error authTransportError(ssh_session session, const Server &server)
{
    return Error::make(ErrorKind::Unreachable,
                     QCoreApplication::translate("fleetdeck::remote", "The connection to %1 failed during authentication.").arg(sshTarget(server)),
                     libsshError(session));
}

// Reads and decrypts the identity file; the caller frees the key.
Result<ssh_key> loadPrivateKey(const Server &server)
{
    const QString path = server.identityFile;
    QFile file(path);
    if (!QFileInfo::exists(path))
        return authError(QStringLiteral("The private key file %1 does not exist.").arg(path), QStringLiteral("identityFile"));
    if (!file.open(QIODevice::ReadOnly))
        return authError(QStringLiteral("The private key file %1 cannot be read: %2.").arg(path, file.errorString()),
                         QStringLiteral("identityFile"));
    const QByteArray content = file.readAll();
    const PrivateKeyProtection protection = privateKeyProtection(content);
    if (protection == PrivateKeyProtection::NotAKey)
        return authError(QStringLiteral("%1 is not a private key file this program can read.").arg(path),
                         QStringLiteral("identityFile"));
    if (protection == PrivateKeyProtection::Encrypted && server.secret.isEmpty())
        return authError(QStringLiteral("The private key %1 is protected by a passphrase, and none is stored for this server.")
                             .arg(path),
                         QStringLiteral("secret"));

    ssh_key key = nullptr;
    QByteArray passphrase = server.secret.toUtf8();
    const int rc = ssh_pki_import_privkey_base64(content.constData(),
                                                 protection == PrivateKeyProtection::Encrypted ? passphrase.constData() : nullptr,
                                                 nullptr, nullptr, &key);
    passphrase.fill('\0');
    if (rc != SSH_OK || !key) {
        if (protection == PrivateKeyProtection::Encrypted)
            return authError(QStringLiteral("Wrong passphrase for the private key %1.").arg(path), QStringLiteral("secret"));
        return authError(QStringLiteral("The private key %1 could not be loaded (unsupported format?).").arg(path),
                         QStringLiteral("identityFile"));
    }
    return key;
}

// Asks whether the server takes the public half of `key`, then signs with it.
Status offerKey(ssh_session session, const Server &server, ssh_key key)
{
    const QString path = server.identityFile;
    ssh_key publicKey = nullptr;
    if (ssh_pki_export_privkey_to_pubkey(key, &publicKey) != SSH_OK)
        return authError(QStringLiteral("Could not derive the public key of %1.").arg(path), QStringLiteral("identityFile"));
    const int offered = ssh_userauth_try_publickey(session, nullptr, publicKey);
    ssh_key_free(publicKey);
    if (offered == SSH_AUTH_ERROR)
        return authTransportError(session, server);
    if (offered != SSH_AUTH_SUCCESS) {
        // SSH servers do not say whether the user exists (by design), so both causes are named.
        return authError(QStringLiteral("%1 did not accept the key %2 for user '%3': the key is not in that user's "
                                        "authorized_keys, or there is no user '%3' on the server.")
                             .arg(sshTarget(server), path, server.user),
                         QStringLiteral("identityFile"));
    }
    const int signedRc = ssh_userauth_publickey(session, nullptr, key);
    if (signedRc == SSH_AUTH_SUCCESS)
        return {};
    if (signedRc == SSH_AUTH_PARTIAL)
        return authError(QStringLiteral("%1 accepted the key but requires a second authentication method (%2), which is "
                                        "not supported.")
                             .arg(sshTarget(server), methodNames(ssh_userauth_list(session, nullptr))));
    if (signedRc == SSH_AUTH_ERROR)
        return authTransportError(session, server);
    return authError(QStringLiteral("%1 rejected the signature made with %2.").arg(sshTarget(server), path),
                     QStringLiteral("identityFile"));
}

Status authenticateWithKey(ssh_session session, const Server &server, int methods)
{
    if (server.identityFile.isEmpty())
        return authError(QStringLiteral("No private key file is set for %1.").arg(sshTarget(server)),
                         QStringLiteral("identityFile"));
    if (!(methods & SSH_AUTH_METHOD_PUBLICKEY))
        return authError(QStringLiteral("%1 refuses public key authentication (it accepts: %2).")
                             .arg(sshTarget(server), methodNames(methods)));
    Result<ssh_key> key = loadPrivateKey(server);
    if (!key)
        return key.error();
    const Status status = offerKey(session, server, *key);
    ssh_key_free(*key);
    return status;
}

Status authenticateWithAgent(ssh_session session, const Server &server, int methods)
{
    if (!(methods & SSH_AUTH_METHOD_PUBLICKEY))
        return authError(QStringLiteral("%1 refuses public key authentication, so ssh-agent cannot be used (it accepts: %2).")
                             .arg(sshTarget(server), methodNames(methods)));
    if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
        return authError(QStringLiteral("No ssh-agent is available (SSH_AUTH_SOCK is not set)."));
    const int rc = ssh_userauth_agent(session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_PARTIAL)
        return authError(QStringLiteral("%1 requires a second authentication method, which is not supported.").arg(sshTarget(server)));
    if (rc == SSH_AUTH_ERROR && ssh_is_connected(session))
        return authError(QStringLiteral("Could not use ssh-agent."), {}, libsshError(session));
    if (rc == SSH_AUTH_ERROR)
        return authTransportError(session, server);
    return authError(QStringLiteral("%1 accepted none of the keys in ssh-agent for user '%2' (or there is no such user).")
                         .arg(sshTarget(server), server.user));
}

Status authenticateWithPassword(ssh_session session, const Server &server, int methods)
{
    const QByteArray password = server.secret.toUtf8();
    int rc = SSH_AUTH_DENIED;
    if (methods & SSH_AUTH_METHOD_PASSWORD) {
        rc = ssh_userauth_password(session, nullptr, password.constData());
    } else if (methods & SSH_AUTH_METHOD_INTERACTIVE) {
        // Servers with PAM often offer passwords only as keyboard-interactive: answer the hidden prompts.
        rc = ssh_userauth_kbdint(session, nullptr, nullptr);
        for (int round = 0; rc == SSH_AUTH_INFO && round < 8; ++round) {
            const int prompts = ssh_userauth_kbdint_getnprompts(session);
            for (int i = 0; i < prompts; ++i) {
                char echo = 0;
                ssh_userauth_kbdint_getprompt(session, unsigned(i), &echo);
                ssh_userauth_kbdint_setanswer(session, unsigned(i), echo ? "" : password.constData());
            }
            rc = ssh_userauth_kbdint(session, nullptr, nullptr);
        }
    } else {
        return authError(QStringLiteral("%1 refuses password authentication (it accepts: %2).")
                             .arg(sshTarget(server), methodNames(methods)));
    }
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return authTransportError(session, server);
    if (rc == SSH_AUTH_PARTIAL)
        return authError(QStringLiteral("%1 requires a second authentication method, which is not supported.").arg(sshTarget(server)));
    return authError(QStringLiteral("%1 rejected the password for user '%2'.").arg(sshTarget(server), server.user),
                     QStringLiteral("secret"));
}

} // namespace

Status authenticate(ssh_session session, const Server &server)
{
    const int none = ssh_userauth_none(session, nullptr);
    if (none == SSH_AUTH_SUCCESS)
        return {};
    if (none == SSH_AUTH_ERROR)
        return authTransportError(session, server);
    const int methods = ssh_userauth_list(session, nullptr);
    switch (server.auth) {
    case AuthMethod::Key:
        return authenticateWithKey(session, server, methods);
    case AuthMethod::Agent:
        return authenticateWithAgent(session, server, methods);
    case AuthMethod::Password:
        return authenticateWithPassword(session, server, methods);
    }
    return authError(QStringLiteral("Unknown authentication method."));
}

} // namespace fleetdeck
