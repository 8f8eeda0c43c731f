#include "logs/LogView.h"
#include "widgets/Palette.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace fleetdeck::ui {

namespace {

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}

QByteArray lowered(const QString &text)
{
    QByteArray b = text.toUtf8();
    for (char &c : b)
        c = lowerAscii(c);
    return b;
}

// ASCII case-insensitive substring test on UTF-8 bytes (needle already lower-cased).
bool containsCi(QByteArrayView hay, const QByteArray &needle)
{
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    if (hay.size() < n)
        return false;
    const char first = needle.at(0);
    const char firstUpper = (first >= 'a' && first <= 'z') ? char(first - 32) : first;
    const char *p = hay.data();
    const char *end = p + hay.size() - n + 1;
    for (; p < end; ++p) {
        if (*p != first && *p != firstUpper)
            continue;
        qsizetype i = 1;
        while (i < n && lowerAscii(p[i]) == needle.at(i))
            ++i;
        if (i == n)
            return true;
    }
    return false;
}

constexpr int kScanBudgetMs = 12;

} // namespace

LogView::LogView(LogStore *store, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("logView"));
    setAccessibleName(tr("Log lines"));
    setFocusPolicy(Qt::StrongFocus);
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    viewport()->setFont(f);
    setFont(f);
    const QFontMetricsF fm(f);
    m_charWidth = std::max(1.0, fm.horizontalAdvance(QLatin1Char('M')));
    m_lineHeight = int(std::ceil(fm.height()));
    viewport()->setCursor(Qt::IBeamCursor);
    verticalScrollBar()->setSingleStep(1);
    horizontalScrollBar()->setSingleStep(int(m_charWidth * 4));
    const QList<QColor> colors = palette::replicaColors();
    m_colors.assign(colors.cbegin(), colors.cend());
    m_scan.setSingleShot(true);
    m_scan.setInterval(0);
    connect(&m_scan, &QTimer::timeout, this, &LogView::scanSome);
}

void LogView::setReplicaNames(const QStringList &names)
{
    m_format.replicas = names;
    viewport()->update();
}

void LogView::setShowTimestamps(bool on)
{
    m_format.timestamps = on;
    viewport()->update();
}

void LogView::setWrap(bool on)
{
    const qint64 keep = topSeq();
    m_wrap = on;
    updateScrollBars(keep);
    viewport()->update();
}

void LogView::setFollow(bool on)
{
    if (m_follow == on)
        return;
    m_follow = on;
    if (on)
        updateScrollBars(-1);
    Q_EMIT followChanged(on);
}

qint64 LogView::rowCount() const
{
    return filtered() ? qint64(m_rows.size() - m_rowsStart) : m_store->size();
}

int LogView::visibleRowCount() const
{
    return int(rowCount());
}

bool LogView::filterComplete() const
{
    return !filtered() || m_filterScanned >= m_store->endSeq();
}

bool LogView::searchComplete() const
{
    return m_search.isEmpty() || m_searchScanned >= m_store->endSeq();
}

qint64 LogView::seqAt(qint64 row) const
{
    return filtered() ? m_rows[m_rowsStart + size_t(row)] : m_store->firstSeq() + row;
}

qint64 LogView::rowOfSeq(qint64 seq) const
{
    const qint64 rows = rowCount();
    if (rows == 0)
        return 0;
    if (!filtered())
        return std::clamp<qint64>(seq - m_store->firstSeq(), 0, rows - 1);
    auto it = std::lower_bound(m_rows.begin() + qsizetype(m_rowsStart), m_rows.end(), seq);
    return std::min<qint64>(rows - 1, qint64(it - (m_rows.begin() + qsizetype(m_rowsStart))));
}

int LogView::linesPerPage() const
{
    return std::max(1, viewport()->height() / m_lineHeight);
}

int LogView::columns() const
{
    return m_wrap ? std::max(8, int((viewport()->width() - 4) / m_charWidth)) : std::numeric_limits<int>::max() / 2;
}

