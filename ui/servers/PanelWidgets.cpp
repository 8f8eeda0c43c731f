#include "servers/PanelWidgets.h"

#include <QLabel>
#include <QLineEdit>

namespace fleetdeck::ui {

QLineEdit *formLineEdit(const QString &objectName, const QString &accessibleName, const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QLabel *formMessageLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showFormMessage(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setAccessibleName(text);
    label->setStyleSheet(error ? QStringLiteral("QLabel { color: #82071e; background: #ffebe9; padding: 6px; border-radius: 3px; }")
                               : QStringLiteral("QLabel { color: #0f5323; background: #dafbe1; padding: 6px; border-radius: 3px; }"));
    label->show();
}

} // namespace fleetdeck::ui
