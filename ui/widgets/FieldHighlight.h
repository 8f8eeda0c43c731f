// FieldHighlight: how a form points at the field a validation error names: red frame, the reason as
// tooltip and accessible description, focus on the field. Cleared when the user edits it again.
#pragma once

#include <QString>

class QWidget;

namespace fleetdeck::ui {

void markInvalid(QWidget *field, const QString &reason);
void clearInvalid(QWidget *field);
bool isMarkedInvalid(const QWidget *field);

} // namespace fleetdeck::ui
