// Labels and names by which Fleetdeck recognises what it created on an engine.
#pragma once

#include "domain/Application.h"

#include <QList>
#include <QPair>
#include <QString>

namespace fleetdeck::labels {

inline QString managed() { return QStringLiteral("fleetdeck.managed"); }         // "true"
inline QString app() { return QStringLiteral("fleetdeck.app"); }                 // application uuid
inline QString appName() { return QStringLiteral("fleetdeck.name"); }            // application name
inline QString deployment() { return QStringLiteral("fleetdeck.deployment"); }   // deployment id
inline QString replica() { return QStringLiteral("fleetdeck.replica"); }         // standalone slot 1..N
inline QString networks() { return QStringLiteral("fleetdeck.networks"); }       // Swarm: networks we attached
inline QString proxy() { return QStringLiteral("fleetdeck.proxy"); }             // the Traefik container/service

using LabelList = QList<QPair<QString, QString>>;

// The labels every object of `app` carries (plus the deployment id when non-zero).
LabelList identity(const Application &app, qint64 deploymentId);

// "--filter" values.
QString managedFilter();                      // label=fleetdeck.managed=true
QString appFilter(const Application &app);    // label=fleetdeck.app=<uuid>

// True for label keys Fleetdeck owns on a service/container (so an update may remove stale ones).
bool isOwnedKey(const QString &key);

} // namespace fleetdeck::labels
