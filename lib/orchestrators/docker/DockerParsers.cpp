// Parsers of Docker CLI output (see DockerParsers.h).
#include "orchestrators/docker/DockerParsers.h"

#include "core/Translate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace fleetdeck::docker {

Result<QList<QJsonObject>> parseJsonLines(const QByteArray &output, const QString &what)
{
    QList<QJsonObject> out;
    int lineNo = 0;
    for (const QByteArray &raw : output.split('\n')) {
        ++lineNo;
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject()) {
            const QString why = err.error != QJsonParseError::NoError ? err.errorString() : QStringLiteral("not a JSON object");
            return Error::make(ErrorKind::ParseFailed,
                               QCoreApplication::translate("fleetdeck::orchestrators", "could not read the output of %1 (line %2: %3)").arg(what).arg(lineNo).arg(why),
                               QString::fromUtf8(line.left(300)));
        }
        out.append(doc.object());
    }
    return out;
}

QHash<QString, QString> parseLabelList(const QString &text)
{
    QHash<QString, QString> out;
    QString lastKey;
    for (const QString &piece : text.split(QLatin1Char(','))) {
        const qsizetype eq = piece.indexOf(QLatin1Char('='));
        // A key never contains spaces or parentheses; anything else is the rest of a value with a comma.
        const QString key = eq > 0 ? piece.left(eq).trimmed() : QString();
        const bool looksLikeKey = eq > 0 && !key.contains(QLatin1Char(' ')) && !key.contains(QLatin1Char('('))
            && !key.contains(QLatin1Char('`'));
        if (looksLikeKey) {
            lastKey = key;
            out.insert(key, piece.mid(eq + 1));
        } else if (!lastKey.isEmpty()) {
            out[lastKey] += QLatin1Char(',') + piece;
        }
    }
    return out;
}

std::optional<qint64> parseSize(const QString &input)
{
    const QString text = input.trimmed();
    if (text == QLatin1String("--") || text.isEmpty())
        return 0;
    static const QRegularExpression re(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)\\s*([KMGTP]?i?B|[kKMGTP]B?|B)?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double number = m.captured(1).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    QString unit = m.captured(2);
    double factor = 1;
    if (!unit.isEmpty() && unit != QLatin1String("B")) {
        const bool binary = unit.contains(QLatin1Char('i'));
        const double base = binary ? 1024.0 : 1000.0;
        const QChar prefix = unit.at(0).toUpper();
        const QString order = QStringLiteral("KMGTP");
        const qsizetype power = order.indexOf(prefix) + 1;
        if (power <= 0)
            return std::nullopt;
        for (qsizetype i = 0; i < power; ++i)
            factor *= base;
    }
    return qint64(number * factor + 0.5);
}

std::optional<double> parsePercent(const QString &input)
{
    QString text = input.trimmed();
    if (text == QLatin1String("--") || text.isEmpty())
        return 0.0;
    if (text.endsWith(QLatin1Char('%')))
        text.chop(1);
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

TaskState parseCurrentState(const QString &input)
{
    const QString text = input.trimmed();
    const qsizetype space = text.indexOf(QLatin1Char(' '));
    if (space < 0)
        return {text.toLower(), {}};
    return {text.left(space).toLower(), text.mid(space + 1).trimmed()};
}

StatusText parseStatusText(const QString &input)
{
    StatusText out;
    const QString text = input.trimmed();
    if (text.contains(QLatin1String("(healthy)")))
        out.health = QStringLiteral("healthy");
    else if (text.contains(QLatin1String("(unhealthy)")))
        out.health = QStringLiteral("unhealthy");
    else if (text.contains(QLatin1String("(health: starting)")))
        out.health = QStringLiteral("starting");
    static const QRegularExpression exited(QStringLiteral("^(?:Exited|Restarting) \\((-?[0-9]+)\\)\\s*(.*)$"));
    const auto m = exited.match(text);
    if (m.hasMatch()) {
        out.exitCode = m.captured(1).toInt();
        out.since = m.captured(2).trimmed();
        return out;
    }
    static const QRegularExpression up(QStringLiteral("^Up (.*?)(?:\\s*\\(.*\\))?$"));
    const auto u = up.match(text);
    if (u.hasMatch())
        out.since = u.captured(1).trimmed();
    return out;
}

QString unquoteError(const QString &input)
{
    QString text = input.trimmed();
    if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) && text.endsWith(QLatin1Char('"'))) {
        text = text.mid(1, text.size() - 2);
        text.replace(QLatin1String("\\\""), QLatin1String("\""));
    }
    return text;
}

