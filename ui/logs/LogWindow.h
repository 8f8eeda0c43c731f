// LogWindow: a top-level window following one application's logs from every replica (several can be
// open at once). Lines arrive from a LogFeed (a LogFollow streaming on its own worker) in batches and are moved into the LogStore in
// time-boxed slices (adaptive: more per tick when behind, never more than ~8 ms of GUI time per tick).
#pragma once

#include "logs/LogStore.h"
#include "orchestrators/OrchestratorTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QTimer>

#include <deque>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fleetdeck {
class OperationsService;
}

namespace fleetdeck::ui {

class LogFeed;
class LogView;

class LogWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // `ops` null: no feed (lines come only through ingest(): benchmarks, previews).
    LogWindow(std::shared_ptr<OperationsService> ops, qint64 appId, const QString &appName, QWidget *parent = nullptr,
              qint64 capacity = LogStore::kDefaultCapacity);
    ~LogWindow() override;

    LogView *view() const { return m_view; }
    LogStore *store() { return &m_store; }
    qint64 pendingLines() const { return m_pendingCount; }
    qint64 droppedLines() const { return m_store.dropped() + m_droppedPending; }
    qint64 receivedLines() const { return m_received; }
    QString stateText() const;
    bool isStreaming() const { return m_state == 1; }
    bool isPaused() const;

public Q_SLOTS:
    // GUI thread: queues lines for the next drain.
    void ingest(const QList<fleetdeck::LogLine> &lines);
    void reconnect();        // with the current since/tail choice
    // What the filter lets through, rendered off the GUI thread; exportFinished() follows.
    void copyAll();
    void saveTo(const QString &path);

Q_SIGNALS:
    void stateChanged(int state, const QString &message);
    void linesIngested(qint64 total);
    void exportFinished(bool ok, qint64 lines, const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void startFeed();
    void stopFeed();
    void drain();
    void updateStatus();
    void save();
    int replicaIndex(const QString &name);
    LogOptions currentOptions() const;

    std::shared_ptr<OperationsService> m_ops;
    qint64 m_appId;
    QString m_appName;
    LogStore m_store;
    LogView *m_view = nullptr;

    std::deque<QList<LogLine>> m_pending;
    qsizetype m_pendingOffset = 0;   // lines of m_pending.front() already taken
    qint64 m_pendingCount = 0;
    qint64 m_droppedPending = 0;
    qint64 m_received = 0;
    QTimer m_drainTimer;
    QTimer m_statusTimer;
    QHash<QString, int> m_replicaIndex;
    QStringList m_replicaNames;
    int m_lastReplica = -1;

    LogFeed *m_feed = nullptr;
    int m_state = -1;
    QString m_stateMessage;

    QAction *m_follow = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_wrap = nullptr;
    QAction *m_timestamps = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_hits = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_replicaFilter = nullptr;
    QComboBox *m_since = nullptr;
    QSpinBox *m_tail = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_countLabel = nullptr;
};

} // namespace fleetdeck::ui
