#include "deployments/DeploymentsView.h"

#include "widgets/Watch.h"
#include "async/Async.h"
#include "services/Operations.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {
enum Column { IdColumn, StatusColumn, DurationColumn, ImageColumn, ByColumn, WhenColumn, ColumnCount };

QString duration(const Deployment &d)
{
    if (!d.startedAt.isValid())
        return {};
    const QDateTime end = d.finishedAt.isValid() ? d.finishedAt : QDateTime::currentDateTimeUtc();
    const qint64 s = d.startedAt.secsTo(end);
    return s < 60 ? DeploymentsView::tr("%1 s").arg(s) : DeploymentsView::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}
} // namespace

DeploymentsView::DeploymentsView(std::shared_ptr<OperationsService> ops, QWidget *parent)
    : QWidget(parent)
    , m_ops(std::move(ops))
{
    setObjectName(QStringLiteral("deploymentsView"));
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QHBoxLayout;
    m_plan = new QPushButton(tr("Show &plan…"), this);
    m_plan->setObjectName(QStringLiteral("planButton"));
    m_plan->setToolTip(tr("The exact commands or manifests a deploy would run now"));
    m_cancel = new QPushButton(tr("&Cancel deployment"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setEnabled(false);
    m_state = new QLabel(this);
    buttons->addWidget(m_plan);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_state, 1);
    layout->addLayout(buttons);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_table = new QTableWidget(0, ColumnCount, split);
    m_table->setObjectName(QStringLiteral("deploymentTable"));
    m_table->setAccessibleName(tr("Deployment history"));
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Status"), tr("Duration"), tr("Image"), tr("By"), tr("When")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ImageColumn, QHeaderView::Stretch);
    m_log = new QPlainTextEdit(split);
    m_log->setObjectName(QStringLiteral("deploymentLog"));
    m_log->setAccessibleName(tr("Deployment log"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(20000);
    layout->addWidget(split, 1);

    connect(m_plan, &QPushButton::clicked, this, &DeploymentsView::showPlan);
    connect(m_cancel, &QPushButton::clicked, this, &DeploymentsView::cancelSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] { showDeployment(selectedDeployment()); });

    // Queue signals come from worker threads: queued to this widget, dropped once it is gone.
    DeploymentQueue *queue = &m_ops->queue();
    connect(queue, &DeploymentQueue::deploymentLogAppended, this, [this](qint64 id, const DeploymentLogEntry &e) {
        if (id == m_shown)
            m_log->appendPlainText(formatEntry(e));
    });
    connect(queue, &DeploymentQueue::deploymentQueued, this, [this](qint64, qint64 appId) {
        if (appId == m_appId)
            reload();
    });
    connect(queue, &DeploymentQueue::deploymentStarted, this, [this](qint64, qint64 appId) {
        if (appId == m_appId)
            reload();
    });
    connect(queue, &DeploymentQueue::deploymentFinished, this, [this](qint64, qint64 appId, const QString &, const QString &) {
        if (appId == m_appId)
            reload();
    });
}

void DeploymentsView::setApplication(qint64 appId)
{
    m_appId = appId;
    m_shown = 0;
    m_log->clear();
    reload();
}

qint64 DeploymentsView::selectedDeployment() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

QString DeploymentsView::logText() const
{
    return m_log->toPlainText();
}

QString DeploymentsView::formatEntry(const DeploymentLogEntry &e)
{
    QString text = e.at.toLocalTime().toString(QStringLiteral("HH:mm:ss")) + QStringLiteral(" [") + e.step + QStringLiteral("] ");
    if (!e.command.isEmpty())
        text += QStringLiteral("$ ") + e.command;
    if (!e.output.isEmpty())
        text += (e.command.isEmpty() ? QString() : QStringLiteral("\n")) + e.output.trimmed();
    if (e.exitCode > 0)
        text += tr("\n(exit %1)").arg(e.exitCode);
    return text;
}

void DeploymentsView::reload()
{
    if (m_appId == 0) {
        m_table->setRowCount(0);
        return;
    }
    const qint64 keep = m_shown;
    watch(this, QtConcurrent::run([ops = m_ops, id = m_appId] { return ops->deployments(id, 50); }),
          [this, keep](const Result<QList<Deployment>> &r) {
              if (!r) {
                  m_state->setText(r.error().toString());
                  return;
              }
              m_rows = *r;
              QSignalBlocker b(m_table);
              m_table->setRowCount(int(m_rows.size()));
              int select = m_rows.isEmpty() ? -1 : 0;
              for (int i = 0; i < m_rows.size(); ++i) {
                  const Deployment &d = m_rows.at(i);
                  const QStringList cells = {QString::number(d.id), deploymentStatusName(d.status), duration(d), d.image,
                                             d.triggeredBy, d.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))};
                  for (int c = 0; c < ColumnCount; ++c) {
                      auto *item = new QTableWidgetItem(cells.at(c));
                      if (c == StatusColumn && !d.error.isEmpty())
                          item->setToolTip(d.error);
                      m_table->setItem(i, c, item);
                  }
                  if (d.id == keep)
                      select = i;
              }
              b.unblock();
              if (select >= 0) {
                  m_table->selectRow(select);
                  showDeployment(m_rows.at(select).id, true);   // its status may have moved on
              }
              Q_EMIT reloaded(int(m_rows.size()));
          });
}

