// GuiTestSupport: shared GUI test helpers (see the header).
#include "GuiTestSupport.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTableWidget>
#include <QTest>
#include <QWidget>

namespace fleetdeck::test {

bool screenshot(QWidget *widget, const QString &name, bool widgetOnly)
{
    const QString dir = qEnvironmentVariable("FLEETDECK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return true;
    QWidget *target = widgetOnly ? widget : widget->window();
    // Posted layout and paint events (a model reset, a resized column) land before the picture.
    if (!QTest::qWaitForWindowExposed(target->window()))
        qWarning("screenshot %s: the window is not exposed", qPrintable(name));
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    return target->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

void typeInto(QWidget *field, const QString &text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
}

bool typeCell(QTableWidget *table, int row, int column, const QString &text)
{
    table->setFocus();
    table->setCurrentCell(row, column);
    QTest::keyClick(table, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    if (!editor || editor == table)
        return false;
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on the next turn of the event loop.
    return QTest::qWaitFor([table] { return QApplication::focusWidget() == table; }, 5000);
}

} // namespace fleetdeck::test
