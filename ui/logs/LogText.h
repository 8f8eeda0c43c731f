// LogText: a log line as the window shows, copies and saves it ("[timestamp ]replica | text"), and the
// export of many lines, rendered from a snapshot on a worker thread so that Copy all / Save of a
// million lines never holds the GUI thread.
#pragma once

#include "logs/LogStore.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fleetdeck::ui {

struct LogTextFormat {
    QStringList replicas;        // replica index -> name shown before the line
    bool timestamps = false;
};

// "[timestamp ]replica | " for one kept line.
QString logLinePrefix(const LogStore &store, qint64 seq, const LogTextFormat &format);
QString logLineText(const LogStore &store, qint64 seq, const LogTextFormat &format);

// What an export covers, taken on the GUI thread (cheap: see LogStore's copy constructor) and
// rendered anywhere.
struct LogExport {
    LogStore lines;
    std::optional<std::vector<qint64>> seqs;   // the filter's rows; none: every kept line
    LogTextFormat format;

    qint64 lineCount() const { return seqs ? qint64(seqs->size()) : lines.size(); }
};

// Every line of the export, one per '\n', as UTF-8.
QByteArray renderLogExport(const LogExport &snapshot);

} // namespace fleetdeck::ui
