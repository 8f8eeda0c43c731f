// LineSplitter: turns a byte stream (stdout or stderr of a streamed command) into lines.
#pragma once

#include <QByteArray>
#include <QList>

namespace fleetdeck {

// Splits on '\n'; drops one trailing '\r' (pty output is "\r\n"). A line longer than maxLineBytes
// is cut into pieces of that size so that a program that never prints a newline cannot grow memory.
class LineSplitter
{
public:
    explicit LineSplitter(qsizetype maxLineBytes = 64 * 1024) : m_maxLineBytes(maxLineBytes) {}

    // Complete lines found in `data` (plus what was pending), without their line endings.
    QList<QByteArray> feed(const QByteArray &data);
    // The unterminated rest, if any (call when the stream ends).
    QList<QByteArray> flush();

private:
    QByteArray m_pending;
    qsizetype m_maxLineBytes;
};

} // namespace fleetdeck
