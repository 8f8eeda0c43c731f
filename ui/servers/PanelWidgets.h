// Widgets the cluster and namespace forms share: a labelled line edit and the message line under a
// form (green when saved, red when refused).
#pragma once

#include <QString>

class QLabel;
class QLineEdit;

namespace fleetdeck::ui {

QLineEdit *formLineEdit(const QString &objectName, const QString &accessibleName, const QString &placeholder = {});
QLabel *formMessageLabel(const QString &objectName);             // hidden until shown
void showFormMessage(QLabel *label, const QString &text, bool error);

} // namespace fleetdeck::ui
