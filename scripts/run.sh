#!/usr/bin/env bash
# One command from a fresh Debian 12: install what is missing, build, launch Fleetdeck on its
# embedded SQLite store (XDG data folder, or --db PATH / FLEETDECK_DB).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
exec "${FLEETDECK_BUILD_DIR:-build}/app/fleetdeck" "$@"
