// CodeEditor: a plain-text editor with line numbers and error marks in the gutter, for YAML.
#pragma once

#include <QMap>
#include <QPlainTextEdit>

namespace fleetdeck::ui {

class CodeEditor final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);

    // Marks lines (1-based) with a message each; errors red, warnings amber. Replaces earlier marks.
    struct Mark {
        int column = 0;            // 1-based, 0 = whole line
        QString message;
        bool error = true;
    };
    void setMarks(const QMap<int, Mark> &marks);
    const QMap<int, Mark> &marks() const { return m_marks; }

    // Moves the cursor to line/column (1-based) and shows it.
    void goTo(int line, int column);
    int currentLine() const;

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void updateSelections();

    QWidget *m_gutter;
    QMap<int, Mark> m_marks;
};

} // namespace fleetdeck::ui
