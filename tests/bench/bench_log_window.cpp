// Log window benchmark: lines per second the window ingests (feed thread -> GUI drain -> store ->
// view), its memory at 1,000,000 kept lines, the longest GUI-thread stall while ingesting and while
// searching a million lines; and, in the same run, the naive baseline (QPlainTextEdit::appendPlainText
// per line) and a chunked QPlainTextEdit append, as ratios.
//
//   ./bench_log_window [total-lines=2000000] [baseline-lines=20000]
// Runs with QT_QPA_PLATFORM=offscreen unless a display is set.
#include "logs/LogView.h"
#include "logs/LogWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSemaphore>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

using namespace fleetdeck;

namespace {

qint64 rssBytes()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    return 0;
}

LogLine makeLine(qint64 i)
{
    static const QString replicas[] = {QStringLiteral("shop-web.1"), QStringLiteral("shop-web.2"), QStringLiteral("shop-web.3")};
    LogLine l;
    l.replica = replicas[i % 3];
    l.timestamp = QStringLiteral("2026-11-26T21:%1:%2.%3Z")
                      .arg((i / 60000) % 60, 2, 10, QLatin1Char('0'))
                      .arg((i / 1000) % 60, 2, 10, QLatin1Char('0'))
                      .arg(i % 1000, 3, 10, QLatin1Char('0'));
    l.text = QStringLiteral("10.0.3.%1 - - \"GET /api/v1/orders/%2 HTTP/1.1\" 200 %3 \"-\" \"curl/8.5.0\" rt=0.0%4")
                 .arg(i % 250)
                 .arg(i)
                 .arg(1000 + i % 4000)
                 .arg(i % 97);
    if (i % 1000 == 0)
        l.text += QStringLiteral(" checkout-failed");
    return l;
}

