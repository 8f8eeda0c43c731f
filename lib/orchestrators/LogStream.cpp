// LogStream: merging of remote log streams.
#include "orchestrators/LogStream.h"

#include "core/Translate.h"

namespace fleetdeck {

LogStream::LogStream(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<fleetdeck::LogLine>();
    qRegisterMetaType<QList<fleetdeck::LogLine>>();
}

LogStream::~LogStream()
{
    // Nothing may outlive us on the server: a destroyed follower ends its remote process.
    for (auto &s : m_sources)
        s->disconnect(this);
    if (!m_finished)
        for (auto &s : m_sources)
            s->cancel();
}

void LogStream::addSource(std::unique_ptr<RemoteStream> stream, LineParser parser)
{
    RemoteStream *raw = stream.get();
    ++m_open;
    connect(raw, &RemoteStream::linesReceived, this, [this, parser](const QList<StreamLine> &lines) {
        QList<LogLine> out;
        out.reserve(lines.size());
        for (const StreamLine &l : lines)
            out.append(parser(l));
        if (!out.isEmpty())
            Q_EMIT linesReceived(out);
    });
    connect(raw, &RemoteStream::finished, this, &LogStream::onSourceFinished);
    m_sources.push_back(std::move(stream));
}

void LogStream::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    for (auto &s : m_sources)
        s->cancel();
    if (m_open == 0) {
        m_finished = true;
        Q_EMIT finished(false, Error::make(ErrorKind::Cancelled, QCoreApplication::translate("fleetdeck::orchestrators", "log follow cancelled")));
    }
}

void LogStream::onSourceFinished(int exitCode, const Error &error)
{
    if (m_finished)
        return;
    // A source that failed (not by our cancel) makes the whole follow fail; the others keep running
    // until they end, so that no line already on its way is lost.
    if (!m_cancelled && !m_failed && (exitCode != 0 || !error.message.isEmpty())) {
        m_failed = true;
        m_firstError = error.message.isEmpty()
            ? Error::make(ErrorKind::RemoteFailed, QCoreApplication::translate("fleetdeck::orchestrators", "log stream ended with exit code %1").arg(exitCode))
            : error;
        m_firstError.exitCode = exitCode;
    }
    if (--m_open > 0)
        return;
    m_finished = true;
    if (m_cancelled)
        Q_EMIT finished(false, Error::make(ErrorKind::Cancelled, QCoreApplication::translate("fleetdeck::orchestrators", "log follow cancelled")));
    else if (m_failed)
        Q_EMIT finished(false, m_firstError);
    else
        Q_EMIT finished(true, Error{});
}

} // namespace fleetdeck
