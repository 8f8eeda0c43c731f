// Integration: argv arrives byte-exact and never runs anything else — through SSH (the remote login
// shell parses shellJoin's output) and through LocalTransport (/bin/sh parses it), data-driven and
// randomized. A canary file that any injected `touch` would create must stay absent.

#include "RealComponent.h"
#include "SshdFixture.h"

#include "remote/LocalTransport.h"
#include "remote/ShellQuote.h"
#include "remote/SshTransport.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::test::SshdFixture;

namespace {

// Strings that would do harm if any layer re-parsed them. CANARY is replaced by the canary's path.
QStringList nastyStrings()
{
    QStringList s = {
        QString(), QStringLiteral(" "), QStringLiteral("  two  spaces  "), QStringLiteral("'"), QStringLiteral("''"),
        QStringLiteral("\""), QStringLiteral("'\"'\"'"), QStringLiteral("'\\''"), QStringLiteral("\\"), QStringLiteral("\\'"),
        QStringLiteral("\\\\'\\\\"), QStringLiteral("; touch CANARY"), QStringLiteral("';touch CANARY;'"),
        QStringLiteral("| touch CANARY"), QStringLiteral("|| touch CANARY"), QStringLiteral("& touch CANARY"),
        QStringLiteral("&& touch CANARY"), QStringLiteral("$(touch CANARY)"), QStringLiteral("`touch CANARY`"),
        QStringLiteral("'$(touch CANARY)'"), QStringLiteral("\"$(touch CANARY)\""), QStringLiteral("${IFS}touch${IFS}CANARY"),
        QStringLiteral("$HOME"), QStringLiteral("${HOME}"), QStringLiteral("$$"), QStringLiteral("$?"), QStringLiteral("$0"),
        QStringLiteral("$1"), QStringLiteral("$@"), QStringLiteral("\ntouch CANARY\n"), QStringLiteral("a\nb"),
        QStringLiteral("\r\n"), QStringLiteral("\t"), QStringLiteral("-rf"), QStringLiteral("--"), QStringLiteral("-n"),
        QStringLiteral("-e"), QStringLiteral("--help"), QStringLiteral("-"), QStringLiteral("*"), QStringLiteral("?"),
        QStringLiteral("[a-z]*"), QStringLiteral("/*"), QStringLiteral("~"), QStringLiteral("~root"), QStringLiteral("!"),
        QStringLiteral("!!"), QStringLiteral("!$"), QStringLiteral("#not a comment"), QStringLiteral("a #b"),
        QStringLiteral("FOO=bar"), QStringLiteral("if"), QStringLiteral("then"), QStringLiteral("{"), QStringLiteral("}"),
        QStringLiteral("("), QStringLiteral(")"), QStringLiteral("<CANARY"), QStringLiteral(">CANARY"), QStringLiteral(">>CANARY"),
        QStringLiteral("2>CANARY"), QStringLiteral("<<EOF"), QStringLiteral("%s"), QStringLiteral("%n%n%n"), QStringLiteral("%%"),
        QStringLiteral("\\0"), QStringLiteral("\\x41"), QStringLiteral("é"), QStringLiteral("日本語"), QStringLiteral("😀🚀"),
        QStringLiteral("\u202e\u200b"), QStringLiteral("e\u0301"), QStringLiteral("\x1b[31mred\x1b[0m"),
        QStringLiteral("\x7f"), QStringLiteral("'; exec sh -c 'touch CANARY'; '"),
    };
    QString controls;
    for (int c = 1; c < 32; ++c)
        controls += QChar(c);
    s << controls;
    return s;
}

QString randomString(QRandomGenerator &rng)
{
    static const QString specials = QStringLiteral(" '\"\\$`;|&()<>{}[]*?~!#=%\n\r\t-");
    const int length = int(rng.bounded(0, 40));
    QString out;
    for (int i = 0; i < length; ++i) {
        const int kind = int(rng.bounded(0, 10));
        if (kind < 5) {
            out += specials.at(int(rng.bounded(0, int(specials.size()))));
        } else if (kind < 7) {
            out += QChar(char16_t(rng.bounded(1, 128)));     // any ASCII byte but NUL
        } else if (kind < 9) {
            char16_t c = char16_t(rng.bounded(0x80, 0xD800)); // BMP below the surrogates
            out += QChar(c);
        } else {
            out += QString::fromUcs4(std::u32string(1, char32_t(rng.bounded(0x10000, 0x10FFFF))).data(), 1);
        }
    }
    return out;
}

QByteArray expectedOutput(const QStringList &args)
{
    QByteArray out;
    for (const QString &arg : args)
        out += arg.toUtf8() + '\0';
    return out;
}

} // namespace

