#include "exec/ExecConsole.h"

#include "widgets/Watch.h"
#include "services/ExecSession.h"
#include "widgets/Palette.h"
#include "services/Operations.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTextCharFormat>
#include <QVBoxLayout>

namespace fleetdeck::ui {

// Splits a command line as a POSIX shell would split words: 'single' and "double" quotes, backslash
// escapes; no expansion here (the argv reaches the replica verbatim; wrap it in sh -c for a shell).
QStringList ExecConsole::splitCommand(const QString &line, bool *ok)
{
    QStringList out;
    QString word;
    bool inWord = false;
    QChar quote;
    *ok = true;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (quote == QLatin1Char('"') && c == QLatin1Char('\\') && i + 1 < line.size()
                     && QStringLiteral("\"\\$`").contains(line.at(i + 1)))
                word += line.at(++i);
            else
                word += c;
            continue;
        }
        if (c.isSpace()) {
            if (inWord)
                out << word;
            word.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
            quote = c;
        else if (c == QLatin1Char('\\') && i + 1 < line.size())
            word += line.at(++i);
        else
            word += c;
    }
    if (!quote.isNull())
        *ok = false;
    if (inWord)
        out << word;
    return out;
}

ExecConsole::ExecConsole(std::shared_ptr<OperationsService> ops, qint64 appId, const QString &appName, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_ops(std::move(ops))
    , m_appId(appId)
{
    setObjectName(QStringLiteral("execConsole"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Exec: %1").arg(appName));
    resize(860, 520);
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *replicaLabel = new QLabel(tr("&Replica:"), this);
    m_replica = new QComboBox(this);
    m_replica->setObjectName(QStringLiteral("replicaCombo"));
    m_replica->setAccessibleName(tr("Replica"));
    m_replica->setMinimumWidth(220);
    m_replica->addItem(tr("first running"), QString());
    replicaLabel->setBuddy(m_replica);
    auto *commandLabel = new QLabel(tr("&Command:"), this);
    m_command = new QLineEdit(this);
    m_command->setObjectName(QStringLiteral("commandEdit"));
    m_command->setAccessibleName(tr("Command to run in the replica"));
    m_command->setPlaceholderText(tr("e.g. ls -la /  (Up/Down: history)"));
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->installEventFilter(this);
    commandLabel->setBuddy(m_command);
    m_run = new QPushButton(tr("Run"), this);
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setDefault(true);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setToolTip(tr("End the running command in the replica (Esc)"));
    m_stop->setEnabled(false);
    auto *stopKey = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    stopKey->setContext(Qt::WidgetWithChildrenShortcut);
    row->addWidget(replicaLabel);
    row->addWidget(m_replica);
    row->addWidget(commandLabel);
    row->addWidget(m_command, 1);
    row->addWidget(m_run);
    row->addWidget(m_stop);
    layout->addLayout(row);
    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(QStringLiteral("execOutput"));
    m_output->setAccessibleName(tr("Command output"));
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setMaximumBlockCount(kMaxOutputLines);
    layout->addWidget(m_output, 1);
    connect(m_run, &QPushButton::clicked, this, &ExecConsole::run);
    connect(m_stop, &QPushButton::clicked, this, &ExecConsole::stop);
    connect(stopKey, &QShortcut::activated, this, &ExecConsole::stop);
    connect(m_command, &QLineEdit::returnPressed, this, &ExecConsole::run);
    refreshReplicas();
}

// Destroying a session still running ends the command in the replica (on the session's worker).
ExecConsole::~ExecConsole() = default;

void ExecConsole::refreshReplicas()
{
    watch(this, m_ops->statusAsync(m_appId), [this](const Result<AppStatus> &r) {
        if (!r) {
            append(tr("Cannot list replicas: %1").arg(r.error().toString()), palette::error());
            return;
        }
        const QString current = m_replica->currentData().toString();
        while (m_replica->count() > 1)
            m_replica->removeItem(1);
        int n = 0;
        for (const ReplicaStatus &rep : r->replicas) {
            if (!rep.current || !rep.running)
                continue;
            m_replica->addItem(rep.node.isEmpty() ? rep.name : tr("%1 on %2").arg(rep.name, rep.node), rep.name);
            ++n;
        }
        const int i = m_replica->findData(current);
        m_replica->setCurrentIndex(i >= 0 ? i : 0);
        Q_EMIT replicasLoaded(n);
    });
}

QString ExecConsole::output() const
{
    return m_output->toPlainText();
}

void ExecConsole::append(const QString &text, const QColor &color)
{
    QTextCharFormat f;
    if (color.isValid())
        f.setForeground(color);
    QTextCursor c(m_output->document());
    c.movePosition(QTextCursor::End);
    if (!m_output->document()->isEmpty())
        c.insertBlock();
    c.insertText(text, f);
    m_output->ensureCursorVisible();
}

void ExecConsole::run()
{
    const QString line = m_command->text().trimmed();
    if (line.isEmpty() || m_current)
        return;
    bool ok = true;
    const QStringList argv = splitCommand(line, &ok);
    if (!ok) {
        append(tr("Unterminated quote in: %1").arg(line), palette::error());
        return;
    }
    if (argv.isEmpty())
        return;
    if (m_history.isEmpty() || m_history.constLast() != line)
        m_history << line;
    m_historyPos = int(m_history.size());
    m_command->clear();
    ExecRequest req;
    req.argv = argv;
    req.replica = m_replica->currentData().toString();
    append(QStringLiteral("%1 $ %2").arg(req.replica.isEmpty() ? tr("(first running)") : req.replica, line), palette().color(QPalette::Link));

    // Returns at once: the replica is looked up on the session's worker.
    m_clock.start();
    m_stopping = false;
    m_current = m_ops->followExec(m_appId, req, kFlushIntervalMs);
    connect(m_current.get(), &ExecSession::linesReceived, this, &ExecConsole::showBatch);
    connect(m_current.get(), &ExecSession::finished, this, &ExecConsole::onEnded);
    setRunning(true);
}

void ExecConsole::stop()
{
    if (m_current && !m_stopping) {
        m_stopping = true;
        m_current->cancel();
    }
}

void ExecConsole::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_run->setText(running ? tr("Running…") : tr("Run"));
    m_stop->setEnabled(running);
}

// One batch, one edit of the document: runs of lines of the same channel are inserted at once.
void ExecConsole::showBatch(const QList<StreamLine> &lines, qint64 dropped)
{
    QTextCursor c(m_output->document());
    c.beginEditBlock();
    c.movePosition(QTextCursor::End);
    auto insert = [&](const QString &text, const QColor &color) {
        QTextCharFormat f;
        if (color.isValid())
            f.setForeground(color);
        if (!m_output->document()->isEmpty())
            c.insertBlock();
        c.insertText(text, f);
    };
    if (dropped > 0)
        insert(tr("(%n line(s) left out: output came faster than it could be shown)", nullptr, int(qMin<qint64>(dropped, 1 << 30))),
               palette().color(QPalette::PlaceholderText));
    qsizetype i = 0;
    while (i < lines.size()) {
        const StreamChannel channel = lines.at(i).channel;
        QString text;
        for (bool first = true; i < lines.size() && lines.at(i).channel == channel; ++i, first = false) {
            if (!first)
                text += QLatin1Char('\n');
            text += QString::fromUtf8(lines.at(i).text);
        }
        insert(text, channel == StreamChannel::Stderr ? palette::error() : QColor());
    }
    c.endEditBlock();
    m_output->ensureCursorVisible();
}

void ExecConsole::onEnded(int exitCode, const Error &error)
{
    m_current.release()->deleteLater();   // it is emitting: not deleted under its own feet
    const qint64 durationMs = m_clock.elapsed();
    setRunning(false);
    if (!error.message.isEmpty()) {
        const QString why = m_stopping && error.kind == ErrorKind::Cancelled ? tr("Stopped.") : error.toString();
        append(tr("%1 (after %2 ms)").arg(why).arg(durationMs), palette::error());
        Q_EMIT commandFinished(-1);
        return;
    }
    append(tr("(exit %1, %2 ms)").arg(exitCode).arg(durationMs), palette().color(QPalette::PlaceholderText));
    Q_EMIT commandFinished(exitCode);
}

bool ExecConsole::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_command && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && m_current) {
            stop();
            return true;
        }
        if (key->key() == Qt::Key_Up && m_historyPos > 0) {
            m_command->setText(m_history.at(--m_historyPos));
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            if (m_historyPos < m_history.size() - 1)
                m_command->setText(m_history.at(++m_historyPos));
            else {
                m_historyPos = int(m_history.size());
                m_command->clear();
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fleetdeck::ui
