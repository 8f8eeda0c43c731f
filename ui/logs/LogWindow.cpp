#include "logs/LogWindow.h"

#include "async/Async.h"
#include "logs/LogFeed.h"
#include "logs/LogView.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSaveFile>
#include <QSpinBox>
#include <QStatusBar>
#include <QToolBar>

namespace fleetdeck::ui {

namespace {
constexpr int kDrainBudgetMs = 8;     // GUI time per drain tick
constexpr int kDrainIntervalMs = 16;  // idle cadence: at most ~60 view updates a second
} // namespace

LogWindow::LogWindow(std::shared_ptr<OperationsService> ops, qint64 appId, const QString &appName, QWidget *parent,
                     qint64 capacity)
    : QMainWindow(parent)
    , m_ops(std::move(ops))
    , m_appId(appId)
    , m_appName(appName)
    , m_store(capacity)
{
    setObjectName(QStringLiteral("logWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Logs: %1").arg(appName));
    resize(1000, 640);
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, &LogWindow::drain);
    m_statusTimer.setInterval(250);
    connect(&m_statusTimer, &QTimer::timeout, this, &LogWindow::updateStatus);
    m_statusTimer.start();
    buildUi();
    if (m_ops)
        startFeed();
}

LogWindow::~LogWindow()
{
    stopFeed();
}

