// Copy all and Save of a log window: they render exactly the rows the window shows (filter, replica
// prefix, timestamps when shown), as of the moment they were asked for, on a worker thread; lines that
// keep arriving meanwhile are neither lost nor mixed in, and a failed save says why and leaves the
// previous file whole.
#include "logs/LogView.h"
#include "logs/LogWindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetdeck;
using fleetdeck::ui::LogView;
using fleetdeck::ui::LogWindow;

namespace {

QList<LogLine> lines(int from, int count, const QString &replica)
{
    QList<LogLine> out;
    out.reserve(count);
    for (int i = from; i < from + count; ++i) {
        LogLine l;
        l.replica = replica;
        l.timestamp = QStringLiteral("2026-11-26T21:00:%1Z").arg(i % 60, 2, 10, QLatin1Char('0'));
        l.text = QStringLiteral("GET /api/items/%1 200 é%2").arg(i).arg(i % 7 == 0 ? QStringLiteral(" slow") : QString());
        out << l;
    }
    return out;
}

bool drained(LogWindow *w)
{
    return QTest::qWaitFor([w] { return w->pendingLines() == 0; }, 20000);
}

// What the view shows, row by row, built on the GUI thread the slow way: the export must equal it.
QString shownText(LogView *v, const QList<qint64> &seqs)
{
    QString out;
    for (qint64 seq : seqs)
        out += v->lineText(seq) + QLatin1Char('\n');
    return out;
}

} // namespace

class TestLogExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copyAllRendersTheFilteredRowsAsOfTheClick()
    {
        auto *w = new LogWindow(nullptr, 0, QStringLiteral("shop"));
        w->show();
        w->ingest(lines(0, 100000, QStringLiteral("web.1")));
        w->ingest(lines(100000, 100000, QStringLiteral("web.2")));
        QVERIFY(drained(w));
        w->findChild<QAction *>(QStringLiteral("timestampsAction"))->setChecked(true);
        w->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->setText(QStringLiteral("slow"));
        LogView *v = w->view();
        const qint64 rows = 200000 / 7 + 1;   // every 7th line is "slow"
        QTRY_VERIFY_WITH_TIMEOUT(v->filterComplete() && v->visibleRowCount() == rows, 20000);

        QSignalSpy done(w, &LogWindow::exportFinished);
        w->copyAll();
        // Lines that arrive after the click are not part of this copy.
        w->ingest(lines(200000, 7000, QStringLiteral("web.3")));
        QVERIFY(done.wait(30000));
        QCOMPARE(done.at(0).at(0).toBool(), true);
        QCOMPARE(done.at(0).at(1).toLongLong(), rows);
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied.count(QLatin1Char('\n')), rows);
        QVERIFY(!copied.contains(QStringLiteral("web.3 |")));
        const QStringList got = copied.split(QLatin1Char('\n'));
        QCOMPARE(got.first(), QStringLiteral("2026-11-26T21:00:00Z web.1 | GET /api/items/0 200 é slow"));
        QCOMPARE(got.at(got.size() - 2), QStringLiteral("2026-11-26T21:00:17Z web.2 | GET /api/items/199997 200 é slow"));
        QVERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("Copied")));
        w->close();
    }

    void saveWritesWhatCopyWouldAndAFailedSaveLeavesTheOldFile()
    {
        QTemporaryDir dir;
        auto *w = new LogWindow(nullptr, 0, QStringLiteral("shop"));
        w->show();
        w->ingest(lines(0, 3000, QStringLiteral("web.1")));
        w->ingest(lines(3000, 2000, QStringLiteral("web.2")));
        QVERIFY(drained(w));
        LogView *v = w->view();
        QList<qint64> all;
        for (qint64 seq = w->store()->firstSeq(); seq < w->store()->endSeq(); ++seq)
            all << seq;

        const QString path = dir.filePath(QStringLiteral("shop.log"));
        QSignalSpy done(w, &LogWindow::exportFinished);
        w->saveTo(path);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.at(0).at(0).toBool(), true);
        QCOMPARE(done.at(0).at(1).toLongLong(), qint64(5000));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray saved = f.readAll();
        f.close();
        QCOMPARE(QString::fromUtf8(saved), shownText(v, all));
        QVERIFY(saved.startsWith("web.1 | GET /api/items/0 200 \xc3\xa9 slow\n"));

        // A directory where the file should go: the save fails, says why, and nothing is half-written.
        const QString blocked = dir.filePath(QStringLiteral("blocked.log"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("blocked.log")));
        done.clear();
        w->saveTo(blocked);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.at(0).at(0).toBool(), false);
        QVERIFY(!done.at(0).at(2).toString().isEmpty());
        QVERIFY(w->statusBar()->currentMessage().startsWith(QStringLiteral("Cannot save to %1").arg(blocked)));
        QVERIFY(QFileInfo(blocked).isDir());
        QVERIFY(QFile(path).size() == saved.size());
        w->close();
    }
};

QTEST_MAIN(TestLogExport)
#include "tst_log_export.moc"
