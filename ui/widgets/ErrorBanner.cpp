// ErrorBanner: message kinds mapped to the Palette's colours.
#include "widgets/ErrorBanner.h"

#include "widgets/Palette.h"

namespace fleetdeck::ui {

ErrorBanner::ErrorBanner(QWidget *parent, Style style)
    : QLabel(parent)
    , m_style(style)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void ErrorBanner::showError(const QString &text)
{
    if (m_style == Style::Box)
        display(text, QStringLiteral("QLabel { color: %1; background: %2; padding: 6px; border-radius: 3px; }")
                       .arg(palette::css(palette::errorBannerText()), palette::css(palette::errorBannerBackground())));
    else
        display(text, QStringLiteral("color: %1;").arg(palette::css(palette::error())));
}

void ErrorBanner::showSuccess(const QString &text)
{
    if (m_style == Style::Box)
        display(text, QStringLiteral("QLabel { color: %1; background: %2; padding: 6px; border-radius: 3px; }")
                       .arg(palette::css(palette::successBannerText()), palette::css(palette::successBannerBackground())));
    else
        display(text, QStringLiteral("color: %1;").arg(palette::css(palette::ok())));
}

void ErrorBanner::showInfo(const QString &text)
{
    display(text, QString());
}

void ErrorBanner::display(const QString &text, const QString &sheet)
{
    setStyleSheet(text.isEmpty() ? QString() : sheet);
    setText(text);
    setAccessibleDescription(text);
}

} // namespace fleetdeck::ui
