// Translate: how lib marks user-facing text for translation (lib links QtCore only, no widgets).
//
// Convention: every message a user reads (Error::invalid reasons, Error::make/notFound messages, report
// titles and details) is written as QCoreApplication::translate("fleetdeck::<folder>", "English text"),
// with .arg() applied to the result as before. The context names the lib folder the text lives in:
// "fleetdeck::validation" (domain/Validation), "fleetdeck::services", "fleetdeck::deploy",
// "fleetdeck::orchestrators", "fleetdeck::remote", "fleetdeck::store". Without an installed translator
// the English source comes back unchanged, so tests pin the English text. Never translated: argv, JSON
// keys, stored values, field names, log categories and Error::detail (a tool's own output).
// app/CMakeLists.txt points lupdate at lib/, so these land in translations/fleetdeck_*.ts.
#pragma once

#include <QCoreApplication>
