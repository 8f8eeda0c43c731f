#include "logs/LogStore.h"

#include <algorithm>

namespace fleetdeck::ui {

LogStore::LogStore(qint64 capacity)
    : m_capacity(std::max<qint64>(1, capacity))
{
}

LogStore::LogStore(const LogStore &other)
    : m_chunks(other.m_chunks)
    , m_baseSeq(other.m_baseSeq)
    , m_firstSeq(other.m_firstSeq)
    , m_endSeq(other.m_endSeq)
    , m_capacity(other.m_capacity)
    , m_dropped(other.m_dropped)
    , m_longest(other.m_longest)
{
}

void LogStore::setCapacity(qint64 lines)
{
    m_capacity = std::max<qint64>(1, lines);
    trim();
}

LogStore::Chunk &LogStore::chunkForAppend()
{
    if (!m_chunks.empty() && m_chunks.back().count() == kChunkLines)
        m_chunks.back().data.squeeze();   // full: give the growth slack back
    if (m_chunks.empty() || m_chunks.back().count() == kChunkLines) {
        m_chunks.emplace_back();
        Chunk &c = m_chunks.back();
        c.offsets.reserve(kChunkLines);
        c.timestampLength.reserve(kChunkLines);
        c.replica.reserve(kChunkLines);
        c.channel.reserve(kChunkLines);
        c.data.reserve(kChunkLines * 96);
        if (m_chunks.size() == 1)
            m_baseSeq = m_endSeq;
    }
    return m_chunks.back();
}

void LogStore::finishLine(Chunk &c, qsizetype begin, qsizetype tsLength)
{
    m_longest = std::max<qint64>(m_longest, c.data.size() - begin - tsLength);
    ++m_endSeq;
    if (size() > m_capacity)
        trim();
}

void LogStore::append(int replica, StreamChannel channel, QByteArrayView timestamp, QByteArrayView text)
{
    Chunk &c = chunkForAppend();
    const auto ts = timestamp.first(std::min<qsizetype>(timestamp.size(), 0xffff));
    const qsizetype begin = c.data.size();
    c.offsets.push_back(quint32(begin));
    c.timestampLength.push_back(quint16(ts.size()));
    c.replica.push_back(quint8(std::clamp(replica, 0, 255)));
    c.channel.push_back(channel == StreamChannel::Stderr ? 1 : 0);
    c.data.append(ts);
    c.data.append(text);
    finishLine(c, begin, ts.size());
}

void LogStore::append(int replica, StreamChannel channel, QStringView timestamp, QStringView text)
{
    Chunk &c = chunkForAppend();
    const QStringView ts = timestamp.first(std::min<qsizetype>(timestamp.size(), 0x3fff));
    const qsizetype begin = c.data.size();
    c.data.resize(begin + m_utf8.requiredSpace(ts.size()) + m_utf8.requiredSpace(text.size()));
    char *out = c.data.data() + begin;
    char *afterTs = m_utf8.appendToBuffer(out, ts);
    char *end = m_utf8.appendToBuffer(afterTs, text);
    c.data.resize(end - c.data.constData());
    c.offsets.push_back(quint32(begin));
    c.timestampLength.push_back(quint16(afterTs - out));
    c.replica.push_back(quint8(std::clamp(replica, 0, 255)));
    c.channel.push_back(channel == StreamChannel::Stderr ? 1 : 0);
    finishLine(c, begin, afterTs - out);
}

void LogStore::trim()
{
    const qint64 excess = size() - m_capacity;
    if (excess <= 0)
        return;
    m_firstSeq += excess;
    m_dropped += excess;
    // Whole chunks that fell out of the window are freed; a partly dropped chunk stays until it is.
    while (!m_chunks.empty() && m_baseSeq + m_chunks.front().count() <= m_firstSeq) {
        m_baseSeq += m_chunks.front().count();
        m_chunks.pop_front();
    }
}

void LogStore::clear()
{
    m_chunks.clear();
    m_longest = 0;
    m_firstSeq = m_endSeq;
    m_baseSeq = m_endSeq;
}

const LogStore::Chunk &LogStore::chunkOf(qint64 seq, int *index) const
{
    const qint64 rel = seq - m_baseSeq;
    *index = int(rel % kChunkLines);
    return m_chunks[size_t(rel / kChunkLines)];
}

QByteArrayView LogStore::raw(qint64 seq, int *tsLength) const
{
    int i = 0;
    const Chunk &c = chunkOf(seq, &i);
    const qsizetype begin = c.offsets[size_t(i)];
    const qsizetype end = i + 1 < c.count() ? qsizetype(c.offsets[size_t(i) + 1]) : c.data.size();
    *tsLength = c.timestampLength[size_t(i)];
    return QByteArrayView(c.data.constData() + begin, end - begin);
}

QByteArrayView LogStore::text(qint64 seq) const
{
    int ts = 0;
    return raw(seq, &ts).sliced(ts);
}

QByteArrayView LogStore::timestamp(qint64 seq) const
{
    int ts = 0;
    return raw(seq, &ts).first(ts);
}

int LogStore::replica(qint64 seq) const
{
    int i = 0;
    return chunkOf(seq, &i).replica[size_t(i)];
}

StreamChannel LogStore::channel(qint64 seq) const
{
    int i = 0;
    return chunkOf(seq, &i).channel[size_t(i)] ? StreamChannel::Stderr : StreamChannel::Stdout;
}

qint64 LogStore::memoryBytes() const
{
    qint64 bytes = 0;
    for (const Chunk &c : m_chunks)
        bytes += c.data.capacity() + qint64(c.offsets.capacity()) * 4 + qint64(c.timestampLength.capacity()) * 2
            + qint64(c.replica.capacity()) + qint64(c.channel.capacity()) + qint64(sizeof(Chunk));
    return bytes;
}

} // namespace fleetdeck::ui
