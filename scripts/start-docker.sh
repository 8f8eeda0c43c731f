#!/usr/bin/env bash
# Starts a Docker engine for the integration tests when none answers, builds the local test images
# and makes this engine a single-node swarm manager. Idempotent: running it again changes nothing.
#
#   scripts/start-docker.sh            # engine + images + swarm
#   FLEETDECK_NO_SWARM=1 scripts/start-docker.sh   # engine + images only
#
# Test images (no registry is reachable here, so they are made from Debian's busybox-static):
#   fleetdeck-test/busybox:1   busybox httpd on port 80 serving "fleetdeck-test v1"
#   fleetdeck-test/busybox:2   the same serving "fleetdeck-test v2"
set -euo pipefail

LOG=${FLEETDECK_DOCKERD_LOG:-/tmp/fleetdeck-dockerd.log}
BUSYBOX=${FLEETDECK_BUSYBOX:-/bin/busybox}
WAIT_SECONDS=${FLEETDECK_DOCKER_WAIT:-60}

say() { echo "start-docker: $*" >&2; }

engine_answers() { docker info >/dev/null 2>&1; }

start_engine() {
    if engine_answers; then
        return 0
    fi
    if ! command -v dockerd >/dev/null; then
        say "dockerd is not installed (Debian: apt-get install docker.io)"
        exit 1
    fi
    if [[ $(id -u) -ne 0 ]]; then
        say "no engine answers and starting dockerd needs root"
        exit 1
    fi
    # A pid file left by a killed engine makes the next one refuse to start.
    if [[ -f /var/run/docker.pid ]]; then
        local pid
        pid=$(cat /var/run/docker.pid 2>/dev/null || true)
        if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
            say "removing stale /var/run/docker.pid"
            rm -f /var/run/docker.pid
        fi
    fi
    if ! pgrep -x dockerd >/dev/null; then
        say "starting dockerd (log: $LOG)"
        setsid dockerd >>"$LOG" 2>&1 </dev/null &
    fi
    for ((i = 0; i < WAIT_SECONDS * 4; i++)); do
        engine_answers && return 0
        sleep 0.25
    done
    say "dockerd did not answer within ${WAIT_SECONDS}s; last lines of $LOG:"
    tail -n 20 "$LOG" >&2 || true
    exit 1
}

# Bumped whenever the images below change, so an old image left on the machine is rebuilt.
IMAGE_REVISION=4

# One image per version; rebuilt only when missing or of an older revision.
build_image() {
    local tag=$1 content=$2 version=$3
    local have
    have=$(docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$tag" 2>/dev/null \
        | sed -n 's/^FLEETDECK_TEST_IMAGE=//p' || true)
    if [[ "$have" == "$IMAGE_REVISION" ]]; then
        return 0
    fi
    if [[ ! -x "$BUSYBOX" ]]; then
        say "$BUSYBOX is missing (Debian: apt-get install busybox-static)"
        exit 1
    fi
    local root
    root=$(mktemp -d)
    mkdir -p "$root/bin" "$root/www" "$root/tmp" "$root/etc"
    cp "$BUSYBOX" "$root/bin/busybox"
    local applet
    for applet in $("$BUSYBOX" --list); do
        [[ "$applet" == busybox ]] || ln -sf busybox "$root/bin/$applet"
    done
    echo "root:x:0:0:root:/root:/bin/sh" >"$root/etc/passwd"
    echo "root:x:0:" >"$root/etc/group"
    echo "$content" >"$root/www/index.html"
    echo ok >"$root/www/health"
    chmod 1777 "$root/tmp"
    say "building $tag"
    # One line on start (names the replica in logs), then httpd on $PORT (default 80) logging requests;
    # the shell stays PID 1 only to end httpd promptly on SIGTERM (a bare PID 1 ignores it).
    local cmd='echo \"fleetdeck-test VERSION started on $(hostname)\"; /bin/httpd -f -v -p \"${PORT:-80}\" -h /www \u0026 pid=$!; trap \"kill $pid; exit 0\" TERM INT; wait $pid'
    cmd=${cmd/VERSION/$version}
    tar -C "$root" -c . | docker import \
        -c "CMD [\"/bin/sh\",\"-c\",\"$cmd\"]" \
        -c 'ENV PATH=/bin' \
        -c "ENV FLEETDECK_TEST_IMAGE=$IMAGE_REVISION" \
        -c 'EXPOSE 80' \
        - "$tag" >/dev/null
    rm -rf "$root"
}

init_swarm() {
    local state
    state=$(docker info --format '{{.Swarm.LocalNodeState}}')
    if [[ "$state" == active ]]; then
        return 0
    fi
    say "initialising a single-node swarm"
    docker swarm init --advertise-addr 127.0.0.1 >/dev/null
}

start_engine
build_image fleetdeck-test/busybox:1 "fleetdeck-test v1" v1
build_image fleetdeck-test/busybox:2 "fleetdeck-test v2" v2
if [[ -z "${FLEETDECK_NO_SWARM:-}" ]]; then
    init_swarm
fi
say "ready"
