// Build context (ustar writer) and the docker build command.
#include "deploy/BuildContext.h"

#include "core/Translate.h"
#include "orchestrators/Labels.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstring>

#include <unistd.h>

namespace fleetdeck::build {

namespace {

void putOctal(char *field, int width, qint64 value)
{
    // width includes the terminating NUL
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), size_t(qMin<qsizetype>(digits.size(), width - 1)));
    field[width - 1] = '\0';
}

// Splits `path` into ustar prefix (<=155) and name (<=100); false when impossible.
bool splitPath(const QByteArray &path, QByteArray *prefix, QByteArray *name)
{
    if (path.size() <= 100) {
        *prefix = {};
        *name = path;
        return true;
    }
    for (qsizetype i = path.size() - 1; i > 0; --i) {
        if (path.at(i) != '/')
            continue;
        if (i <= 155 && path.size() - i - 1 <= 100 && path.size() - i - 1 > 0) {
            *prefix = path.left(i);
            *name = path.mid(i + 1);
            return true;
        }
    }
    return false;
}

Status appendEntry(QByteArray &out, const QByteArray &path, char type, int mode, const QByteArray &data,
                   const QByteArray &linkTarget, qint64 mtime)
{
    QByteArray prefix, name;
    if (!splitPath(path, &prefix, &name))
        return Error::invalid(QStringLiteral("build"), QCoreApplication::translate("fleetdeck::deploy", "the path %1 is too long for the build archive").arg(QString::fromUtf8(path)));
    if (linkTarget.size() > 100)
        return Error::invalid(QStringLiteral("build"), QCoreApplication::translate("fleetdeck::deploy", "the link target of %1 is too long").arg(QString::fromUtf8(path)));
    char h[512];
    std::memset(h, 0, sizeof h);
    std::memcpy(h, name.constData(), size_t(name.size()));
    putOctal(h + 100, 8, mode);
    putOctal(h + 108, 8, 0);
    putOctal(h + 116, 8, 0);
    putOctal(h + 124, 12, type == '0' ? data.size() : 0);
    putOctal(h + 136, 12, mtime);
    std::memset(h + 148, ' ', 8);
    h[156] = type;
    std::memcpy(h + 157, linkTarget.constData(), size_t(linkTarget.size()));
    std::memcpy(h + 257, "ustar", 6);
    std::memcpy(h + 263, "00", 2);
    std::memcpy(h + 265, "root", 4);
    std::memcpy(h + 297, "root", 4);
    std::memcpy(h + 345, prefix.constData(), size_t(prefix.size()));
    unsigned sum = 0;
    for (unsigned char c : h)
        sum += c;
    const QByteArray chk = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(h + 148, chk.constData(), 6);
    h[154] = '\0';
    h[155] = ' ';
    out.append(h, sizeof h);
    if (type == '0') {
        out.append(data);
        const qsizetype pad = (512 - data.size() % 512) % 512;
        out.append(QByteArray(pad, '\0'));
    }
    return {};
}

QString repositoryOf(const QString &image)
{
    QString ref = image.section(QLatin1Char('@'), 0, 0);
    const qsizetype slash = ref.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = ref.lastIndexOf(QLatin1Char(':'));
    if (colon > slash)
        ref = ref.left(colon);
    return ref;
}

} // namespace

