// ScriptedTransport: a Transport for unit tests that records every call and answers from a script.
//
// Usage (a service or backend flow in milliseconds, no sshd or dockerd):
//
//     auto transport = std::make_shared<test::ScriptedTransport>();
//     transport->expect({"docker", "info", "--format", "{{json .}}"}).reply(0, R"({"ServerVersion":"27.1"})");
//     transport->expect(test::ArgvMatch::prefix({"docker", "service", "ps"})).reply(1, {}, "no such service").always();
//     transport->expect({"docker", "logs", "-f", "web"}).streamLines({"one", "two"});     // stream(): 2 lines, exit 0
//     transport->expect({"kubectl", "apply", "-f", "-"}).fail(ErrorKind::Timeout, "timed out");
//     transport->setFallback([](const RemoteCommand &c) -> std::optional<test::ScriptedReply> { ... });
//
//     OperationsService service(store, [transport](const Server &) { return transport; });
//     ... run the flow ...
//     QCOMPARE(transport->argvs().at(0), QStringList({"docker", "info", "--format", "{{json .}}"}));
//     QVERIFY(transport->calls().at(2).command.stdinIsSecret);
//     SCRIPTED_VERIFY(*transport);   // no unexpected command, every expectation used
//
// Matching: each call takes the first expectation (in the order declared) that matches its argv and is
// not used up; an expectation answers once unless times(n) or always(). A call nothing matches goes to
// the fallback; without one it is UNEXPECTED: it is recorded, warned about with its argv, answered with
// an Internal error naming the argv, and fails the test at SCRIPTED_VERIFY (or, when never verified, in
// the transport's destructor on the test thread).
//
// stream() answers from the same script: the reply's lines are delivered (queued, on the caller's
// thread) and then finished(exitCode, error); keepOpen() leaves the stream running until the test
// feeds it (StreamFeed) or the caller cancels it. upload() is recorded and succeeds unless
// failUploads() or setUploadHandler() says otherwise. Thread-safe, like the real transports.
#pragma once

#include "remote/Transport.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <optional>

namespace fleetdeck::test {

// {"docker", "ps"} as a QStringList (the build forbids implicit const char * -> QString).
QStringList argv(std::initializer_list<const char *> words);

// Which argv an expectation answers.
class ArgvMatch
{
public:
    ArgvMatch(const QStringList &exact); // NOLINT(google-explicit-constructor): expect({"docker", "ps"})
    ArgvMatch(std::initializer_list<const char *> exact); // UTF-8 literals, for short tests
    static ArgvMatch prefix(const QStringList &head);
    static ArgvMatch prefix(std::initializer_list<const char *> head);
    static ArgvMatch predicate(std::function<bool(const QStringList &)> test, const QString &description);

    bool matches(const QStringList &argv) const;
    QString describe() const;

private:
    ArgvMatch() = default;
    std::function<bool(const QStringList &)> m_test;
    QString m_description;
};

// Lets a test push lines into streams that were answered with keepOpen(), and end them.
class StreamFeed final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    void push(const QList<QByteArray> &lines, StreamChannel channel = StreamChannel::Stdout);
    void finish(int exitCode = 0, const Error &error = {});

Q_SIGNALS:
    void linesPushed(const QList<fleetdeck::StreamLine> &lines);
    void finishRequested(int exitCode, const fleetdeck::Error &error);
};

// What one call answers: a result (exit code, output), or a transport error.
struct ScriptedReply {
    int exitCode = 0;
    QByteArray stdoutData;
    QByteArray stderrData;
    QString exitSignal;
    std::optional<Error> error;              // a transport failure (Timeout, Unreachable...) instead of a result
    std::optional<QList<StreamLine>> lines;  // for stream(); default: stdout lines, then stderr lines
    bool keepOpen = false;                   // stream(): no finished() until the feed or cancel() ends it
    std::shared_ptr<StreamFeed> feed;        // stream(): later lines and the end, from the test

    Result<CommandResult> toResult() const;
    QList<StreamLine> streamLines() const;
};

