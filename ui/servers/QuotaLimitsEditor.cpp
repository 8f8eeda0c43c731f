#include "servers/QuotaLimitsEditor.h"

#include "domain/Quantity.h"
#include "domain/Validation.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {

// The quotas most namespaces set; more rows can be added.
const QStringList kQuotaKeys = {QStringLiteral("requests.cpu"),    QStringLiteral("requests.memory"),
                                QStringLiteral("limits.cpu"),      QStringLiteral("limits.memory"),
                                QStringLiteral("pods"),            QStringLiteral("services"),
                                QStringLiteral("persistentvolumeclaims"), QStringLiteral("requests.storage")};
// LimitRange rows (JSON keys) and their labels.
const QList<std::pair<QString, const char *>> kLimitRows = {
    {QStringLiteral("default"), QT_TRANSLATE_NOOP("fleetdeck::ui::QuotaLimitsEditor", "Default limit")},
    {QStringLiteral("defaultRequest"), QT_TRANSLATE_NOOP("fleetdeck::ui::QuotaLimitsEditor", "Default request")},
    {QStringLiteral("max"), QT_TRANSLATE_NOOP("fleetdeck::ui::QuotaLimitsEditor", "Maximum")},
    {QStringLiteral("min"), QT_TRANSLATE_NOOP("fleetdeck::ui::QuotaLimitsEditor", "Minimum")},
};
const QStringList kLimitColumns = {QStringLiteral("cpu"), QStringLiteral("memory")};

const QColor kInvalidCell(0xff, 0xd7, 0xd5);

// One quantity of a quota or limit: CPU, memory/storage, or a count.
Status checkQuantity(const QString &field, const QString &key, const QString &value)
{
    if (key.contains(QLatin1String("cpu")))
        return parseCpu(value, field).ok() ? Status() : Status(parseCpu(value, field).error());
    // Kubernetes sizes here: the Docker spelling the shared parser suggests (4g) would be wrong advice.
    if (key.contains(QLatin1String("memory")) || key.contains(QLatin1String("storage")))
        return parseMemory(value, field).ok()
                   ? Status()
                   : Status(Error::invalid(field, QuotaLimitsEditor::tr("'%1' is not an unambiguous size: write binary units like "
                                                                        "512Mi or 4Gi").arg(value)));
    static const QRegularExpression count(QStringLiteral("^[0-9]+$"));
    if (!count.match(value).hasMatch())
        return Error::invalid(field, QStringLiteral("'%1' must be a whole number").arg(value));
    return {};
}

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

void clearTableMarks(QTableWidget *table)
{
    const QSignalBlocker block(table);
    for (int r = 0; r < table->rowCount(); ++r)
        for (int c = 0; c < table->columnCount(); ++c)
            if (QTableWidgetItem *item = table->item(r, c))
                item->setBackground(QBrush());
}

} // namespace

QuotaLimitsEditor::QuotaLimitsEditor(QWidget *parent) : QWidget(parent)
{
    m_quota = new QTableWidget(int(kQuotaKeys.size()), 2);
    m_quota->setObjectName(QStringLiteral("quotaTable"));
    m_quota->setAccessibleName(tr("Resource quota: resource and hard limit"));
    m_quota->setHorizontalHeaderLabels({tr("Resource"), tr("Hard limit")});
    m_quota->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_quota->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_quota->verticalHeader()->hide();
    m_quota->setTabKeyNavigation(false);   // Tab leaves the table; arrows move inside
    auto *addQuota = new QPushButton(tr("Add ro&w"));
    addQuota->setObjectName(QStringLiteral("addQuotaRow"));
    m_limits = new QTableWidget(int(kLimitRows.size()), int(kLimitColumns.size()));
    m_limits->setObjectName(QStringLiteral("limitRangeTable"));
    m_limits->setAccessibleName(tr("Limit range per container: CPU and memory"));
    m_limits->setHorizontalHeaderLabels({tr("CPU"), tr("Memory")});
    QStringList rowLabels;
    for (const auto &row : kLimitRows)
        rowLabels << tr(row.second);
    m_limits->setVerticalHeaderLabels(rowLabels);
    m_limits->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_limits->setTabKeyNavigation(false);
    // Exactly its four rows: nothing to scroll.
    m_limits->setFixedHeight(m_limits->verticalHeader()->defaultSectionSize() * int(kLimitRows.size())
                             + m_limits->horizontalHeader()->sizeHint().height() + 2 * m_limits->frameWidth());
    m_limits->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_quota->setMinimumHeight(m_limits->height());
    auto *quotaLabel = new QLabel(tr("Resource &quota (empty = no limit; CPU: 2 or 500m; memory: 4Gi):"));
    quotaLabel->setBuddy(m_quota);
    quotaLabel->setWordWrap(true);
    auto *limitLabel = new QLabel(tr("Limit &range per container:"));
    limitLabel->setBuddy(m_limits);

    auto *quotaColumn = new QVBoxLayout;
    quotaColumn->addWidget(quotaLabel);
    quotaColumn->addWidget(m_quota, 1);
    quotaColumn->addWidget(addQuota, 0, Qt::AlignLeft);
    auto *limitColumn = new QVBoxLayout;
    limitColumn->addWidget(limitLabel);
    limitColumn->addWidget(m_limits);
    limitColumn->addStretch();
    auto *tables = new QHBoxLayout(this);
    tables->setContentsMargins(0, 0, 0, 0);
    tables->addLayout(quotaColumn, 1);
    tables->addLayout(limitColumn, 1);

    connect(addQuota, &QPushButton::clicked, this, [this] {
        m_quota->insertRow(m_quota->rowCount());
        m_quota->setCurrentCell(m_quota->rowCount() - 1, 0);
        m_quota->setFocus();
        m_quota->editItem(m_quota->item(m_quota->rowCount() - 1, 0));
    });
    connect(m_quota, &QTableWidget::itemChanged, this, [](QTableWidgetItem *item) { item->setBackground(QBrush()); });
    connect(m_limits, &QTableWidget::itemChanged, this, [](QTableWidgetItem *item) { item->setBackground(QBrush()); });
}

