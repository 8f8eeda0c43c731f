// The labels the add-server wizard's pages share: an error line and a read-only detected value.
#pragma once

#include <QString>

class QLabel;

namespace fleetdeck::ui {

QLabel *errorLabel(const QString &objectName);                                 // hidden until set
QLabel *valueLabel(const QString &objectName, const QString &accessibleName);  // "—" until set

} // namespace fleetdeck::ui
