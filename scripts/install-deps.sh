#!/usr/bin/env bash
# Installs the Debian 12 packages Fleetdeck needs to build, run and test. Idempotent.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git openssl ccache
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-l10n-tools qt6-charts-dev qt6-httpserver-dev
  qt6-websockets-dev libqt6sql6-sqlite qtkeychain-qt6-dev libgl-dev libqt6opengl6-dev libxkbcommon-dev
  libyaml-cpp-dev libssh-dev libssl-dev
  openssh-server openssh-client docker.io busybox-static procps iproute2
  runc util-linux   # the real node of tests/k8s: runc runs its containers, unshare/nsenter its namespaces
  postgresql libqt6sql6-psql   # tst_store_postgres: the store's SQL on a real PostgreSQL
  xvfb xauth imagemagick
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
else
  echo "install-deps: all packages present"
fi