Result<QByteArray> tarDirectory(const QString &dirPath, qint64 maxBytes)
{
    const QDir dir(dirPath);
    if (!dir.exists())
        return Error::invalid(QStringLiteral("build"), QCoreApplication::translate("fleetdeck::deploy", "the folder %1 does not exist").arg(dirPath));
    QStringList paths;
    QDirIterator it(dirPath, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        const QString rel = dir.relativeFilePath(p);
        if (rel == QLatin1String(".git") || rel.startsWith(QLatin1String(".git/")))
            continue;
        paths << rel;
    }
    paths.sort();   // reproducible archives: the same folder gives the same bytes
    QByteArray out;
    for (const QString &rel : paths) {
        const QFileInfo fi(dir.filePath(rel));
        const qint64 mtime = fi.lastModified().toSecsSinceEpoch();
        const int mode = int(fi.permissions() & (QFile::ExeOwner | QFile::ExeUser)) ? 0755 : 0644;
        const QByteArray path = rel.toUtf8();
        Status s;
        if (fi.isSymLink()) {
            // The link as written (readlink), not resolved: the archive must not point outside itself.
            char target[4096];
            const ssize_t n = ::readlink(QFile::encodeName(fi.filePath()).constData(), target, sizeof target);
            if (n < 0)
                return Error::invalid(QStringLiteral("build"), QCoreApplication::translate("fleetdeck::deploy", "cannot read the link %1").arg(fi.filePath()));
            s = appendEntry(out, path, '2', 0777, {}, QByteArray(target, qsizetype(n)), mtime);
        } else if (fi.isDir()) {
            s = appendEntry(out, path + '/', '5', 0755, {}, {}, mtime);
        } else if (fi.isFile()) {
            QFile f(fi.filePath());
            if (!f.open(QIODevice::ReadOnly))
                return Error::invalid(QStringLiteral("build"), QCoreApplication::translate("fleetdeck::deploy", "cannot read %1: %2").arg(fi.filePath(), f.errorString()));
            s = appendEntry(out, path, '0', mode, f.readAll(), {}, mtime);
        } else {
            return Error::invalid(QStringLiteral("build"), QCoreApplication::translate("fleetdeck::deploy", "%1 is not a file, folder or link").arg(fi.filePath()));
        }
        if (!s)
            return s.error();
        if (out.size() > maxBytes)
            return Error::invalid(QStringLiteral("build"), QCoreApplication::translate("fleetdeck::deploy", "the build folder %1 is larger than %2 MiB")
                                                              .arg(dirPath).arg(maxBytes / (1024 * 1024)));
    }
    out.append(QByteArray(1024, '\0'));
    return out;
}

bool isGitUrl(const QString &source)
{
    static const QRegularExpression re(QStringLiteral("^(https?://|git://|ssh://|git@)[^\\s]+$"));
    return re.match(source).hasMatch();
}

QString builtImage(const Application &app, qint64 deploymentId)
{
    return repositoryOf(app.image) + QStringLiteral(":fleetdeck-") + QString::number(deploymentId);
}

Result<PlannedCommand> buildCommand(const Application &app, qint64 deploymentId)
{
    const QString dockerfile = app.dockerfile.isEmpty() ? QStringLiteral("Dockerfile") : app.dockerfile;
    if (dockerfile.startsWith(QLatin1Char('-')) || dockerfile.startsWith(QLatin1Char('/')) || dockerfile.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        return Error::invalid(QStringLiteral("dockerfile"), QCoreApplication::translate("fleetdeck::deploy", "'%1' must be a path inside the build source").arg(dockerfile));
    PlannedCommand c;
    c.step = QStringLiteral("build");
    // --force-rm: a failed step leaves no intermediate container behind on the server.
    QStringList argv{QStringLiteral("docker"), QStringLiteral("build"), QStringLiteral("--force-rm"),
                     QStringLiteral("--tag"), builtImage(app, deploymentId),
                     QStringLiteral("--tag"), app.image,
                     QStringLiteral("--file"), dockerfile,
                     QStringLiteral("--label"), labels::app() + QLatin1Char('=') + app.uuid};
    if (isGitUrl(app.buildSource)) {
        argv << app.buildSource;
        c.description = QStringLiteral("build %1 from %2").arg(builtImage(app, deploymentId), app.buildSource);
    } else {
        const QFileInfo fi(app.buildSource);
        if (!fi.isDir())
            return Error::invalid(QStringLiteral("build"), QCoreApplication::translate("fleetdeck::deploy", "'%1' is neither a folder on this machine nor a git URL "
                                                                                                           "(https://, ssh://, git@...)").arg(app.buildSource));
        if (!QFileInfo::exists(QDir(fi.absoluteFilePath()).filePath(dockerfile)))
            return Error::invalid(QStringLiteral("dockerfile"), QCoreApplication::translate("fleetdeck::deploy", "%1 has no %2").arg(app.buildSource, dockerfile));
        auto tar = tarDirectory(fi.absoluteFilePath());
        if (!tar)
            return tar.error();
        argv << QStringLiteral("-");
        c.command.stdinData = *tar;
        c.stdinSummary = QStringLiteral("tar of %1 (%2 KiB)").arg(fi.absoluteFilePath()).arg(tar->size() / 1024);
        c.description = QStringLiteral("build %1 from the folder %2").arg(builtImage(app, deploymentId), fi.absoluteFilePath());
    }
    c.command.argv = argv;
    c.command.purpose = QStringLiteral("docker build");
    c.command.timeoutMs = 30 * 60 * 1000;
    return c;
}

} // namespace fleetdeck::build
