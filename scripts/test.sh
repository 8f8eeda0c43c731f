#!/usr/bin/env bash
# One command from a fresh Debian 12: install what is missing, start the real components the tests
# use (Docker engine, single-node swarm, the Kubernetes test control plane; each test starts its
# own sshd), build, and run the whole suite (every ctest label). Any failed or missing test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export CI=${CI:-true}   # a test that cannot find its real component fails instead of skipping
export LANG=C.UTF-8
start=$(date +%s)

./scripts/install-deps.sh
if [[ -x scripts/start-docker.sh ]]; then
  ./scripts/start-docker.sh
fi
if [[ -x tests/k8s/cluster ]]; then
  tests/k8s/cluster up
  eval "$(tests/k8s/cluster env)"
fi

./scripts/build.sh
BUILD_DIR=${FLEETDECK_BUILD_DIR:-build}
echo "test.sh: set-up and build took $(( $(date +%s) - start )) s"
ctest --test-dir "$BUILD_DIR" --output-on-failure --no-tests=error --timeout 900 "$@"
echo "test.sh: total $(( $(date +%s) - start )) s"
