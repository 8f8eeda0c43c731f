// ActivityLog: bounded in-memory ring of the commands run; stdin content never enters it.

#include "remote/ActivityLog.h"

#include <QMutexLocker>

namespace fleetdeck {

QStringList maskedArgv(const RemoteCommand &command)
{
    QStringList argv = command.argv;
    for (const int index : command.secretArgs) {
        if (index >= 0 && index < argv.size())
            argv[index] = QStringLiteral("***");
    }
    return argv;
}

ActivityLog &ActivityLog::instance()
{
    static ActivityLog log;
    return log;
}

ActivityLog::ActivityLog(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{
    qRegisterMetaType<ActivityEntry>();
}

void ActivityLog::record(ActivityEntry entry)
{
    {
        QMutexLocker lock(&m_mutex);
        entry.sequence = m_nextSequence++;
        if (m_ring.size() < m_capacity) {
            m_ring.append(entry);
        } else {
            m_ring[m_head] = entry;
            m_head = (m_head + 1) % m_ring.size();
        }
    }
    Q_EMIT recorded(entry);
}

QList<ActivityEntry> ActivityLog::entries() const
{
    QMutexLocker lock(&m_mutex);
    QList<ActivityEntry> out;
    out.reserve(m_ring.size());
    for (qsizetype i = 0; i < m_ring.size(); ++i)
        out.append(m_ring.at((m_head + i) % m_ring.size()));
    return out;
}

int ActivityLog::capacity() const
{
    QMutexLocker lock(&m_mutex);
    return m_capacity;
}

void ActivityLog::setCapacity(int capacity)
{
    QMutexLocker lock(&m_mutex);
    QList<ActivityEntry> ordered;
    for (qsizetype i = 0; i < m_ring.size(); ++i)
        ordered.append(m_ring.at((m_head + i) % m_ring.size()));
    m_capacity = qMax(1, capacity);
    if (ordered.size() > m_capacity)
        ordered = ordered.mid(ordered.size() - m_capacity);
    m_ring = ordered;
    m_head = 0;
}

void ActivityLog::clear()
{
    QMutexLocker lock(&m_mutex);
    m_ring.clear();
    m_head = 0;
}

ActivityEntry ActivityLog::entryFor(const RemoteCommand &command, const QString &server, const QString &target)
{
    ActivityEntry entry;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    entry.server = server;
    entry.target = target;
    entry.argv = maskedArgv(command);
    entry.purpose = command.purpose;
    entry.stdinBytes = command.stdinIsSecret ? -1 : command.stdinData.size();
    return entry;
}

} // namespace fleetdeck
