// CheckReportView: shows what Detect / Test connection found: a summary line, then one row per check
// (ok / warning / failed) naming exactly what is wrong ("Node kwok-node-2: NotReady: ...").
#pragma once

#include "core/Error.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;

namespace fleetdeck::checks {
struct ConnectionReport;
}

namespace fleetdeck::ui {

class CheckReportView final : public QWidget
{
    Q_OBJECT
public:
    explicit CheckReportView(QWidget *parent = nullptr);

    void clear();
    void setBusy(const QString &what);
    void setReport(const checks::ConnectionReport &report);
    void setError(const Error &error);
    // Free-form findings (detection): one row per line, all "ok".
    void setLines(const QString &summary, const QStringList &lines);

    QString summary() const;
    QString plainText() const;     // summary and every row, for tests and the clipboard
    bool isBusy() const { return m_busy; }

private:
    void setSummary(const QString &text, const QString &color);

    QLabel *m_summary;
    QProgressBar *m_progress;
    QListWidget *m_list;
    bool m_busy = false;
};

} // namespace fleetdeck::ui
