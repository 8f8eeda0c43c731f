#include "servers/WizardLabels.h"

#include <QLabel>

namespace fleetdeck::ui {

QLabel *errorLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("QLabel { color: #82071e; background: #ffebe9; padding: 6px; border-radius: 3px; }"));
    label->hide();
    return label;
}

QLabel *valueLabel(const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(QStringLiteral("—"));
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace fleetdeck::ui
