// Kubeconfig: yaml-cpp parse + structure checks with positions; redaction of secret values.
#include "kubeconfig/Kubeconfig.h"

#include "domain/Validation.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>
#include <vector>

namespace fleetdeck::kubeconfig {

namespace {

constexpr qsizetype kMaxBytes = 8 * 1024 * 1024;

const QSet<QString> &secretKeys()
{
    static const QSet<QString> keys = {
        QStringLiteral("client-key-data"), QStringLiteral("token"),         QStringLiteral("password"),
        QStringLiteral("id-token"),        QStringLiteral("refresh-token"), QStringLiteral("access-token"),
        QStringLiteral("client-secret"),   QStringLiteral("secret"),
    };
    return keys;
}

// Maps yaml-cpp positions (0-based, byte columns) to 1-based editor positions (character columns).
class Positions
{
public:
    explicit Positions(const QByteArray &utf8, bool ascii) : m_utf8(utf8), m_ascii(ascii) {}

    std::pair<int, int> of(const YAML::Mark &mark) const
    {
        if (mark.is_null() || mark.line < 0)
            return {0, 0};
        const int line = mark.line + 1;
        int column = mark.column + 1;
        if (!m_ascii && mark.pos >= 0 && mark.pos <= m_utf8.size()) {
            const qsizetype lineStart = m_utf8.lastIndexOf('\n', qMax<qsizetype>(0, mark.pos - 1)) + 1;
            const qsizetype start = mark.pos > 0 && m_utf8.at(mark.pos - 1) == '\n' ? mark.pos : lineStart;
            column = int(QString::fromUtf8(m_utf8.mid(start, mark.pos - start)).size()) + 1;
        }
        return {line, column};
    }

private:
    const QByteArray &m_utf8;
    bool m_ascii;
};

QString str(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

// Friendlier words for the most frequent yaml-cpp messages.
QString syntaxMessage(const std::string &raw)
{
    const QString msg = QString::fromStdString(raw);
    QString hint;
    if (msg.contains(QLatin1String("illegal map value")))
        hint = QStringLiteral(" (a ':' where no value may start: check the indentation, or quote the value)");
    else if (msg.contains(QLatin1String("end of map not found")) || msg.contains(QLatin1String("end of sequence not found")))
        hint = QStringLiteral(" (check the indentation of this line against the lines above)");
    else if (msg.contains(QLatin1String("cannot start any token")))
        hint = QStringLiteral(" (YAML indents with spaces, never tabs)");
    else if (msg.contains(QLatin1String("unknown escape")))
        hint = QStringLiteral(" (inside double quotes a backslash starts an escape: use single quotes)");
    return QStringLiteral("YAML syntax error: %1%2").arg(msg, hint);
}

class Checker
{
public:
    Checker(const QByteArray &utf8, bool ascii, CheckResult &result) : m_pos(utf8, ascii), m_r(result) {}

    void add(Severity severity, const YAML::Node &at, const QString &message)
    {
        const auto [line, column] = at ? m_pos.of(at.Mark()) : std::pair<int, int>{0, 0};
        m_r.issues.append(Issue{severity, line, column, message});
    }
    void add(Severity severity, const YAML::Mark &mark, const QString &message)
    {
        const auto [line, column] = m_pos.of(mark);
        m_r.issues.append(Issue{severity, line, column, message});
    }
    int lineOf(const YAML::Node &node) const { return m_pos.of(node.Mark()).first; }

    // A mapping's keys once each; a repeated key is an error at the second occurrence.
    void checkDuplicateKeys(const YAML::Node &map, const QString &where)
    {
        QHash<QString, int> seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString key = str(it->first);
            if (key.isEmpty())
                continue;
            const int line = lineOf(it->first);
            if (seen.contains(key))
                add(Severity::Error, it->first,
                    QStringLiteral("'%1' appears twice in %2 (first on line %3)").arg(key, where).arg(seen.value(key)));
            else
                seen.insert(key, line);
        }
    }

    // `name:` of a list item: present, a non-empty string, unique within the list.
    QString itemName(const YAML::Node &item, const QString &list, QHash<QString, int> &names)
    {
        const YAML::Node name = item["name"];
        if (!name || name.IsNull() || !name.IsScalar() || name.Scalar().empty()) {
            add(Severity::Error, name && !name.IsNull() ? name : item,
                QStringLiteral("every entry of %1 needs a name").arg(list));
            return {};
        }
        const QString text = str(name);
        if (names.contains(text))
            add(Severity::Error, name,
                QStringLiteral("%1 '%2' is defined twice (first on line %3)").arg(singular(list), text).arg(names.value(text)));
        else
            names.insert(text, lineOf(name));
        return text;
    }

    static QString singular(const QString &list)
    {
        return list.endsWith(QLatin1Char('s')) ? list.chopped(1) : list;
    }

    // A list of {name: ..., <inner>: {...}} entries; returns the valid items.
    std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node &root, const char *list, const char *inner)
    {
        std::vector<std::pair<YAML::Node, YAML::Node>> out;
        const QString listName = QString::fromLatin1(list);
        const YAML::Node node = root[list];
        if (!node || node.IsNull())
            return out;
        if (!node.IsSequence()) {
            add(Severity::Error, node,
                QStringLiteral("'%1' must be a list (each entry starting with '- name: ...')").arg(listName));
            return out;
        }
        for (const YAML::Node &item : node) {
            if (!item.IsMap()) {
                add(Severity::Error, item,
                    QStringLiteral("each entry of '%1' must be a mapping with 'name' and '%2'").arg(listName, QLatin1String(inner)));
                continue;
            }
            checkDuplicateKeys(item, QStringLiteral("an entry of '%1'").arg(listName));
            const YAML::Node body = item[inner];
            if (!body || body.IsNull()) {
                add(Severity::Error, item, QStringLiteral("%1 '%2' has no '%3' section")
                                               .arg(singular(listName), str(item["name"]), QLatin1String(inner)));
                out.emplace_back(item, YAML::Node());
                continue;
            }
            if (!body.IsMap()) {
                add(Severity::Error, body, QStringLiteral("'%1' of %2 '%3' must be a mapping")
                                               .arg(QLatin1String(inner), singular(listName), str(item["name"])));
                out.emplace_back(item, YAML::Node());
                continue;
            }
            checkDuplicateKeys(body, QStringLiteral("'%1' of '%2'").arg(QLatin1String(inner), str(item["name"])));
            out.emplace_back(item, body);
        }
        return out;
    }

