// QuotaLimitsEditor: a namespace's resource quota and container limit range as two tables of
// quantities. Every value is checked (CPU, binary size or count) before the form uses it; the cell
// at fault is marked and focused.
#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QWidget>

#include <utility>

class QTableWidget;

namespace fleetdeck::ui {

class QuotaLimitsEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit QuotaLimitsEditor(QWidget *parent = nullptr);

    void setValues(const QJsonObject &quota, const QJsonObject &limitRange);
    // Quota and limit range as typed, or an Invalid error naming the cell ("quota:ROW", "limit:ROW:COL").
    Result<std::pair<QJsonObject, QJsonObject>> values() const;

    // Marks, shows and focuses the cell `field` names; false when it names none.
    bool markCell(const QString &field);
    void clearMarks();
    // A cell still being edited (Ctrl+S typed in it) is committed by moving the focus to `next`.
    void commitEdits(QWidget *next);

private:
    QTableWidget *m_quota = nullptr;
    QTableWidget *m_limits = nullptr;
};

} // namespace fleetdeck::ui
