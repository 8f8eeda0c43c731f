// ManifestValue: the ordered tree, its YAML emission (yaml-cpp) and YAML reading back into JSON.
#include "manifests/ManifestValue.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace fleetdeck::manifests {

Value Value::list()
{
    Value v;
    v.m_type = Type::List;
    return v;
}

Value Value::map()
{
    Value v;
    v.m_type = Type::Map;
    return v;
}

bool Value::isEmpty() const
{
    switch (m_type) {
    case Type::Null: return true;
    case Type::List: return m_items.isEmpty();
    case Type::Map: return m_entries.isEmpty();
    default: return false;
    }
}

Value &Value::set(const QString &key, Value value)
{
    if (m_type == Type::Null)
        m_type = Type::Map;
    Q_ASSERT(m_type == Type::Map);
    for (auto &entry : m_entries) {
        if (entry.first == key) {
            entry.second = std::move(value);
            return *this;
        }
    }
    m_entries.append({key, std::move(value)});
    return *this;
}

Value &Value::setIfNotEmpty(const QString &key, Value value)
{
    if (!value.isEmpty())
        set(key, std::move(value));
    return *this;
}

Value &Value::append(Value value)
{
    if (m_type == Type::Null)
        m_type = Type::List;
    Q_ASSERT(m_type == Type::List);
    m_items.append(std::move(value));
    return *this;
}

const Value *Value::find(const QString &key) const
{
    if (m_type != Type::Map)
        return nullptr;
    for (const auto &entry : m_entries)
        if (entry.first == key)
            return &entry.second;
    return nullptr;
}

Value *Value::find(const QString &key)
{
    return const_cast<Value *>(std::as_const(*this).find(key));
}

const Value *Value::at(const QStringList &path) const
{
    const Value *v = this;
    for (const QString &step : path) {
        if (!v)
            return nullptr;
        if (v->m_type == Type::List) {
            bool ok = false;
            const int index = step.toInt(&ok);
            v = ok && index >= 0 && index < v->m_items.size() ? &v->m_items.at(index) : nullptr;
        } else {
            v = v->find(step);
        }
    }
    return v;
}

Value Value::fromJson(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Bool: return Value(json.toBool());
    case QJsonValue::Double: {
        const double d = json.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
            return Value(qint64(d));
        return Value(d);
    }
    case QJsonValue::String: return Value(json.toString());
    case QJsonValue::Array: {
        Value out = list();
        for (const QJsonValue &item : json.toArray())
            out.append(fromJson(item));
        return out;
    }
    case QJsonValue::Object: {
        Value out = map();
        const QJsonObject o = json.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.set(it.key(), fromJson(it.value()));
        return out;
    }
    default: return Value();
    }
}

QJsonValue Value::toJson() const
{
    switch (m_type) {
    case Type::Null: return QJsonValue(QJsonValue::Null);
    case Type::Bool: return m_bool;
    case Type::Int: return m_int;
    case Type::Double: return m_double;
    case Type::String: return m_string;
    case Type::List: {
        QJsonArray a;
        for (const Value &v : m_items)
            a.append(v.toJson());
        return a;
    }
    case Type::Map: {
        QJsonObject o;
        for (const auto &entry : m_entries)
            o.insert(entry.first, entry.second.toJson());
        return o;
    }
    }
    return {};
}

bool Value::operator==(const Value &other) const
{
    if (m_type != other.m_type)
        return false;
    switch (m_type) {
    case Type::Null: return true;
    case Type::Bool: return m_bool == other.m_bool;
    case Type::Int: return m_int == other.m_int;
    case Type::Double: return m_double == other.m_double;
    case Type::String: return m_string == other.m_string;
    case Type::List: return m_items == other.m_items;
    case Type::Map: return m_entries == other.m_entries;
    }
    return false;
}

bool isPlainSafe(const QString &text)
{
    // A letter first, then letters, digits and _ . / - : never a number, a date, an indicator or
    // a quoted form. Plus the words YAML 1.1 reads as booleans or null.
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z][A-Za-z0-9_./-]*$"));
    static const QSet<QString> words = {QStringLiteral("y"), QStringLiteral("yes"), QStringLiteral("n"), QStringLiteral("no"),
                                        QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("on"),
                                        QStringLiteral("off"), QStringLiteral("null")};
    return plain.match(text).hasMatch() && !words.contains(text.toLower());
}

