#include "activity/ActivityDock.h"

#include "models/ActivityTableModel.h"
#include "remote/ActivityLog.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {

// Text filter over server, command and purpose; optionally failures only.
class ActivityFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    bool failuresOnly = false;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex first = sourceModel()->index(row, 0, parent);
        if (failuresOnly && !first.data(ActivityTableModel::FailedRole).toBool())
            return false;
        const QRegularExpression re = filterRegularExpression();
        if (re.pattern().isEmpty())
            return true;
        for (int column : {int(ActivityTableModel::ServerColumn), int(ActivityTableModel::CommandColumn), int(ActivityTableModel::PurposeColumn)})
            if (sourceModel()->index(row, column, parent).data().toString().contains(re))
                return true;
        return false;
    }
};

} // namespace

ActivityDock::ActivityDock(QWidget *parent, ActivityLog *log) : QDockWidget(tr("Activity"), parent)
{
    setObjectName(QStringLiteral("activityDock"));
    setAccessibleName(tr("Activity log"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);

    m_model = new ActivityTableModel(this);
    auto *filter = new ActivityFilter(this);
    m_proxy = filter;
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("activityTable"));
    m_view->setAccessibleName(tr("Remote commands run"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ActivityTableModel::CommandColumn, QHeaderView::Stretch);
    header->resizeSection(ActivityTableModel::TimeColumn, 80);
    header->resizeSection(ActivityTableModel::ServerColumn, 110);
    header->resizeSection(ActivityTableModel::ExitColumn, 110);
    header->resizeSection(ActivityTableModel::DurationColumn, 80);
    header->resizeSection(ActivityTableModel::PurposeColumn, 200);

    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("activityFilter"));
    m_filter->setAccessibleName(tr("Filter the activity log"));
    m_filter->setPlaceholderText(tr("Filter by server, command or purpose"));
    m_filter->setClearButtonEnabled(true);
    m_failuresOnly = new QCheckBox(tr("Failures onl&y"));
    m_failuresOnly->setObjectName(QStringLiteral("activityFailuresOnly"));
    auto *clear = new QPushButton(tr("C&lear"));
    clear->setObjectName(QStringLiteral("activityClear"));
    clear->setToolTip(tr("Clear this list (the log of the session is kept)"));
    auto *note = new QLabel(tr("Secret arguments and every input are masked."));
    note->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_failuresOnly);
    bar->addWidget(note);
    bar->addWidget(clear);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_filter, &QLineEdit::textChanged, this, &ActivityDock::applyFilter);
    connect(m_failuresOnly, &QCheckBox::toggled, this, &ActivityDock::applyFilter);
    connect(clear, &QPushButton::clicked, m_model, &ActivityTableModel::clear);
    // Stay at the newest entry while the user is at the bottom.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_view->selectionModel()->hasSelection())
            m_view->scrollToBottom();
    });
    m_model->follow(log ? log : &ActivityLog::instance());
}

void ActivityDock::applyFilter()
{
    static_cast<ActivityFilter *>(m_proxy)->failuresOnly = m_failuresOnly->isChecked();
    m_proxy->setFilterRegularExpression(QRegularExpression(QRegularExpression::escape(m_filter->text()),
                                                           QRegularExpression::CaseInsensitiveOption));
}

int ActivityDock::visibleRows() const
{
    return m_proxy->rowCount();
}

} // namespace fleetdeck::ui