// One expectation; the setters chain: expect(argv).reply(0, "out").times(2).
class Expectation
{
public:
    explicit Expectation(ArgvMatch match) : m_match(std::move(match)) {}

    Expectation &reply(int exitCode, const QByteArray &stdoutData = {}, const QByteArray &stderrData = {});
    Expectation &fail(ErrorKind kind, const QString &message);
    Expectation &streamLines(const QList<QByteArray> &lines, int exitCode = 0);
    Expectation &keepOpen(std::shared_ptr<StreamFeed> feed = {});
    // Computes the reply from the command (e.g. from its stdin), on the calling thread.
    Expectation &answer(std::function<ScriptedReply(const RemoteCommand &)> handler);
    Expectation &times(int count);
    Expectation &always();
    Expectation &optional();  // not reported by problems() when never called

    const ArgvMatch &match() const { return m_match; }
    bool usable() const { return m_remaining != 0; }
    bool satisfied() const { return m_optional || m_answered > 0; }
    // Uses one answer up (call under the transport's lock) and returns what computes the reply.
    std::function<ScriptedReply(const RemoteCommand &)> claim();

private:
    ArgvMatch m_match;
    ScriptedReply m_reply;
    std::function<ScriptedReply(const RemoteCommand &)> m_handler;
    int m_remaining = 1;  // -1: always
    int m_answered = 0;
    bool m_optional = false;
};

struct RecordedCall {
    enum class Kind { Execute, Stream, Upload };
    Kind kind = Kind::Execute;
    RemoteCommand command;     // argv, stdin (and whether it is secret), timeout, purpose
    bool unexpected = false;   // nothing in the script answered it
    // upload() only:
    QString uploadPath;
    QByteArray uploadData;
    int uploadPermissions = 0;
};

class ScriptedTransport final : public Transport
{
public:
    using Fallback = std::function<std::optional<ScriptedReply>(const RemoteCommand &)>;
    using UploadHandler = std::function<Status(const QByteArray &data, const QString &path, int permissions)>;

    explicit ScriptedTransport(const QString &name = QStringLiteral("scripted"));
    ~ScriptedTransport() override;

    Expectation &expect(const ArgvMatch &match);
    void setFallback(Fallback fallback);
    void setUploadHandler(UploadHandler handler);
    void failUploads(const Error &error);

    Result<CommandResult> execute(const RemoteCommand &command, const CancelToken &cancel = {}) override;
    std::unique_ptr<RemoteStream> stream(const RemoteCommand &command) override;
    Status upload(const QByteArray &data, const QString &remotePath, int permissions) override;
    QString describe() const override;

    QList<RecordedCall> calls() const;
    QList<QStringList> argvs() const;          // execute and stream calls, in order
    QList<RecordedCall> uploads() const;
    QList<RecordedCall> unexpectedCalls() const;
    int cancelledStreams() const;

    // Empty when the script was followed: no unexpected call and every expectation answered at least
    // once; otherwise a report naming the argvs. Marks the transport as verified.
    QString problems();
    void clearCalls();

private:
    std::optional<ScriptedReply> replyFor(const RemoteCommand &command, RecordedCall::Kind kind);
    static Error unexpectedError(const QStringList &argv);

    QString m_name;
    mutable QMutex m_mutex;
    std::list<Expectation> m_expectations;  // std::list: expect() hands out stable references
    Fallback m_fallback;
    UploadHandler m_uploadHandler;
    QList<RecordedCall> m_calls;
    std::shared_ptr<std::atomic_int> m_cancelledStreams;
    bool m_verified = false;
};

} // namespace fleetdeck::test

// Fails the current test with the report when the script was not followed.
#define SCRIPTED_VERIFY(transport)                                             \
    do {                                                                       \
        const QString fleetdeckScriptProblems = (transport).problems();        \
        QVERIFY2(fleetdeckScriptProblems.isEmpty(), qPrintable(fleetdeckScriptProblems)); \
    } while (false)
