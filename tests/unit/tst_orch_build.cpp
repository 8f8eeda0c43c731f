// The build step's pieces: the ustar archive of a local folder (read back by GNU tar) and the
// `docker build` command for a folder or a git URL.
#include "deploy/BuildContext.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetdeck;

namespace {

void write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

// `tar -t` / `tar -xO` of an archive: what a real tar makes of it.
QByteArray tar(const QByteArray &archive, const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("tar"), args);
    p.waitForStarted();
    p.write(archive);
    p.closeWriteChannel();
    p.waitForFinished();
    return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray("tar failed: ") + p.readAllStandardError();
}

} // namespace

class TestOrchBuild : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void archiveReadsBack()
    {
        QTemporaryDir dir;
        const QString longDir = QStringLiteral("a/") + QString(60, QLatin1Char('b')) + QStringLiteral("/") + QString(60, QLatin1Char('c'));
        write(dir.filePath(QStringLiteral("Dockerfile")), "FROM scratch\n");
        write(dir.filePath(QStringLiteral("site/index.html")), "hello\n");
        write(dir.filePath(longDir + QStringLiteral("/file-with-a-long-name.txt")), QByteArray(1000, 'x'));
        write(dir.filePath(QStringLiteral(".git/HEAD")), "ref: refs/heads/main\n");
        QVERIFY(QFile::link(QStringLiteral("site/index.html"), dir.filePath(QStringLiteral("link.html"))));
        auto archive = build::tarDirectory(dir.path());
        QVERIFY(archive.ok());
        QCOMPARE(archive->size() % 512, 0);
        const QStringList names = QString::fromUtf8(tar(*archive, {QStringLiteral("-t")})).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(names.contains(QStringLiteral("Dockerfile")), qPrintable(names.join(QLatin1Char(','))));
        QVERIFY(names.contains(QStringLiteral("site/index.html")));
        QVERIFY(names.contains(longDir + QStringLiteral("/file-with-a-long-name.txt")));
        QVERIFY(names.contains(QStringLiteral("link.html")));
        for (const QString &n : names)
            QVERIFY2(!n.startsWith(QLatin1String(".git")), qPrintable(n));
        QCOMPARE(tar(*archive, {QStringLiteral("-xO"), QStringLiteral("site/index.html")}), QByteArray("hello\n"));
        QCOMPARE(tar(*archive, {QStringLiteral("-xO"), longDir + QStringLiteral("/file-with-a-long-name.txt")}), QByteArray(1000, 'x'));
        // The same folder gives the same bytes.
        QCOMPARE(*build::tarDirectory(dir.path()), *archive);
        // Limits.
        QVERIFY(!build::tarDirectory(dir.path(), 100).ok());
        QVERIFY(!build::tarDirectory(dir.filePath(QStringLiteral("missing"))).ok());
    }

    void gitUrls_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("git");
        QTest::newRow("https") << QStringLiteral("https://git.example.com/shop.git#main") << true;
        QTest::newRow("ssh") << QStringLiteral("git@git.example.com:team/shop.git") << true;
        QTest::newRow("folder") << QStringLiteral("/home/me/shop") << false;
        QTest::newRow("option") << QStringLiteral("--file=/etc/passwd") << false;
        QTest::newRow("spaces") << QStringLiteral("https://x y") << false;
    }
    void gitUrls()
    {
        QFETCH(QString, source);
        QFETCH(bool, git);
        QCOMPARE(build::isGitUrl(source), git);
    }

    void buildCommands()
    {
        Application a;
        a.uuid = QStringLiteral("u-1");
        a.image = QStringLiteral("registry.local:5000/team/shop:1.2");
        a.buildSource = QStringLiteral("https://git.example.com/shop.git");
        QCOMPARE(build::builtImage(a, 12), QStringLiteral("registry.local:5000/team/shop:fleetdeck-12"));
        auto git = build::buildCommand(a, 12);
        QVERIFY(git.ok());
        QCOMPARE(git->command.argv,
                 (QStringList{QStringLiteral("docker"), QStringLiteral("build"), QStringLiteral("--force-rm"), QStringLiteral("--tag"),
                              QStringLiteral("registry.local:5000/team/shop:fleetdeck-12"), QStringLiteral("--tag"), a.image,
                              QStringLiteral("--file"), QStringLiteral("Dockerfile"), QStringLiteral("--label"),
                              QStringLiteral("fleetdeck.app=u-1"), a.buildSource}));
        QVERIFY(git->command.stdinData.isEmpty());

        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("Dockerfile")), "FROM scratch\n");
        a.buildSource = dir.path();
        auto folder = build::buildCommand(a, 13);
        QVERIFY(folder.ok());
        QCOMPARE(folder->command.argv.last(), QStringLiteral("-"));
        QVERIFY(!folder->command.stdinData.isEmpty());
        QVERIFY(folder->stdinSummary.startsWith(QLatin1String("tar of ")));

        a.dockerfile = QStringLiteral("../outside/Dockerfile");
        QCOMPARE(build::buildCommand(a, 14).error().field, QStringLiteral("dockerfile"));
        a.dockerfile = QStringLiteral("docker/Dockerfile");
        QVERIFY(!build::buildCommand(a, 14).ok());   // no such file in the folder
        a.buildSource = QStringLiteral("not a folder");
        QCOMPARE(build::buildCommand(a, 14).error().kind, ErrorKind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestOrchBuild)
#include "tst_orch_build.moc"
