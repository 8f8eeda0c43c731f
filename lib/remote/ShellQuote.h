// ShellQuote: the one audited place where an argv list becomes a POSIX sh command line.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace fleetdeck {

// Quotes one argument so that a POSIX shell reads it back as exactly that word.
// "it's" -> 'it'\''s', "" -> ''. Precondition: no NUL (see shellJoin).
QString shellQuote(const QString &arg);
QByteArray shellQuoteBytes(const QByteArray &arg);

// Joins argv into one command line for `sh -c` / an SSH "exec" request: every argument single-quoted,
// separated by one space. Returns an EMPTY string when argv is empty or any argument contains a NUL
// character (no command line can carry one; it would silently truncate the command at the server).
// An empty result must never be sent: the transports check with validateArgv() first.
QString shellJoin(const QStringList &argv);
QByteArray shellJoinBytes(const QList<QByteArray> &argv);

// Invalid error (field "argv") when argv is empty or an argument contains NUL; what transports
// return before anything is sent.
Status validateArgv(const QStringList &argv);

} // namespace fleetdeck
