#include "models/ActivityTableModel.h"
#include "widgets/Palette.h"

#include "orchestrators/DisplayCommand.h"

#include <QColor>
#include <QLocale>

namespace fleetdeck::ui {

ActivityTableModel::ActivityTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ActivityTableModel::follow(ActivityLog *log)
{
    // Connect first, then read what is there: an entry recorded in between arrives twice and is
    // dropped by its sequence number.
    connect(log, &ActivityLog::recorded, this, [this](const ActivityEntry &entry) { append(entry); }, Qt::QueuedConnection);
    for (const ActivityEntry &entry : log->entries())
        append(entry);
}

void ActivityTableModel::append(const ActivityEntry &entry)
{
    if (entry.sequence != 0 && entry.sequence <= m_lastSequence)
        return;
    m_lastSequence = qMax(m_lastSequence, entry.sequence);
    if (m_entries.size() >= m_maxRows) {
        const int drop = int(m_entries.size()) - m_maxRows + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_entries.remove(0, drop);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    m_entries.append(entry);
    endInsertRows();
}

void ActivityTableModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void ActivityTableModel::setMaximumRows(int rows)
{
    m_maxRows = qMax(1, rows);
}

const ActivityEntry *ActivityTableModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int ActivityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ActivityTableModel::failed(const ActivityEntry &e)
{
    return !e.error.isEmpty() || !e.exitSignal.isEmpty() || (e.exitCode != 0 && !e.streamed);
}

QString ActivityTableModel::durationText(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60000)
        return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    return tr("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

QVariant ActivityTableModel::data(const QModelIndex &index, int role) const
{
    const ActivityEntry *e = entryAt(index.row());
    if (!e)
        return {};
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case TimeColumn: return QLocale().toString(e->startedAt.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
        case ServerColumn: return e->server;
        case CommandColumn: return checks::displayCommand(e->argv);
        case ExitColumn:
            if (!e->error.isEmpty())
                return e->errorKind.isEmpty() ? tr("error") : e->errorKind;
            if (!e->exitSignal.isEmpty())
                return tr("signal %1").arg(e->exitSignal);
            return e->exitCode;
        case DurationColumn: return durationText(e->durationMs);
        case PurposeColumn: return e->error.isEmpty() ? e->purpose : e->error;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines{tr("%1 on %2").arg(checks::displayCommand(e->argv), e->target)};
        lines << tr("Started %1 UTC, took %2").arg(e->startedAt.toString(Qt::ISODateWithMs), durationText(e->durationMs));
        if (e->stdinBytes < 0)
            lines << tr("Input: secret (not recorded)");
        else if (e->stdinBytes > 0)
            lines << tr("Input: %1 bytes (not recorded)").arg(e->stdinBytes);
        if (!e->error.isEmpty())
            lines << tr("Failed: %1").arg(e->error);
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::ForegroundRole && failed(*e) && (index.column() == ExitColumn || index.column() == PurposeColumn))
        return palette::error();
    if (role == Qt::TextAlignmentRole && (index.column() == ExitColumn || index.column() == DurationColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == FailedRole)
        return failed(*e);
    if (role == SequenceRole)
        return e->sequence;
    return {};
}

QVariant ActivityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case ServerColumn: return tr("Server");
    case CommandColumn: return tr("Command");
    case ExitColumn: return tr("Exit");
    case DurationColumn: return tr("Duration");
    case PurposeColumn: return tr("Purpose / error");
    default: return {};
    }
}

} // namespace fleetdeck::ui
