// scrollingPage: gives `owner` a frameless, resizable scroll area for long forms that must stay usable
// in a small window. `content` lays out what scrolls; `outer` can take a bar below it that stays put.
#pragma once

#include <QFrame>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QWidget>

namespace fleetdeck::ui {

struct ScrollingPage {
    QVBoxLayout *outer;
    QVBoxLayout *content;
};

inline ScrollingPage scrollingPage(QWidget *owner)
{
    auto *outer = new QVBoxLayout(owner);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(owner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    outer->addWidget(scroll);
    return {outer, new QVBoxLayout(content)};
}

} // namespace fleetdeck::ui
