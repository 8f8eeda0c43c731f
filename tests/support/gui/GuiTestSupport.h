// GuiTestSupport: the helpers every GUI test needs (screenshots for the docs, finding named children,
// typing into fields and table cells), written once instead of copied into each test.
#pragma once

#include <QObject>
#include <QString>

class QTableWidget;
class QWidget;

namespace fleetdeck::test {

// Saves a picture of `widget`'s window (or of the widget itself when `widgetOnly`) as NAME.png into
// $FLEETDECK_SCREENSHOT_DIR, once pending paint and layout events ran; nothing when the variable is unset.
// Returns false only when the file could not be written.
bool screenshot(QWidget *widget, const QString &name, bool widgetOnly = false);

// The child called `name` (objectName), or nullptr with a warning naming it.
template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

// Focuses `field`, selects everything in it, deletes it and types `text` key by key.
void typeInto(QWidget *field, const QString &text);

// F2 opens the cell's editor, `text` replaces the cell, Enter commits. False when no editor opened or
// the commit did not return focus to the table.
bool typeCell(QTableWidget *table, int row, int column, const QString &text);

} // namespace fleetdeck::test
