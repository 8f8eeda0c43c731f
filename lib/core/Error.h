// Error: the structured error value every fallible core call returns (never an exception across threads).
#pragma once

#include <QString>
#include <QMetaType>

namespace fleetdeck {

enum class ErrorKind {
    Invalid,         // user input rejected; `field` names what to fix
    NotFound,
    Conflict,        // e.g. a name already taken
    Storage,         // the database refused
    HostKeyUnknown,  // `fingerprint` holds the key the server offered
    HostKeyChanged,  // `expected` and `fingerprint` hold old and new
    AuthFailed,
    Unreachable,
    Timeout,
    Cancelled,
    RemoteFailed,    // the remote command ran and failed; `exitCode` and `detail` (stderr)
    NoExitStatus,    // the channel closed without reporting how the command ended
    ParseFailed,
    NotSupported,
    Internal,
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString message;      // one sentence for humans: what happened and what to do
    QString field;        // for Invalid: the field at fault
    QString detail;       // stderr, SQL error text, ...
    int exitCode = -1;
    QString fingerprint;  // host key offered by the server
    QString expected;     // host key we trusted before

    static Error invalid(const QString &field, const QString &reason);
    static Error notFound(const QString &what);
    static Error make(ErrorKind kind, const QString &message, const QString &detail = {});

    // "field: reason" for Invalid, the message otherwise; what a CLI prints.
    QString toString() const;
};

QString errorKindName(ErrorKind kind);

} // namespace fleetdeck

Q_DECLARE_METATYPE(fleetdeck::Error)