void QuotaLimitsEditor::setValues(const QJsonObject &quota, const QJsonObject &limitRange)
{
    const QSignalBlocker quotaBlock(m_quota);
    const QSignalBlocker limitBlock(m_limits);
    QStringList keys = kQuotaKeys;
    for (auto it = quota.begin(); it != quota.end(); ++it)
        if (!keys.contains(it.key()))
            keys.append(it.key());
    m_quota->setRowCount(int(keys.size()));
    for (int row = 0; row < keys.size(); ++row) {
        m_quota->setItem(row, 0, new QTableWidgetItem(keys.at(row)));
        m_quota->setItem(row, 1, new QTableWidgetItem(quota.value(keys.at(row)).toString()));
    }
    for (int row = 0; row < kLimitRows.size(); ++row) {
        const QJsonObject limits = limitRange.value(kLimitRows.at(row).first).toObject();
        for (int col = 0; col < kLimitColumns.size(); ++col)
            m_limits->setItem(row, col, new QTableWidgetItem(limits.value(kLimitColumns.at(col)).toString()));
    }
}

Result<std::pair<QJsonObject, QJsonObject>> QuotaLimitsEditor::values() const
{
    QJsonObject quota;
    for (int row = 0; row < m_quota->rowCount(); ++row) {
        const QString key = cellText(m_quota, row, 0);
        const QString value = cellText(m_quota, row, 1);
        if (value.isEmpty())
            continue;
        const QString field = QStringLiteral("quota:%1").arg(row);
        if (Status s = validate::labelKey(field, key); !s)
            return Error::invalid(field, tr("quota resource '%1' is not a resource name like requests.cpu").arg(key));
        if (Status s = checkQuantity(field, key, value); !s)
            return Error::invalid(field, tr("quota %1: %2").arg(key, s.error().message));
        quota.insert(key, value);
    }
    QJsonObject limitRange;
    for (int row = 0; row < kLimitRows.size(); ++row) {
        QJsonObject limits;
        for (int col = 0; col < kLimitColumns.size(); ++col) {
            const QString value = cellText(m_limits, row, col);
            if (value.isEmpty())
                continue;
            const QString field = QStringLiteral("limit:%1:%2").arg(row).arg(col);
            if (Status s = checkQuantity(field, kLimitColumns.at(col), value); !s)
                return Error::invalid(field, tr("%1 %2: %3").arg(tr(kLimitRows.at(row).second), kLimitColumns.at(col), s.error().message));
            limits.insert(kLimitColumns.at(col), value);
        }
        if (!limits.isEmpty())
            limitRange.insert(kLimitRows.at(row).first, limits);
    }
    // Through the shared JSON validators too, so GUI and CLI accept the same shapes.
    if (auto q = validate::resourceQuotaJson(QStringLiteral("quota"), QString::fromUtf8(QJsonDocument(quota).toJson())); !q)
        return q.error();
    if (auto l = validate::limitRangeJson(QStringLiteral("limit-range"), QString::fromUtf8(QJsonDocument(limitRange).toJson())); !l)
        return l.error();
    return std::make_pair(quota, limitRange);
}

bool QuotaLimitsEditor::markCell(const QString &field)
{
    const QStringList parts = field.split(QLatin1Char(':'));
    if (parts.first() == QLatin1String("quota") && parts.size() == 2) {
        const int row = parts.at(1).toInt();
        const QSignalBlocker block(m_quota);
        if (QTableWidgetItem *item = m_quota->item(row, 1))
            item->setBackground(kInvalidCell);
        // Current without selecting it, so that the red cell stays visible.
        m_quota->clearSelection();
        m_quota->setCurrentCell(row, 1, QItemSelectionModel::NoUpdate);
        m_quota->scrollToItem(m_quota->item(row, 1));
        m_quota->setFocus();
        return true;
    }
    if (parts.first() == QLatin1String("limit") && parts.size() == 3) {
        const QSignalBlocker block(m_limits);
        if (QTableWidgetItem *item = m_limits->item(parts.at(1).toInt(), parts.at(2).toInt()))
            item->setBackground(kInvalidCell);
        m_limits->clearSelection();
        m_limits->setCurrentCell(parts.at(1).toInt(), parts.at(2).toInt(), QItemSelectionModel::NoUpdate);
        m_limits->setFocus();
        return true;
    }
    return false;
}

void QuotaLimitsEditor::clearMarks()
{
    clearTableMarks(m_quota);
    clearTableMarks(m_limits);
}

void QuotaLimitsEditor::commitEdits(QWidget *next)
{
    if (QWidget *focus = QApplication::focusWidget(); focus && (m_quota->isAncestorOf(focus) || m_limits->isAncestorOf(focus)))
        next->setFocus();
}

} // namespace fleetdeck::ui
