// LocalTransport: QProcess-based execution on this machine, with the same shell semantics as SSH.

#include "remote/LocalTransport.h"

#include "core/Translate.h"
#include "remote/ActivityLog.h"
#include "remote/LineSplitter.h"
#include "remote/ShellQuote.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fleetdeck {

QString signalName(int signalNumber)
{
    switch (signalNumber) {
    case SIGHUP: return QStringLiteral("HUP");
    case SIGINT: return QStringLiteral("INT");
    case SIGQUIT: return QStringLiteral("QUIT");
    case SIGILL: return QStringLiteral("ILL");
    case SIGABRT: return QStringLiteral("ABRT");
    case SIGFPE: return QStringLiteral("FPE");
    case SIGKILL: return QStringLiteral("KILL");
    case SIGSEGV: return QStringLiteral("SEGV");
    case SIGPIPE: return QStringLiteral("PIPE");
    case SIGALRM: return QStringLiteral("ALRM");
    case SIGTERM: return QStringLiteral("TERM");
    case SIGUSR1: return QStringLiteral("USR1");
    case SIGUSR2: return QStringLiteral("USR2");
    case SIGBUS: return QStringLiteral("BUS");
    default: return QString::number(signalNumber);
    }
}

namespace {

void prepareProcess(QProcess &process, const RemoteCommand &command)
{
    process.setProgram(QStringLiteral("/bin/sh"));
    process.setArguments({QStringLiteral("-c"), shellJoin(command.argv)});
    // Own session and process group: cancel can signal the whole tree, and no terminal is inherited.
    process.setChildProcessModifier([] { ::setsid(); });
}

void signalGroup(const QProcess &process, int signalNumber)
{
    const qint64 pid = process.processId();
    if (pid > 0)
        ::kill(-pid_t(pid), signalNumber);
}

// TERM to the group, a grace period, then KILL (members that outlived the shell are killed too).
void stopGroup(QProcess &process, int graceMs)
{
    const qint64 pid = process.processId();
    if (pid <= 0)
        return;
    ::kill(-pid_t(pid), SIGTERM);
    if (!process.waitForFinished(graceMs))
        ::kill(-pid_t(pid), SIGKILL);
    ::kill(-pid_t(pid), SIGKILL);
    process.waitForFinished(1000);
}

Error startError(const QProcess &process)
{
    return Error::make(ErrorKind::Internal, QCoreApplication::translate("fleetdeck::remote", "Could not start /bin/sh."), process.errorString());
}

void recordEntry(const RemoteCommand &command, const QString &server, const Result<CommandResult> &result,
                 qint64 durationMs, bool streamed, const QDateTime &startedAt)
{
    ActivityEntry entry = ActivityLog::entryFor(command, server, QStringLiteral("this machine"));
    entry.startedAt = startedAt;
    entry.streamed = streamed;
    entry.durationMs = durationMs;
    if (result) {
        entry.exitCode = result->exitCode;
        entry.exitSignal = result->exitSignal;
    } else {
        entry.error = result.error().message;
        entry.errorKind = errorKindName(result.error().kind);
    }
    ActivityLog::instance().record(entry);
}

class LocalStream final : public RemoteStream
{
public:
    LocalStream(const RemoteCommand &command, const QString &serverName, int killGraceMs)
        : m_command(command)
        , m_serverName(serverName)
        , m_killGraceMs(killGraceMs)
        , m_startedAt(QDateTime::currentDateTimeUtc())
    {
        m_clock.start();
        prepareProcess(m_process, command);
        connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
            deliver(StreamChannel::Stdout, m_outLines.feed(m_process.readAllStandardOutput()));
        });
        connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
            deliver(StreamChannel::Stderr, m_errLines.feed(m_process.readAllStandardError()));
        });
        connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
            onFinished(exitCode, status);
        });
        connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart)
                end(startError(m_process));
        });
        m_process.start();
        if (!command.stdinData.isEmpty())
            m_process.write(command.stdinData);
        m_process.closeWriteChannel();
    }

    ~LocalStream() override
    {
        m_ended = true; // no signals from here on
        if (m_process.state() != QProcess::NotRunning || m_cancelled) {
            signalGroup(m_process, SIGKILL);
            m_process.waitForFinished(500);
        }
    }

    // Never blocks: TERM to the process group now, KILL after the grace period, `finished` queued.
    void cancel() override
    {
        if (m_ended)
            return;
        m_cancelled = true;
        signalGroup(m_process, SIGTERM);
        QTimer::singleShot(m_killGraceMs, this, [this] { signalGroup(m_process, SIGKILL); });
        const Error error = Error::make(ErrorKind::Cancelled, QCoreApplication::translate("fleetdeck::remote", "Cancelled."));
        end(error, {}, -1, Qt::QueuedConnection);
    }

