// Argv builders of the standalone and Swarm backends, the secret env loader, and Traefik's configuration.
#include "orchestrators/OrchestratorTypes.h"
#include "orchestrators/docker/ContainerOptions.h"
#include "orchestrators/docker/DockerCommands.h"
#include "orchestrators/proxy/Traefik.h"
#include "orchestrators/swarm/SwarmCommands.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace fleetdeck;

namespace {

Application webApp()
{
    Application a;
    a.id = 4;
    a.uuid = QStringLiteral("0f0e0d0c-1111-2222-3333-444455556666");
    a.name = QStringLiteral("web");
    a.image = QStringLiteral("fleetdeck-test/busybox:2");
    a.ports = {80};
    a.env = {{QStringLiteral("MODE"), QStringLiteral("prod $(x)"), false},
             {QStringLiteral("API_KEY"), QStringLiteral("s3cr'et\"$HOME`id`;|&\nline2"), true}};
    a.health.path = QStringLiteral("/health");
    a.health.intervalSeconds = 2;
    a.health.retries = 2;
    a.cpuLimit = QStringLiteral("500m");
    a.memoryLimit = QStringLiteral("256Mi");
    a.memoryReservation = QStringLiteral("64m");
    a.cpuReservation = QStringLiteral("0.25");
    a.restartPolicy = QStringLiteral("unless-stopped");
    a.swarmReplicas = 3;
    a.swarmConstraints = {QStringLiteral(" node.role == manager ")};
    return a;
}

// The value after `flag` in argv, or "" (first occurrence).
QString after(const QStringList &argv, const QString &flag)
{
    const qsizetype i = argv.indexOf(flag);
    return i >= 0 && i + 1 < argv.size() ? argv.at(i + 1) : QString();
}

QStringList allAfter(const QStringList &argv, const QString &flag)
{
    QStringList out;
    for (qsizetype i = 0; i + 1 < argv.size(); ++i)
        if (argv.at(i) == flag)
            out << argv.at(i + 1);
    return out;
}

QByteArray recorded(const QString &name)
{
    QString dir = qEnvironmentVariable("FLEETDECK_SOURCE_DIR");
    if (dir.isEmpty())
        dir = QFileInfo(QStringLiteral(__FILE__)).absolutePath() + QStringLiteral("/../..");
    QFile f(dir + QStringLiteral("/tests/data/docker/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing recording %s", qPrintable(f.fileName()));
    return f.readAll();
}

} // namespace

class TestOrchCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void standaloneCreate()
    {
        const Application a = webApp();
        auto c = docker::createContainer(a, {QStringLiteral("web.1"), 1, a.image, 42}, {});
        QVERIFY(c.ok());
        const QStringList argv = c->command.argv;
        // Secrets make the command go through the loader; the docker argv follows it.
        QCOMPARE(argv.mid(0, 2), (QStringList{QStringLiteral("sh"), QStringLiteral("-c")}));
        QCOMPARE(argv.at(2), docker::secretEnvLoader());
        QCOMPARE(argv.at(4), QStringLiteral("docker"));
        QCOMPARE(argv.at(5), QStringLiteral("create"));
        QCOMPARE(after(argv, QStringLiteral("--name")), QStringLiteral("web.1"));
        const QStringList labels = allAfter(argv, QStringLiteral("--label"));
        QVERIFY(labels.contains(QStringLiteral("fleetdeck.managed=true")));
        QVERIFY(labels.contains(QStringLiteral("fleetdeck.app=") + a.uuid));
        QVERIFY(labels.contains(QStringLiteral("fleetdeck.deployment=42")));
        QVERIFY(labels.contains(QStringLiteral("fleetdeck.replica=1")));
        QCOMPARE(after(argv, QStringLiteral("--cpus")), QStringLiteral("0.5"));
        QCOMPARE(after(argv, QStringLiteral("--memory")), QStringLiteral("256m"));
        QCOMPARE(after(argv, QStringLiteral("--memory-reservation")), QStringLiteral("64m"));
        QCOMPARE(after(argv, QStringLiteral("--restart")), QStringLiteral("unless-stopped"));
        QCOMPARE(after(argv, QStringLiteral("--publish")), QStringLiteral("80:80"));
        QCOMPARE(after(argv, QStringLiteral("--health-interval")), QStringLiteral("2s"));
        QVERIFY(after(argv, QStringLiteral("--health-cmd")).contains(QLatin1String("'http://127.0.0.1:80/health'")));
        const QStringList env = allAfter(argv, QStringLiteral("--env"));
        QCOMPARE(env, (QStringList{QStringLiteral("MODE=prod $(x)"), QStringLiteral("API_KEY")}));
        QCOMPARE(argv.last(), a.image);
        // The secret value is nowhere in argv, only on (secret) stdin.
        for (const QString &arg : argv)
            QVERIFY(!arg.contains(QLatin1String("s3cr")));
        QVERIFY(c->command.stdinIsSecret);
        QVERIFY(c->command.stdinData.startsWith("API_KEY='s3cr'\\''et"));
        QVERIFY(c->stdinSummary.contains(QLatin1String("API_KEY=***")));
        QVERIFY(!c->stdinSummary.contains(QLatin1String("s3cr")));
    }

