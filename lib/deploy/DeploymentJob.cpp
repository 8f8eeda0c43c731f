// DeploymentJob: build, deploy, wait for convergence, record (see DeploymentJob.h).
#include "deploy/DeploymentJob.h"

#include "core/Logging.h"
#include "deploy/BuildContext.h"
#include "orchestrators/CommandRunner.h"
#include "store/Repositories.h"

#include <QDateTime>

namespace fleetdeck {

namespace {

class Recorder
{
public:
    Recorder(const DeploymentEnvironment &env, qint64 deploymentId) : m_env(env), m_id(deploymentId) {}

    void step(const StepRecord &s)
    {
        DeploymentLogEntry e;
        e.at = QDateTime::currentDateTimeUtc();
        e.step = s.step;
        e.command = s.command;
        e.output = s.output;
        e.exitCode = s.exitCode;
        if (auto st = m_env.store->appendDeploymentLog(m_id, e); !st)
            qCWarning(lcDeploy).noquote() << "deployment" << m_id << "log not stored:" << st.error().toString();
        if (m_env.onLog)
            m_env.onLog(m_id, e);
    }
    void note(const QString &step, const QString &text) { this->step(StepRecord{step, {}, text, -1}); }

private:
    const DeploymentEnvironment &m_env;
    qint64 m_id;
};

QString previousImageFor(Store &store, const Application &app, qint64 currentDeploymentId)
{
    auto list = store.deployments(app.id, 100);
    if (!list)
        return {};
    // Newest first: the first finished one is what runs now, the next finished one with another image
    // is what a rollback returns to.
    QString current;
    for (const Deployment &d : *list) {
        if (d.id == currentDeploymentId || d.status != DeploymentStatus::Finished || d.image.isEmpty())
            continue;
        if (current.isEmpty()) {
            current = d.image;
            continue;
        }
        if (d.image != current)
            return d.image;
    }
    return {};
}

} // namespace

Result<RolloutProgress> waitForRollout(OrchestratorInterface &orchestrator, const Application &app,
                                       const DeployOutcome &outcome, const OperationContext &ctx, int pollIntervalMs)
{
    CommandRunner pacer(nullptr, ctx);
    // Each poll's queries stay out of the step log; a line is written when the picture changes.
    OperationContext quiet = ctx;
    quiet.onStep = nullptr;
    QString lastReason;
    RolloutProgress last;
    for (;;) {
        if (ctx.cancel.isCancelled())
            return Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled while waiting for the rollout (%1)").arg(lastReason));
        if (ctx.deadline.hasExpired())
            return Error::make(ErrorKind::Timeout, QStringLiteral("the rollout did not converge in time: %1").arg(lastReason));
        auto progress = orchestrator.checkRollout(app, outcome, quiet);
        if (!progress) {
            // A deadline reached inside the query is the rollout's timeout, with the last known reason.
            if (progress.error().kind == ErrorKind::Timeout)
                return Error::make(ErrorKind::Timeout, QStringLiteral("the rollout did not converge in time: %1").arg(lastReason));
            return progress.error();
        }
        last = *progress;
        if (last.reason != lastReason && ctx.onStep)
            ctx.onStep(StepRecord{QStringLiteral("wait"), {}, last.reason, -1});
        lastReason = last.reason;
        if (last.phase == RolloutPhase::Converged)
            return last;
        if (last.phase == RolloutPhase::Failed) {
            Error e = Error::make(ErrorKind::RemoteFailed, last.reason);
            e.detail = last.status.errors.join(QLatin1Char('\n'));
            return e;
        }
        if (auto s = pacer.pause(pollIntervalMs, QStringLiteral("waiting for the rollout")); !s) {
            if (s.error().kind == ErrorKind::Timeout)
                return Error::make(ErrorKind::Timeout, QStringLiteral("the rollout did not converge in time: %1").arg(lastReason));
            return Error::make(s.error().kind, QStringLiteral("cancelled while waiting for the rollout (%1)").arg(lastReason));
        }
    }
}

Deployment runDeployment(const DeploymentEnvironment &env, qint64 deploymentId, const DeploymentRequest &request,
                         const CancelToken &cancel)
{
    Store &store = *env.store;
    Recorder rec(env, deploymentId);
    auto loaded = store.deployment(deploymentId);
    if (!loaded) {
        Deployment d;
        d.id = deploymentId;
        d.status = DeploymentStatus::Failed;
        d.error = loaded.error().toString();
        return d;
    }
    Deployment d = *loaded;
    d.log.clear();
    auto save = [&] {
        if (auto s = store.updateDeployment(d); !s)
            qCWarning(lcDeploy).noquote() << "deployment" << d.id << "not saved:" << s.error().toString();
    };
    auto finish = [&](DeploymentStatus status, const QString &error) {
        d.status = status;
        d.error = error;
        d.finishedAt = QDateTime::currentDateTimeUtc();
        save();
        qCInfo(lcDeploy).noquote() << "deployment" << d.id << deploymentStatusName(status) << error;
        return d;
    };
    if (cancel.isCancelled()) {
        rec.note(QStringLiteral("queue"), QStringLiteral("cancelled before it started"));
        return finish(DeploymentStatus::Cancelled, QStringLiteral("cancelled before it started"));
    }
    auto appResult = store.application(request.applicationId);
    if (!appResult)
        return finish(DeploymentStatus::Failed, appResult.error().toString());
    Application app = *appResult;
    auto serverResult = store.server(app.serverId);
    if (!serverResult)
        return finish(DeploymentStatus::Failed, serverResult.error().toString());
    const Server server = *serverResult;

    d.status = DeploymentStatus::InProgress;
    d.startedAt = QDateTime::currentDateTimeUtc();
    d.orchestrator = orchestratorName(server.settings.orchestrator);
    save();
    (void)store.setApplicationStatus(app.id, ApplicationStatus::Deploying);

    OperationContext ctx;
    ctx.cancel = cancel;
    ctx.deploymentId = d.id;
    ctx.onStep = [&rec](const StepRecord &s) { rec.step(s); };

    auto settle = [&](DeploymentStatus status, const Error &error) {
        // The application's status says what the engine runs now: after a failed update Swarm (or the
        // standalone replacement) keeps the previous version running.
        ApplicationStatus appStatus = ApplicationStatus::Failed;
        if (auto orch = env.backendFor(server, nullptr); orch) {
            OperationContext quick;
            quick.deadline = QDeadlineTimer(30000);
            if (auto st = (*orch)->status(app, quick); st && st->state == EngineState::Running) {
                appStatus = ApplicationStatus::Running;
                rec.note(QStringLiteral("status"), QStringLiteral("the previous version keeps running (%1 of %2 replicas)")
                                                       .arg(st->running).arg(st->desired));
            }
        }
        (void)store.setApplicationStatus(app.id, appStatus);
        rec.note(QStringLiteral("result"), error.toString());
        return finish(status, error.toString());
    };
    auto failWith = [&](const Error &error) {
        const DeploymentStatus status = error.kind == ErrorKind::Cancelled ? DeploymentStatus::Cancelled : DeploymentStatus::Failed;
        return settle(status, error);
    };

    const QString verb = request.kind == DeploymentKind::Rollback ? QStringLiteral("roll back") : QStringLiteral("deploy");
    rec.note(QStringLiteral("start"), QStringLiteral("%1 %2 on %3 (%4), triggered by %5")
                                          .arg(verb, app.name, server.name, d.orchestrator, d.triggeredBy));
    auto transport = env.transportFor(server);
    auto orchestrator = env.backendFor(server, transport);
    if (!orchestrator)
        return failWith(orchestrator.error());

    // Build (deploys only): its own generous deadline, since images can take long to build.
    if (request.kind == DeploymentKind::Deploy && !app.buildSource.isEmpty()) {
        OperationContext buildCtx = ctx;
        buildCtx.deadline = QDeadlineTimer(30 * 60 * 1000);
        auto command = build::buildCommand(app, d.id);
        if (!command)
            return failWith(command.error());
        CommandRunner runner(transport, buildCtx);
        auto r = runner.runChecked(*command);
        if (!r) {
            Error e = r.error();
            e.message = QStringLiteral("the image build failed: ") + e.message;
            return failWith(e);
        }
        app.image = build::builtImage(app, d.id);
        rec.note(QStringLiteral("build"), QStringLiteral("built %1").arg(app.image));
    }

    ctx.deadline = QDeadlineTimer(qint64(qMax(1, request.timeoutSeconds)) * 1000);
    Result<DeployOutcome> outcome = Error::make(ErrorKind::Internal, QStringLiteral("not started"));
    if (request.kind == DeploymentKind::Rollback) {
        const QString previous = previousImageFor(store, app, d.id);
        outcome = (*orchestrator)->rollback(app, previous, ctx);
    } else {
        outcome = (*orchestrator)->deploy(app, ctx);
    }
    if (!outcome)
        return failWith(outcome.error());
    d.image = outcome->image.isEmpty() ? app.image : outcome->image;
    save();
    rec.note(QStringLiteral("apply"), QStringLiteral("%1 %2 accepted by the engine").arg(planActionName(outcome->action), outcome->target));

    if (!request.waitForConvergence) {
        auto progress = (*orchestrator)->checkRollout(app, *outcome, ctx);
        if (progress && progress->phase == RolloutPhase::Converged) {
            (void)store.setApplicationStatus(app.id, ApplicationStatus::Running);
            rec.note(QStringLiteral("wait"), progress->reason);
            return finish(DeploymentStatus::Finished, {});
        }
        if (progress && progress->phase == RolloutPhase::Failed)
            return failWith(Error::make(ErrorKind::RemoteFailed, progress->reason));
        rec.note(QStringLiteral("wait"), QStringLiteral("not waiting for convergence (%1); the next status query settles "
                                                        "this deployment")
                                             .arg(progress ? progress->reason : progress.error().toString()));
        return d;
    }
    rec.note(QStringLiteral("wait"), QStringLiteral("waiting up to %1 s for every replica to run%2")
                                         .arg(request.timeoutSeconds)
                                         .arg(app.health.enabled() ? QStringLiteral(" and pass its health check") : QString()));
    auto converged = waitForRollout(**orchestrator, app, *outcome, ctx, env.pollIntervalMs);
    if (!converged)
        return failWith(converged.error());
    (void)store.setApplicationStatus(app.id, ApplicationStatus::Running);
    rec.note(QStringLiteral("result"), QStringLiteral("converged: %1").arg(converged->reason));
    return finish(DeploymentStatus::Finished, {});
}

} // namespace fleetdeck
