// ExecConsole: runs a command in a chosen replica of an application (argv, never a shell string built
// here), shows its output as it arrives, Stop (Esc) ends it in the replica, the exit code and duration
// close it; a history (Up/Down) of the commands run. Each command is an ExecSession of OperationsService
// (the replica lookup and the stream run on the session's worker; the console only connects to it).
#pragma once

#include "remote/Transport.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QWidget>

#include <memory>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace fleetdeck {
class ExecSession;
class OperationsService;
}

namespace fleetdeck::ui {

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

    // Output reaches the console at most this often (one batch at a time).
    static constexpr int kFlushIntervalMs = 30;

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
    void onEnded(int exitCode, const Error &error);
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
    std::unique_ptr<ExecSession> m_current;
    QElapsedTimer m_clock;
    bool m_stopping = false;
};

} // namespace fleetdeck::ui
