// FollowedLog: collects what one followed log (OperationsService's LogFollow) delivered, for tests that
// follow a real engine's logs.
#pragma once

#include "services/LogFollow.h"

#include <QHash>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

#include <memory>

namespace fleetdeck::test {

class FollowedLog final : public QObject
{
public:
    explicit FollowedLog(std::unique_ptr<LogFollow> stream)
        : m_stream(std::move(stream)), started(m_stream.get(), &LogFollow::started), finished(m_stream.get(), &LogFollow::finished)
    {
        connect(m_stream.get(), &LogFollow::linesReceived, this, [this](const QList<LogLine> &l) { lines += l; });
    }

    LogFollow *stream() const { return m_stream.get(); }

    // Waits until the replicas were found; false (with the reason in `why`) when the follow ended first.
    bool waitStarted(QString *why, int timeoutMs = 60000)
    {
        (void)QTest::qWaitFor([this] { return m_stream->isStarted() || m_stream->isFinished(); }, timeoutMs);
        if (m_stream->isStarted())
            return true;
        *why = finished.isEmpty() ? QStringLiteral("no answer") : finished.first().at(1).value<Error>().toString();
        return false;
    }

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
    std::unique_ptr<LogFollow> m_stream;

public:
    QSignalSpy started;
    QSignalSpy finished;
    QList<LogLine> lines;
};

} // namespace fleetdeck::test
