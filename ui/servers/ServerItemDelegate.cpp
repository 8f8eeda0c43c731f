#include "servers/ServerItemDelegate.h"

#include "models/ServerListModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace fleetdeck::ui {

namespace {
constexpr int kPad = 8;
constexpr int kDot = 10;

QColor badgeColor(const QString &orchestratorRole)
{
    Orchestrator o = Orchestrator::None;
    (void)parseOrchestrator(orchestratorRole, &o);
    switch (o) {
    case Orchestrator::Swarm: return QColor(0x0b, 0x7a, 0x75);
    case Orchestrator::Kubernetes: return QColor(0x32, 0x6c, 0xe5);
    case Orchestrator::None: break;
    }
    return QColor(0x1d, 0x63, 0xed);
}
} // namespace

QColor ServerItemDelegate::stateColor(int state)
{
    switch (ConnectionState(state)) {
    case ConnectionState::Connected: return QColor(0x2e, 0xa0, 0x43);
    case ConnectionState::HostKeyUnknown: return QColor(0xbf, 0x87, 0x00);
    case ConnectionState::Unreachable:
    case ConnectionState::HostKeyChanged:
    case ConnectionState::AuthFailed:
    case ConnectionState::Failed: return QColor(0xcf, 0x22, 0x2e);
    case ConnectionState::Checking:
    case ConnectionState::Unknown: break;
    }
    return QColor(0x8c, 0x95, 0x9f);
}

void ServerItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = text;
    secondary.setAlphaF(0.7f);

    const QRect r = option.rect.adjusted(kPad, kPad / 2, -kPad, -kPad / 2);
    const QFontMetrics fm(option.font);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics bfm(bold);
    const int line1 = r.top() + (r.height() - bfm.height() - fm.height() - 2) / 2;

    // State dot, hollow while not known.
    const int state = index.data(ServerListModel::ConnectionStateRole).toInt();
    const QRect dot(r.left(), line1 + (bfm.height() - kDot) / 2, kDot, kDot);
    const QColor color = stateColor(state);
    if (ConnectionState(state) == ConnectionState::Unknown || ConnectionState(state) == ConnectionState::Checking) {
        painter->setPen(QPen(color, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(dot.adjusted(1, 1, -1, -1));
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(dot);
    }

    // Badge on the right of the first line.
    const QString badge = index.data(ServerListModel::BadgeRole).toString();
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    small.setBold(true);
    const QFontMetrics sfm(small);
    const int badgeWidth = sfm.horizontalAdvance(badge) + 12;
    const QRect badgeRect(r.right() - badgeWidth, line1 + (bfm.height() - sfm.height() - 4) / 2, badgeWidth, sfm.height() + 4);
    QPainterPath path;
    path.addRoundedRect(badgeRect, 4, 4);
    painter->fillPath(path, badgeColor(index.data(ServerListModel::OrchestratorRole).toString()));
    painter->setFont(small);
    painter->setPen(Qt::white);
    painter->drawText(badgeRect, Qt::AlignCenter, badge);

    // Name, then address · state.
    const int textLeft = dot.right() + kPad;
    painter->setFont(bold);
    painter->setPen(text);
    const QRect nameRect(textLeft, line1, badgeRect.left() - textLeft - kPad, bfm.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      bfm.elidedText(index.data(ServerListModel::NameRole).toString(), Qt::ElideRight, nameRect.width()));
    painter->setFont(option.font);
    const QRect secondRect(textLeft, line1 + bfm.height() + 2, r.right() - textLeft, fm.height());
    const QString address = index.data(ServerListModel::AddressRole).toString();
    const QString stateText = index.data(ServerListModel::ConnectionTextRole).toString();
    painter->setPen(secondary);
    const QString addressPart = address + QStringLiteral(" · ");
    const int addressWidth = qMin(fm.horizontalAdvance(addressPart), secondRect.width() / 2 + 40);
    painter->drawText(QRect(secondRect.left(), secondRect.top(), addressWidth, secondRect.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(addressPart, Qt::ElideMiddle, addressWidth));
    painter->setPen(selected ? text : (ConnectionState(state) == ConnectionState::Unknown ? secondary : color.darker(110)));
    const QRect stateRect(secondRect.left() + addressWidth, secondRect.top(), secondRect.width() - addressWidth, secondRect.height());
    painter->drawText(stateRect, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(stateText, Qt::ElideRight, stateRect.width()));
    painter->restore();
}

QSize ServerItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index);
    QFont bold = option.font;
    bold.setBold(true);
    return QSize(260, QFontMetrics(bold).height() + QFontMetrics(option.font).height() + 2 + 2 * kPad);
}

} // namespace fleetdeck::ui
