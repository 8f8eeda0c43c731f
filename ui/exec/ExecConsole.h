// ExecConsole: runs a command in a chosen replica of an application (argv, never a shell string built
// here), shows its output as it arrives, Stop (Esc) ends it in the replica, the exit code and duration
// close it; a history (Up/Down) of the commands run. Each command runs in an ExecRun on its own thread.
#pragma once

#include "remote/Transport.h"

#include <QStringList>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace fleetdeck {
class OperationsService;
}

namespace fleetdeck::ui {

class ExecRun;

class ExecConsole final : public QWidget
{
    Q_OBJECT
public:
    ExecConsole(std::shared_ptr<OperationsService> ops, qint64 appId, const QString &appName, QWidget *parent = nullptr);
    // Ends a command still running (in the replica too).
    ~ExecConsole() override;

    // Words of a command line: 'single' and "double" quotes, backslash escapes (no expansion).
    static QStringList splitCommand(const QString &line, bool *ok);

    QString output() const;
    QStringList history() const { return m_history; }
    QComboBox *replicaCombo() const { return m_replica; }
    QLineEdit *commandEdit() const { return m_command; }
    QPushButton *stopButton() const { return m_stop; }
    bool isRunning() const { return m_current != nullptr; }

    // The output keeps this many lines; older ones scroll away.
    static constexpr int kMaxOutputLines = 100000;

public Q_SLOTS:
    void run();
    void stop();
    void refreshReplicas();

Q_SIGNALS:
    void commandFinished(int exitCode);
    void replicasLoaded(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void append(const QString &text, const QColor &color);
    void showBatch(const QList<fleetdeck::StreamLine> &lines, qint64 dropped);
    void onEnded(int exitCode, const QString &error, qint64 durationMs);
    void setRunning(bool running);

    std::shared_ptr<OperationsService> m_ops;
    qint64 m_appId;
    QComboBox *m_replica;
    QLineEdit *m_command;
    QPushButton *m_run;
    QPushButton *m_stop;
    QPlainTextEdit *m_output;
    QStringList m_history;
    int m_historyPos = 0;
    ExecRun *m_current = nullptr;      // lives on its own thread; only stop() is invoked on it, queued
    std::shared_ptr<std::atomic_bool> m_batchInFlight;
};

} // namespace fleetdeck::ui