private:
    void deliver(StreamChannel channel, QList<QByteArray> lines)
    {
        if (m_ended || lines.isEmpty())
            return;
        QList<StreamLine> out;
        out.reserve(lines.size());
        for (QByteArray &line : lines)
            out.append(StreamLine{channel, std::move(line)});
        Q_EMIT linesReceived(out);
    }

    void onFinished(int exitCode, QProcess::ExitStatus status)
    {
        if (m_ended)
            return;
        deliver(StreamChannel::Stdout, m_outLines.feed(m_process.readAllStandardOutput()) + m_outLines.flush());
        deliver(StreamChannel::Stderr, m_errLines.feed(m_process.readAllStandardError()) + m_errLines.flush());
        CommandResult result;
        if (status == QProcess::CrashExit) {
            result.exitSignal = signalName(exitCode);
            end(Error::make(ErrorKind::RemoteFailed, QCoreApplication::translate("fleetdeck::remote", "The command was killed by signal %1.").arg(result.exitSignal)),
                result);
            return;
        }
        result.exitCode = exitCode;
        end(Error{}, result, exitCode);
    }

    void end(const Error &error, CommandResult result = {}, int exitCode = -1,
             Qt::ConnectionType delivery = Qt::DirectConnection)
    {
        if (m_ended)
            return;
        m_ended = true;
        result.durationMs = m_clock.elapsed();
        const bool failed = !error.message.isEmpty() && error.kind != ErrorKind::RemoteFailed;
        recordEntry(m_command, m_serverName, failed ? Result<CommandResult>(error) : Result<CommandResult>(result),
                    result.durationMs, true, m_startedAt);
        if (delivery == Qt::QueuedConnection)
            QMetaObject::invokeMethod(this, [this, exitCode, error] { Q_EMIT finished(exitCode, error); }, Qt::QueuedConnection);
        else
            Q_EMIT finished(exitCode, error);
    }

    RemoteCommand m_command;
    QString m_serverName;
    int m_killGraceMs;
    QDateTime m_startedAt;
    QElapsedTimer m_clock;
    QProcess m_process;
    LineSplitter m_outLines;
    LineSplitter m_errLines;
    bool m_ended = false;
    bool m_cancelled = false;
};

class FailedLocalStream final : public RemoteStream
{
public:
    explicit FailedLocalStream(const Error &error)
    {
        QMetaObject::invokeMethod(this, [this, error] { Q_EMIT finished(-1, error); }, Qt::QueuedConnection);
    }
    void cancel() override {}
};

} // namespace

LocalTransport::LocalTransport(const QString &serverName)
    : m_serverName(serverName)
{
}

