// CommandRunner: runs a backend's planned commands through the transport, within the operation's
// deadline and cancel token, and reports each one as a step (masked command line + bounded output).
#pragma once

#include "orchestrators/OrchestratorTypes.h"
#include "remote/Transport.h"

#include <memory>

namespace fleetdeck {

class CommandRunner
{
public:
    enum class Output { Record, Omit };   // Omit: the output may hold secrets (inspect) or is bulky

    CommandRunner(std::shared_ptr<Transport> transport, const OperationContext &ctx);

    // Runs the command; a non-zero exit is a successful Result (callers decide). Transport failures,
    // cancel and an expired deadline are Errors.
    Result<CommandResult> run(const PlannedCommand &command, Output output = Output::Record);
    // Like run(), and a non-zero exit becomes docker::engineError(...) naming `command.description`.
    Result<CommandResult> runChecked(const PlannedCommand &command, Output output = Output::Record);
    // A deploy's steps in order, each with runChecked(); a failure that the step names in
    // alreadyDoneWhen is not one. Stops at the first real failure.
    Status runSteps(const QList<PlannedCommand> &steps);

    // A note in the step log (no command).
    void note(const QString &step, const QString &text);

    Transport &transport() { return *m_transport; }
    std::shared_ptr<Transport> transportPtr() const { return m_transport; }
    const OperationContext &context() const { return m_ctx; }
    QString where() const;

    // Error when cancelled or past the deadline, else success; call between polls.
    Status checkpoint(const QString &what) const;
    // Sleeps up to `ms` on this worker thread, waking early on cancel.
    Status pause(int ms, const QString &what) const;

    static constexpr int kDefaultTimeoutMs = 120000;
    static constexpr qsizetype kMaxRecordedOutput = 64 * 1024;

private:
    std::shared_ptr<Transport> m_transport;
    OperationContext m_ctx;
};

} // namespace fleetdeck
