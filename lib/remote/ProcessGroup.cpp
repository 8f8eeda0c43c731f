// ProcessGroup: the process-group announcement of SSH commands and the script that kills a group.

#include "remote/ProcessGroup.h"

#include "remote/ShellQuote.h"

namespace fleetdeck {

namespace {
const QByteArray kPgidPrefix("fleetdeck-pgid:");

// Constant script run in a second channel: TERM to the group, up to $2 tenths of a second for it to
// go, then KILL. `kill -SIG -PGID` is the one spelling dash, bash and busybox all accept.
const QString kKillScript = QStringLiteral(
    "kill -TERM \"-$1\" 2>/dev/null || exit 0\n"
    "i=0\n"
    "while [ \"$i\" -lt \"$2\" ] && kill -0 \"-$1\" 2>/dev/null; do sleep 0.1; i=$((i+1)); done\n"
    "kill -KILL \"-$1\" 2>/dev/null\n"
    "exit 0\n");
} // namespace

QByteArray wrapCommandLine(const QStringList &argv)
{
    return QByteArray("printf '") + kPgidPrefix + "%s\\n' \"$$\" >&2; exec " + shellJoin(argv).toUtf8();
}

QByteArray PgidMarker::filter(const QByteArray &chunk)
{
    if (m_done)
        return chunk;
    m_pending += chunk;
    QByteArray passed;
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = m_pending.indexOf('\n', start);
        if (newline < 0)
            break;
        QByteArray line = m_pending.mid(start, newline - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith(kPgidPrefix)) {
            bool ok = false;
            const qint64 pgid = line.mid(kPgidPrefix.size()).toLongLong(&ok);
            if (ok && pgid > 1)
                m_pgid = pgid;
            m_done = true;
            passed += m_pending.left(start) + m_pending.mid(newline + 1);
            m_pending.clear();
            return passed;
        }
        start = newline + 1; // a line before ours (a chatty .bashrc): keep it, keep looking
    }
    if (m_pending.size() > 4096) { // no announcement: give up, pass everything on
        m_done = true;
        passed = std::move(m_pending);
        m_pending.clear();
        return passed;
    }
    passed = m_pending.left(start);
    m_pending.remove(0, start);
    return passed;
}

QByteArray PgidMarker::flush()
{
    m_done = true;
    QByteArray rest = std::move(m_pending);
    m_pending.clear();
    return rest;
}

QStringList killGroupArgv(qint64 pgid, int graceTenths)
{
    return {QStringLiteral("sh"), QStringLiteral("-c"), kKillScript, QStringLiteral("fleetdeck-kill"), QString::number(pgid),
            QString::number(graceTenths)};
}

} // namespace fleetdeck