int LogView::topRow() const
{
    return verticalScrollBar()->value();
}

qint64 LogView::topSeq() const
{
    const qint64 rows = rowCount();
    if (rows == 0)
        return -1;
    return seqAt(std::min<qint64>(topRow(), rows - 1));
}

bool LogView::atBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum();
}

QString LogView::prefix(qint64 seq) const
{
    return logLinePrefix(*m_store, seq, m_format);
}

QString LogView::lineText(qint64 seq) const
{
    return prefix(seq) + QString::fromUtf8(m_store->text(seq));
}

int LogView::visualLinesOf(qint64 seq) const
{
    if (!m_wrap)
        return 1;
    const qsizetype chars = prefix(seq).size() + QString::fromUtf8(m_store->text(seq)).size();
    const int cols = columns();
    return std::max(1, int((chars + cols - 1) / cols));
}

void LogView::dropBefore(std::vector<qint64> &v, size_t &start, qint64 firstSeq)
{
    while (start < v.size() && v[start] < firstSeq)
        ++start;
    if (start > 65536 && start > v.size() / 2) {
        v.erase(v.begin(), v.begin() + qsizetype(start));
        start = 0;
    }
}

void LogView::storeChanged()
{
    const qint64 first = m_store->firstSeq();
    const qint64 keep = m_follow ? -1 : std::max(m_topSeq, first);
    if (filtered())
        dropBefore(m_rows, m_rowsStart, first);
    if (!m_search.isEmpty()) {
        const size_t before = m_hitsStart;
        dropBefore(m_hits, m_hitsStart, first);
        if (m_hitsStart != before && m_currentHitSeq >= 0 && m_currentHitSeq < first) {
            m_currentHit = -1;
            m_currentHitSeq = -1;
        } else if (m_currentHitSeq >= 0) {
            m_currentHit = int(std::lower_bound(m_hits.begin() + qsizetype(m_hitsStart), m_hits.end(), m_currentHitSeq)
                               - (m_hits.begin() + qsizetype(m_hitsStart)));
        }
    }
    // Widest line so far, for the horizontal scroll bar (bytes: close enough for a monospace view).
    m_maxChars = m_store->longestLineBytes() + 48;
    if (filtered() || !m_search.isEmpty())
        scanSome();
    updateScrollBars(keep);
    viewport()->update();
}

void LogView::storeCleared()
{
    m_rows.clear();
    m_rowsStart = 0;
    m_filterScanned = m_store->endSeq();
    m_hits.clear();
    m_hitsStart = 0;
    m_searchScanned = m_store->endSeq();
    m_currentHit = -1;
    m_currentHitSeq = -1;
    m_anchorSeq = m_cursorSeq = -1;
    m_maxChars = 0;
    updateScrollBars(-1);
    viewport()->update();
    Q_EMIT searchUpdated(0, -1);
    Q_EMIT filterUpdated(0);
}

void LogView::updateScrollBars(qint64 keepTopSeq)
{
    m_settingScroll = true;
    const qint64 rows = rowCount();
    const int page = linesPerPage();
    const int max = int(std::max<qint64>(0, rows - page));
    QScrollBar *v = verticalScrollBar();
    v->setPageStep(page);
    v->setRange(0, max);
    if (m_follow)
        v->setValue(max);
    else if (keepTopSeq >= 0)
        v->setValue(int(rowOfSeq(keepTopSeq)));
    QScrollBar *h = horizontalScrollBar();
    h->setPageStep(viewport()->width());
    h->setRange(0, m_wrap ? 0 : int(std::max<qint64>(0, std::min<qint64>(qint64(double(m_maxChars) * m_charWidth), 1 << 24) - viewport()->width())));
    m_settingScroll = false;
    m_topSeq = topSeq();
}

bool LogView::matches(qint64 seq, const QByteArray &pattern) const
{
    return containsCi(m_store->text(seq), pattern);
}

