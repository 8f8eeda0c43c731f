#include "widgets/Shortcuts.h"

#include <QAbstractButton>
#include <QShortcut>

namespace fleetdeck::ui {

void bindShortcut(QAbstractButton *button, const QKeySequence &key)
{
    auto *shortcut = new QShortcut(key, button);
    shortcut->setContext(Qt::WindowShortcut);
    QObject::connect(shortcut, &QShortcut::activated, button, [button] {
        if (button->isEnabled())
            button->click();
    });
}

} // namespace fleetdeck::ui