Result<QList<ContainerRow>> parseContainerList(const QByteArray &output)
{
    auto rows = parseJsonLines(output, QStringLiteral("docker ps"));
    if (!rows)
        return rows.error();
    QList<ContainerRow> out;
    for (const QJsonObject &o : *rows) {
        ContainerRow r;
        r.id = o.value(QLatin1String("ID")).toString();
        r.name = o.value(QLatin1String("Names")).toString();
        // A container on several networks may list aliases "a,b": the first is its name.
        r.name = r.name.section(QLatin1Char(','), 0, 0);
        r.image = o.value(QLatin1String("Image")).toString();
        r.state = o.value(QLatin1String("State")).toString().toLower();
        r.status = o.value(QLatin1String("Status")).toString();
        r.createdAt = o.value(QLatin1String("CreatedAt")).toString();
        r.labels = parseLabelList(o.value(QLatin1String("Labels")).toString());
        if (r.id.isEmpty())
            return Error::make(ErrorKind::ParseFailed, QCoreApplication::translate("fleetdeck::orchestrators", "docker ps printed a container without an ID"));
        const StatusText st = parseStatusText(r.status);
        r.health = st.health;
        r.exitCode = st.exitCode;
        r.since = st.since;
        out.append(r);
    }
    return out;
}

Result<ContainerState> parseContainerState(const QByteArray &output)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(output.trimmed(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(ErrorKind::ParseFailed, QCoreApplication::translate("fleetdeck::orchestrators", "could not read the container state"),
                           QString::fromUtf8(output.left(300)));
    const QJsonObject o = doc.object();
    ContainerState s;
    s.status = o.value(QLatin1String("Status")).toString().toLower();
    s.running = o.value(QLatin1String("Running")).toBool();
    s.restarting = o.value(QLatin1String("Restarting")).toBool();
    s.oomKilled = o.value(QLatin1String("OOMKilled")).toBool();
    s.exitCode = o.value(QLatin1String("ExitCode")).toInt();
    s.error = o.value(QLatin1String("Error")).toString();
    const QJsonObject health = o.value(QLatin1String("Health")).toObject();
    if (!health.isEmpty()) {
        s.health = health.value(QLatin1String("Status")).toString().toLower();
        s.failingStreak = health.value(QLatin1String("FailingStreak")).toInt();
        const QJsonArray log = health.value(QLatin1String("Log")).toArray();
        if (!log.isEmpty()) {
            const QJsonObject last = log.last().toObject();
            s.lastHealthOutput = last.value(QLatin1String("Output")).toString().trimmed();
            s.lastHealthExitCode = last.value(QLatin1String("ExitCode")).toInt();
        }
    }
    if (s.status.isEmpty())
        return Error::make(ErrorKind::ParseFailed, QCoreApplication::translate("fleetdeck::orchestrators", "the container state has no Status"),
                           QString::fromUtf8(output.left(300)));
    return s;
}

namespace {
// "616KiB / 23.54GiB" -> (used, limit)
std::optional<std::pair<qint64, qint64>> sizePair(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() != 2)
        return std::nullopt;
    const auto a = parseSize(parts.at(0));
    const auto b = parseSize(parts.at(1));
    if (!a || !b)
        return std::nullopt;
    return std::make_pair(*a, *b);
}
} // namespace

