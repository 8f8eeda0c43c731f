// SshTransport: the public face of SshConnection; builds jobs and waits for their answers.

#include "remote/SshTransport.h"

#include "core/Translate.h"
#include "remote/ActivityLog.h"
#include "remote/ShellQuote.h"
#include "remote/ProcessGroup.h"
#include "remote/SshConnection.h"
#include "remote/SshHostKey.h"
#include "remote/SshStream.h"

#include <QRandomGenerator>

namespace fleetdeck {

namespace {

std::shared_ptr<SshJob> makeJob(SshJob::Kind kind, const RemoteCommand &command, const CancelToken &cancel)
{
    auto job = std::make_shared<SshJob>();
    job->kind = kind;
    job->command = command;
    job->commandLine = wrapCommandLine(command.argv);
    job->reportsPgid = true;
    job->cancel = cancel;
    job->clock.start();
    if (command.timeoutMs > 0)
        job->deadline.setRemainingTime(command.timeoutMs);
    return job;
}

// The failure of a command that was refused before anything was sent still shows in the activity log.
void recordRefused(const RemoteCommand &command, const Server &server, const QString &target, const Error &error, bool streamed)
{
    ActivityEntry entry = ActivityLog::entryFor(command, server.name, target);
    entry.streamed = streamed;
    entry.error = error.message;
    entry.errorKind = errorKindName(error.kind);
    ActivityLog::instance().record(entry);
}

// A stream that failed before it started: reports the error once its creator's event loop runs.
class FailedStream final : public RemoteStream
{
public:
    explicit FailedStream(const Error &error)
    {
        QMetaObject::invokeMethod(this, [this, error] { Q_EMIT finished(-1, error); }, Qt::QueuedConnection);
    }
    void cancel() override {}
};

} // namespace

SshTransport::SshTransport(const Server &server, const SshOptions &options)
    : m_connection(std::make_shared<SshConnection>(server, options))
{
}

SshTransport::~SshTransport() = default;

Result<CommandResult> SshTransport::execute(const RemoteCommand &command, const CancelToken &cancel)
{
    const Status valid = validateArgv(command.argv);
    if (!valid) {
        recordRefused(command, server(), describe(), valid.error(), false);
        return valid.error();
    }
    auto job = makeJob(SshJob::Kind::Exec, command, cancel);
    m_connection->submit(job);
    return job->wait([this] { m_connection->wake(); });
}

std::unique_ptr<RemoteStream> SshTransport::stream(const RemoteCommand &command)
{
    const Status valid = validateArgv(command.argv);
    if (!valid) {
        recordRefused(command, server(), describe(), valid.error(), true);
        return std::make_unique<FailedStream>(valid.error());
    }
    auto job = makeJob(SshJob::Kind::Stream, command, CancelToken{});
    job->sink = std::make_shared<StreamSink>();
    auto stream = std::make_unique<SshStream>(m_connection, job);
    m_connection->submit(job);
    return stream;
}

Status SshTransport::upload(const QByteArray &data, const QString &remotePath, int permissions)
{
    if (remotePath.isEmpty() || remotePath.endsWith(QLatin1Char('/')))
        return Error::invalid(QStringLiteral("remotePath"), QCoreApplication::translate("fleetdeck::remote", "a file path is needed"));
    if (permissions < 0 || permissions > 07777)
        return Error::invalid(QStringLiteral("permissions"), QCoreApplication::translate("fleetdeck::remote", "must be an octal mode such as 0600"));
    // The payload travels on stdin and lands in an unguessable temp name beside the target (umask 077:
    // never readable by others, even briefly; set -C: created afresh, never through a planted file or
    // link), gets its mode, then rename(2) replaces the target atomically. `mv -T` makes a directory at
    // the target an error, as rename(2) is locally, instead of moving the payload into it. The script
    // is constant; the paths are positional parameters, never spliced into it.
    const QString temp = remotePath + QStringLiteral(".fleetdeck-")
        + QString::number(QRandomGenerator::system()->generate64(), 16) + QStringLiteral(".tmp");
    RemoteCommand command;
    command.argv = {QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("umask 077 && set -C && cat > \"$1\" && chmod \"$2\" \"$1\" && mv -f -T -- \"$1\" \"$3\" "
                                   "|| { rc=$?; rm -f -- \"$1\"; exit $rc; }"),
                    QStringLiteral("fleetdeck-upload"), temp, QString::number(permissions, 8), remotePath};
    command.stdinData = data;
    command.stdinIsSecret = true;
    command.purpose = QStringLiteral("upload %1").arg(remotePath);
    command.timeoutMs = 120000;
    Result<CommandResult> result = execute(command);
    if (!result)
        return result.error();
    if (!result->succeeded()) {
        Error e = Error::make(ErrorKind::RemoteFailed, QCoreApplication::translate("fleetdeck::remote", "Could not write %1 on %2.").arg(remotePath, describe()),
                              QString::fromUtf8(result->stderrData));
        e.exitCode = result->exitCode;
        return e;
    }
    return {};
}

QString SshTransport::describe() const
{
    return m_connection->describe();
}

Status SshTransport::connect(const CancelToken &cancel)
{
    auto job = makeJob(SshJob::Kind::Connect, RemoteCommand{}, cancel);
    m_connection->submit(job);
    Result<CommandResult> result = job->wait([this] { m_connection->wake(); });
    if (!result)
        return result.error();
    return {};
}

const Server &SshTransport::server() const
{
    return m_connection->server();
}

const SshOptions &SshTransport::options() const
{
    return m_connection->options();
}

int SshTransport::connectCount() const
{
    return m_connection->connectCount();
}

bool SshTransport::isConnected() const
{
    return m_connection->isConnected();
}

Result<QString> SshTransport::fetchHostKeyFingerprint(const Server &server, int timeoutMs, QString *keyType)
{
    return sshFetchHostKeyFingerprint(server, timeoutMs, keyType);
}

} // namespace fleetdeck
