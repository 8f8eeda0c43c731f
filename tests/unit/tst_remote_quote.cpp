// Unit: shellJoin / shellQuote — the one argv-to-shell function, row by row.

#include "remote/ShellQuote.h"

#include <QTest>

using namespace fleetdeck;

class TestRemoteQuote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void join_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<QString>("line");
        QTest::newRow("plain") << QStringList{QStringLiteral("docker"), QStringLiteral("ps")} << QStringLiteral("'docker' 'ps'");
        QTest::newRow("empty arg") << QStringList{QStringLiteral("printf"), QString()} << QStringLiteral("'printf' ''");
        QTest::newRow("single quote") << QStringList{QStringLiteral("it's")} << QStringLiteral("'it'\\''s'");
        QTest::newRow("only quotes") << QStringList{QStringLiteral("''")} << QStringLiteral("''\\'''\\'''");
        QTest::newRow("double quote") << QStringList{QStringLiteral("say \"hi\"")} << QStringLiteral("'say \"hi\"'");
        QTest::newRow("dollar") << QStringList{QStringLiteral("$(reboot)")} << QStringLiteral("'$(reboot)'");
        QTest::newRow("backticks") << QStringList{QStringLiteral("`id`")} << QStringLiteral("'`id`'");
        QTest::newRow("semicolon pipe amp") << QStringList{QStringLiteral("a;b|c&d")} << QStringLiteral("'a;b|c&d'");
        QTest::newRow("newline") << QStringList{QStringLiteral("a\nb")} << QStringLiteral("'a\nb'");
        QTest::newRow("backslash") << QStringList{QStringLiteral("a\\b")} << QStringLiteral("'a\\b'");
        QTest::newRow("leading dash") << QStringList{QStringLiteral("rm"), QStringLiteral("-rf"), QStringLiteral("--")}
                                      << QStringLiteral("'rm' '-rf' '--'");
        QTest::newRow("glob and tilde") << QStringList{QStringLiteral("*"), QStringLiteral("~")} << QStringLiteral("'*' '~'");
        QTest::newRow("assignment-looking") << QStringList{QStringLiteral("A=1"), QStringLiteral("cmd")} << QStringLiteral("'A=1' 'cmd'");
        QTest::newRow("unicode") << QStringList{QStringLiteral("日本 😀")} << QStringLiteral("'日本 😀'");
        QTest::newRow("empty argv") << QStringList{} << QString();
        QTest::newRow("NUL refused") << QStringList{QStringLiteral("echo"), QStringLiteral("a") + QChar(0) + QStringLiteral("b")}
                                     << QString();
    }

    void join()
    {
        QFETCH(QStringList, argv);
        QFETCH(QString, line);
        QCOMPARE(shellJoin(argv), line);
    }

    void bytesMatchStrings()
    {
        const QStringList argv{QStringLiteral("echo"), QStringLiteral("it's"), QString(), QStringLiteral("é")};
        QList<QByteArray> bytes;
        for (const QString &a : argv)
            bytes << a.toUtf8();
        QCOMPARE(shellJoinBytes(bytes), shellJoin(argv).toUtf8());
        QVERIFY(shellJoinBytes({QByteArray("a\0b", 3)}).isEmpty());
        QCOMPARE(shellQuoteBytes(QByteArray("\xff'\x01")), QByteArray("'\xff'\\''\x01'"));
    }

    void everyQuoteIsBalanced()
    {
        // Outside the '\'' escapes, a joined line has an even number of single quotes per word.
        const QString line = shellJoin({QStringLiteral("'a'"), QStringLiteral("b'c'd'")});
        QString stripped = line;
        stripped.remove(QStringLiteral("'\\''"));
        QCOMPARE(stripped.count(QLatin1Char('\'')) % 2, 0);
    }

    void validateArgv()
    {
        QVERIFY(fleetdeck::validateArgv({QStringLiteral("true")}).ok());
        const Status empty = fleetdeck::validateArgv({});
        QCOMPARE(empty.error().kind, ErrorKind::Invalid);
        QCOMPARE(empty.error().field, QStringLiteral("argv"));
        const Status nul = fleetdeck::validateArgv({QStringLiteral("x"), QString(QChar(0))});
        QVERIFY(nul.error().message.contains(QLatin1String("argument 1")));
    }
};

QTEST_GUILESS_MAIN(TestRemoteQuote)
#include "tst_remote_quote.moc"