bool LogView::rowMatchesFilter(qint64 seq) const
{
    if (m_filterReplica >= 0 && m_store->replica(seq) != m_filterReplica)
        return false;
    return matches(seq, m_filter);
}

// Filters and searches what was not looked at yet, for at most kScanBudgetMs, then yields.
void LogView::scanSome()
{
    QElapsedTimer t;
    t.start();
    const qint64 first = m_store->firstSeq();
    const qint64 end = m_store->endSeq();
    bool rowsChanged = false;
    bool hitsChanged = false;
    if (filtered()) {
        qint64 s = std::max(m_filterScanned, first);
        for (; s < end; ++s) {
            if (rowMatchesFilter(s)) {
                m_rows.push_back(s);
                rowsChanged = true;
            }
            if ((s & 1023) == 0 && t.elapsed() > kScanBudgetMs)
                break;
        }
        m_filterScanned = std::min(s + 1, end);
        if (s >= end)
            m_filterScanned = end;
    }
    if (!m_search.isEmpty()) {
        qint64 s = std::max(m_searchScanned, first);
        for (; s < end; ++s) {
            if (matches(s, m_search)) {
                m_hits.push_back(s);
                hitsChanged = true;
            }
            if ((s & 1023) == 0 && t.elapsed() > kScanBudgetMs)
                break;
        }
        m_searchScanned = std::min(s + 1, end);
        if (s >= end)
            m_searchScanned = end;
    }
    if (!filterComplete() || !searchComplete())
        m_scan.start();
    if (rowsChanged) {
        updateScrollBars(m_follow ? -1 : m_topSeq);
        viewport()->update();
    }
    Q_EMIT filterUpdated(int(rowCount()));
    if (hitsChanged || searchComplete()) {
        Q_EMIT searchUpdated(hitCount(), m_currentHit);
        viewport()->update();
    }
}

void LogView::setFilter(const QString &text, int replica)
{
    const qint64 keep = m_topSeq;
    m_filter = lowered(text);
    m_filterReplica = replica;
    m_rows.clear();
    m_rowsStart = 0;
    m_filterScanned = m_store->firstSeq();
    scanSome();
    updateScrollBars(m_follow ? -1 : keep);
    viewport()->update();
}

void LogView::setSearch(const QString &text)
{
    m_search = lowered(text);
    m_hits.clear();
    m_hitsStart = 0;
    m_searchScanned = m_store->firstSeq();
    m_currentHit = -1;
    m_currentHitSeq = -1;
    if (m_search.isEmpty()) {
        Q_EMIT searchUpdated(0, -1);
        viewport()->update();
        return;
    }
    scanSome();
}

void LogView::scrollToSeq(qint64 seq)
{
    if (m_follow) {
        m_follow = false;
        Q_EMIT followChanged(false);
    }
    m_settingScroll = true;
    verticalScrollBar()->setValue(int(std::max<qint64>(0, rowOfSeq(seq) - linesPerPage() / 2)));
    m_settingScroll = false;
    m_topSeq = topSeq();
    viewport()->update();
}

void LogView::nextHit()
{
    const qint64 n = hitCount();
    if (n == 0)
        return;
    if (m_currentHit < 0) {
        const qint64 from = std::max<qint64>(m_topSeq, 0);
        auto begin = m_hits.begin() + qsizetype(m_hitsStart);
        auto it = std::lower_bound(begin, m_hits.end(), from);
        m_currentHit = it == m_hits.end() ? 0 : int(it - begin);
    } else {
        m_currentHit = int((m_currentHit + 1) % n);
    }
    m_currentHitSeq = m_hits[m_hitsStart + size_t(m_currentHit)];
    scrollToSeq(m_currentHitSeq);
    Q_EMIT searchUpdated(n, m_currentHit);
}

