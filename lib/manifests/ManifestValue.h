// ManifestValue: an ordered value tree (maps keep insertion order) that becomes YAML through yaml-cpp.
//
// Manifests are built as data first and emitted once, so the output is deterministic and every string
// that YAML could read as something else (true, 080, 1e3, "", on, ...) is quoted. QJsonObject is not
// used for building because it sorts its keys; user-supplied JSON (selectors, affinity) is converted.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace fleetdeck::manifests {

class Value
{
public:
    enum class Type { Null, Bool, Int, Double, String, List, Map };

    Value() = default;                       // null
    Value(bool b) : m_type(Type::Bool), m_bool(b) {}
    Value(int i) : m_type(Type::Int), m_int(i) {}
    Value(qint64 i) : m_type(Type::Int), m_int(i) {}
    Value(double d) : m_type(Type::Double), m_double(d) {}
    Value(const QString &s) : m_type(Type::String), m_string(s) {}

    static Value list();
    static Value map();

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isMap() const { return m_type == Type::Map; }
    bool isList() const { return m_type == Type::List; }
    // Empty map or list (null counts as empty too): what callers skip instead of emitting "{}".
    bool isEmpty() const;

    // Map: sets `key` (replaces in place when present, else appends). Turns a null value into a map.
    Value &set(const QString &key, Value value);
    // Map: sets only when `value` is not empty (no "labels: {}" clutter in the output).
    Value &setIfNotEmpty(const QString &key, Value value);
    // List: appends. Turns a null value into a list.
    Value &append(Value value);

    // Map lookup; nullptr when absent or not a map.
    const Value *find(const QString &key) const;
    Value *find(const QString &key);
    // Path lookup through maps and list indexes: at({"spec", "template", "spec"}).
    const Value *at(const QStringList &path) const;

    const QList<QPair<QString, Value>> &entries() const { return m_entries; }
    const QList<Value> &items() const { return m_items; }
    QString toString() const { return m_string; }
    qint64 toInt() const { return m_int; }
    bool toBool() const { return m_bool; }

    // QJsonObject keys come in Qt's (sorted) order, which is deterministic. Integral doubles become Int.
    static Value fromJson(const QJsonValue &json);
    QJsonValue toJson() const;

    bool operator==(const Value &other) const;

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    qint64 m_int = 0;
    double m_double = 0;
    QString m_string;
    QList<Value> m_items;
    QList<QPair<QString, Value>> m_entries;
};

// True when `text` may be written as a plain YAML scalar and still read back as that string by
// YAML 1.1 and 1.2 readers (kubectl's Go YAML reads "on", "y", "0755" and "1e3" as non-strings).
bool isPlainSafe(const QString &text);

// One YAML document (no leading "---"), two-space indentation, block style, UTF-8.
QByteArray toYaml(const Value &document);
// Several documents, each introduced by "---".
QByteArray toYamlDocuments(const QList<Value> &documents);

// Parses YAML (one or more documents) with yaml-cpp into JSON values, resolving plain scalars with
// the YAML 1.2 core schema (quoted scalars stay strings). For tests, kubeconfigs and the CLI.
Result<QList<QJsonValue>> parseYamlDocuments(const QByteArray &yaml);

} // namespace fleetdeck::manifests