Result<CommandResult> LocalTransport::execute(const RemoteCommand &command, const CancelToken &cancel)
{
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    auto finish = [&](Result<CommandResult> result) {
        recordEntry(command, m_serverName, result, clock.elapsed(), false, startedAt);
        return result;
    };
    const Status valid = validateArgv(command.argv);
    if (!valid)
        return finish(valid.error());

    QProcess process;
    prepareProcess(process, command);
    process.start();
    if (!process.waitForStarted(-1))
        return finish(startError(process));
    if (!command.stdinData.isEmpty())
        process.write(command.stdinData);
    process.closeWriteChannel();

    const QDeadlineTimer deadline = command.timeoutMs > 0 ? QDeadlineTimer(command.timeoutMs) : QDeadlineTimer(QDeadlineTimer::Forever);
    CommandResult result;
    // Drain both pipes as data arrives (QProcess reads inside waitFor*), so nothing blocks on a full pipe.
    while (process.state() != QProcess::NotRunning) {
        process.waitForFinished(20);
        result.stdoutData += process.readAllStandardOutput();
        result.stderrData += process.readAllStandardError();
        if (process.state() == QProcess::NotRunning)
            break;
        if (cancel.isCancelled()) {
            stopGroup(process, killGraceMs);
            return finish(Error::make(ErrorKind::Cancelled, QCoreApplication::translate("fleetdeck::remote", "Cancelled.")));
        }
        if (deadline.hasExpired()) {
            stopGroup(process, killGraceMs);
            return finish(Error::make(ErrorKind::Timeout,
                                      QCoreApplication::translate("fleetdeck::remote", "The command timed out after %1 ms on this machine and was stopped.")
                                          .arg(command.timeoutMs),
                                      QString::fromUtf8(result.stderrData.right(2000))));
        }
    }
    result.stdoutData += process.readAllStandardOutput();
    result.stderrData += process.readAllStandardError();
    result.durationMs = clock.elapsed();
    if (process.exitStatus() == QProcess::CrashExit) {
        result.exitSignal = signalName(process.exitCode());
        result.exitCode = -1;
    } else {
        result.exitCode = process.exitCode();
    }
    return finish(std::move(result));
}

std::unique_ptr<RemoteStream> LocalTransport::stream(const RemoteCommand &command)
{
    const Status valid = validateArgv(command.argv);
    if (!valid)
        return std::make_unique<FailedLocalStream>(valid.error());
    return std::make_unique<LocalStream>(command, m_serverName, killGraceMs);
}

Status LocalTransport::upload(const QByteArray &data, const QString &remotePath, int permissions)
{
    if (remotePath.isEmpty() || remotePath.endsWith(QLatin1Char('/')))
        return Error::invalid(QStringLiteral("remotePath"), QCoreApplication::translate("fleetdeck::remote", "a file path is needed"));
    if (permissions < 0 || permissions > 07777)
        return Error::invalid(QStringLiteral("permissions"), QCoreApplication::translate("fleetdeck::remote", "must be an octal mode such as 0600"));
    const QFileInfo info(remotePath);
    QByteArray temp = QFile::encodeName(info.absolutePath() + QLatin1Char('/') + QLatin1Char('.') + info.fileName()
                                        + QStringLiteral(".fleetdeck-XXXXXX"));
    const int fd = ::mkstemp(temp.data()); // 0600, unguessable, O_EXCL
    auto fail = [&](const QString &what) {
        const QString reason = QString::fromLocal8Bit(strerror(errno));
        if (fd >= 0) {
            ::close(fd);
            ::unlink(temp.constData());
        }
        return Status(Error::make(ErrorKind::Storage, QCoreApplication::translate("fleetdeck::remote", "Could not write %1: %2.").arg(remotePath, what), reason));
    };
    if (fd < 0)
        return Status(Error::make(ErrorKind::Storage, QCoreApplication::translate("fleetdeck::remote", "Could not create a file next to %1.").arg(remotePath),
                                  QString::fromLocal8Bit(strerror(errno))));
    qsizetype offset = 0;
    while (offset < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + offset, size_t(data.size() - offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(QStringLiteral("write failed"));
        offset += n;
    }
    if (::fchmod(fd, mode_t(permissions)) != 0)
        return fail(QStringLiteral("chmod failed"));
    if (::fsync(fd) != 0)
        return fail(QStringLiteral("fsync failed"));
    if (::rename(temp.constData(), QFile::encodeName(remotePath).constData()) != 0)
        return fail(QStringLiteral("rename failed"));
    ::close(fd);
    return {};
}

QString LocalTransport::describe() const
{
    return QStringLiteral("this machine");
}

} // namespace fleetdeck
