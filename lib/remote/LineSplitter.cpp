// LineSplitter: byte stream -> lines, bounded.

#include "remote/LineSplitter.h"

namespace fleetdeck {

namespace {
QByteArray withoutCarriageReturn(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}
} // namespace

QList<QByteArray> LineSplitter::feed(const QByteArray &data)
{
    QList<QByteArray> lines;
    m_pending += data;
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = m_pending.indexOf('\n', start);
        if (newline < 0)
            break;
        lines.append(withoutCarriageReturn(m_pending.mid(start, newline - start)));
        start = newline + 1;
    }
    m_pending.remove(0, start);
    while (m_pending.size() >= m_maxLineBytes) {
        lines.append(m_pending.left(m_maxLineBytes));
        m_pending.remove(0, m_maxLineBytes);
    }
    return lines;
}

QList<QByteArray> LineSplitter::flush()
{
    QList<QByteArray> lines;
    if (!m_pending.isEmpty())
        lines.append(withoutCarriageReturn(m_pending));
    m_pending.clear();
    return lines;
}

} // namespace fleetdeck
