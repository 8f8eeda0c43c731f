// Palette: every colour the console uses, by meaning, in one place (status, messages, banners, field
// frames, log replicas, search marks, YAML). Widgets ask for a meaning here; no widget spells a colour.
#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace fleetdeck::ui::palette {

// States and messages (foreground on the window's background, light or dark).
inline QColor ok() { return QColor(0x1a, 0x7f, 0x37); }
inline QColor error() { return QColor(0xcf, 0x22, 0x2e); }
inline QColor warning() { return QColor(0x9a, 0x67, 0x00); }
inline QColor busy() { return QColor(0x95, 0x6b, 0x00); }        // starting, updating, deploying
inline QColor idle() { return QColor(0x8c, 0x95, 0x9f); }        // nothing known yet

// Banners: a tinted box with dark text, readable in any style.
inline QColor errorBannerText() { return QColor(0x82, 0x07, 0x1e); }
inline QColor errorBannerBackground() { return QColor(0xff, 0xeb, 0xe9); }
inline QColor successBannerText() { return QColor(0x0f, 0x53, 0x23); }
inline QColor successBannerBackground() { return QColor(0xda, 0xfb, 0xe1); }

// Log window: one colour per replica (cycled), the current search hit and the other hits.
inline QList<QColor> replicaColors()
{
    return {QColor(0x0a, 0x5f, 0xb4), QColor(0xa3, 0x3e, 0x00), QColor(0x1a, 0x7f, 0x37), QColor(0x82, 0x50, 0xdf),
            QColor(0xbf, 0x38, 0x89), QColor(0x0b, 0x7a, 0x75), QColor(0x95, 0x6b, 0x00), QColor(0x57, 0x60, 0x6a)};
}
inline QColor currentMatch() { return QColor(0xff, 0xe0, 0x8a); }
inline QColor otherMatch() { return QColor(0xff, 0xc1, 0x07, 170); }

// "#rrggbb" for style sheets.
inline QString css(const QColor &c) { return c.name(QColor::HexRgb); }

} // namespace fleetdeck::ui::palette
