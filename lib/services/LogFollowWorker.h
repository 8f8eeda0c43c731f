// LogFollowWorker: the worker-thread half of a LogFollow (internal to lib/services): looks the
// replicas up through the backend's followLogs, owns the LogStream, and batches its lines.
#pragma once

#include "core/Result.h"
#include "orchestrators/LogStream.h"
#include "services/StreamThreads.h"

#include <functional>

class QTimer;

namespace fleetdeck {

class LogFollowWorker final : public StreamWorker
{
    Q_OBJECT
public:
    using Open = std::function<Result<std::unique_ptr<LogStream>>()>;
    // Lines are handed on at most every `batchMs` (0: as they arrive).
    LogFollowWorker(Open open, int batchMs);
    ~LogFollowWorker() override;

    void begin() override;
    void stop() override;

Q_SIGNALS:
    void started(int replicas);
    void linesReceived(const QList<fleetdeck::LogLine> &lines);
    void finished(bool ok, const fleetdeck::Error &error);

private:
    void flush();

    Open m_open;
    int m_batchMs;
    std::unique_ptr<LogStream> m_stream;
    QList<LogLine> m_pending;
    QTimer *m_flush = nullptr;
};

} // namespace fleetdeck