// Longest gap between two ticks of a 1 ms timer on the GUI thread: what a user would feel as a freeze.
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0) {
                m_max = std::max(m_max, now - m_last);
                m_gaps.push_back(now - m_last);
            }
            m_last = now;
        });
    }
    void start()
    {
        m_gaps.clear();
        m_max = 0;
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    double stopMs()
    {
        m_timer.stop();
        return double(m_max) / 1e6;
    }
    // After stopMs(): the 99th percentile gap and how many gaps exceeded 50 ms.
    double p99Ms()
    {
        if (m_gaps.empty())
            return 0;
        std::sort(m_gaps.begin(), m_gaps.end());
        return double(m_gaps[m_gaps.size() * 99 / 100]) / 1e6;
    }
    qint64 over50() const
    {
        return std::count_if(m_gaps.begin(), m_gaps.end(), [](qint64 g) { return g > 50'000'000; });
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    qint64 m_max = 0;
    std::vector<qint64> m_gaps;
};

struct Figures {
    double linesPerSecond = 0;
    double stallMs = 0;
    double p99Ms = 0;
    qint64 over50 = 0;
    qint64 rssDelta = 0;
    qint64 storeBytes = 0;
    qint64 kept = 0;
    qint64 dropped = 0;
    double searchMs = 0;
    double searchStallMs = 0;
    qint64 hits = 0;
    double copyOnGuiMs = 0;       // baseline: the text of every kept line built on the GUI thread
    double copyClickMs = 0;       // LogWindow::copyAll(): the snapshot taken on the GUI thread
    double copyTotalMs = 0;       // until the clipboard holds the text
    double copyStallMs = 0;       // longest GUI gap meanwhile
};

// `prebuilt`: the producer posts the same 200 prebuilt batches again and again (implicitly shared,
// so it costs nothing): what the window alone sustains. Otherwise every line is built by the
// producer thread first, which on a 2-core machine competes with the GUI thread (end to end).
Figures runWindow(qint64 total, bool prebuilt)
{
    constexpr int kBatch = 500;   // what a LogFeed flush carries under a flood (10 ms of lines)
    Figures f;
    const qint64 rss0 = rssBytes();
    auto *w = new ui::LogWindow(nullptr, 0, QStringLiteral("bench"));
    w->resize(1200, 800);
    w->show();
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);

    // The producer builds LogLines on its own thread (as the feed does) and posts batches; at most
    // 200 batches are in flight, released as the window ingests them.
    QSemaphore free(200);
    std::atomic<bool> done{false};
    qint64 released = 0;
    QObject::connect(w, &ui::LogWindow::linesIngested, w, [&](qint64 ingested) {
        const qint64 batches = ingested / kBatch;
        if (batches > released) {
            free.release(int(batches - released));
            released = batches;
        }
    });
    std::vector<QList<LogLine>> prepared;
    if (prebuilt) {
        for (qint64 i = 0; i < 200 * kBatch; i += kBatch) {
            QList<LogLine> batch;
            for (qint64 j = i; j < i + kBatch; ++j)
                batch << makeLine(j);
            prepared.push_back(batch);
        }
    }
    QThread *producer = QThread::create([&] {
        for (qint64 i = 0; i < total; i += kBatch) {
            QList<LogLine> batch;
            if (prebuilt) {
                batch = prepared[size_t((i / kBatch) % 200)];
            } else {
                batch.reserve(kBatch);
                for (qint64 j = i; j < std::min(total, i + kBatch); ++j)
                    batch << makeLine(j);
            }
            free.acquire();
            QMetaObject::invokeMethod(w, [w, batch] { w->ingest(batch); }, Qt::QueuedConnection);
        }
        done = true;
    });
    StallProbe probe;
    QElapsedTimer t;
    probe.start();
    t.start();
    producer->start();
    while (w->store()->endSeq() < total)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    const qint64 ns = t.nsecsElapsed();
    f.stallMs = probe.stopMs();
    f.p99Ms = probe.p99Ms();
    f.over50 = probe.over50();
    producer->wait();
    delete producer;
    f.linesPerSecond = double(total) / (double(ns) / 1e9);
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    f.kept = w->store()->size();
    f.dropped = w->droppedLines();
    f.storeBytes = w->store()->memoryBytes();
    f.rssDelta = rssBytes() - rss0;

    // Search a million kept lines: time-sliced, so the GUI keeps answering.
    probe.start();
    t.restart();
    w->view()->setSearch(QStringLiteral("checkout-failed"));
    while (!w->view()->searchComplete())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    f.searchMs = double(t.nsecsElapsed()) / 1e6;
    f.searchStallMs = probe.stopMs();
    f.hits = w->view()->hitCount();

    // Copy all of a million lines: the old way (text built on the GUI thread) against the snapshot
    // rendered on the pool, in the same window, same lines.
    t.restart();
    const qint64 oldChars = w->view()->allText().size();
    f.copyOnGuiMs = double(t.nsecsElapsed()) / 1e6;
    bool exported = false;
    QObject::connect(w, &ui::LogWindow::exportFinished, w, [&exported] { exported = true; });
    probe.start();
    t.restart();
    w->copyAll();
    f.copyClickMs = double(t.nsecsElapsed()) / 1e6;
    while (!exported)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    f.copyTotalMs = double(t.nsecsElapsed()) / 1e6;
    f.copyStallMs = probe.stopMs();
    if (QApplication::clipboard()->text().size() != oldChars)
        std::fprintf(stderr, "copy all: the clipboard does not hold the %lld characters of the kept lines\n", oldChars);
    w->close();
    QCoreApplication::processEvents();
    return f;
}

