// ScriptedTransport: matching calls against the script, recording them, replaying streams.

#include "ScriptedTransport.h"

#include "remote/ActivityLog.h"
#include "remote/ShellQuote.h"

#include <QDebug>
#include <QMutexLocker>
#include <QTest>
#include <QThread>

namespace fleetdeck::test {

QStringList argv(std::initializer_list<const char *> words)
{
    QStringList out;
    for (const char *word : words)
        out << QString::fromUtf8(word);
    return out;
}

// --- ArgvMatch ---------------------------------------------------------------------------------

ArgvMatch::ArgvMatch(const QStringList &exact)
    : m_test([exact](const QStringList &argv) { return argv == exact; })
    , m_description(shellJoin(exact))
{
}

ArgvMatch::ArgvMatch(std::initializer_list<const char *> exact)
    : ArgvMatch(argv(exact))
{
}

ArgvMatch ArgvMatch::prefix(const QStringList &head)
{
    ArgvMatch match;
    match.m_test = [head](const QStringList &argv) { return argv.mid(0, head.size()) == head; };
    match.m_description = shellJoin(head) + QStringLiteral(" ...");
    return match;
}

ArgvMatch ArgvMatch::prefix(std::initializer_list<const char *> head)
{
    return prefix(argv(head));
}

ArgvMatch ArgvMatch::predicate(std::function<bool(const QStringList &)> test, const QString &description)
{
    ArgvMatch match;
    match.m_test = std::move(test);
    match.m_description = description;
    return match;
}

bool ArgvMatch::matches(const QStringList &argv) const
{
    return m_test && m_test(argv);
}

QString ArgvMatch::describe() const
{
    return m_description;
}

// --- StreamFeed --------------------------------------------------------------------------------

void StreamFeed::push(const QList<QByteArray> &lines, StreamChannel channel)
{
    QList<StreamLine> out;
    for (const QByteArray &line : lines)
        out.append(StreamLine{channel, line});
    Q_EMIT linesPushed(out);
}

void StreamFeed::finish(int exitCode, const Error &error)
{
    Q_EMIT finishRequested(exitCode, error);
}

// --- ScriptedReply / Expectation ---------------------------------------------------------------

Result<CommandResult> ScriptedReply::toResult() const
{
    if (error)
        return *error;
    CommandResult result;
    result.exitCode = exitSignal.isEmpty() ? exitCode : -1;
    result.exitSignal = exitSignal;
    result.stdoutData = stdoutData;
    result.stderrData = stderrData;
    return result;
}

QList<StreamLine> ScriptedReply::streamLines() const
{
    if (lines)
        return *lines;
    QList<StreamLine> out;
    auto add = [&out](const QByteArray &data, StreamChannel channel) {
        QList<QByteArray> parts = data.split('\n');
        if (!parts.isEmpty() && parts.last().isEmpty())
            parts.removeLast(); // the final newline ends the last line; it does not start another
        for (const QByteArray &part : parts)
            out.append(StreamLine{channel, part});
    };
    add(stdoutData, StreamChannel::Stdout);
    add(stderrData, StreamChannel::Stderr);
    return out;
}

Expectation &Expectation::reply(int exitCode, const QByteArray &stdoutData, const QByteArray &stderrData)
{
    m_reply.exitCode = exitCode;
    m_reply.stdoutData = stdoutData;
    m_reply.stderrData = stderrData;
    return *this;
}

Expectation &Expectation::fail(ErrorKind kind, const QString &message)
{
    m_reply.error = Error::make(kind, message);
    return *this;
}

Expectation &Expectation::streamLines(const QList<QByteArray> &lines, int exitCode)
{
    QList<StreamLine> out;
    for (const QByteArray &line : lines)
        out.append(StreamLine{StreamChannel::Stdout, line});
    m_reply.lines = out;
    m_reply.exitCode = exitCode;
    return *this;
}

Expectation &Expectation::keepOpen(std::shared_ptr<StreamFeed> feed)
{
    m_reply.keepOpen = true;
    m_reply.feed = std::move(feed);
    return *this;
}

Expectation &Expectation::answer(std::function<ScriptedReply(const RemoteCommand &)> handler)
{
    m_handler = std::move(handler);
    return *this;
}

Expectation &Expectation::times(int count)
{
    m_remaining = qMax(0, count);
    return *this;
}

Expectation &Expectation::always()
{
    m_remaining = -1;
    return *this;
}

Expectation &Expectation::optional()
{
    m_optional = true;
    return *this;
}

std::function<ScriptedReply(const RemoteCommand &)> Expectation::claim()
{
    if (m_remaining > 0)
        --m_remaining;
    ++m_answered;
    if (m_handler)
        return m_handler;
    return [reply = m_reply](const RemoteCommand &) { return reply; };
}

// --- the stream --------------------------------------------------------------------------------

namespace {

// Delivers the scripted lines and end queued, on the thread that called stream(), like the real ones.
class ScriptedStream final : public RemoteStream
{
public:
    ScriptedStream(const ScriptedReply &reply, std::shared_ptr<std::atomic_int> cancelledCount)
        : m_cancelledCount(std::move(cancelledCount))
    {
        const QList<StreamLine> lines = reply.streamLines();
        if (!lines.isEmpty())
            QMetaObject::invokeMethod(this, [this, lines] { deliver(lines); }, Qt::QueuedConnection);
        if (reply.feed) {
            connect(reply.feed.get(), &StreamFeed::linesPushed, this, [this](const QList<StreamLine> &l) { deliver(l); });
            connect(reply.feed.get(), &StreamFeed::finishRequested, this, [this](int code, const Error &e) { end(code, e); });
        }
        if (reply.keepOpen)
            return;
        const Result<CommandResult> result = reply.toResult();
        int exitCode = -1;
        Error error;
        if (!result)
            error = result.error();
        else if (!result->exitSignal.isEmpty())
            error = Error::make(ErrorKind::RemoteFailed, QStringLiteral("The command was killed by signal %1.").arg(result->exitSignal));
        else
            exitCode = result->exitCode;
        QMetaObject::invokeMethod(this, [this, exitCode, error] { end(exitCode, error); }, Qt::QueuedConnection);
    }

