// LogView: paints only the visible lines of a LogStore (monospace, so wrapping is arithmetic), keeps the
// user's place while lines arrive or old ones are dropped, filters and searches incrementally in
// time-boxed slices so that a million lines never stall the GUI thread.
#pragma once

#include "logs/LogStore.h"
#include "logs/LogText.h"

#include <QAbstractScrollArea>
#include <QByteArray>
#include <QColor>
#include <QStringList>
#include <QTimer>

#include <vector>

namespace fleetdeck::ui {

class LogView final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit LogView(LogStore *store, QWidget *parent = nullptr);

    // Call after lines were appended to (or dropped from) the store.
    void storeChanged();
    void storeCleared();

    void setReplicaNames(const QStringList &names);   // index -> prefix shown before each line
    void setShowTimestamps(bool on);
    void setWrap(bool on);
    bool wrap() const { return m_wrap; }

    // Follow: the view stays at the newest line. Scrolling up turns it off; back at the bottom, on.
    void setFollow(bool on);
    bool follow() const { return m_follow; }

    // Filter: only lines containing `text` (ASCII case-insensitive) from `replica` (-1 = all).
    void setFilter(const QString &text, int replica = -1);
    int visibleRowCount() const;                      // rows the filter lets through
    bool filterComplete() const;

    // Search: counts every kept line containing `text`; next/previous move to the hits.
    void setSearch(const QString &text);
    qint64 hitCount() const { return qint64(m_hits.size()) - qint64(m_hitsStart); }
    int currentHit() const { return m_currentHit; }   // 0-based among hitCount(), -1 none
    bool searchComplete() const;
    void nextHit();
    void previousHit();

    int topRow() const;
    qint64 topSeq() const;                            // seq of the first visible line (-1 empty)
    bool atBottom() const;

    QString lineText(qint64 seq) const;               // as shown/copied: [timestamp ]replica | text
    QString selectedText() const;
    QString allText() const;                          // every row the filter lets through
    // The rows the filter lets through, as of now, for rendering on a worker thread (Copy all, Save).
    LogExport exportSnapshot() const;
    void selectAll();
    void copy();

Q_SIGNALS:
    void followChanged(bool on);
    void searchUpdated(qint64 hits, int current);
    void filterUpdated(int rows);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    bool filtered() const { return !m_filter.isEmpty() || m_filterReplica >= 0; }
    qint64 rowCount() const;
    qint64 seqAt(qint64 row) const;
    qint64 rowOfSeq(qint64 seq) const;               // the row showing seq, or the next one after it
    int linesPerPage() const;
    int columns() const;
    int visualLinesOf(qint64 seq) const;
    qint64 rowAtY(int y) const;
    void updateScrollBars(qint64 keepTopSeq);
    void scanSome();
    bool matches(qint64 seq, const QByteArray &pattern) const;
    bool rowMatchesFilter(qint64 seq) const;
    void dropBefore(std::vector<qint64> &v, size_t &start, qint64 firstSeq);
    void scrollToSeq(qint64 seq);
    QString prefix(qint64 seq) const;

    LogStore *m_store;
    std::vector<QColor> m_colors;
    LogTextFormat m_format;
    bool m_wrap = false;
    bool m_follow = true;
    bool m_settingScroll = false;
    qreal m_charWidth = 8;   // monospace advance, fractional: positions stay exact along a line
    int m_lineHeight = 16;
    qint64 m_maxChars = 0;

    QByteArray m_filter;                             // lower-cased
    int m_filterReplica = -1;
    std::vector<qint64> m_rows;                      // filtered: seqs of the rows
    size_t m_rowsStart = 0;
    qint64 m_filterScanned = 0;                      // seqs below it were looked at

    QByteArray m_search;                             // lower-cased
    std::vector<qint64> m_hits;
    size_t m_hitsStart = 0;
    qint64 m_searchScanned = 0;
    int m_currentHit = -1;
    qint64 m_currentHitSeq = -1;

    qint64 m_topSeq = -1;                            // first visible line, kept while lines arrive
    struct Painted {
        qint64 row;
        int y;
        int height;
    };
    std::vector<Painted> m_painted;                  // last paint, for mouse hit-testing

    qint64 m_anchorSeq = -1;                         // selection (whole lines)
    qint64 m_cursorSeq = -1;
    QTimer m_scan;
};

} // namespace fleetdeck::ui
