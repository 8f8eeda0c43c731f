// ExecStream: the streamed client of one exec, the reading of its end, and the stop in the replica.
#include "orchestrators/ExecStream.h"

#include "core/Logging.h"

#include <QRandomGenerator>
#include <QThreadPool>

namespace fleetdeck {

namespace execmark {

QString newMark()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QString hex;
    for (quint32 w : words)
        hex += QStringLiteral("%1").arg(w, 8, 16, QLatin1Char('0'));
    return QStringLiteral("FLEETDECK_EXEC_ID=") + hex;
}

QStringList stopArgv(const QString &mark)
{
    // One grep reads every process' environment, one NUL-separated entry a line (-z: BusyBox grep
    // does not look past a NUL otherwise), the whole entry equal to the mark (-x). The mark is $1,
    // never part of the script.
    // TERM, then KILL what is still alive after a second (checked every 0.1 s).
    static const QString script = QStringLiteral(
        "pids=\n"
        "for f in $(grep -lsxzF -- \"$1\" /proc/[0-9]*/environ); do p=${f#/proc/}; pids=\"$pids ${p%/environ}\"; done\n"
        "[ -n \"$pids\" ] || exit 0\n"
        "kill -TERM $pids 2>/dev/null\n"
        "for i in 1 2 3 4 5 6 7 8 9 10; do\n"
        "  alive=; for p in $pids; do kill -0 \"$p\" 2>/dev/null && alive=\"$alive $p\"; done\n"
        "  [ -n \"$alive\" ] || exit 0\n"
        "  sleep 0.1\n"
        "done\n"
        "kill -KILL $alive 2>/dev/null\n"
        "exit 0\n");
    return {QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("fleetdeck-stop"), mark};
}

} // namespace execmark

ExecStream::ExecStream(std::shared_ptr<Transport> transport, const RemoteCommand &command, RemoteCommand stop,
                       Reading reading, std::shared_ptr<void> keepAlive, QObject *parent)
    : RemoteStream(parent)
    , m_transport(std::move(transport))
    , m_stop(std::move(stop))
    , m_reading(std::move(reading))
    , m_keepAlive(std::move(keepAlive))
{
    m_client = m_transport->stream(command);
    connect(m_client.get(), &RemoteStream::linesReceived, this, &ExecStream::onLines);
    connect(m_client.get(), &RemoteStream::finished, this, &ExecStream::onClientFinished);
}

ExecStream::~ExecStream()
{
    if (m_client) {
        m_client->disconnect(this);
        m_client->cancel();
    }
    if (!m_ended)
        stopInReplica();
}

void ExecStream::onLines(const QList<StreamLine> &lines)
{
    if (m_ended)
        return;
    QList<StreamLine> out;
    out.reserve(lines.size());
    for (const StreamLine &line : lines) {
        if (m_firstLines.size() < kFirstLinesKept)
            m_firstLines.append(line.text);
        if (m_reading.exitStatusLine)
            if (const auto code = m_reading.exitStatusLine(line.text)) {
                m_reportedExit = code;
                continue;
            }
        out.append(line);
    }
    if (!out.isEmpty())
        Q_EMIT linesReceived(out);
}

void ExecStream::onClientFinished(int exitCode, const Error &error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_client.release()->deleteLater();   // it is emitting: not deleted under its own feet
    if (!error.message.isEmpty()) {
        // Cancelled or the connection failed: the command may still run in the replica.
        stopInReplica();
        Q_EMIT finished(-1, error);
        return;
    }
    if (m_reportedExit && exitCode != 0) {
        Q_EMIT finished(*m_reportedExit, Error{});
        return;
    }
    if (m_reading.clientFailure) {
        const Error failure = m_reading.clientFailure(exitCode, m_firstLines);
        if (!failure.message.isEmpty()) {
            Q_EMIT finished(exitCode, failure);
            return;
        }
    }
    Q_EMIT finished(exitCode, Error{});
}

void ExecStream::cancel()
{
    if (m_ended || !m_client)
        return;
    // The client's finished(-1, Cancelled) ends this stream and sends the stop.
    m_client->cancel();
}

void ExecStream::stopInReplica()
{
    if (m_stopSent || m_stop.argv.isEmpty())
        return;
    m_stopSent = true;
    // A blocking remote command: never on this (possibly the GUI's) thread.
    QThreadPool::globalInstance()->start([transport = m_transport, stop = m_stop, keepAlive = m_keepAlive] {
        auto r = transport->execute(stop);
        if (!r || !r->succeeded())
            qCWarning(lcOrchestrator).noquote()
                << "could not end the command in the replica on" << transport->describe() << ":"
                << (r ? QString::fromUtf8(r->stderrData + r->stdoutData).trimmed() : r.error().toString());
    });
}

} // namespace fleetdeck
