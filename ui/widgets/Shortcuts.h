// bindShortcut: a window-wide key for a button that survives setText() (which resets a button's own
// shortcut to its mnemonic). Active only while the button is visible and enabled, so the same key
// (Ctrl+S) can serve the Save button of whichever tab is showing.
#pragma once

#include <QKeySequence>

class QAbstractButton;

namespace fleetdeck::ui {

void bindShortcut(QAbstractButton *button, const QKeySequence &key);

} // namespace fleetdeck::ui