class TestRemoteInjection : public QObject
{
    Q_OBJECT

private:
    SshdFixture m_sshd;
    std::unique_ptr<SshTransport> m_ssh;
    LocalTransport m_local;
    QTemporaryDir m_dir;
    QString m_canary;

    QStringList withCanary(const QStringList &strings) const
    {
        QStringList out;
        for (const QString &s : strings)
            out << QString(s).replace(QLatin1String("CANARY"), m_canary);
        return out;
    }

    void roundTrip(Transport &transport, const QStringList &args)
    {
        RemoteCommand c;
        c.argv = QStringList{QStringLiteral("printf"), QStringLiteral("%s\\0")} + args;
        c.timeoutMs = 20000;
        Result<CommandResult> r = transport.execute(c);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QVERIFY2(r->exitCode == 0, r->stderrData.constData());
        const QByteArray expected = expectedOutput(args);
        if (r->stdoutData != expected) {
            const QList<QByteArray> got = r->stdoutData.split('\0');
            for (qsizetype i = 0; i < args.size(); ++i) {
                if (i >= got.size() || got.at(i) != args.at(i).toUtf8())
                    QFAIL(qPrintable(QStringLiteral("argument %1 changed: sent %2, got %3")
                                         .arg(i)
                                         .arg(QString::fromLatin1(args.at(i).toUtf8().toHex()),
                                              QString::fromLatin1(got.value(i).toHex()))));
            }
            QFAIL("output differs");
        }
        QVERIFY2(!QFile::exists(m_canary), "an argument was executed");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_canary = m_dir.filePath(QStringLiteral("canary with space"));
        QString why;
        if (SshdFixture::available(&why)) {
            QString error;
            QVERIFY2(m_sshd.start(&error), qPrintable(error));
            m_ssh = std::make_unique<SshTransport>(m_sshd.server());
        } else if (fleetdeck::test::inCi()) {
            QFAIL(qPrintable(QStringLiteral("required component missing in CI: ") + why));
        }
    }

    void cleanupTestCase() { QVERIFY(!QFile::exists(m_canary)); }

    void nasty_data()
    {
        QTest::addColumn<bool>("overSsh");
        QTest::newRow("ssh") << true;
        QTest::newRow("local") << false;
    }

    void nasty()
    {
        QFETCH(bool, overSsh);
        if (overSsh && !m_ssh)
            QSKIP("sshd not available");
        const QStringList strings = withCanary(nastyStrings());
        // One at a time (each alone on the line) and all together.
        for (const QString &s : strings)
            roundTrip(overSsh ? static_cast<Transport &>(*m_ssh) : m_local, {s});
        roundTrip(overSsh ? static_cast<Transport &>(*m_ssh) : m_local, strings);
    }

    void randomized_data() { nasty_data(); }

    void randomized()
    {
        QFETCH(bool, overSsh);
        if (overSsh && !m_ssh)
            QSKIP("sshd not available");
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u", seed);
        QRandomGenerator rng(seed);
        for (int batch = 0; batch < 15; ++batch) {
            QStringList args;
            for (int i = 0; i < 200; ++i)
                args << randomString(rng);
            roundTrip(overSsh ? static_cast<Transport &>(*m_ssh) : m_local, withCanary(args));
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("failed with seed %1 in batch %2").arg(seed).arg(batch)));
        }
    }

    void rawBytesThroughShells_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::newRow("dash") << QStringLiteral("/bin/dash");
        QTest::newRow("bash") << QStringLiteral("/bin/bash");
    }

    void rawBytesThroughShells()
    {
        // shellJoinBytes with every byte 1..255 (invalid UTF-8 included): the script goes to the shell
        // on stdin, so no QString conversion touches it.
        QFETCH(QString, shell);
        if (!QFile::exists(shell))
            QSKIP("shell not installed");
        QRandomGenerator rng(12345);
        QList<QByteArray> args;
        QByteArray all;
        for (int b = 1; b < 256; ++b)
            all += char(b);
        args << all;
        for (int i = 0; i < 300; ++i) {
            QByteArray a;
            const int length = int(rng.bounded(0, 30));
            for (int j = 0; j < length; ++j)
                a += char(rng.bounded(1, 256));
            args << a.replace("CANARY", m_canary.toUtf8());
        }
        const QByteArray script = shellJoinBytes(QList<QByteArray>{"printf", "%s\\0"} + args) + '\n';
        int exitCode = -1;
        const QByteArray out = SshdFixture::runLocal(shell, {QStringLiteral("-s")}, &exitCode, script);
        QCOMPARE(exitCode, 0);
        QByteArray expected;
        for (const QByteArray &a : args)
            expected += a + '\0';
        QVERIFY(out == expected);
        QVERIFY(!QFile::exists(m_canary));
    }
};

QTEST_GUILESS_MAIN(TestRemoteInjection)
#include "tst_remote_injection.moc"
