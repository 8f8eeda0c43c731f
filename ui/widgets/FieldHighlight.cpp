#include "widgets/FieldHighlight.h"
#include "widgets/Palette.h"

#include <QVariant>
#include <QWidget>

namespace fleetdeck::ui {

namespace {
const char *const kInvalid = "fleetdeckInvalid";
const char *const kOriginalTip = "fleetdeckOriginalToolTip";
} // namespace

void markInvalid(QWidget *field, const QString &reason)
{
    if (!field)
        return;
    if (!field->property(kInvalid).toBool())
        field->setProperty(kOriginalTip, field->toolTip());
    field->setProperty(kInvalid, true);
    // A frame the user sees in any style, light or dark.
    field->setStyleSheet(QStringLiteral("border: 2px solid %1; border-radius: 3px;").arg(palette::css(palette::error())));
    field->setToolTip(reason);
    field->setAccessibleDescription(reason);
    field->setFocus(Qt::OtherFocusReason);
}

void clearInvalid(QWidget *field)
{
    if (!field || !field->property(kInvalid).toBool())
        return;
    field->setProperty(kInvalid, false);
    field->setStyleSheet(QString());
    field->setToolTip(field->property(kOriginalTip).toString());
    field->setAccessibleDescription(QString());
}

bool isMarkedInvalid(const QWidget *field)
{
    return field && field->property(kInvalid).toBool();
}

} // namespace fleetdeck::ui
