// ProcessGroup (internal to lib/remote): how an SSH command announces its process group and how a
// cancelled one is killed with its whole group from a second channel.
#pragma once

#include <QByteArray>
#include <QStringList>

namespace fleetdeck {

// The exec line of a command: `printf 'fleetdeck-pgid:%s\n' "$$" >&2; exec <shellJoin(argv)>`. sshd starts
// every command in a new session, so the shell's $$ is the process group; exec keeps that pid for the
// command (and its exit status / signal). A cancel or timeout then kills the whole group from a second
// channel: OpenSSH refuses "signal" requests for root logins (no post-auth privilege separation).
QByteArray wrapCommandLine(const QStringList &argv);

// The argv of the kill helper: TERM to the group, up to graceTenths tenths of a second for it to go,
// then KILL.
QStringList killGroupArgv(qint64 pgid, int graceTenths);

// Extracts the announcement from stderr (stdout under a pty); everything else passes through.
class PgidMarker
{
public:
    QByteArray filter(const QByteArray &chunk);
    QByteArray flush();                // what is still held back (the command ended)
    qint64 pgid() const { return m_pgid; }
    bool done() const { return m_done; }

private:
    QByteArray m_pending;
    qint64 m_pgid = 0;
    bool m_done = false;
};

} // namespace fleetdeck