    void checkBase64(const YAML::Node &body, const char *key, const QString &owner)
    {
        const YAML::Node value = body[key];
        if (!value || value.IsNull())
            return;
        if (!value.IsScalar()) {
            add(Severity::Error, value, QStringLiteral("'%1' of %2 must be a string").arg(QLatin1String(key), owner));
            return;
        }
        const auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(value.Scalar()).trimmed(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        // The value itself is never quoted: it may be a private key.
        if (!decoded)
            add(Severity::Error, value, QStringLiteral("'%1' of %2 is not valid base64").arg(QLatin1String(key), owner));
        else if (decoded.decoded.isEmpty())
            add(Severity::Error, value, QStringLiteral("'%1' of %2 is empty").arg(QLatin1String(key), owner));
    }

    void run(const YAML::Node &root)
    {
        if (!root.IsMap()) {
            add(Severity::Error, root, QStringLiteral("a kubeconfig is a mapping with 'clusters', 'users', 'contexts' and "
                                                      "'current-context'"));
            return;
        }
        checkDuplicateKeys(root, QStringLiteral("the document"));
        if (const YAML::Node kind = root["kind"]; kind && str(kind) != QLatin1String("Config"))
            add(Severity::Error, kind, QStringLiteral("kind must be Config, not '%1'").arg(str(kind)));
        if (const YAML::Node api = root["apiVersion"]; api && str(api) != QLatin1String("v1"))
            add(Severity::Warning, api, QStringLiteral("apiVersion should be v1, not '%1'").arg(str(api)));

        Kubeconfig &k = m_r.config;
        QHash<QString, int> clusterNames, userNames, contextNames;

        for (const auto &[item, body] : entries(root, "clusters", "cluster")) {
            const QString name = itemName(item, QStringLiteral("clusters"), clusterNames);
            ClusterEntry c;
            c.name = name;
            c.line = lineOf(item);
            if (body) {
                const YAML::Node server = body["server"];
                c.server = str(server);
                const QString owner = QStringLiteral("cluster '%1'").arg(name);
                if (c.server.isEmpty())
                    add(Severity::Error, server ? server : item, QStringLiteral("%1 has no server URL (e.g. https://10.0.0.5:6443)").arg(owner));
                else if (c.server.startsWith(QLatin1String("http://")))
                    add(Severity::Warning, server, QStringLiteral("%1 talks plain http: credentials travel unencrypted").arg(owner));
                else if (!c.server.startsWith(QLatin1String("https://")))
                    add(Severity::Error, server, QStringLiteral("server of %1 must be a URL starting with https://").arg(owner));
                checkBase64(body, "certificate-authority-data", owner);
                c.hasCertificateAuthority = body["certificate-authority-data"] || body["certificate-authority"];
                c.insecureSkipTlsVerify = str(body["insecure-skip-tls-verify"]) == QLatin1String("true");
                if (c.insecureSkipTlsVerify)
                    add(Severity::Warning, body["insecure-skip-tls-verify"],
                        QStringLiteral("%1 skips TLS verification: anyone on the path can impersonate the API server").arg(owner));
            }
            if (!name.isEmpty())
                k.clusters.append(c);
        }

        for (const auto &[item, body] : entries(root, "users", "user")) {
            const QString name = itemName(item, QStringLiteral("users"), userNames);
            UserEntry u;
            u.name = name;
            u.line = lineOf(item);
            u.authKind = QStringLiteral("none");
            if (body) {
                const QString owner = QStringLiteral("user '%1'").arg(name);
                const bool cert = body["client-certificate-data"] || body["client-certificate"];
                const bool key = body["client-key-data"] || body["client-key"];
                if (cert != key)
                    add(Severity::Error, item,
                        cert ? QStringLiteral("%1 has a client certificate but no client key (client-key-data)").arg(owner)
                             : QStringLiteral("%1 has a client key but no client certificate (client-certificate-data)").arg(owner));
                checkBase64(body, "client-certificate-data", owner);
                checkBase64(body, "client-key-data", owner);
                if (cert && key)
                    u.authKind = QStringLiteral("client certificate");
                else if (body["token"] || body["tokenFile"])
                    u.authKind = QStringLiteral("token");
                else if (body["exec"]) {
                    u.authKind = QStringLiteral("exec");
                    if (str(body["exec"]["command"]).isEmpty())
                        add(Severity::Error, body["exec"], QStringLiteral("exec of %1 needs a command").arg(owner));
                } else if (body["username"] || body["password"]) {
                    u.authKind = QStringLiteral("basic auth");
                } else if (body["auth-provider"]) {
                    u.authKind = QStringLiteral("auth provider");
                }
                if (const YAML::Node token = body["token"]; token && (!token.IsScalar() || token.Scalar().empty()))
                    add(Severity::Error, token, QStringLiteral("token of %1 is empty").arg(owner));
            }
            if (!name.isEmpty())
                k.users.append(u);
        }

        struct PendingContext {
            ContextEntry entry;
            YAML::Node item, cluster, user, nameSpace;
        };
        std::vector<PendingContext> pending;
        for (const auto &[item, body] : entries(root, "contexts", "context")) {
            const QString name = itemName(item, QStringLiteral("contexts"), contextNames);
            // yaml-cpp's Node::operator= assigns content, not the handle: only ever copy-construct nodes.
            const YAML::Node none;
            PendingContext p{ContextEntry{}, item, body ? body["cluster"] : none, body ? body["user"] : none,
                             body ? body["namespace"] : none};
            p.entry.name = name;
            p.entry.line = lineOf(item);
            p.entry.cluster = str(p.cluster);
            p.entry.user = str(p.user);
            p.entry.nameSpace = str(p.nameSpace);
            pending.push_back(p);
        }
        for (const PendingContext &p : pending) {
            const ContextEntry &c = p.entry;
            const QString owner = QStringLiteral("context '%1'").arg(c.name);
            if (c.cluster.isEmpty())
                add(Severity::Error, p.cluster ? p.cluster : p.item, QStringLiteral("%1 names no cluster").arg(owner));
            else if (!clusterNames.contains(c.cluster))
                add(Severity::Error, p.cluster, QStringLiteral("%1 refers to cluster '%2', which is not defined (clusters: %3)")
                                                    .arg(owner, c.cluster, listOrNone(clusterNames)));
            if (c.user.isEmpty())
                add(Severity::Warning, p.user ? p.user : p.item, QStringLiteral("%1 names no user: requests are anonymous").arg(owner));
            else if (!userNames.contains(c.user))
                add(Severity::Error, p.user, QStringLiteral("%1 refers to user '%2', which is not defined (users: %3)")
                                                 .arg(owner, c.user, listOrNone(userNames)));
            if (!c.nameSpace.isEmpty())
                if (const Status s = validate::kubernetesName(QStringLiteral("namespace"), c.nameSpace); !s)
                    add(Severity::Error, p.nameSpace, QStringLiteral("namespace of %1: %2").arg(owner, s.error().message));
            if (!c.name.isEmpty())
                k.contexts.append(c);
        }

        if (k.contexts.isEmpty() && m_r.issues.isEmpty())
            add(Severity::Error, root, QStringLiteral("the kubeconfig defines no context (add one under 'contexts')"));

        const YAML::Node current = root["current-context"];
        k.currentContext = str(current);
        if (!k.currentContext.isEmpty() && !contextNames.contains(k.currentContext))
            add(Severity::Error, current, QStringLiteral("current-context '%1' is not one of the contexts (%2)")
                                              .arg(k.currentContext, listOrNone(contextNames)));
        else if (k.currentContext.isEmpty() && !k.contexts.isEmpty())
            add(Severity::Warning, current ? current : root,
                QStringLiteral("no current-context: the context picked here is used"));
    }

private:
    static QString listOrNone(const QHash<QString, int> &names)
    {
        if (names.isEmpty())
            return QStringLiteral("none");
        QStringList list = names.keys();
        list.sort();
        return list.join(QStringLiteral(", "));
    }

    Positions m_pos;
    CheckResult &m_r;
};

bool isAscii(const QByteArray &utf8, const QString &text)
{
    return utf8.size() == text.size();
}

// Parses one document; an Error issue (with position) when the YAML is malformed.
Result<YAML::Node> load(const QString &text, QByteArray *utf8Out, QList<Issue> *issues)
{
    *utf8Out = text.toUtf8();
    const QByteArray &utf8 = *utf8Out;
    if (utf8.size() > kMaxBytes) {
        issues->append(Issue{Severity::Error, 0, 0, QStringLiteral("the kubeconfig is larger than 8 MB")});
        return Error::invalid(QStringLiteral("kubeconfig"), issues->last().message);
    }
    if (text.trimmed().isEmpty()) {
        issues->append(Issue{Severity::Error, 0, 0, QStringLiteral("the kubeconfig is empty")});
        return Error::invalid(QStringLiteral("kubeconfig"), issues->last().message);
    }
    const Positions positions(utf8, isAscii(utf8, text));
    try {
        const std::vector<YAML::Node> docs = YAML::LoadAll(std::string(utf8.constData(), size_t(utf8.size())));
        if (docs.empty() || (docs.size() == 1 && docs.front().IsNull())) {
            issues->append(Issue{Severity::Error, 0, 0, QStringLiteral("the kubeconfig holds no YAML document")});
            return Error::invalid(QStringLiteral("kubeconfig"), issues->last().message);
        }
        if (docs.size() > 1) {
            const auto [line, column] = positions.of(docs.at(1).Mark());
            issues->append(Issue{Severity::Error, line, column,
                                 QStringLiteral("a kubeconfig is one YAML document; a second one starts here")});
            return Error::invalid(QStringLiteral("kubeconfig"), issues->last().message);
        }
        return docs.front();
    } catch (const YAML::Exception &e) {
        const auto [line, column] = positions.of(e.mark);
        QString message = syntaxMessage(e.msg);
        // yaml-cpp calls a tab-indented line an "illegal map value"; say what is really wrong.
        if (line > 0) {
            const QString lineText = text.section(QLatin1Char('\n'), line - 1, line - 1);
            const qsizetype firstNonSpace = lineText.indexOf(QRegularExpression(QStringLiteral("[^ \t]")));
            if (lineText.left(firstNonSpace < 0 ? lineText.size() : firstNonSpace).contains(QLatin1Char('\t')))
                message = QStringLiteral("YAML syntax error: this line is indented with a tab; YAML indents with spaces only");
        }
        issues->append(Issue{Severity::Error, line, column, message});
    } catch (const std::exception &e) {
        issues->append(Issue{Severity::Error, 0, 0, QStringLiteral("YAML error: %1").arg(QString::fromLocal8Bit(e.what()))});
    }
    return Error::invalid(QStringLiteral("kubeconfig"), issues->last().toString());
}

QString decodeData(const YAML::Node &node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromUtf8(QByteArray::fromBase64(QByteArray::fromStdString(node.Scalar()).trimmed()));
}

} // namespace

QString Issue::toString() const
{
    if (line <= 0)
        return message;
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

QStringList Kubeconfig::contextNames() const
{
    QStringList names;
    for (const ContextEntry &c : contexts)
        names.append(c.name);
    return names;
}

const ContextEntry *Kubeconfig::context(const QString &name) const
{
    for (const ContextEntry &c : contexts)
        if (c.name == name)
            return &c;
    return nullptr;
}

const ClusterEntry *Kubeconfig::cluster(const QString &name) const
{
    for (const ClusterEntry &c : clusters)
        if (c.name == name)
            return &c;
    return nullptr;
}

QStringList Kubeconfig::namespaces() const
{
    QStringList out{QStringLiteral("default")};
    for (const ContextEntry &c : contexts)
        if (!c.nameSpace.isEmpty() && !out.contains(c.nameSpace))
            out.append(c.nameSpace);
    return out;
}

const Issue *CheckResult::firstError() const
{
    for (const Issue &i : issues)
        if (i.severity == Severity::Error)
            return &i;
    return nullptr;
}

int CheckResult::errorCount() const
{
    return int(std::count_if(issues.begin(), issues.end(), [](const Issue &i) { return i.severity == Severity::Error; }));
}

int CheckResult::warningCount() const
{
    return int(issues.size()) - errorCount();
}

CheckResult check(const QString &text)
{
    CheckResult result;
    QByteArray utf8;
    Result<YAML::Node> root = load(text, &utf8, &result.issues);
    if (!root)
        return result;
    result.syntaxOk = true;
    try {
        Checker checker(utf8, isAscii(utf8, text), result);
        checker.run(*root);
    } catch (const std::exception &e) {
        result.issues.append(Issue{Severity::Error, 0, 0, QStringLiteral("cannot read the kubeconfig: %1").arg(QString::fromLocal8Bit(e.what()))});
    }
    std::stable_sort(result.issues.begin(), result.issues.end(), [](const Issue &a, const Issue &b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    return result;
}

Result<Credentials> credentialsFor(const QString &text, const QString &contextName)
{
    QList<Issue> issues;
    QByteArray utf8;
    const Result<YAML::Node> root = load(text, &utf8, &issues);
    if (!root)
        return root.error();
    try {
        auto find = [&](const char *list, const QString &name) -> YAML::Node {
            const YAML::Node seq = (*root)[list];
            if (seq && seq.IsSequence())
                for (const YAML::Node &item : seq)
                    if (item.IsMap() && str(item["name"]) == name)
                        return item;
            return YAML::Node();
        };
        const QString name = contextName.isEmpty() ? str((*root)["current-context"]) : contextName;
        const YAML::Node context = find("contexts", name);
        if (!context)
            return Error::invalid(QStringLiteral("context"), QStringLiteral("no context named '%1' in the kubeconfig").arg(name));
        Credentials c;
        c.context = name;
        c.cluster = str(context["context"]["cluster"]);
        c.namespaceName = str(context["context"]["namespace"]);
        const YAML::Node cluster = find("clusters", c.cluster)["cluster"];
        if (!cluster)
            return Error::invalid(QStringLiteral("context"), QStringLiteral("context '%1' refers to an undefined cluster").arg(name));
        c.server = str(cluster["server"]);
        c.caCertificate = decodeData(cluster["certificate-authority-data"]);
        const QString userName = str(context["context"]["user"]);
        if (!userName.isEmpty()) {
            const YAML::Node user = find("users", userName)["user"];
            if (!user)
                return Error::invalid(QStringLiteral("context"), QStringLiteral("context '%1' refers to an undefined user").arg(name));
            c.clientCertificate = decodeData(user["client-certificate-data"]);
            c.clientKey = decodeData(user["client-key-data"]);
        }
        return c;
    } catch (const std::exception &e) {
        return Error::make(ErrorKind::ParseFailed, QStringLiteral("Cannot read the kubeconfig."), QString::fromLocal8Bit(e.what()));
    }
}

bool isSecretKey(const QString &key)
{
    return secretKeys().contains(key);
}

QString redacted(const QString &text)
{
    // `key: value` in block or flow style; the value is a quoted string or runs to ',', '}', ']' or '#'.
    static const QRegularExpression pair(QStringLiteral(
        R"((^|[\s{,])(["']?)([A-Za-z0-9_-]+)\2(\s*:[ \t]*)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,{}\[\]#\s][^,}\]#]*))"));
    static const QRegularExpression indentRe(QStringLiteral(R"(^(\s*)(-\s+)?)"));
    QStringList lines = text.split(QLatin1Char('\n'));
    int blockIndent = -1;          // masking the continuation lines of a secret value
    for (QString &line : lines) {
        const auto indentMatch = indentRe.match(line);
        const int indent = int(indentMatch.capturedLength(1));
        if (blockIndent >= 0) {
            if (line.trimmed().isEmpty() || indent > blockIndent) {
                line = line.trimmed().isEmpty() ? line : QString(indent, QLatin1Char(' ')) + QStringLiteral("***");
                continue;
            }
            blockIndent = -1;
        }
        QString out;
        qsizetype last = 0;
        auto it = pair.globalMatch(line);
        while (it.hasNext()) {
            const auto m = it.next();
            if (!isSecretKey(m.captured(3)))
                continue;
            const QString value = m.captured(5).trimmed();
            out += line.mid(last, m.capturedStart(5) - last) + QStringLiteral("***");
            last = m.capturedEnd(5);
            // A block scalar (| or >) or a plain value continued on more-indented lines.
            if (value.startsWith(QLatin1Char('|')) || value.startsWith(QLatin1Char('>')) || m.capturedEnd(5) >= line.size())
                blockIndent = indent + int(indentMatch.capturedLength(2));
        }
        if (last > 0) {
            out += line.mid(last);
            line = out;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace fleetdeck::kubeconfig
