// HostFactsParser: os-release, docker version/info and kubectl version outputs -> HostFacts pieces.

#include "remote/HostFactsParser.h"

#include "core/Translate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace fleetdeck {

namespace {

Error parseError(const QString &what, const QByteArray &input, const QString &reason = {})
{
    QString detail = QString::fromUtf8(input.left(300));
    if (!reason.isEmpty())
        detail = reason + QStringLiteral(": ") + detail;
    return Error::make(ErrorKind::ParseFailed, QCoreApplication::translate("fleetdeck::remote", "Could not understand the output of %1.").arg(what), detail);
}

// The first JSON object in the text (tools may print warnings before or after it).
Result<QJsonObject> jsonObject(const QString &what, const QByteArray &text)
{
    const qsizetype start = text.indexOf('{');
    const qsizetype end = text.lastIndexOf('}');
    if (start < 0 || end < start)
        return parseError(what, text, QStringLiteral("no JSON object"));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.mid(start, end - start + 1), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return parseError(what, text, error.errorString());
    return doc.object();
}

// os-release values: optionally in double or single quotes, with \-escapes inside double quotes.
QString unquoteOsReleaseValue(const QString &raw)
{
    QString value = raw.trimmed();
    if (value.size() >= 2 && value.front() == QLatin1Char('\'') && value.back() == QLatin1Char('\''))
        return value.mid(1, value.size() - 2);
    if (value.size() >= 2 && value.front() == QLatin1Char('"') && value.back() == QLatin1Char('"')) {
        value = value.mid(1, value.size() - 2);
        QString out;
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (value.at(i) == QLatin1Char('\\') && i + 1 < value.size())
                ++i;
            out += value.at(i);
        }
        return out;
    }
    return value;
}

} // namespace

Result<QString> parseOsRelease(const QByteArray &text)
{
    QString pretty;
    QString name;
    QString version;
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq);
        const QString value = unquoteOsReleaseValue(line.mid(eq + 1));
        if (key == QLatin1String("PRETTY_NAME"))
            pretty = value;
        else if (key == QLatin1String("NAME"))
            name = value;
        else if (key == QLatin1String("VERSION"))
            version = value;
    }
    if (!pretty.isEmpty())
        return pretty;
    if (!name.isEmpty())
        return version.isEmpty() ? name : name + QLatin1Char(' ') + version;
    return parseError(QStringLiteral("/etc/os-release"), text, QStringLiteral("neither PRETTY_NAME nor NAME"));
}

Result<DockerVersionInfo> parseDockerVersion(const QByteArray &json)
{
    const QString what = QStringLiteral("docker version");
    Result<QJsonObject> root = jsonObject(what, json);
    if (!root)
        return root.error();
    const QJsonObject client = root->value(QLatin1String("Client")).toObject();
    DockerVersionInfo info;
    info.clientVersion = client.value(QLatin1String("Version")).toString();
    if (info.clientVersion.isEmpty())
        return parseError(what, json, QStringLiteral("no Client.Version"));
    const QJsonValue server = root->value(QLatin1String("Server"));
    if (server.isObject()) {
        const QJsonObject engine = server.toObject();
        info.engineVersion = engine.value(QLatin1String("Version")).toString();
        info.engineApiVersion = engine.value(QLatin1String("ApiVersion")).toString();
        if (info.engineVersion.isEmpty()) { // older layouts: only the Components list
            const QJsonArray components = engine.value(QLatin1String("Components")).toArray();
            for (const QJsonValue &component : components) {
                if (component.toObject().value(QLatin1String("Name")).toString() == QLatin1String("Engine"))
                    info.engineVersion = component.toObject().value(QLatin1String("Version")).toString();
            }
        }
    }
    return info;
}

Result<SwarmInfo> parseSwarmInfo(const QByteArray &json)
{
    const QString what = QStringLiteral("docker info");
    Result<QJsonObject> root = jsonObject(what, json);
    if (!root)
        return root.error();
    if (!root->contains(QLatin1String("LocalNodeState")))
        return parseError(what, json, QStringLiteral("no LocalNodeState"));
    const QString state = root->value(QLatin1String("LocalNodeState")).toString();
    const bool manager = root->value(QLatin1String("ControlAvailable")).toBool();
    SwarmInfo info;
    info.nodeAddress = root->value(QLatin1String("NodeAddr")).toString();
    info.managers = root->value(QLatin1String("Managers")).toInt();
    info.nodes = root->value(QLatin1String("Nodes")).toInt();
    info.error = root->value(QLatin1String("Error")).toString();
    if (state == QLatin1String("inactive"))
        info.state = SwarmState::Inactive;
    else if (state == QLatin1String("pending"))
        info.state = SwarmState::Pending;
    else if (state == QLatin1String("active"))
        info.state = manager ? SwarmState::Manager : SwarmState::Worker;
    else if (state == QLatin1String("locked"))
        info.state = SwarmState::Locked;
    else if (state == QLatin1String("error"))
        info.state = SwarmState::Error;
    else if (state.isEmpty())
        info.state = SwarmState::NotPresent; // the engine did not answer
    else
        return parseError(what, json, QStringLiteral("unknown LocalNodeState \"%1\"").arg(state));
    return info;
}

Result<KubectlVersionInfo> parseKubectlVersion(const QByteArray &json)
{
    const QString what = QStringLiteral("kubectl version");
    Result<QJsonObject> root = jsonObject(what, json);
    if (!root)
        return root.error();
    KubectlVersionInfo info;
    info.clientVersion = root->value(QLatin1String("clientVersion")).toObject().value(QLatin1String("gitVersion")).toString();
    info.serverVersion = root->value(QLatin1String("serverVersion")).toObject().value(QLatin1String("gitVersion")).toString();
    if (info.clientVersion.isEmpty() && info.serverVersion.isEmpty())
        return parseError(what, json, QStringLiteral("neither clientVersion nor serverVersion"));
    return info;
}

QString swarmStateName(SwarmState state)
{
    switch (state) {
    case SwarmState::NotPresent: return QStringLiteral("not present");
    case SwarmState::Inactive: return QStringLiteral("inactive");
    case SwarmState::Pending: return QStringLiteral("pending");
    case SwarmState::Manager: return QStringLiteral("manager");
    case SwarmState::Worker: return QStringLiteral("worker");
    case SwarmState::Locked: return QStringLiteral("locked");
    case SwarmState::Error: return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

} // namespace fleetdeck