void DeploymentsView::showDeployment(qint64 id, bool force)
{
    const bool changed = id != m_shown;
    m_shown = id;
    bool active = false;
    for (const Deployment &d : std::as_const(m_rows))
        if (d.id == id)
            active = d.status == DeploymentStatus::Queued || d.status == DeploymentStatus::InProgress;
    m_cancel->setEnabled(active);
    if (!changed && (active || !force))
        return;   // the live log keeps appending
    if (id == 0) {
        m_log->clear();
        return;
    }
    watch(this, QtConcurrent::run([ops = m_ops, id] { return ops->deployment(id); }), [this, id](const Result<Deployment> &r) {
        if (id != m_shown)
            return;
        m_log->clear();
        if (!r) {
            m_log->setPlainText(r.error().toString());
            return;
        }
        QStringList lines;
        for (const DeploymentLogEntry &e : r->log)
            lines << formatEntry(e);
        if (!r->error.isEmpty())
            lines << tr("Error: %1").arg(r->error);
        m_log->setPlainText(lines.join(QLatin1Char('\n')));
        m_state->setText(tr("Deployment %1: %2").arg(id).arg(deploymentStatusName(r->status)));
    });
}

void DeploymentsView::cancelSelected()
{
    const qint64 id = selectedDeployment();
    if (!id)
        return;
    m_cancel->setEnabled(false);
    runAsync(this, [ops = m_ops, id] { return ops->cancelDeployment(id); }, [this](const Status &s) {
        m_state->setText(s ? tr("Cancel requested") : s.error().toString());
        reload();
    });
}

void DeploymentsView::showPlan()
{
    if (!m_appId)
        return;
    m_plan->setEnabled(false);
    watch(this, m_ops->planAsync(m_appId), [this](const Result<DeployPlan> &r) {
        m_plan->setEnabled(true);
        QString text;
        if (!r) {
            text = tr("No plan: %1").arg(r.error().toString());
        } else {
            text = r->toText();
            for (const QString &m : r->manifests)
                text += QStringLiteral("\n---\n") + m;
        }
        auto *dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("planDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Deploy plan"));
        auto *l = new QVBoxLayout(dialog);
        auto *edit = new QPlainTextEdit(text, dialog);
        edit->setObjectName(QStringLiteral("planText"));
        edit->setReadOnly(true);
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        l->addWidget(edit);
        auto *box = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        l->addWidget(box);
        dialog->resize(900, 500);
        dialog->show();
        Q_EMIT planShown(text);
    });
}

} // namespace fleetdeck::ui
