// LogStore: the lines a log window keeps, bounded (oldest dropped and counted), packed as UTF-8 in
// chunks of 4096 lines so that a million lines cost their bytes plus ~8 bytes each, not a QString each.
#pragma once

#include "remote/Transport.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringEncoder>
#include <QStringView>

#include <deque>
#include <vector>

namespace fleetdeck::ui {

class LogStore final
{
public:
    static constexpr qint64 kDefaultCapacity = 1'000'000;

    explicit LogStore(qint64 capacity = kDefaultCapacity);
    // A copy shares the chunks' bytes (implicitly shared QByteArrays) and copies only their small
    // indexes: a snapshot of a million lines costs a few milliseconds, then lives on another thread.
    LogStore(const LogStore &other);
    LogStore &operator=(const LogStore &) = delete;

    void setCapacity(qint64 lines);          // >= 1; drops the oldest lines beyond it
    qint64 capacity() const { return m_capacity; }

    // Lines are numbered by a sequence that never restarts: [firstSeq, endSeq) are kept.
    void append(int replica, StreamChannel channel, QByteArrayView timestamp, QByteArrayView text);
    // Same, encoding UTF-16 straight into the chunk (no temporary QByteArray per line).
    void append(int replica, StreamChannel channel, QStringView timestamp, QStringView text);
    qint64 longestLineBytes() const { return m_longest; }   // of every line appended since clear()
    qint64 firstSeq() const { return m_firstSeq; }
    qint64 endSeq() const { return m_endSeq; }
    qint64 size() const { return m_endSeq - m_firstSeq; }
    qint64 dropped() const { return m_dropped; }   // lines dropped because of the capacity

    // Valid for firstSeq() <= seq < endSeq() until the next append/clear.
    QByteArrayView text(qint64 seq) const;
    QByteArrayView timestamp(qint64 seq) const;
    int replica(qint64 seq) const;
    StreamChannel channel(qint64 seq) const;

    void clear();                            // not counted as dropped
    qint64 memoryBytes() const;              // what the chunks hold (capacity of their buffers)

private:
    static constexpr int kChunkLines = 4096;
    struct Chunk {
        QByteArray data;                     // timestamp bytes then text bytes, line after line
        std::vector<quint32> offsets;        // start of each line in data
        std::vector<quint16> timestampLength;
        std::vector<quint8> replica;
        std::vector<quint8> channel;
        int count() const { return int(offsets.size()); }
    };
    const Chunk &chunkOf(qint64 seq, int *index) const;
    QByteArrayView raw(qint64 seq, int *tsLength) const;
    void trim();
    Chunk &chunkForAppend();
    void finishLine(Chunk &c, qsizetype begin, qsizetype tsLength);

    std::deque<Chunk> m_chunks;
    QStringEncoder m_utf8{QStringEncoder::Utf8};
    qint64 m_baseSeq = 0;                    // seq of line 0 of m_chunks.front()
    qint64 m_firstSeq = 0;
    qint64 m_endSeq = 0;
    qint64 m_capacity;
    qint64 m_dropped = 0;
    qint64 m_longest = 0;
};

} // namespace fleetdeck::ui