// Baseline: what a naive viewer does, one appendPlainText per line (each line a separate event).
Figures runPlainText(qint64 n, int linesPerAppend)
{
    Figures f;
    const qint64 rss0 = rssBytes();
    auto *edit = new QPlainTextEdit;
    edit->setReadOnly(true);
    edit->resize(1200, 800);
    edit->show();
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QElapsedTimer t;
    qint64 worst = 0;
    t.start();
    for (qint64 i = 0; i < n; i += linesPerAppend) {
        QElapsedTimer one;
        one.start();
        QString chunk;
        for (qint64 j = i; j < std::min(n, i + linesPerAppend); ++j) {
            const LogLine l = makeLine(j);
            if (!chunk.isEmpty())
                chunk += QLatin1Char('\n');
            chunk += l.timestamp + QLatin1Char(' ') + l.replica + QStringLiteral(" | ") + l.text;
        }
        edit->appendPlainText(chunk);
        edit->verticalScrollBar()->setValue(edit->verticalScrollBar()->maximum());
        QCoreApplication::processEvents();   // the event loop between lines: paints, input
        worst = std::max(worst, one.nsecsElapsed());
    }
    const qint64 ns = t.nsecsElapsed();
    f.linesPerSecond = double(n) / (double(ns) / 1e9);
    f.stallMs = double(worst) / 1e6;
    f.kept = n;
    f.rssDelta = rssBytes() - rss0;
    delete edit;
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    qRegisterMetaType<QList<LogLine>>();
    const qint64 total = argc > 1 ? QByteArray(argv[1]).toLongLong() : 2000000;
    const qint64 baseN = argc > 2 ? QByteArray(argv[2]).toLongLong() : 20000;

    const Figures base = runPlainText(baseN, 1);
    const Figures chunked = runPlainText(baseN * 5, 500);
    // The noise floor: the longest gap of the same probe with nothing to do (machine load, scheduler).
    StallProbe idle;
    idle.start();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 3000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    const double idleStall = idle.stopMs();
    const double idleP99 = idle.p99Ms();
    const qint64 idleOver50 = idle.over50();
    const Figures win = runWindow(total, true);
    const Figures e2e = runWindow(total, false);

    const double mib = 1024.0 * 1024.0;
    std::printf("| viewer | lines | lines/s | longest GUI stall ms | RSS growth | bytes/line |\n|---|---:|---:|---:|---:|---:|\n");
    std::printf("| Fleetdeck LogWindow (feed thread -> drain -> LogStore/LogView) | %lld (kept %lld, dropped %lld) | %.0f | %.1f | %.1f MiB | %.0f |\n",
                total, win.kept, win.dropped, win.linesPerSecond, win.stallMs, double(win.rssDelta) / mib,
                double(win.rssDelta) / double(std::max<qint64>(1, win.kept)));
    std::printf("| same, end to end (a producer thread builds every LogLine meanwhile) | %lld | %.0f | %.1f | %.1f MiB | %.0f |\n",
                total, e2e.linesPerSecond, e2e.stallMs, double(e2e.rssDelta) / mib, double(e2e.rssDelta) / double(std::max<qint64>(1, e2e.kept)));
    std::printf("| QPlainTextEdit, appendPlainText per line (naive) | %lld | %.0f | %.1f | %.1f MiB | %.0f |\n", base.kept,
                base.linesPerSecond, base.stallMs, double(base.rssDelta) / mib, double(base.rssDelta) / double(base.kept));
    std::printf("| QPlainTextEdit, 500 lines per append (chunked) | %lld | %.0f | %.1f | %.1f MiB | %.0f |\n", chunked.kept,
                chunked.linesPerSecond, chunked.stallMs, double(chunked.rssDelta) / mib, double(chunked.rssDelta) / double(chunked.kept));
    std::printf("\nLogStore buffers at %lld kept lines: %.1f MiB (%.0f bytes/line)\n", win.kept, double(win.storeBytes) / mib,
                double(win.storeBytes) / double(std::max<qint64>(1, win.kept)));
    std::printf("Search of %lld kept lines: %.0f ms total (time-sliced), longest GUI stall %.1f ms, %lld hits\n", win.kept,
                win.searchMs, win.searchStallMs, win.hits);
    std::printf("Copy all of %lld lines: built on the GUI thread (before) %.0f ms; copyAll() now holds the GUI thread %.1f ms "
                "(%.0fx less), clipboard filled after %.0f ms, longest GUI gap meanwhile %.1f ms\n",
                win.kept, win.copyOnGuiMs, win.copyClickMs, win.copyOnGuiMs / std::max(0.001, win.copyClickMs), win.copyTotalMs,
                win.copyStallMs);
    std::printf("Idle GUI thread, same probe, 3 s: longest gap %.1f ms, p99 %.1f ms, %lld gaps > 50 ms (the machine's noise floor)\n",
                idleStall, idleP99, idleOver50);
    std::printf("LogWindow GUI-loop gaps while ingesting: p99 %.1f ms, %lld gaps > 50 ms (window only); p99 %.1f ms, %lld > 50 ms (end to end)\n",
                win.p99Ms, win.over50, e2e.p99Ms, e2e.over50);
    std::printf("Ratios: LogWindow / naive = %.1fx lines/s; LogWindow / chunked = %.1fx lines/s\n",
                win.linesPerSecond / base.linesPerSecond, win.linesPerSecond / chunked.linesPerSecond);
    return 0;
}
