// ExecConsole: runs a command in a chosen replica of an application (argv, never a shell string built
// here), shows stdout/stderr and the exit code, and keeps a history (Up/Down) of the commands run.
#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace fleetdeck {
class OperationsService;
}

namespace fleetdeck::ui {

class ExecConsole final : public QWidget
{
    Q_OBJECT
public:
    ExecConsole(std::shared_ptr<OperationsService> ops, qint64 appId, const QString &appName, QWidget *parent = nullptr);

    // Words of a command line: 'single' and "double" quotes, backslash escapes (no expansion).
    static QStringList splitCommand(const QString &line, bool *ok);

    QString output() const;
    QStringList history() const { return m_history; }
    QComboBox *replicaCombo() const { return m_replica; }
    QLineEdit *commandEdit() const { return m_command; }

public Q_SLOTS:
    void run();
    void refreshReplicas();

Q_SIGNALS:
    void commandFinished(int exitCode);
    void replicasLoaded(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void append(const QString &text, const QColor &color);

    std::shared_ptr<OperationsService> m_ops;
    qint64 m_appId;
    QComboBox *m_replica;
    QLineEdit *m_command;
    QPushButton *m_run;
    QPlainTextEdit *m_output;
    QStringList m_history;
    int m_historyPos = 0;
};

} // namespace fleetdeck::ui