void LogWindow::buildUi()
{
    m_view = new LogView(&m_store, this);
    setCentralWidget(m_view);

    auto *bar = addToolBar(tr("Log"));
    bar->setObjectName(QStringLiteral("logToolBar"));
    bar->setMovable(false);
    m_follow = bar->addAction(tr("&Follow"));
    m_follow->setObjectName(QStringLiteral("followAction"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_End));
    m_follow->setToolTip(tr("Keep the newest line in view (Ctrl+End). Scrolling up turns it off."));
    connect(m_follow, &QAction::toggled, m_view, &LogView::setFollow);
    connect(m_view, &LogView::followChanged, m_follow, &QAction::setChecked);

    m_pause = bar->addAction(tr("&Pause"));
    m_pause->setObjectName(QStringLiteral("pauseAction"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pause->setToolTip(tr("Hold new lines back (they are kept, up to the line limit) (Ctrl+P)"));
    connect(m_pause, &QAction::toggled, this, [this](bool on) {
        if (!on)
            m_drainTimer.start(0);
        updateStatus();
    });

    m_wrap = bar->addAction(tr("&Wrap"));
    m_wrap->setObjectName(QStringLiteral("wrapAction"));
    m_wrap->setCheckable(true);
    m_wrap->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Z));
    connect(m_wrap, &QAction::toggled, m_view, &LogView::setWrap);

    m_timestamps = bar->addAction(tr("&Timestamps"));
    m_timestamps->setObjectName(QStringLiteral("timestampsAction"));
    m_timestamps->setCheckable(true);
    m_timestamps->setShortcut(QKeySequence(Qt::ALT | Qt::Key_T));
    connect(m_timestamps, &QAction::toggled, m_view, &LogView::setShowTimestamps);
    bar->addSeparator();

    auto *clear = bar->addAction(tr("C&lear"));
    clear->setObjectName(QStringLiteral("clearAction"));
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(clear, &QAction::triggered, this, [this] {
        m_store.clear();
        m_view->storeCleared();
        updateStatus();
    });
    auto *copyAll = bar->addAction(tr("&Copy all"));
    copyAll->setObjectName(QStringLiteral("copyAllAction"));
    copyAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(copyAll, &QAction::triggered, this, &LogWindow::copyAll);
    auto *saveAction = bar->addAction(tr("&Save…"));
    saveAction->setObjectName(QStringLiteral("saveAction"));
    saveAction->setShortcut(QKeySequence::Save);
    connect(saveAction, &QAction::triggered, this, &LogWindow::save);
    bar->addSeparator();

    auto *sinceLabel = new QLabel(tr("Since:"), bar);
    bar->addWidget(sinceLabel);
    m_since = new QComboBox(bar);
    m_since->setObjectName(QStringLiteral("sinceCombo"));
    m_since->setAccessibleName(tr("Show lines since"));
    m_since->addItem(tr("tail only"), QString());
    m_since->addItem(tr("5 minutes"), QStringLiteral("5m"));
    m_since->addItem(tr("1 hour"), QStringLiteral("1h"));
    m_since->addItem(tr("24 hours"), QStringLiteral("24h"));
    sinceLabel->setBuddy(m_since);
    bar->addWidget(m_since);
    auto *tailLabel = new QLabel(tr(" Tail:"), bar);
    bar->addWidget(tailLabel);
    m_tail = new QSpinBox(bar);
    m_tail->setObjectName(QStringLiteral("tailSpin"));
    m_tail->setAccessibleName(tr("Lines per replica to start with"));
    m_tail->setRange(0, 100000);
    m_tail->setValue(100);
    m_tail->setSuffix(tr(" lines"));
    tailLabel->setBuddy(m_tail);
    bar->addWidget(m_tail);
    auto *reconnectAction = bar->addAction(tr("&Reconnect"));
    reconnectAction->setObjectName(QStringLiteral("reconnectAction"));
    reconnectAction->setShortcut(QKeySequence(Qt::Key_F5));
    reconnectAction->setToolTip(tr("Follow again with this since/tail choice (F5)"));
    connect(reconnectAction, &QAction::triggered, this, &LogWindow::reconnect);
    reconnectAction->setEnabled(m_ops != nullptr);

    addToolBarBreak();
    auto *find = addToolBar(tr("Find"));
    find->setObjectName(QStringLiteral("findToolBar"));
    find->setMovable(false);
    m_search = new QLineEdit(find);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search the log"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    find->addWidget(m_search);
    auto *focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(focusSearch);
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, [this] { m_view->setSearch(m_search->text()); });
    auto *prev = find->addAction(tr("Previous"));
    prev->setObjectName(QStringLiteral("previousHitAction"));
    prev->setShortcut(QKeySequence::FindPrevious);
    connect(prev, &QAction::triggered, m_view, &LogView::previousHit);
    auto *next = find->addAction(tr("Next"));
    next->setObjectName(QStringLiteral("nextHitAction"));
    next->setShortcut(QKeySequence::FindNext);
    connect(next, &QAction::triggered, m_view, &LogView::nextHit);
    connect(m_search, &QLineEdit::returnPressed, m_view, &LogView::nextHit);
    m_hits = new QLabel(find);
    m_hits->setObjectName(QStringLiteral("hitsLabel"));
    m_hits->setMinimumWidth(110);
    find->addWidget(m_hits);
    connect(m_view, &LogView::searchUpdated, this, [this](qint64 hits, int current) {
        if (m_search->text().isEmpty())
            m_hits->clear();
        else if (hits == 0)
            m_hits->setText(m_view->searchComplete() ? tr("no match") : tr("searching…"));
        else
            m_hits->setText(current >= 0 ? tr("%1 of %2").arg(current + 1).arg(hits) : tr("%n hit(s)", nullptr, int(hits)));
    });
    find->addSeparator();
    m_filter = new QLineEdit(find);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter: only lines containing…"));
    m_filter->setAccessibleName(tr("Filter lines"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    find->addWidget(m_filter);
    m_replicaFilter = new QComboBox(find);
    m_replicaFilter->setObjectName(QStringLiteral("replicaFilter"));
    m_replicaFilter->setAccessibleName(tr("Show replica"));
    m_replicaFilter->addItem(tr("All replicas"), -1);
    m_replicaFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    find->addWidget(m_replicaFilter);
    auto applyFilter = [this] { m_view->setFilter(m_filter->text(), m_replicaFilter->currentData().toInt()); };
    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(150);
    connect(m_filter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, applyFilter);
    connect(m_replicaFilter, &QComboBox::currentIndexChanged, this, applyFilter);

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    statusBar()->addWidget(m_stateLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);
    m_stateLabel->setText(m_ops ? tr("Connecting…") : QString());
    updateStatus();
}

LogOptions LogWindow::currentOptions() const
{
    LogOptions o;
    o.follow = true;
    o.timestamps = true;        // always asked for; the Timestamps toggle only shows or hides them
    o.tail = m_tail->value();
    o.since = m_since->currentData().toString();
    return o;
}

void LogWindow::startFeed()
{
    m_feed = new LogFeed(m_ops, m_appId, currentOptions());
    connect(m_feed, &LogFeed::stopped, m_feed, &QObject::deleteLater);
    connect(m_feed, &LogFeed::linesReady, this, &LogWindow::ingest);
    connect(m_feed, &LogFeed::stateChanged, this, [this](int state, const QString &message) {
        m_state = state;
        m_stateMessage = message;
        m_stateLabel->setText(message);
        Q_EMIT stateChanged(state, message);
    });
    m_feed->start();
}

// The feed outlives the window until the remote stream ended (a dead connection: its follow's stop
// grace period); then it deletes itself.
void LogWindow::stopFeed()
{
    if (!m_feed)
        return;
    disconnect(m_feed, nullptr, this, nullptr);
    m_feed->stop();
    m_feed = nullptr;
}

void LogWindow::reconnect()
{
    if (!m_ops)
        return;
    stopFeed();
    m_pending.clear();
    m_pendingOffset = 0;
    m_pendingCount = 0;
    m_store.clear();
    m_view->storeCleared();
    startFeed();
}

QString LogWindow::stateText() const
{
    return m_stateLabel->text();
}

bool LogWindow::isPaused() const
{
    return m_pause->isChecked();
}

void LogWindow::closeEvent(QCloseEvent *event)
{
    stopFeed();
    QMainWindow::closeEvent(event);
}

void LogWindow::ingest(const QList<LogLine> &lines)
{
    if (lines.isEmpty())
        return;
    m_pending.push_back(lines);
    m_pendingCount += lines.size();
    m_received += lines.size();
    // Paused or behind by more than the window keeps: the oldest waiting lines would be dropped anyway.
    while (m_pendingCount > m_store.capacity() && !m_pending.empty()) {
        const qint64 n = m_pending.front().size() - m_pendingOffset;
        if (m_pendingCount - n < m_store.capacity() / 2)
            break;
        m_pendingCount -= n;
        m_droppedPending += n;
        m_pending.pop_front();
        m_pendingOffset = 0;
    }
    if (!m_drainTimer.isActive() && !isPaused())
        m_drainTimer.start(kDrainIntervalMs);
}

int LogWindow::replicaIndex(const QString &name)
{
    // Lines come in runs of one replica: most lookups are answered by the last one.
    if (m_lastReplica >= 0 && name == m_replicaNames.at(m_lastReplica))
        return m_lastReplica;
    auto it = m_replicaIndex.constFind(name);
    if (it != m_replicaIndex.constEnd())
        return m_lastReplica = *it;
    const int index = int(m_replicaNames.size());
    m_replicaIndex.insert(name, index);
    m_replicaNames.append(name);
    m_view->setReplicaNames(m_replicaNames);
    m_replicaFilter->addItem(name, index);
    return m_lastReplica = index;
}

// Moves waiting lines into the store for at most kDrainBudgetMs, then repaints once. When lines are
// still waiting the next tick comes at once, else after kDrainIntervalMs: the batch size adapts to the
// flow, and the GUI thread keeps answering input between ticks.
void LogWindow::drain()
{
    if (isPaused())
        return;
    QElapsedTimer t;
    t.start();
    qint64 moved = 0;
    while (!m_pending.empty()) {
        const QList<LogLine> &batch = m_pending.front();
        while (m_pendingOffset < batch.size()) {
            const LogLine &l = batch.at(m_pendingOffset++);
            m_store.append(replicaIndex(l.replica), l.channel, QStringView(l.timestamp), QStringView(l.text));
            ++moved;
            if ((moved & 511) == 0 && t.elapsed() >= kDrainBudgetMs)
                break;
        }
        if (m_pendingOffset >= batch.size()) {
            m_pending.pop_front();
            m_pendingOffset = 0;
        }
        if ((moved & 511) == 0 && t.elapsed() >= kDrainBudgetMs)
            break;
    }
    m_pendingCount -= moved;
    if (moved > 0) {
        m_view->storeChanged();
        Q_EMIT linesIngested(m_store.endSeq());
    }
    if (!m_pending.empty())
        m_drainTimer.start(0);
}

void LogWindow::updateStatus()
{
    QString text = tr("%L1 lines").arg(m_store.size());
    if (const qint64 dropped = droppedLines(); dropped > 0)
        text += tr(" · %L1 dropped (limit %L2)").arg(dropped).arg(m_store.capacity());
    if (isPaused())
        text += tr(" · paused, %L1 waiting").arg(m_pendingCount);
    m_countLabel->setText(text);
}

void LogWindow::save()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save log"), m_appName + QStringLiteral(".log"),
                                                      tr("Log files (*.log *.txt);;All files (*)"));
    if (!path.isEmpty())
        saveTo(path);
}

