// SshSession: creating a libssh session with our options and connecting its socket.

#include "remote/SshSession.h"

namespace fleetdeck {

namespace {

void setTimeout(ssh_session session, int ms)
{
    long secs = ms / 1000;
    long usecs = (ms % 1000) * 1000L;
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &secs);
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT_USEC, &usecs);
}

} // namespace

QString sshTarget(const Server &server)
{
    return QStringLiteral("%1@%2:%3").arg(server.user, server.host).arg(server.port);
}

QString libsshError(ssh_session session)
{
    return session ? QString::fromUtf8(ssh_get_error(session)) : QString();
}

QString secondsText(int ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

ssh_session newSession(const Server &server, int timeoutMs)
{
    ssh_session session = ssh_new();
    if (!session)
        return nullptr;
    const QByteArray host = server.host.toUtf8();
    const QByteArray user = server.user.toUtf8();
    unsigned int port = unsigned(server.port);
    int no = 0;
    int yes = 1;
    // A fixed host key preference, so the fingerprint a server shows does not depend on libssh's default.
    const char *hostKeys = "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,"
                           "rsa-sha2-512,rsa-sha2-256";
    ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &no);
    ssh_options_set(session, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(session, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(session, SSH_OPTIONS_NODELAY, &yes);
    ssh_options_set(session, SSH_OPTIONS_HOSTKEYS, hostKeys);
    ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
    ssh_options_set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    setTimeout(session, timeoutMs);
    ssh_set_blocking(session, 1);
    return session;
}

void freeSession(ssh_session session)
{
    if (!session)
        return;
    ssh_disconnect(session);
    ssh_free(session);
}

Status connectSocket(ssh_session session, const Server &server, int timeoutMs)
{
    if (ssh_connect(session) == SSH_OK)
        return {};
    const QString detail = libsshError(session);
    QString message;
    if (detail.contains(QLatin1String("Timeout"), Qt::CaseInsensitive))
        message = QStringLiteral("Could not reach %1: no answer within %2.").arg(sshTarget(server), secondsText(timeoutMs));
    else if (detail.contains(QLatin1String("refused"), Qt::CaseInsensitive))
        message = QStringLiteral("Could not reach %1: connection refused (is sshd running on port %2?).")
                      .arg(sshTarget(server))
                      .arg(server.port);
    else
        message = QStringLiteral("Could not connect to %1.").arg(sshTarget(server));
    return Error::make(ErrorKind::Unreachable, message, detail);
}

} // namespace fleetdeck
