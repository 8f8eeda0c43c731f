#include "servers/CheckReportView.h"

#include "orchestrators/ConnectionReport.h"

#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QVBoxLayout>

namespace fleetdeck::ui {

CheckReportView::CheckReportView(QWidget *parent) : QWidget(parent)
{
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("reportSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(8);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("reportItems"));
    m_list->setAccessibleName(tr("Check results"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_list, 1);
    clear();
}

void CheckReportView::setSummary(const QString &text, const QString &color)
{
    m_summary->setText(text);
    m_summary->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(color));
    m_summary->setAccessibleName(text);
}

void CheckReportView::clear()
{
    m_busy = false;
    m_progress->hide();
    m_list->clear();
    setSummary(tr("Not checked yet. Detect asks the server what it runs; Test connection checks the chosen orchestrator."), QString());
}

void CheckReportView::setBusy(const QString &what)
{
    m_busy = true;
    m_list->clear();
    m_progress->show();
    setSummary(what, QString());
}

void CheckReportView::setReport(const checks::ConnectionReport &report)
{
    m_busy = false;
    m_progress->hide();
    m_list->clear();
    setSummary(report.summary, report.ok() ? QStringLiteral("#1a7f37") : QStringLiteral("#cf222e"));
    for (const checks::CheckItem &item : report.items) {
        QString mark;
        QColor color;
        switch (item.level) {
        case checks::CheckItem::Level::Ok: mark = QStringLiteral("✔"); color = QColor(0x1a, 0x7f, 0x37); break;
        case checks::CheckItem::Level::Warning: mark = QStringLiteral("⚠"); color = QColor(0x9a, 0x67, 0x00); break;
        case checks::CheckItem::Level::Failed: mark = QStringLiteral("✖"); color = QColor(0xcf, 0x22, 0x2e); break;
        }
        auto *row = new QListWidgetItem(QStringLiteral("%1  %2: %3").arg(mark, item.title, item.detail), m_list);
        row->setForeground(color);
        row->setToolTip(item.detail);
    }
}

void CheckReportView::setError(const Error &error)
{
    m_busy = false;
    m_progress->hide();
    m_list->clear();
    setSummary(error.message, QStringLiteral("#cf222e"));
    if (!error.detail.isEmpty())
        new QListWidgetItem(error.detail, m_list);
}

void CheckReportView::setLines(const QString &summary, const QStringList &lines)
{
    m_busy = false;
    m_progress->hide();
    m_list->clear();
    setSummary(summary, QString());
    for (const QString &line : lines)
        new QListWidgetItem(line, m_list);
}

QString CheckReportView::summary() const
{
    return m_summary->text();
}

QString CheckReportView::plainText() const
{
    QStringList lines{m_summary->text()};
    for (int i = 0; i < m_list->count(); ++i)
        lines << m_list->item(i)->text();
    return lines.join(QLatin1Char('\n'));
}

} // namespace fleetdeck::ui
