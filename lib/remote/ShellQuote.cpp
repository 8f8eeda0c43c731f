// ShellQuote: argv -> POSIX sh command line.
//
// Why this is safe: inside single quotes a POSIX shell gives no character a special meaning
// (XCU 2.2.2) — no $, `, \, !, *, ?, ~, newline or quote processing — except the closing single
// quote itself. So every argument is wrapped in '...' and each ' inside it is written as '\''
// (close the quote, an escaped literal quote, reopen). The words are separated by plain spaces
// outside any quotes, so the shell splits exactly at our separators and nowhere else. Quoting the
// command name too is harmless (quote removal happens before command lookup) and means a word that
// looks like an assignment (FOO=bar) or a reserved word (if) is taken literally. The one byte that
// cannot be carried is NUL: C strings end there, so the server would see a truncated line; such
// input is refused rather than quoted.
//
// Assumes the remote login shell is POSIX-like (sh, dash, bash, ksh, zsh): fish and csh give
// backslashes or newlines meaning inside single quotes. docs/REMOTE.md says so.

#include "remote/ShellQuote.h"

#include "core/Translate.h"

namespace fleetdeck {

QString shellQuote(const QString &arg)
{
    QString out;
    out.reserve(arg.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : arg) {
        if (c == QLatin1Char('\''))
            out += QLatin1String("'\\''");
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QByteArray shellQuoteBytes(const QByteArray &arg)
{
    QByteArray out;
    out.reserve(arg.size() + 2);
    out += '\'';
    for (const char c : arg) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    out += '\'';
    return out;
}

QString shellJoin(const QStringList &argv)
{
    QString line;
    for (const QString &arg : argv) {
        if (arg.contains(QChar(0)))
            return {};
        if (!line.isEmpty())
            line += QLatin1Char(' ');
        line += shellQuote(arg);
    }
    return line;
}

QByteArray shellJoinBytes(const QList<QByteArray> &argv)
{
    QByteArray line;
    for (const QByteArray &arg : argv) {
        if (arg.contains('\0'))
            return {};
        if (!line.isEmpty())
            line += ' ';
        line += shellQuoteBytes(arg);
    }
    return line;
}

Status validateArgv(const QStringList &argv)
{
    if (argv.isEmpty())
        return Error::invalid(QStringLiteral("argv"), QCoreApplication::translate("fleetdeck::remote", "the command is empty"));
    for (qsizetype i = 0; i < argv.size(); ++i) {
        if (argv.at(i).contains(QChar(0)))
            return Error::invalid(QStringLiteral("argv"),
                                  QCoreApplication::translate("fleetdeck::remote", "argument %1 contains a NUL character, which no command line can carry")
                                      .arg(i));
    }
    return {};
}

} // namespace fleetdeck
