// Benchmark: how long the SSH transport takes to give up, measured against the limit it was given
// (command timeout, cancel, refused port, connect timeout, silent server, reconnect backoff, a peer that
// hangs under keepalive). The functional tests prove WHAT happens; these figures say WHEN, as the ratio
// observed / configured, since a loaded machine makes any fixed bound flaky.
// Prints a markdown table. Usage: bench_ssh_timeouts [ROUNDS]   (default 5; needs root for the private sshd)

#include "RemoteCommands.h"
#include "SshdFixture.h"

#include "remote/SshTransport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <csignal>
#include <functional>
#include <vector>

using namespace fleetdeck;
using fleetdeck::test::cmd;
using fleetdeck::test::SshdFixture;

namespace {

struct Row {
    QString what;
    double limitMs = 0;      // what the transport was told (0: no limit, e.g. cancel)
    std::vector<double> ms;
    int wrongOutcome = 0;    // runs that did not end with the expected error kind
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Runs `once` `rounds` times; `once` returns the elapsed ms, or a negative value for a wrong outcome.
Row measure(const QString &what, double limitMs, int rounds, const std::function<double()> &once)
{
    Row row{what, limitMs, {}, 0};
    for (int i = 0; i < rounds; ++i) {
        const double ms = once();
        if (ms < 0)
            ++row.wrongOutcome;
        else
            row.ms.push_back(ms);
    }
    return row;
}

SshOptions options()
{
    SshOptions o;
    o.connectTimeoutMs = 2000;
    o.killGraceMs = 1000;
    return o;
}

// Elapsed ms of `run` when it fails with `kind`, else -1.
double timed(ErrorKind kind, const std::function<Result<CommandResult>()> &run)
{
    QElapsedTimer t;
    t.start();
    const Result<CommandResult> r = run();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    return !r.ok() && r.error().kind == kind ? ms : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 5;
    QTextStream out(stdout);

    QString why;
    if (!SshdFixture::available(&why)) {
        out << "cannot run: " << why << Qt::endl;
        return 2;
    }
    SshdFixture sshd;
    QString error;
    if (!sshd.start(&error)) {
        out << "sshd failed: " << error << Qt::endl;
        return 2;
    }
    SshTransport warm(sshd.server(), options());
    (void)warm.execute(cmd({QStringLiteral("true")}));
    QThreadPool callers;

    std::vector<Row> rows;
    rows.push_back(measure(QStringLiteral("command timeout (sleep 30, timeout 700 ms)"), 700, rounds, [&] {
        return timed(ErrorKind::Timeout, [&] { return warm.execute(cmd({QStringLiteral("sleep"), QStringLiteral("30")}, 700)); });
    }));
    rows.push_back(measure(QStringLiteral("cancel of a running command"), 0, rounds, [&] {
        CancelToken token;
        auto future = QtConcurrent::run(&callers, [&] { return warm.execute(cmd({QStringLiteral("sleep"), QStringLiteral("30")}), token); });
        QThread::msleep(200);   // a benchmark may pace itself; the command is running by then
        QElapsedTimer t;
        t.start();
        token.cancel();
        future.waitForFinished();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        return future.result().ok() || future.result().error().kind != ErrorKind::Cancelled ? -1 : ms;
    }));
    rows.push_back(measure(QStringLiteral("refused port"), 0, rounds, [&] {
        Server s = sshd.server();
        s.port = SshdFixture::freePort();
        SshTransport ssh(s, options());
        return timed(ErrorKind::Unreachable, [&] { return ssh.execute(cmd({QStringLiteral("true")})); });
    }));
    rows.push_back(measure(QStringLiteral("connect timeout (full accept queue, 2 s)"), 2000, rounds, [&] {
        SshdFixture::Blackhole blackhole;
        Server s = sshd.server();
        s.port = blackhole.port();
        SshTransport ssh(s, options());
        return timed(ErrorKind::Unreachable, [&] { return ssh.execute(cmd({QStringLiteral("true")})); });
    }));
    rows.push_back(measure(QStringLiteral("silent server (no SSH banner, 2 s)"), 2000, rounds, [&] {
        SshdFixture::SilentServer silent;
        Server s = sshd.server();
        s.port = silent.port();
        SshTransport ssh(s, options());
        return timed(ErrorKind::Unreachable, [&] { return ssh.execute(cmd({QStringLiteral("true")})); });
    }));
    rows.push_back(measure(QStringLiteral("reconnect backoff after a failed connect (600 ms)"), 600, rounds, [&] {
        Server s = sshd.server();
        s.port = SshdFixture::freePort();
        SshOptions o = options();
        o.reconnectBackoffInitialMs = 600;
        SshTransport ssh(s, o);
        (void)ssh.execute(cmd({QStringLiteral("true")}));
        return timed(ErrorKind::Unreachable, [&] { return ssh.execute(cmd({QStringLiteral("true")})); });
    }));
    rows.push_back(measure(QStringLiteral("hung peer under keepalive (200 ms x 4 misses)"), 800, rounds, [&] {
        SshdFixture own;
        QString e;
        if (!own.start(&e))
            return -1.0;
        SshOptions o = options();
        o.keepaliveIntervalMs = 200;
        o.keepaliveMaxMisses = 4;
        SshTransport ssh(own.server(), o);
        (void)ssh.execute(cmd({QStringLiteral("true")}));
        auto future = QtConcurrent::run(&callers, [&] { return ssh.execute(cmd({QStringLiteral("sleep"), QStringLiteral("30")})); });
        QThread::msleep(300);
        QElapsedTimer t;
        t.start();
        own.signalConnections(SIGSTOP);
        future.waitForFinished();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        own.signalConnections(SIGCONT);
        return future.result().ok() || future.result().error().kind != ErrorKind::Unreachable ? -1 : ms;
    }));

    out << "| what | limit | median | observed / limit | runs | wrong outcome |\n|---|---:|---:|---:|---:|---:|\n";
    for (const Row &r : rows) {
        const double m = median(r.ms);
        out << "| " << r.what << " | " << (r.limitMs > 0 ? QString::number(r.limitMs, 'f', 0) + QStringLiteral(" ms") : QStringLiteral("-"))
            << " | " << QString::number(m, 'f', 1) << " ms | "
            << (r.limitMs > 0 ? QString::number(m / r.limitMs, 'f', 2) : QStringLiteral("-")) << " | " << r.ms.size() << " | "
            << r.wrongOutcome << " |\n";
    }
    out.flush();
    return 0;
}
