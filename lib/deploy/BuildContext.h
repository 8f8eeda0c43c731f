// The optional build step of a deployment: `docker build` on the server, from a local folder (sent as a
// tar on stdin, no temp files) or from a git URL the server clones itself.
#pragma once

#include "core/Result.h"
#include "domain/Application.h"
#include "orchestrators/OrchestratorTypes.h"

namespace fleetdeck::build {

// A POSIX ustar archive of `dir` (regular files, directories, symlinks; `.git` left out). Refuses paths
// longer than ustar can hold, special files, and archives larger than maxBytes.
Result<QByteArray> tarDirectory(const QString &dir, qint64 maxBytes = qint64(512) * 1024 * 1024);

bool isGitUrl(const QString &source);

// The image a build produces for a deployment: the application's repository with tag
// "fleetdeck-<deploymentId>", so that every deployment (and its rollback) names its own image.
QString builtImage(const Application &app, qint64 deploymentId);

// `docker build --tag ... --file DOCKERFILE -` (context on stdin) or `... GIT_URL`. For a folder the tar
// is read here. Invalid when the source is neither an existing folder nor a git URL.
Result<PlannedCommand> buildCommand(const Application &app, qint64 deploymentId);

} // namespace fleetdeck::build
