// ExecSessionWorker: the worker-thread half of an ExecSession (internal to lib/services): looks the
// replica up through the backend's execStream, owns the stream, and batches its output.
#pragma once

#include "core/Result.h"
#include "remote/Transport.h"
#include "services/StreamThreads.h"

#include <functional>

class QTimer;

namespace fleetdeck {

class ExecSessionWorker final : public StreamWorker
{
    Q_OBJECT
public:
    using Open = std::function<Result<std::unique_ptr<RemoteStream>>()>;
    // Output is handed on at most every `batchMs` (0: as it arrives), and only once the previous
    // batch was taken (`batchInFlight` cleared by the receiving side).
    ExecSessionWorker(Open open, int batchMs);
    ~ExecSessionWorker() override;

    std::shared_ptr<std::atomic_bool> batchInFlight() const { return m_batchInFlight; }
    void begin() override;
    void stop() override;

Q_SIGNALS:
    void started();
    void linesReceived(const QList<fleetdeck::StreamLine> &lines, qint64 dropped);
    void finished(int exitCode, const fleetdeck::Error &error);

private:
    void flush();
    void finish(int exitCode, const Error &error);

    Open m_open;
    int m_batchMs;
    std::unique_ptr<RemoteStream> m_stream;
    QList<StreamLine> m_waiting;
    qint64 m_dropped = 0;
    std::shared_ptr<std::atomic_bool> m_batchInFlight = std::make_shared<std::atomic_bool>(false);
    QTimer *m_flush = nullptr;
    bool m_ended = false;
};

} // namespace fleetdeck
