// CPU and memory quantities: parsed once, converted explicitly between Docker and Kubernetes units.
//   Docker CPUs "0.5"  <-> Kubernetes "500m";   Docker memory "512m" (MiB) <-> Kubernetes "512Mi".
#pragma once

#include "core/Result.h"

namespace fleetdeck {

// Accepts Docker CPUs ("0.5", "2") or Kubernetes millicores ("500m"). Returns millicores (>= 1).
Result<qint64> parseCpu(const QString &text, const QString &field = QStringLiteral("cpu"));
// Accepts Docker ("512m", "1g", "1024k", plain bytes) or Kubernetes ("512Mi", "1Gi") forms, all binary.
// Bare K/M/G/T are refused as ambiguous (binary for Docker, decimal for Kubernetes). Returns bytes.
Result<qint64> parseMemory(const QString &text, const QString &field = QStringLiteral("memory"));

QString cpuToDocker(qint64 millicores);      // 500 -> "0.5", 2000 -> "2"
QString cpuToKubernetes(qint64 millicores);  // 500 -> "500m", 2000 -> "2"
QString memoryToDocker(qint64 bytes);        // 536870912 -> "512m"
QString memoryToKubernetes(qint64 bytes);    // 536870912 -> "512Mi"

} // namespace fleetdeck
