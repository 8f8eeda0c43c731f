// Benchmark: latency of `true` over SSH on loopback — Fleetdeck's warm session vs a fresh Fleetdeck
// connection per command vs OpenSSH's ssh with ControlMaster reuse (and without), in the same run.
// Prints a markdown table. Usage: bench_ssh_latency [N]   (default 200; needs root for the private sshd)

#include "SshdFixture.h"

#include "remote/LocalTransport.h"
#include "remote/SshTransport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace fleetdeck;
using fleetdeck::test::SshdFixture;

namespace {

struct Stats {
    QString mode;
    int n = 0;
    double p50 = 0;
    double p95 = 0;
    double mean = 0;
    int failures = 0;
};

Stats summarize(const QString &mode, std::vector<double> ms, int failures)
{
    Stats s;
    s.mode = mode;
    s.n = int(ms.size());
    s.failures = failures;
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    auto at = [&ms](double q) { return ms[std::min(ms.size() - 1, size_t(q * double(ms.size() - 1) + 0.5))]; };
    s.p50 = at(0.50);
    s.p95 = at(0.95);
    double sum = 0;
    for (double v : ms)
        sum += v;
    s.mean = sum / double(ms.size());
    return s;
}

template<typename F>
Stats measure(const QString &mode, int n, F &&once)
{
    std::vector<double> samples;
    samples.reserve(size_t(n));
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        const bool ok = once();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (ok)
            samples.push_back(ms);
        else
            ++failures;
    }
    return summarize(mode, std::move(samples), failures);
}

RemoteCommand trueCommand()
{
    RemoteCommand c;
    c.argv = QStringList{QStringLiteral("true")};
    c.timeoutMs = 20000;
    return c;
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown CPU");
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return QStringLiteral("unknown CPU");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 200;
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
    const Server server = sshd.server();
    const RemoteCommand command = trueCommand();

    // Fleetdeck, warm: one session, reused (after a few warm-up commands).
    SshTransport warm(server);
    for (int i = 0; i < 10; ++i)
        (void)warm.execute(command);
    const Stats warmStats = measure(QStringLiteral("Fleetdeck warm session (SshTransport, reused)"), n, [&] {
        const Result<CommandResult> r = warm.execute(command);
        return r.ok() && r->exitCode == 0;
    });

    // Fleetdeck, fresh: connect + host key check + auth + exec + disconnect for every command.
    const Stats freshStats = measure(QStringLiteral("Fleetdeck fresh connection per command"), n, [&] {
        SshTransport fresh(server);
        const Result<CommandResult> r = fresh.execute(command);
        return r.ok() && r->exitCode == 0;
    });

    // OpenSSH's client: one process per command, multiplexed over a persistent master connection.
    const QString controlPath = sshd.dir() + QStringLiteral("/cm-%C");
    const QStringList common = {QStringLiteral("-i"), sshd.keyPath(), QStringLiteral("-p"), QString::number(sshd.port()),
                                QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                                QStringLiteral("StrictHostKeyChecking=no"), QStringLiteral("-o"),
                                QStringLiteral("UserKnownHostsFile=") + sshd.dir() + QStringLiteral("/known_hosts"),
                                QStringLiteral("-o"), QStringLiteral("LogLevel=ERROR"), QStringLiteral("-F"), QStringLiteral("/dev/null")};
    const QStringList master = {QStringLiteral("-o"), QStringLiteral("ControlMaster=auto"), QStringLiteral("-o"),
                                QStringLiteral("ControlPath=") + controlPath, QStringLiteral("-o"), QStringLiteral("ControlPersist=60")};
    const QString target = sshd.user() + QStringLiteral("@") + sshd.host();
    auto runSsh = [&](const QStringList &extra) {
        QProcess p;
        p.start(QStringLiteral("ssh"), common + extra + QStringList{target, QStringLiteral("true")});
        p.closeWriteChannel();
        return p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    };
    for (int i = 0; i < 10; ++i)
        runSsh(master);
    const Stats controlStats = measure(QStringLiteral("OpenSSH ssh, ControlMaster reuse"), n, [&] { return runSsh(master); });
    // Extra context (fewer samples: each costs a full handshake).
    const Stats opensshFresh = measure(QStringLiteral("OpenSSH ssh, new connection each time"), qMax(10, n / 4),
                                       [&] { return runSsh({}); });
    // The floor under any remote command: starting `sh -c true` locally under the same machine load.
    LocalTransport local;
    const Stats localStats = measure(QStringLiteral("LocalTransport (QProcess, no network)"), n, [&] {
        const Result<CommandResult> r = local.execute(command);
        return r.ok() && r->exitCode == 0;
    });
    QProcess::execute(QStringLiteral("ssh"), common + QStringList{QStringLiteral("-o"), QStringLiteral("ControlPath=") + controlPath,
                                                                  QStringLiteral("-O"), QStringLiteral("exit"), target});

    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QByteArray load = loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().trimmed() : QByteArray("?");
    out << "Machine: " << QSysInfo::prettyProductName() << ", kernel " << QSysInfo::kernelVersion() << ", " << cpuModel()
        << ", " << QThread::idealThreadCount() << " cores; sshd " << sshd.host() << ':' << sshd.port()
        << " (OpenSSH, loopback); command `true`, N=" << n << " each, sequential; /proc/loadavg after: " << load << ".\n\n";
    out << "| mode | N | p50 ms | p95 ms | mean ms | p50 vs warm |\n";
    out << "|---|---:|---:|---:|---:|---:|\n";
    for (const Stats &s : {warmStats, freshStats, controlStats, opensshFresh, localStats}) {
        out << "| " << s.mode << " | " << s.n << (s.failures ? QStringLiteral(" (%1 failed)").arg(s.failures) : QString()) << " | "
            << QString::number(s.p50, 'f', 2) << " | " << QString::number(s.p95, 'f', 2) << " | "
            << QString::number(s.mean, 'f', 2) << " | "
            << QString::number(warmStats.p50 > 0 ? s.p50 / warmStats.p50 : 0, 'f', 1) << "x |\n";
    }
    out << "\nFresh / warm (p50): " << QString::number(freshStats.p50 / warmStats.p50, 'f', 1)
        << "x. Targets: warm p50 <= 5 ms (" << (warmStats.p50 <= 5.0 ? "met" : "NOT met") << "), >= 20x faster than fresh ("
        << (freshStats.p50 / warmStats.p50 >= 20.0 ? "met" : "NOT met") << ")." << Qt::endl;
    return 0;
}