void LogView::previousHit()
{
    const qint64 n = hitCount();
    if (n == 0)
        return;
    m_currentHit = m_currentHit <= 0 ? int(n - 1) : m_currentHit - 1;
    m_currentHitSeq = m_hits[m_hitsStart + size_t(m_currentHit)];
    scrollToSeq(m_currentHitSeq);
    Q_EMIT searchUpdated(n, m_currentHit);
}

QString LogView::selectedText() const
{
    if (m_anchorSeq < 0 || m_cursorSeq < 0 || rowCount() == 0)
        return {};
    const qint64 a = rowOfSeq(std::min(m_anchorSeq, m_cursorSeq));
    const qint64 b = rowOfSeq(std::max(m_anchorSeq, m_cursorSeq));
    QString out;
    for (qint64 r = a; r <= b; ++r) {
        out += lineText(seqAt(r));
        out += QLatin1Char('\n');
    }
    return out;
}

LogExport LogView::exportSnapshot() const
{
    LogExport e{*m_store, std::nullopt, m_format};
    if (filtered())
        e.seqs.emplace(m_rows.begin() + qsizetype(m_rowsStart), m_rows.end());
    return e;
}

QString LogView::allText() const
{
    return QString::fromUtf8(renderLogExport(exportSnapshot()));
}

void LogView::selectAll()
{
    if (rowCount() == 0)
        return;
    m_anchorSeq = seqAt(0);
    m_cursorSeq = seqAt(rowCount() - 1);
    viewport()->update();
}

void LogView::copy()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

qint64 LogView::rowAtY(int y) const
{
    for (const auto &p : m_painted)
        if (y >= p.y && y < p.y + p.height)
            return p.row;
    if (!m_painted.empty() && y >= m_painted.back().y)
        return m_painted.back().row;
    return m_painted.empty() ? -1 : m_painted.front().row;
}

