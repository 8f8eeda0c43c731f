// FollowedLog: collects what one followed log (LogStream) delivered, for tests that follow a real
// engine's logs.
#pragma once

#include "orchestrators/LogStream.h"

#include <QHash>
#include <QSignalSpy>
#include <QStringList>

#include <memory>

namespace fleetdeck::test {

class FollowedLog final : public QObject
{
public:
    explicit FollowedLog(std::unique_ptr<LogStream> stream) : m_stream(std::move(stream)), finished(m_stream.get(), &LogStream::finished)
    {
        connect(m_stream.get(), &LogStream::linesReceived, this, [this](const QList<LogLine> &l) { lines += l; });
    }

    LogStream *stream() const { return m_stream.get(); }

    bool seen(const QString &replica, const QString &text) const
    {
        for (const LogLine &l : lines)
            if (l.replica == replica && l.text.contains(text))
                return true;
        return false;
    }

    // replica -> the hostnames its "started on HOST" lines named (a container's hostname is its short
    // ID, so a new container shows up as a new hostname).
    QHash<QString, QStringList> starts() const
    {
        static const QString marker = QStringLiteral("started on ");
        QHash<QString, QStringList> out;
        for (const LogLine &l : lines)
            if (const qsizetype at = l.text.indexOf(marker); at >= 0)
                out[l.replica] << l.text.mid(at + marker.size()).trimmed();
        return out;
    }

private:
    std::unique_ptr<LogStream> m_stream;

public:
    QSignalSpy finished;
    QList<LogLine> lines;
};

} // namespace fleetdeck::test
