// LogFeed: the log window's follow policy over OperationsService's LogFollow objects (which look the
// replicas up and stream on their own worker; this object lives in the GUI thread and never blocks):
// lines in batches every 10 ms, and after a dropped connection a new follow from a moment before the
// drop, saying so.
#pragma once

#include "orchestrators/OrchestratorTypes.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <memory>

class QTimer;

namespace fleetdeck {
class LogFollow;
class OperationsService;
}

namespace fleetdeck::ui {

class LogFeed final : public QObject
{
    Q_OBJECT
public:
    enum State { Connecting, Streaming, Reconnecting, Stopped };
    Q_ENUM(State)

    LogFeed(std::shared_ptr<OperationsService> ops, qint64 appId, const LogOptions &options, QObject *parent = nullptr);
    ~LogFeed() override;

    // Delay before the next reconnection attempt grows 1, 2, 4 ... 30 s.
    int retryDelayMs() const;
    // The `since` of a reconnection `elapsedMs` after the drop: a duration, reckoned by the server.
    static QString sinceDrop(qint64 elapsedMs);

public Q_SLOTS:
    void start();
    void stop();             // ends the remote stream; stopped() follows

Q_SIGNALS:
    void linesReady(const QList<fleetdeck::LogLine> &lines);
    void stateChanged(int state, const QString &message);
    void stopped();

private:
    void connectStream();
    void onStreamFinished(bool ok, const QString &why);

    static constexpr int kBatchMs = 10;

    std::shared_ptr<OperationsService> m_ops;
    qint64 m_appId;
    LogOptions m_options;
    std::unique_ptr<LogFollow> m_stream;
    QTimer *m_retry;
    QElapsedTimer m_droppedAt;     // valid once a stream was lost
    int m_attempt = 0;
    bool m_everConnected = false;
    bool m_stopping = false;
    bool m_stoppedEmitted = false;
};

} // namespace fleetdeck::ui