namespace {

void emitString(YAML::Emitter &out, const QString &s)
{
    if (isPlainSafe(s))
        out << s.toStdString();
    else
        out << YAML::DoubleQuoted << s.toStdString();
}

void emitValue(YAML::Emitter &out, const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null: out << YAML::Null; break;
    case Value::Type::Bool: out << v.toBool(); break;
    case Value::Type::Int: out << static_cast<long long>(v.toInt()); break;
    case Value::Type::Double: out << v.toJson().toDouble(); break;
    case Value::Type::String: emitString(out, v.toString()); break;
    case Value::Type::List:
        if (v.items().isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const Value &item : v.items())
            emitValue(out, item);
        out << YAML::EndSeq;
        break;
    case Value::Type::Map:
        if (v.entries().isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (const auto &entry : v.entries()) {
            out << YAML::Key;
            emitString(out, entry.first);
            out << YAML::Value;
            emitValue(out, entry.second);
        }
        out << YAML::EndMap;
        break;
    }
}

QJsonValue resolvePlain(const std::string &raw)
{
    const QString s = QString::fromStdString(raw);
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression floating(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (s.isEmpty() || s == QLatin1String("~") || s == QLatin1String("null") || s == QLatin1String("Null")
        || s == QLatin1String("NULL"))
        return QJsonValue(QJsonValue::Null);
    if (s == QLatin1String("true") || s == QLatin1String("True") || s == QLatin1String("TRUE"))
        return true;
    if (s == QLatin1String("false") || s == QLatin1String("False") || s == QLatin1String("FALSE"))
        return false;
    if (integer.match(s).hasMatch()) {
        bool ok = false;
        const qint64 n = s.toLongLong(&ok);
        if (ok)
            return n;
    }
    if (floating.match(s).hasMatch())
        return s.toDouble();
    return s;
}

QJsonValue toJsonValue(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null: return QJsonValue(QJsonValue::Null);
    case YAML::NodeType::Scalar: {
        // yaml-cpp tags a plain scalar "?" and a quoted one "!"; explicit tags are kept as written.
        const std::string &tag = node.Tag();
        if (tag == "?")
            return resolvePlain(node.Scalar());
        if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" || tag == "tag:yaml.org,2002:bool"
            || tag == "tag:yaml.org,2002:null")
            return resolvePlain(node.Scalar());
        return QString::fromStdString(node.Scalar());
    }
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const YAML::Node &item : node)
            a.append(toJsonValue(item));
        return a;
    }
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (const auto &kv : node)
            o.insert(QString::fromStdString(kv.first.as<std::string>()), toJsonValue(kv.second));
        return o;
    }
    }
    return {};
}

} // namespace

QByteArray toYaml(const Value &document)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetSeqFormat(YAML::Block);
    out.SetMapFormat(YAML::Block);
    emitValue(out, document);
    QByteArray text(out.c_str(), qsizetype(out.size()));
    if (!text.endsWith('\n'))
        text += '\n';
    return text;
}

QByteArray toYamlDocuments(const QList<Value> &documents)
{
    QByteArray out;
    for (const Value &doc : documents)
        out += "---\n" + toYaml(doc);
    return out;
}

Result<QList<QJsonValue>> parseYamlDocuments(const QByteArray &yaml)
{
    // yaml-cpp reports syntax errors by exception; they stop here and become a ParseFailed value.
    try {
        QList<QJsonValue> out;
        for (const YAML::Node &doc : YAML::LoadAll(yaml.toStdString())) {
            if (doc.IsNull())
                continue;   // an empty document, e.g. after a trailing "---"
            out.append(toJsonValue(doc));
        }
        return out;
    } catch (const YAML::Exception &e) {
        return Error::make(ErrorKind::ParseFailed,
                           QStringLiteral("not valid YAML at line %1, column %2: %3")
                               .arg(e.mark.line + 1).arg(e.mark.column + 1).arg(QString::fromStdString(e.msg)));
    }
}

} // namespace fleetdeck::manifests
