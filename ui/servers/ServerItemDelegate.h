// ServerItemDelegate: one server row: state dot, name, address + connection state, orchestrator badge.
#pragma once

#include <QStyledItemDelegate>

namespace fleetdeck::ui {

class ServerItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor stateColor(int state);
};

} // namespace fleetdeck::ui
