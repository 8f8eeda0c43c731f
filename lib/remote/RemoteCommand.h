// RemoteCommand / CommandResult: what is asked of a transport and what it answers.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace fleetdeck {

// A command is always an argv list; the one function that turns it into a shell line is shellJoin().
struct RemoteCommand {
    QStringList argv;
    QByteArray stdinData;          // payloads (manifests, secrets) go here, never in argv or temp files
    int timeoutMs = 0;             // 0 = no timeout
    QList<int> secretArgs;         // indexes of argv masked in the activity log
    bool stdinIsSecret = false;    // stdin never recorded anyway; this also hides its size
    QString purpose;               // short label for the activity log ("docker service ps")
};

struct CommandResult {
    int exitCode = -1;
    QString exitSignal;            // e.g. "KILL" when killed by a signal (exitCode is then -1)
    QByteArray stdoutData;
    QByteArray stderrData;
    qint64 durationMs = 0;

    bool succeeded() const { return exitCode == 0 && exitSignal.isEmpty(); }
};

// Shared flag to cancel a running command from another thread.
class CancelToken
{
public:
    CancelToken() : m_flag(std::make_shared<std::atomic_bool>(false)) {}
    void cancel() const { m_flag->store(true); }
    bool isCancelled() const { return m_flag->load(); }

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};

} // namespace fleetdeck