    void standaloneDomainsExposeOnly()
    {
        Application a = webApp();
        a.env.clear();
        a.domains = {QStringLiteral("web.example.com")};
        a.network = QStringLiteral("backend");
        auto c = docker::createContainer(a, {QStringLiteral("web.2"), 2, a.image, 1}, {});
        QVERIFY(c.ok());
        const QStringList argv = c->command.argv;
        QCOMPARE(argv.first(), QStringLiteral("docker"));     // no secrets, no loader
        QVERIFY(!argv.contains(QStringLiteral("--publish")));
        QCOMPARE(after(argv, QStringLiteral("--expose")), QStringLiteral("80"));
        QCOMPARE(after(argv, QStringLiteral("--network")), QStringLiteral("backend"));
        QCOMPARE(docker::networksOf(a, {}), (QStringList{QStringLiteral("backend"), QStringLiteral("fleetdeck-proxy")}));
        QVERIFY(allAfter(argv, QStringLiteral("--label")).contains(QStringLiteral("traefik.http.routers.fd-web.rule=Host(`web.example.com`)")));
        QVERIFY(docker::checkReplicas(a, 3).ok());
    }

    void standaloneReplicasWithPorts()
    {
        const Application a = webApp();
        QVERIFY(docker::checkReplicas(a, 1).ok());
        const Status s = docker::checkReplicas(a, 2);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, QStringLiteral("replicas"));
        QVERIFY(s.error().message.contains(QLatin1String("host port 80")));
        Application noPorts = a;
        noPorts.ports.clear();
        noPorts.health = {};
        QVERIFY(docker::checkReplicas(noPorts, 5).ok());
    }

    void names()
    {
        const Application a = webApp();
        QCOMPARE(docker::containerName(a, 3), QStringLiteral("web.3"));
        QCOMPARE(docker::slotOf(a, QStringLiteral("web.3")), 3);
        QCOMPARE(docker::slotOf(a, QStringLiteral("web.3.replaced-7")), 0);
        QCOMPARE(docker::slotOf(a, QStringLiteral("web-2.1")), 0);
        QCOMPARE(docker::slotOf(a, QStringLiteral("web.0")), 0);
        QCOMPARE(docker::replacedName(a, 2, 9), QStringLiteral("web.2.replaced-9"));
    }

    void reservedSecretNames_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("ok");
        QTest::newRow("normal") << QStringLiteral("DB_PASSWORD") << true;
        QTest::newRow("PATH") << QStringLiteral("PATH") << false;
        QTest::newRow("DOCKER_HOST") << QStringLiteral("DOCKER_HOST") << false;
        QTest::newRow("LD_PRELOAD") << QStringLiteral("LD_PRELOAD") << false;
    }
    void reservedSecretNames()
    {
        QFETCH(QString, key);
        QFETCH(bool, ok);
        QCOMPARE(docker::checkSecretEnv({{key, QStringLiteral("v"), true}}).ok(), ok);
        QVERIFY(docker::checkSecretEnv({{key, QStringLiteral("v"), false}}).ok()); // plain values go in argv
    }

    // The loader really delivers values verbatim: run it with a local shell and read the environment back.
    void secretLoaderRoundTrip()
    {
        const QList<EnvVar> secrets{{QStringLiteral("A"), QStringLiteral("it's $HOME `id` \"q\" \\ ; | & * ? ~ #"), true},
                                    {QStringLiteral("B"), QStringLiteral("two\nlines\n"), true},
                                    {QStringLiteral("C"), QStringLiteral(""), true},
                                    {QStringLiteral("D"), QStringLiteral("  spaced  "), true},
                                    {QStringLiteral("E"), QStringLiteral("ünïcødé €"), true}};
        PlannedCommand base;
        base.command.argv = {QStringLiteral("env"), QStringLiteral("-0")};
        const PlannedCommand wrapped = docker::withSecretEnv(base, secrets);
        QProcess p;
        p.start(wrapped.command.argv.first(), wrapped.command.argv.mid(1));
        QVERIFY(p.waitForStarted());
        p.write(wrapped.command.stdinData);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 0);
        QHash<QString, QString> env;
        for (const QByteArray &kv : p.readAllStandardOutput().split('\0')) {
            const qsizetype eq = kv.indexOf('=');
            if (eq > 0)
                env.insert(QString::fromUtf8(kv.left(eq)), QString::fromUtf8(kv.mid(eq + 1)));
        }
        for (const EnvVar &e : secrets)
            QCOMPARE(env.value(e.key, QStringLiteral("<unset>")), e.value);
    }

    void healthCommand()
    {
        Application a = webApp();
        a.health.port = 8080;
        QCOMPARE(docker::healthCommand(a), QStringLiteral("if command -v wget >/dev/null 2>&1; then 'wget' '-q' '-O' '/dev/null' "
                                                          "'http://127.0.0.1:8080/health'; else 'curl' '-fsS' '-o' '/dev/null' "
                                                          "'http://127.0.0.1:8080/health'; fi"));
        a.health.path.clear();
        a.health.command = QStringLiteral("pg_isready -U app");
        QCOMPARE(docker::healthCommand(a), QStringLiteral("pg_isready -U app"));
        a.health.command.clear();
        QVERIFY(docker::healthArgs(a)->isEmpty());
        // An HTTP check without any port is refused, never probed on a made-up port 80.
        a.health.path = QStringLiteral("/health");
        a.health.port = 0;
        a.ports.clear();
        QVERIFY(!docker::healthArgs(a).ok());
        QCOMPARE(docker::healthArgs(a).error().field, QStringLiteral("health-port"));
    }

    void swarmCreate()
    {
        const Application a = webApp();
        swarm::SwarmOptions o;
        o.publishMode = QStringLiteral("host");
        auto c = swarm::createService(a, a.image, 5, o);
        QVERIFY(c.ok());
        const QStringList argv = c->command.argv;
        const qsizetype docker = argv.indexOf(QStringLiteral("docker"));
        QCOMPARE(argv.mid(docker, 3), (QStringList{QStringLiteral("docker"), QStringLiteral("service"), QStringLiteral("create")}));
        QVERIFY(argv.contains(QStringLiteral("--detach")));
        QCOMPARE(after(argv, QStringLiteral("--name")), QStringLiteral("web"));
        QCOMPARE(after(argv, QStringLiteral("--replicas")), QStringLiteral("3"));
        QCOMPARE(after(argv, QStringLiteral("--constraint")), QStringLiteral("node.role == manager"));
        QCOMPARE(after(argv, QStringLiteral("--limit-cpu")), QStringLiteral("0.5"));
        QCOMPARE(after(argv, QStringLiteral("--limit-memory")), QStringLiteral("256m"));
        QCOMPARE(after(argv, QStringLiteral("--reserve-cpu")), QStringLiteral("0.25"));
        QCOMPARE(after(argv, QStringLiteral("--reserve-memory")), QStringLiteral("64m"));
        QCOMPARE(after(argv, QStringLiteral("--restart-condition")), QStringLiteral("any"));
        QCOMPARE(after(argv, QStringLiteral("--update-failure-action")), QStringLiteral("rollback"));
        // Host-mode ports cannot be held twice on a node: stop-first.
        QCOMPARE(after(argv, QStringLiteral("--update-order")), QStringLiteral("stop-first"));
        QCOMPARE(after(argv, QStringLiteral("--publish")), QStringLiteral("mode=host,target=80,published=80,protocol=tcp"));
        QVERIFY(allAfter(argv, QStringLiteral("--container-label")).contains(QStringLiteral("fleetdeck.deployment=5")));
        QCOMPARE(allAfter(argv, QStringLiteral("--env")), (QStringList{QStringLiteral("MODE=prod $(x)"), QStringLiteral("API_KEY")}));
        QCOMPARE(argv.last(), a.image);

        o.publishMode = QStringLiteral("ingress");
        auto ingress = swarm::createService(a, a.image, 5, o);
        QCOMPARE(after(ingress->command.argv, QStringLiteral("--update-order")), QStringLiteral("start-first"));
        QCOMPARE(after(ingress->command.argv, QStringLiteral("--publish")), QStringLiteral("mode=ingress,target=80,published=80,protocol=tcp"));
    }

    void swarmUpdateDiff()
    {
        auto specs = swarm::parseServiceInspect(recorded(QStringLiteral("swarm-service-inspect.jsonl")));
        QVERIFY(specs.ok());
        swarm::ServiceSpec current = specs->at(1);   // has constraint node.labels.disk == ssd
        current.labels.insert(QStringLiteral("traefik.enable"), QStringLiteral("true"));
        current.labels.insert(QStringLiteral("owner"), QStringLiteral("someone"));
        current.env = {QStringLiteral("OLD=1"), QStringLiteral("MODE=dev")};
        current.ports = {swarm::PortSpec{80, 8080, QStringLiteral("tcp"), QStringLiteral("host")}};
        current.healthTest = {QStringLiteral("CMD-SHELL"), QStringLiteral("true")};
        Application a = webApp();
        a.health = {};
        swarm::SwarmOptions o;
        o.publishMode = QStringLiteral("host");
        auto c = swarm::updateService(a, current, QStringLiteral("fleetdeck-test/busybox:2"), 6, o);
        QVERIFY(c.ok());
        const QStringList argv = c->command.argv;
        QCOMPARE(argv.last(), current.name);
        QVERIFY(!argv.contains(QStringLiteral("create")));
        QCOMPARE(after(argv, QStringLiteral("--image")), QStringLiteral("fleetdeck-test/busybox:2"));
        QCOMPARE(allAfter(argv, QStringLiteral("--constraint-rm")), QStringList{QStringLiteral("node.labels.disk == ssd")});
        QCOMPARE(allAfter(argv, QStringLiteral("--constraint-add")), QStringList{QStringLiteral("node.role == manager")});
        // Stale labels Fleetdeck owns go; somebody else's stay.
        QCOMPARE(allAfter(argv, QStringLiteral("--label-rm")), QStringList{QStringLiteral("traefik.enable")});
        QVERIFY(allAfter(argv, QStringLiteral("--label-add")).contains(QStringLiteral("fleetdeck.deployment=6")));
        QCOMPARE(allAfter(argv, QStringLiteral("--env-rm")), QStringList{QStringLiteral("OLD")});
        QCOMPARE(allAfter(argv, QStringLiteral("--env-add")), (QStringList{QStringLiteral("MODE=prod $(x)"), QStringLiteral("API_KEY")}));
        QCOMPARE(allAfter(argv, QStringLiteral("--publish-rm")), QStringList{QStringLiteral("mode=host,target=80,published=8080,protocol=tcp")});
        QCOMPARE(allAfter(argv, QStringLiteral("--publish-add")), QStringList{QStringLiteral("mode=host,target=80,published=80,protocol=tcp")});
        QVERIFY(argv.contains(QStringLiteral("--no-healthcheck")));
        QCOMPARE(after(argv, QStringLiteral("--limit-cpu")), QStringLiteral("0.5"));

        // Same ports again: nothing removed.
        current.ports = swarm::desiredPorts(a, o);
        auto same = swarm::updateService(a, current, a.image, 7, o);
        QVERIFY(!same->command.argv.contains(QStringLiteral("--publish-rm")));
        // Limits that are no longer set are cleared with 0.
        current.limitNanoCpus = 500000000;
        a.cpuLimit.clear();
        auto cleared = swarm::updateService(a, current, a.image, 7, o);
        QCOMPARE(after(cleared->command.argv, QStringLiteral("--limit-cpu")), QStringLiteral("0"));
    }

    void swarmSmallCommands()
    {
        QCOMPARE(swarm::scaleService(QStringLiteral("web"), 3).command.argv,
                 (QStringList{QStringLiteral("docker"), QStringLiteral("service"), QStringLiteral("scale"), QStringLiteral("--detach"),
                              QStringLiteral("web=3")}));
        QCOMPARE(swarm::forceUpdate(QStringLiteral("web")).command.argv,
                 (QStringList{QStringLiteral("docker"), QStringLiteral("service"), QStringLiteral("update"), QStringLiteral("--detach"),
                              QStringLiteral("--force"), QStringLiteral("web")}));
        QCOMPARE(swarm::rollbackService(QStringLiteral("web")).command.argv.at(2), QStringLiteral("rollback"));
        LogOptions lo;
        lo.tail = 0;
        const QStringList logs = swarm::serviceLogs(QStringLiteral("web"), lo).command.argv;
        QCOMPARE(after(logs, QStringLiteral("-n")), QStringLiteral("0"));   // -n is always set
        QVERIFY(!logs.contains(QStringLiteral("--follow")));
        lo.follow = true;
        lo.since = QStringLiteral("10m");
        lo.timestamps = true;
        const QStringList follow = swarm::serviceLogs(QStringLiteral("web"), lo).command.argv;
        QVERIFY(follow.contains(QStringLiteral("--follow")));
        QVERIFY(follow.contains(QStringLiteral("--timestamps")));
        QCOMPARE(after(follow, QStringLiteral("--since")), QStringLiteral("10m"));
        // The status query is a constant script; the filter is a positional parameter.
        const QStringList snap = swarm::snapshot(QStringLiteral("label=fleetdeck.app=x'; rm -rf /")).command.argv;
        QCOMPARE(snap.at(2), swarm::snapshotScript());
        QCOMPARE(snap.last(), QStringLiteral("label=fleetdeck.app=x'; rm -rf /"));
    }

    void execArgvVerbatim()
    {
        const QStringList cmd{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo \"$X\"; ls -la")};
        const QStringList argv = docker::execIn(QStringLiteral("web.1"), cmd, 0).command.argv;
        QCOMPARE(argv.mid(0, 3), (QStringList{QStringLiteral("docker"), QStringLiteral("exec"), QStringLiteral("web.1")}));
        QCOMPARE(argv.mid(3), cmd);
        // A streamed exec carries its mark as an option of `exec`, before the container.
        const QStringList marked = docker::execIn(QStringLiteral("web.1"), cmd, 0, {QStringLiteral("FLEETDECK_EXEC_ID=ab12")}).command.argv;
        QCOMPARE(marked.mid(0, 5), (QStringList{QStringLiteral("docker"), QStringLiteral("exec"), QStringLiteral("--env"),
                                                QStringLiteral("FLEETDECK_EXEC_ID=ab12"), QStringLiteral("web.1")}));
        QCOMPARE(marked.mid(5), cmd);
    }

    void followedLogsAndStartEvents()
    {
        LogOptions o;
        o.follow = true;
        o.tail = -1;   // a replica that appeared while following: every line it wrote
        QCOMPARE(docker::containerLogs(QStringLiteral("3f2a"), o).command.argv,
                 (QStringList{QStringLiteral("docker"), QStringLiteral("logs"), QStringLiteral("--tail"), QStringLiteral("all"),
                              QStringLiteral("--follow"), QStringLiteral("3f2a")}));
        o.tail = 0;
        QCOMPARE(docker::containerLogs(QStringLiteral("3f2a"), o).command.argv.mid(2, 2),
                 (QStringList{QStringLiteral("--tail"), QStringLiteral("0")}));
        const RemoteCommand events = docker::containerStartEvents(QStringLiteral("label=fleetdeck.app=u-1"), QStringLiteral("12s")).command;
        QCOMPARE(events.argv, (QStringList{QStringLiteral("docker"), QStringLiteral("events"), QStringLiteral("--filter"),
                                           QStringLiteral("type=container"), QStringLiteral("--filter"), QStringLiteral("event=start"),
                                           QStringLiteral("--filter"), QStringLiteral("label=fleetdeck.app=u-1"), QStringLiteral("--since"),
                                           QStringLiteral("12s"), QStringLiteral("--format"), QStringLiteral("{{json .}}")}));
        QCOMPARE(events.timeoutMs, 0);   // a stream: it runs until cancelled
    }

    void traefik()
    {
        Application a = webApp();
        a.domains = {QStringLiteral("shop.example.com"), QStringLiteral("*.apps.example.com")};
        QCOMPARE(proxy::routerRule(a.domains),
                 QStringLiteral("Host(`shop.example.com`) || HostRegexp(`^[^.]+\\.apps\\.example\\.com$`)"));
        const auto docker = proxy::applicationLabels(a, Orchestrator::None, {});
        QHash<QString, QString> d;
        for (const auto &[k, v] : docker)
            d.insert(k, v);
        QCOMPARE(d.value(QStringLiteral("traefik.enable")), QStringLiteral("true"));
        QCOMPARE(d.value(QStringLiteral("traefik.docker.network")), QStringLiteral("fleetdeck-proxy"));
        QCOMPARE(d.value(QStringLiteral("traefik.http.services.fd-web.loadbalancer.server.port")), QStringLiteral("80"));
        QCOMPARE(d.value(QStringLiteral("traefik.http.routers.fd-web.entrypoints")), QStringLiteral("web"));
        QVERIFY(!d.contains(QStringLiteral("traefik.http.routers.fd-web-secure.tls")));
        proxy::ProxySettings tls;
        tls.acmeEmail = QStringLiteral("ops@example.com");
        QHash<QString, QString> s;
        for (const auto &[k, v] : proxy::applicationLabels(a, Orchestrator::Swarm, tls))
            s.insert(k, v);
        QCOMPARE(s.value(QStringLiteral("traefik.swarm.network")), QStringLiteral("fleetdeck-proxy"));
        QCOMPARE(s.value(QStringLiteral("traefik.http.routers.fd-web-secure.tls.certresolver")), QStringLiteral("letsencrypt"));
        a.domains.clear();
        QVERIFY(proxy::applicationLabels(a, Orchestrator::None, {}).isEmpty());

        const QStringList dockerArgs = proxy::traefikArguments(Orchestrator::None, {});
        QVERIFY(dockerArgs.contains(QStringLiteral("--providers.docker=true")));
        QVERIFY(dockerArgs.contains(QStringLiteral("--providers.docker.exposedbydefault=false")));
        QVERIFY(!dockerArgs.join(QLatin1Char(' ')).contains(QLatin1String("swarm")));
        const QStringList swarmArgs = proxy::traefikArguments(Orchestrator::Swarm, tls);
        QVERIFY(swarmArgs.contains(QStringLiteral("--providers.swarm=true")));
        QVERIFY(swarmArgs.contains(QStringLiteral("--certificatesresolvers.letsencrypt.acme.email=ops@example.com")));

        const auto install = proxy::installCommands(Orchestrator::Swarm, {});
        QCOMPARE(install.first().command.argv.mid(0, 3),
                 (QStringList{QStringLiteral("docker"), QStringLiteral("image"), QStringLiteral("inspect")}));
        QVERIFY(install.last().command.argv.contains(QStringLiteral("mode=host,target=80,published=80")));
        const Error missing = proxy::missingImageError({}, QStringLiteral("web-1"), QStringLiteral("pull access denied"));
        QCOMPARE(missing.kind, ErrorKind::NotFound);
        QVERIFY(missing.message.contains(QLatin1String("traefik:v3.1 is not on web-1")));
    }

    void planText()
    {
        DeployPlan plan;
        plan.orchestrator = Orchestrator::None;
        plan.target = QStringLiteral("web");
        plan.action = PlanAction::Create;
        const Application a = webApp();
        plan.commands << *docker::createContainer(a, {QStringLiteral("web.1"), 1, a.image, 0}, {});
        PlannedCommand masked;
        masked.description = QStringLiteral("masked");
        masked.command.argv = {QStringLiteral("echo"), QStringLiteral("hidden value")};
        masked.command.secretArgs = {1};
        plan.commands << masked;
        plan.notes << QStringLiteral("a note");
        const QString text = plan.toText();
        QVERIFY(text.contains(QLatin1String("'docker' 'create' '--name' 'web.1'")));
        QVERIFY(text.contains(QLatin1String("'--env' 'MODE=prod $(x)'")));
        QVERIFY(text.contains(QLatin1String("# stdin: API_KEY=***")));
        QVERIFY(text.contains(QLatin1String("'echo' '***'")));
        QVERIFY(!text.contains(QLatin1String("hidden value")));
        QVERIFY(!text.contains(QLatin1String("s3cr")));
        QVERIFY(text.contains(QLatin1String("# note: a note")));
        QCOMPARE(plan.toJson().value(QStringLiteral("commands")).toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestOrchCommands)
#include "tst_orch_commands.moc"
