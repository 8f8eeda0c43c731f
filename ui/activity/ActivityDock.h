// ActivityDock: the dock at the bottom of the main window listing every remote command the console
// ran (from lib/remote's ActivityLog): time, server, command with secrets masked, exit code, duration.
#pragma once

#include <QDockWidget>

class QCheckBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace fleetdeck {
class ActivityLog;
}

namespace fleetdeck::ui {

class ActivityTableModel;

class ActivityDock final : public QDockWidget
{
    Q_OBJECT
public:
    // Follows `log`, by default the process-wide ActivityLog::instance().
    explicit ActivityDock(QWidget *parent = nullptr, ActivityLog *log = nullptr);

    ActivityTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    int visibleRows() const;

private:
    void applyFilter();

    ActivityTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QCheckBox *m_failuresOnly;
};

} // namespace fleetdeck::ui