// Copy all and Save take a snapshot here (milliseconds, the chunks' bytes are shared) and render and
// write it on the pool: a million lines never hold the GUI thread, and lines keep arriving meanwhile.
void LogWindow::copyAll()
{
    auto snapshot = std::make_shared<const LogExport>(m_view->exportSnapshot());
    const qint64 lines = snapshot->lineCount();
    statusBar()->showMessage(tr("Copying %L1 lines…").arg(lines));
    runAsync(this, [snapshot] { return QString::fromUtf8(renderLogExport(*snapshot)); },
             [this, lines](const QString &text) {
                 QApplication::clipboard()->setText(text);
                 statusBar()->showMessage(tr("Copied %L1 lines").arg(lines), 5000);
                 Q_EMIT exportFinished(true, lines, QString());
             });
}

void LogWindow::saveTo(const QString &path)
{
    auto snapshot = std::make_shared<const LogExport>(m_view->exportSnapshot());
    const qint64 lines = snapshot->lineCount();
    statusBar()->showMessage(tr("Saving %L1 lines to %2…").arg(lines).arg(path));
    runAsync(this, [snapshot, path] {
        // QSaveFile: a failed or interrupted save leaves the old file as it was, never half of it.
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return f.errorString();
        const QByteArray data = renderLogExport(*snapshot);
        if (f.write(data) != data.size() || !f.commit())
            return f.errorString();
        return QString();
    }, [this, path, lines](const QString &error) {
        statusBar()->showMessage(error.isEmpty() ? tr("Saved %L1 lines to %2").arg(lines).arg(path)
                                                 : tr("Cannot save to %1: %2").arg(path, error), 8000);
        Q_EMIT exportFinished(error.isEmpty(), lines, error);
    });
}

} // namespace fleetdeck::ui
