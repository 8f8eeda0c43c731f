// ErrorBanner: the one way a form or panel shows what went wrong (or right) below its fields: a
// word-wrapped label, tinted by kind from the Palette, empty and invisible to screen readers when
// cleared. A QLabel, so tests and accessibility find it as one.
#pragma once

#include <QLabel>

namespace fleetdeck::ui {

class ErrorBanner final : public QLabel
{
    Q_OBJECT
public:
    enum class Style {
        Text,      // coloured text only (inline under a form)
        Box,       // a tinted box (a panel's or a wizard page's message)
    };
    explicit ErrorBanner(QWidget *parent = nullptr, Style style = Style::Text);

    void showError(const QString &text);
    void showSuccess(const QString &text);
    void showInfo(const QString &text);     // the window's own text colour

private:
    void display(const QString &text, const QString &sheet);
    Style m_style;
};

} // namespace fleetdeck::ui
