// LogFeed: follows an application's logs on its own thread (the LogStream lives where it was made and
// needs an event loop), hands lines to the window in batches every 10 ms, and reconnects after a
// dropped connection, saying so.
#pragma once

#include "orchestrators/OrchestratorTypes.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <memory>

class QTimer;

namespace fleetdeck {
class LogStream;
class OperationsService;
}

namespace fleetdeck::ui {

class LogFeed final : public QObject
{
    Q_OBJECT
public:
    enum State { Connecting, Streaming, Reconnecting, Stopped };
    Q_ENUM(State)

    LogFeed(std::shared_ptr<OperationsService> ops, qint64 appId, const LogOptions &options);
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
    void flush();

    std::shared_ptr<OperationsService> m_ops;
    qint64 m_appId;
    LogOptions m_options;
    std::unique_ptr<LogStream> m_stream;
    QList<LogLine> m_pending;
    QTimer *m_flush;
    QTimer *m_retry;
    QTimer *m_stopGuard;
    QElapsedTimer m_droppedAt;     // valid once a stream was lost
    int m_attempt = 0;
    bool m_everConnected = false;
    bool m_stopping = false;
    bool m_stoppedEmitted = false;
};

} // namespace fleetdeck::ui
