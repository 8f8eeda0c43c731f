// ActivityTableModel: the remote commands the console ran (lib/remote ActivityLog), newest last:
// time, server, command (secret arguments already masked by the log), exit code, duration.
#pragma once

#include "remote/ActivityLog.h"

#include <QAbstractTableModel>

namespace fleetdeck::ui {

class ActivityTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ServerColumn, CommandColumn, ExitColumn, DurationColumn, PurposeColumn, ColumnCount };
    enum Role { FailedRole = Qt::UserRole + 1, SequenceRole };

    explicit ActivityTableModel(QObject *parent = nullptr);

    // Follows ActivityLog::instance() (or `log`): existing entries first, then every new one.
    void follow(ActivityLog *log);
    void append(const ActivityEntry &entry);
    void clear();
    void setMaximumRows(int rows);
    const ActivityEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static bool failed(const ActivityEntry &entry);
    static QString durationText(qint64 ms);

private:
    QList<ActivityEntry> m_entries;
    quint64 m_lastSequence = 0;
    int m_maxRows = 2000;
};

} // namespace fleetdeck::ui
