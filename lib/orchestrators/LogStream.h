// LogStream: a followed log of every replica, merged from one or more remote streams.
#pragma once

#include "orchestrators/OrchestratorTypes.h"
#include "remote/Transport.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace fleetdeck {

class LogStream final : public QObject
{
    Q_OBJECT
public:
    // Turns one raw line of a source into a LogLine (e.g. strips "web.1.abc@node | ").
    using LineParser = std::function<LogLine(const StreamLine &line)>;

    explicit LogStream(QObject *parent = nullptr);
    ~LogStream() override;

    // Takes ownership; call before the event loop delivers anything (i.e. right after creation).
    void addSource(std::unique_ptr<RemoteStream> stream, LineParser parser);
    int sourceCount() const { return int(m_sources.size()); }
    // How many replicas the follow covers at its start: one per source unless a backend says otherwise
    // (one source may follow several replicas, and the ones that appear later).
    void setReplicaCount(int replicas) { m_replicaCount = replicas; }
    int replicaCount() const { return m_replicaCount >= 0 ? m_replicaCount : sourceCount(); }

    // Ends every remote process; finished() follows once all sources ended.
    void cancel();
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void linesReceived(const QList<fleetdeck::LogLine> &lines);
    // `ok` false: `error` says why (Cancelled after cancel()).
    void finished(bool ok, const fleetdeck::Error &error);

private:
    void onSourceFinished(int exitCode, const Error &error);

    std::vector<std::unique_ptr<RemoteStream>> m_sources;
    int m_open = 0;
    int m_replicaCount = -1;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_failed = false;
    Error m_firstError;
};

} // namespace fleetdeck

Q_DECLARE_METATYPE(fleetdeck::LogLine)
