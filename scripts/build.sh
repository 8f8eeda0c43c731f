#!/usr/bin/env bash
# Configures and builds Fleetdeck (GUI, CLI, tests) into ${FLEETDECK_BUILD_DIR:-build}.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${FLEETDECK_BUILD_DIR:-build}
launcher=()
if command -v ccache >/dev/null; then
  # Compiled objects are cached outside the repo (~/.cache/ccache); paths relative to the checkout, so
  # a second clone (CI's) hits the same cache.
  export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=true
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} -DFLEETDECK_WERROR=ON \
  "${launcher[@]}" "$@" >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