void LogView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QPalette &pal = palette();
    p.fillRect(viewport()->rect(), pal.base());
    m_painted.clear();
    const qint64 rows = rowCount();
    if (rows == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter,
                   filtered() && m_store->size() > 0 ? tr("No line matches the filter") : tr("No log lines yet"));
        return;
    }
    const int height = viewport()->height();
    const int cols = columns();
    const qreal x0 = m_wrap ? 2 : 2 - horizontalScrollBar()->value();

    // Which rows, from which y: top-anchored, except a wrapped view at the bottom (the newest line must show).
    qint64 firstRow = std::min<qint64>(topRow(), rows - 1);
    int y = 0;
    if (m_wrap && atBottom()) {
        int used = 0;
        qint64 r = rows - 1;
        for (; r >= 0; --r) {
            const int h = visualLinesOf(seqAt(r)) * m_lineHeight;
            if (used + h > height && used > 0)
                break;
            used += h;
        }
        firstRow = r + 1;
        y = std::min(0, height - used);
    }

    const qint64 selA = std::min(m_anchorSeq, m_cursorSeq);
    const qint64 selB = std::max(m_anchorSeq, m_cursorSeq);
    const QFontMetricsF fm(viewport()->font());
    const qreal ascent = fm.ascent();
    const QColor stamp = pal.color(QPalette::PlaceholderText);
    const QColor errorColor(0xcf, 0x22, 0x2e);
    const QString search = QString::fromUtf8(m_search);

    for (qint64 row = firstRow; row < rows && y < height; ++row) {
        const qint64 seq = seqAt(row);
        QString ts;
        if (m_format.timestamps) {
            const QByteArrayView t = m_store->timestamp(seq);
            if (!t.isEmpty())
                ts = QString::fromUtf8(t) + QLatin1Char(' ');
        }
        const int r = m_store->replica(seq);
        const QString name = (r < m_format.replicas.size() ? m_format.replicas.at(r) : QString::number(r)) + QStringLiteral(" | ");
        QString text = QString::fromUtf8(m_store->text(seq));
        text.replace(QLatin1Char('\t'), QLatin1Char(' '));
        const QString full = ts + name + text;
        const int lines = m_wrap ? std::max(1, int((full.size() + cols - 1) / cols)) : 1;
        const int h = lines * m_lineHeight;
        m_painted.push_back({row, y, h});

        if (seq >= selA && seq <= selB && selA >= 0)
            p.fillRect(QRect(0, y, viewport()->width(), h), pal.color(QPalette::Highlight).lighter(160));
        else if (seq == m_currentHitSeq)
            p.fillRect(QRect(0, y, viewport()->width(), h), palette::currentMatch());

        // Segments in char positions of `full`; monospace, so a char's place is arithmetic.
        auto drawSegment = [&](qsizetype a, qsizetype b, const QColor &color) {
            p.setPen(color);
            while (a < b) {
                const qsizetype line = a / cols;
                const qsizetype end = std::min<qsizetype>(b, (line + 1) * cols);
                p.drawText(QPointF(x0 + qreal(a % cols) * m_charWidth, y + int(line) * m_lineHeight + ascent), full.mid(a, end - a));
                a = end;
            }
        };
        auto markRange = [&](qsizetype a, qsizetype b, const QColor &color) {
            while (a < b) {
                const qsizetype line = a / cols;
                const qsizetype end = std::min<qsizetype>(b, (line + 1) * cols);
                p.fillRect(QRectF(x0 + qreal(a % cols) * m_charWidth, y + int(line) * m_lineHeight,
                                  qreal(end - a) * m_charWidth, m_lineHeight), color);
                a = end;
            }
        };
        if (!search.isEmpty()) {
            const qsizetype base = ts.size() + name.size();
            for (qsizetype at = text.indexOf(search, 0, Qt::CaseInsensitive); at >= 0;
                 at = text.indexOf(search, at + search.size(), Qt::CaseInsensitive))
                markRange(base + at, base + at + search.size(), palette::otherMatch());
        }
        drawSegment(0, ts.size(), stamp);
        drawSegment(ts.size(), ts.size() + name.size(), m_colors[size_t(r) % m_colors.size()]);
        drawSegment(ts.size() + name.size(), full.size(),
                    m_store->channel(seq) == StreamChannel::Stderr ? errorColor : pal.color(QPalette::Text));
        y += h;
    }
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars(m_follow ? -1 : m_topSeq);
}

void LogView::scrollContentsBy(int, int)
{
    viewport()->update();
    if (m_settingScroll)
        return;
    m_topSeq = topSeq();
    // The user moved: up means "stop following"; back at the bottom means "follow again".
    const bool bottom = atBottom();
    if (bottom != m_follow) {
        m_follow = bottom;
        Q_EMIT followChanged(bottom);
    }
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copy();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    if (event->key() == Qt::Key_Home && (event->modifiers() & Qt::ControlModifier)) {
        verticalScrollBar()->setValue(0);
        return;
    }
    if (event->key() == Qt::Key_End && (event->modifiers() & Qt::ControlModifier)) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void LogView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    const qint64 row = rowAtY(int(event->position().y()));
    if (row < 0 || event->button() != Qt::LeftButton)
        return;
    const qint64 seq = seqAt(row);
    if (!(event->modifiers() & Qt::ShiftModifier) || m_anchorSeq < 0)
        m_anchorSeq = seq;
    m_cursorSeq = seq;
    viewport()->update();
}

void LogView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const qint64 row = rowAtY(int(event->position().y()));
    if (row >= 0) {
        m_cursorSeq = seqAt(row);
        viewport()->update();
    }
}

void LogView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        const QFontMetricsF fm(font());
        viewport()->setFont(font());
        m_charWidth = std::max(1.0, fm.horizontalAdvance(QLatin1Char('M')));
        m_lineHeight = int(std::ceil(fm.height()));
        updateScrollBars(m_follow ? -1 : m_topSeq);
    }
}

} // namespace fleetdeck::ui