Result<QList<ResourceUsage>> parseStats(const QByteArray &output)
{
    auto rows = parseJsonLines(output, QStringLiteral("docker stats"));
    if (!rows)
        return rows.error();
    QList<ResourceUsage> out;
    for (const QJsonObject &o : *rows) {
        ResourceUsage u;
        u.id = o.value(QLatin1String("ID")).toString();
        u.replica = o.value(QLatin1String("Name")).toString();
        const auto cpu = parsePercent(o.value(QLatin1String("CPUPerc")).toString());
        const auto memPerc = parsePercent(o.value(QLatin1String("MemPerc")).toString());
        const auto mem = sizePair(o.value(QLatin1String("MemUsage")).toString());
        const auto net = sizePair(o.value(QLatin1String("NetIO")).toString());
        if (!cpu || !memPerc || !mem || !net)
            return Error::make(ErrorKind::ParseFailed, QCoreApplication::translate("fleetdeck::orchestrators", "could not read docker stats for %1").arg(u.replica),
                               QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        u.cpuPercent = *cpu;
        u.memoryPercent = *memPerc;
        u.memoryBytes = mem->first;
        u.memoryLimitBytes = mem->second;
        u.networkRxBytes = net->first;
        u.networkTxBytes = net->second;
        u.pids = o.value(QLatin1String("PIDs")).toString().toInt();
        out.append(u);
    }
    return out;
}

LogLine parseContainerLogLine(const QByteArray &line, bool timestamps, const QString &replica, StreamChannel channel)
{
    LogLine out;
    out.replica = replica;
    out.channel = channel;
    QString text = QString::fromUtf8(line);
    if (text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    if (timestamps) {
        const qsizetype space = text.indexOf(QLatin1Char(' '));
        // RFC 3339 with nanoseconds: "2026-11-26T20:10:00.875292279Z"
        if (space >= 20 && text.at(4) == QLatin1Char('-') && text.at(10) == QLatin1Char('T')) {
            out.timestamp = text.left(space);
            text = text.mid(space + 1);
        }
    }
    out.text = text;
    return out;
}

QString ContainerEvent::sinceArgument() const
{
    return QStringLiteral("%1.%2").arg(timeNano / 1000000000).arg(timeNano % 1000000000, 9, 10, QLatin1Char('0'));
}

Result<ContainerEvent> parseContainerEvent(const QByteArray &line)
{
    auto rows = parseJsonLines(line, QStringLiteral("docker events"));
    if (!rows)
        return rows.error();
    if (rows->size() != 1)
        return Error::make(ErrorKind::ParseFailed, QCoreApplication::translate("fleetdeck::orchestrators", "docker events printed %1 events on one line").arg(rows->size()),
                           QString::fromUtf8(line.left(300)));
    const QJsonObject o = rows->first();
    const QJsonObject actor = o.value(QLatin1String("Actor")).toObject();
    const QJsonObject attributes = actor.value(QLatin1String("Attributes")).toObject();
    if (o.value(QLatin1String("Type")).toString() != QLatin1String("container"))
        return Error::make(ErrorKind::ParseFailed, QCoreApplication::translate("fleetdeck::orchestrators", "docker events printed an event that is not a container's"),
                           QString::fromUtf8(line.left(300)));
    ContainerEvent e;
    // Newer engines drop the old top-level "id"/"status"/"from" fields: Actor and Action are the real ones.
    e.id = actor.value(QLatin1String("ID")).toString(o.value(QLatin1String("id")).toString());
    e.action = o.value(QLatin1String("Action")).toString(o.value(QLatin1String("status")).toString());
    e.name = attributes.value(QLatin1String("name")).toString();
    e.image = attributes.value(QLatin1String("image")).toString(o.value(QLatin1String("from")).toString());
    // toInteger: nanoseconds since the epoch need all 64 bits (a double would round them).
    e.timeNano = o.value(QLatin1String("timeNano")).toInteger();
    if (e.timeNano <= 0)
        e.timeNano = o.value(QLatin1String("time")).toInteger() * 1000000000;
    if (e.id.isEmpty() || e.action.isEmpty() || e.name.isEmpty() || e.timeNano <= 0)
        return Error::make(ErrorKind::ParseFailed, QCoreApplication::translate("fleetdeck::orchestrators", "docker events printed a container event without its ID, "
                                                                                                           "action, name or time"),
                           QString::fromUtf8(line.left(300)));
    return e;
}

Result<SwarmInfo> parseSwarmInfo(const QByteArray &output)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(output.trimmed(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(ErrorKind::ParseFailed, QCoreApplication::translate("fleetdeck::orchestrators", "could not read the swarm state of the engine"),
                           QString::fromUtf8(output.left(300)));
    const QJsonObject o = doc.object();
    SwarmInfo s;
    s.localNodeState = o.value(QLatin1String("LocalNodeState")).toString();
    s.controlAvailable = o.value(QLatin1String("ControlAvailable")).toBool();
    s.nodeId = o.value(QLatin1String("NodeID")).toString();
    s.nodeAddr = o.value(QLatin1String("NodeAddr")).toString();
    s.nodes = o.value(QLatin1String("Nodes")).toInt();
    s.managers = o.value(QLatin1String("Managers")).toInt();
    s.error = o.value(QLatin1String("Error")).toString();
    if (s.localNodeState.isEmpty())
        return Error::make(ErrorKind::ParseFailed, QCoreApplication::translate("fleetdeck::orchestrators", "the engine did not say whether it is in a swarm"),
                           QString::fromUtf8(output.left(300)));
    return s;
}

bool isEngineDown(const QByteArray &stderrData)
{
    return stderrData.contains("Cannot connect to the Docker daemon") || stderrData.contains("Is the docker daemon running")
        || stderrData.contains("error during connect");
}

namespace {
// The line of stderr that says what went wrong: not the client's deprecation chatter, preferably an
// error line, else the last one (builders print the failing step last).
QString tellingLine(const QString &stderrText)
{
    QStringList lines;
    for (const QString &raw : stderrText.split(QLatin1Char('\n'))) {
        const QString l = raw.trimmed();
        if (l.isEmpty() || l.startsWith(QLatin1String("DEPRECATED")) || l.startsWith(QLatin1String("WARNING"))
            || l.startsWith(QLatin1String("Install the buildx")) || l.startsWith(QLatin1String("https://")))
            continue;
        lines << l;
    }
    for (const QString &l : lines)
        if (l.contains(QLatin1String("rror")))
            return l;
    return lines.isEmpty() ? QString() : lines.last();
}
} // namespace

Error engineError(const CommandResult &result, const QString &what, const QString &where)
{
    const QString stderrText = QString::fromUtf8(result.stderrData).trimmed();
    const QString firstLine = tellingLine(stderrText);
    Error e;
    e.exitCode = result.exitCode;
    e.detail = stderrText.isEmpty() ? QString::fromUtf8(result.stdoutData.left(2000)).trimmed() : stderrText;
    if (isEngineDown(result.stderrData)) {
        e.kind = ErrorKind::RemoteFailed;
        e.message = QStringLiteral("the Docker engine on %1 is not answering (is dockerd running?): %2 failed").arg(where, what);
    } else if (result.exitCode == 127 || stderrText.contains(QLatin1String("docker: command not found"))
               || stderrText.contains(QLatin1String("docker: not found"))) {
        e.kind = ErrorKind::NotSupported;
        e.message = QStringLiteral("docker is not installed on %1 (or not in the PATH of its login shell)").arg(where);
    } else if (stderrText.contains(QLatin1String("not a swarm manager"))) {
        e.kind = ErrorKind::NotSupported;
        e.message = QStringLiteral("%1 is not a Docker Swarm manager: run `docker swarm init` there, or set its "
                                   "orchestrator to standalone Docker").arg(where);
    } else if (stderrText.contains(QLatin1String("No such container")) || stderrText.contains(QLatin1String("no such service"))
               || stderrText.contains(QLatin1String("No such object")) || stderrText.contains(QLatin1String("No such image"))
               || stderrText.contains(QLatin1String("not found"))) {
        e.kind = ErrorKind::NotFound;
        e.message = QStringLiteral("%1 on %2: %3").arg(what, where, firstLine);
    } else if (!result.exitSignal.isEmpty()) {
        e.kind = ErrorKind::RemoteFailed;
        e.message = QStringLiteral("%1 on %2 was killed by signal %3").arg(what, where, result.exitSignal);
    } else {
        e.kind = ErrorKind::RemoteFailed;
        e.message = QStringLiteral("%1 on %2 failed (exit %3): %4")
                        .arg(what, where)
                        .arg(result.exitCode)
                        .arg(firstLine.isEmpty() ? QStringLiteral("no message") : firstLine);
    }
    return e;
}

} // namespace fleetdeck::docker