    void cancel() override
    {
        if (m_ended)
            return;
        m_cancelledCount->fetch_add(1);
        const Error error = Error::make(ErrorKind::Cancelled, QStringLiteral("Cancelled."));
        m_ended = true;
        QMetaObject::invokeMethod(this, [this, error] { Q_EMIT finished(-1, error); }, Qt::QueuedConnection);
    }

private:
    void deliver(const QList<StreamLine> &lines)
    {
        if (!m_ended && !lines.isEmpty())
            Q_EMIT linesReceived(lines);
    }

    void end(int exitCode, const Error &error)
    {
        if (m_ended)
            return;
        m_ended = true;
        Q_EMIT finished(exitCode, error);
    }

    std::shared_ptr<std::atomic_int> m_cancelledCount;
    bool m_ended = false;
};

} // namespace

// --- ScriptedTransport -------------------------------------------------------------------------

ScriptedTransport::ScriptedTransport(const QString &name)
    : m_name(name)
    , m_cancelledStreams(std::make_shared<std::atomic_int>(0))
{
}

ScriptedTransport::~ScriptedTransport()
{
    // A test that never verified still fails on an unexpected call, when the transport dies on the
    // test thread (a QTest failure cannot be raised from a worker thread).
    if (m_verified || unexpectedCalls().isEmpty())
        return;
    QString report;
    for (const RecordedCall &call : unexpectedCalls())
        report += QStringLiteral("\n  unexpected: ") + shellJoin(call.command.argv);
    if (QThread::currentThread() == QCoreApplication::instance()->thread())
        QTest::qFail(qPrintable(QStringLiteral("ScriptedTransport: the script was not followed:") + report), __FILE__, __LINE__);
    else
        qCritical().noquote() << m_name << QStringLiteral("transport: the script was not followed:") << report;
}

Expectation &ScriptedTransport::expect(const ArgvMatch &match)
{
    const QMutexLocker lock(&m_mutex);
    return m_expectations.emplace_back(match);
}

void ScriptedTransport::setFallback(Fallback fallback)
{
    const QMutexLocker lock(&m_mutex);
    m_fallback = std::move(fallback);
}

void ScriptedTransport::setUploadHandler(UploadHandler handler)
{
    const QMutexLocker lock(&m_mutex);
    m_uploadHandler = std::move(handler);
}

void ScriptedTransport::failUploads(const Error &error)
{
    setUploadHandler([error](const QByteArray &, const QString &, int) { return Status(error); });
}

Error ScriptedTransport::unexpectedError(const QStringList &argv)
{
    return Error::make(ErrorKind::Internal, QStringLiteral("ScriptedTransport: unexpected command: %1").arg(shellJoin(argv)));
}

// Records the call and finds its reply; nullopt when the call was unexpected.
std::optional<ScriptedReply> ScriptedTransport::replyFor(const RemoteCommand &command, RecordedCall::Kind kind)
{
    RecordedCall call;
    call.kind = kind;
    call.command = command;
    std::function<ScriptedReply(const RemoteCommand &)> answer;
    Fallback fallback;
    {
        const QMutexLocker lock(&m_mutex);
        for (Expectation &expectation : m_expectations) {
            if (expectation.usable() && expectation.match().matches(command.argv)) {
                answer = expectation.claim();
                break;
            }
        }
        fallback = m_fallback;
    }
    // Handlers run unlocked: they may call back into the transport (calls(), expect()).
    std::optional<ScriptedReply> reply;
    if (answer)
        reply = answer(command);
    else if (fallback)
        reply = fallback(command);
    call.unexpected = !reply;
    if (call.unexpected)
        qWarning().noquote() << m_name << QStringLiteral("transport: unexpected command:") << shellJoin(command.argv);
    const QMutexLocker lock(&m_mutex);
    m_calls.append(call);
    return reply;
}

Result<CommandResult> ScriptedTransport::execute(const RemoteCommand &command, const CancelToken &cancel)
{
    const Status valid = validateArgv(command.argv);
    if (!valid)
        return valid.error();
    const std::optional<ScriptedReply> reply = replyFor(command, RecordedCall::Kind::Execute);
    Result<CommandResult> result = reply ? reply->toResult() : Result<CommandResult>(unexpectedError(command.argv));
    if (cancel.isCancelled())
        result = Error::make(ErrorKind::Cancelled, QStringLiteral("Cancelled."));
    ActivityEntry entry = ActivityLog::entryFor(command, m_name, describe());
    entry.startedAt = QDateTime::currentDateTimeUtc();
    if (result) {
        entry.exitCode = result->exitCode;
        entry.exitSignal = result->exitSignal;
    } else {
        entry.error = result.error().message;
        entry.errorKind = errorKindName(result.error().kind);
    }
    ActivityLog::instance().record(entry);
    return result;
}

std::unique_ptr<RemoteStream> ScriptedTransport::stream(const RemoteCommand &command)
{
    ScriptedReply reply;
    if (const Status valid = validateArgv(command.argv); !valid) {
        reply.error = valid.error();
    } else {
        std::optional<ScriptedReply> scripted = replyFor(command, RecordedCall::Kind::Stream);
        if (scripted)
            reply = *scripted;
        else
            reply.error = unexpectedError(command.argv);
        ActivityEntry entry = ActivityLog::entryFor(command, m_name, describe());
        entry.startedAt = QDateTime::currentDateTimeUtc();
        entry.streamed = true;
        ActivityLog::instance().record(entry);
    }
    return std::make_unique<ScriptedStream>(reply, m_cancelledStreams);
}

Status ScriptedTransport::upload(const QByteArray &data, const QString &remotePath, int permissions)
{
    RecordedCall call;
    call.kind = RecordedCall::Kind::Upload;
    call.uploadPath = remotePath;
    call.uploadData = data;
    call.uploadPermissions = permissions;
    UploadHandler handler;
    {
        const QMutexLocker lock(&m_mutex);
        m_calls.append(call);
        handler = m_uploadHandler;
    }
    return handler ? handler(data, remotePath, permissions) : Status();
}

QString ScriptedTransport::describe() const
{
    return QStringLiteral("%1 (scripted)").arg(m_name);
}

QList<RecordedCall> ScriptedTransport::calls() const
{
    const QMutexLocker lock(&m_mutex);
    return m_calls;
}

QList<QStringList> ScriptedTransport::argvs() const
{
    QList<QStringList> out;
    for (const RecordedCall &call : calls())
        if (call.kind != RecordedCall::Kind::Upload)
            out.append(call.command.argv);
    return out;
}

QList<RecordedCall> ScriptedTransport::uploads() const
{
    QList<RecordedCall> out;
    for (const RecordedCall &call : calls())
        if (call.kind == RecordedCall::Kind::Upload)
            out.append(call);
    return out;
}

QList<RecordedCall> ScriptedTransport::unexpectedCalls() const
{
    QList<RecordedCall> out;
    for (const RecordedCall &call : calls())
        if (call.unexpected)
            out.append(call);
    return out;
}

int ScriptedTransport::cancelledStreams() const
{
    return m_cancelledStreams->load();
}

QString ScriptedTransport::problems()
{
    QString report;
    for (const RecordedCall &call : unexpectedCalls())
        report += QStringLiteral("\n  unexpected command: ") + shellJoin(call.command.argv);
    const QMutexLocker lock(&m_mutex);
    for (const Expectation &expectation : m_expectations)
        if (!expectation.satisfied())
            report += QStringLiteral("\n  expected but never called: ") + expectation.match().describe();
    m_verified = true;
    return report.isEmpty() ? report : QStringLiteral("%1 transport: the script was not followed:%2").arg(m_name, report);
}

void ScriptedTransport::clearCalls()
{
    const QMutexLocker lock(&m_mutex);
    m_calls.clear();
}

} // namespace fleetdeck::test
