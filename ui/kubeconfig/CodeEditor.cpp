#include "kubeconfig/CodeEditor.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace fleetdeck::ui {

namespace {

class Gutter final : public QWidget
{
public:
    explicit Gutter(CodeEditor *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return QSize(m_editor->gutterWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    CodeEditor *m_editor;
};

const QColor kErrorColor(0xcf, 0x22, 0x2e);
const QColor kWarningColor(0xbf, 0x87, 0x00);

} // namespace

CodeEditor::CodeEditor(QWidget *parent) : QPlainTextEdit(parent), m_gutter(new Gutter(this))
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(mono);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(true);   // keyboard users leave the editor with Tab; YAML has no tabs anyway
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { updateGutterWidth(); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) { updateGutter(rect, dy); });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] { updateSelections(); });
    updateGutterWidth();
    updateSelections();
}

int CodeEditor::gutterWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 14 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void CodeEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void CodeEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber() + 1;
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int current = textCursor().blockNumber() + 1;
    // Only the visible blocks are painted: cost does not grow with the file.
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const auto mark = m_marks.constFind(number);
            if (mark != m_marks.constEnd()) {
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(mark->error ? kErrorColor : kWarningColor);
                const int d = qMin(8, fontMetrics().height() - 4);
                painter.drawEllipse(QRect(3, top + (fontMetrics().height() - d) / 2, d, d));
            }
            QColor color = pal.color(QPalette::Text);
            if (number != current)
                color.setAlphaF(0.45f);
            painter.setPen(color);
            painter.drawText(0, top, m_gutter->width() - 4, fontMetrics().height(), Qt::AlignRight, QString::number(number));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

void CodeEditor::setMarks(const QMap<int, Mark> &marks)
{
    m_marks = marks;
    updateSelections();
    m_gutter->update();
}

void CodeEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection currentLine;
    QColor lineColor = palette().color(QPalette::Highlight);
    lineColor.setAlphaF(0.08f);
    currentLine.format.setBackground(lineColor);
    currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
    currentLine.cursor = textCursor();
    currentLine.cursor.clearSelection();
    selections.append(currentLine);
    for (auto it = m_marks.constBegin(); it != m_marks.constEnd(); ++it) {
        const QTextBlock block = document()->findBlockByNumber(it.key() - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection line;
        QColor background = it->error ? kErrorColor : kWarningColor;
        background.setAlphaF(0.12f);
        line.format.setBackground(background);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        selections.append(line);
        // A wavy underline from the column to the end of the word.
        QTextEdit::ExtraSelection spot;
        spot.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        spot.format.setUnderlineColor(it->error ? kErrorColor : kWarningColor);
        spot.format.setToolTip(it->message);
        QTextCursor c(block);
        const int column = qBound(0, it->column - 1, qMax(0, block.length() - 1));
        c.setPosition(block.position() + column);
        c.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
        if (!c.hasSelection())
            c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        spot.cursor = c;
        selections.append(spot);
    }
    setExtraSelections(selections);
}

void CodeEditor::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor c(block);
    c.setPosition(block.position() + qBound(0, column - 1, qMax(0, block.length() - 1)));
    setTextCursor(c);
    centerCursor();
    setFocus();
}

int CodeEditor::currentLine() const
{
    return textCursor().blockNumber() + 1;
}

bool CodeEditor::viewportEvent(QEvent *event)
{
    // Hovering a marked line shows its message.
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int line = cursorForPosition(help->pos()).blockNumber() + 1;
        const auto mark = m_marks.constFind(line);
        if (mark != m_marks.constEnd()) {
            QToolTip::showText(help->globalPos(), mark->message, this);
            return true;
        }
        QToolTip::hideText();
    }
    return QPlainTextEdit::viewportEvent(event);
}

} // namespace fleetdeck::ui
