// ActivityLog: the record of every command the transports ran (for the GUI's activity dock and the CLI).
#pragma once

#include "remote/RemoteCommand.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

namespace fleetdeck {

struct ActivityEntry {
    quint64 sequence = 0;          // increasing, assigned by the log
    QDateTime startedAt;           // UTC
    QString server;                // server name, or "this machine"
    QString target;                // Transport::describe(): "root@10.0.0.5:22"
    QStringList argv;              // secret arguments replaced by "***"
    QString purpose;
    bool streamed = false;         // a stream (logs -f) rather than a one-shot command
    int exitCode = -1;
    QString exitSignal;
    qint64 durationMs = 0;
    qint64 stdinBytes = 0;         // size only, never the content; -1 when stdin is secret
    QString error;                 // transport failure (host key, auth, timeout, ...); empty when it ran
    QString errorKind;             // errorKindName() of that failure
};

// argv with every index listed in command.secretArgs replaced by "***".
QStringList maskedArgv(const RemoteCommand &command);

// Thread-safe. Keeps the last capacity() entries in memory; `recorded` is emitted in the thread that
// recorded (connect with a context object: GUI slots then run queued on the GUI thread).
class ActivityLog final : public QObject
{
    Q_OBJECT
public:
    static ActivityLog &instance();

    explicit ActivityLog(int capacity = 1000, QObject *parent = nullptr);

    void record(ActivityEntry entry);
    QList<ActivityEntry> entries() const;   // oldest first
    int capacity() const;
    void setCapacity(int capacity);
    void clear();

    // The entry a transport records for `command`: fills argv (masked), purpose, stdin size.
    static ActivityEntry entryFor(const RemoteCommand &command, const QString &server, const QString &target);

Q_SIGNALS:
    void recorded(const fleetdeck::ActivityEntry &entry);

private:
    mutable QMutex m_mutex;
    QList<ActivityEntry> m_ring;
    qsizetype m_head = 0;          // index of the oldest entry once the ring is full
    int m_capacity;
    quint64 m_nextSequence = 1;
};

} // namespace fleetdeck

Q_DECLARE_METATYPE(fleetdeck::ActivityEntry)
