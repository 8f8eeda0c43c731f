# shellcheck shell=bash
# The real test node of tests/k8s/cluster (sourced by it): builds and caches the kubelet,
# containerd, the CNI plugins, metrics-server and the pause image; starts one kubelet + containerd
# in a network and mount namespace of their own, metrics-server beside the control plane; stops all
# of it and removes every trace. See README.md, "The real node".

CONTAINERD_VERSION=v2.4.2
CNI_PLUGINS_VERSION=v1.10.0
METRICS_SERVER_VERSION=v0.8.0
PAUSE_VERSION=3.10.2   # build/pause/Makefile's TAG in the pinned k8s.io/kubernetes
PAUSE_IMAGE=fleetdeck.test/pause:$PAUSE_VERSION

# FLEETDECK_K8S_NODE=0: control plane and kwok nodes only (no real node is built or started).
node_enabled() { [[ ${FLEETDECK_K8S_NODE:-1} != 0 ]]; }

# One cache dir per component and version, beside the control plane's.
NODE_K8S_CACHE=$CACHE_ROOT/node-$K8S_VERSION              # kubelet, netns-forward, pause image
CONTAINERD_CACHE=$CACHE_ROOT/containerd-$CONTAINERD_VERSION
CNI_CACHE=$CACHE_ROOT/cni-plugins-$CNI_PLUGINS_VERSION
METRICS_CACHE=$CACHE_ROOT/metrics-server-$METRICS_SERVER_VERSION

# Bump when a component's build recipe below changes (forces that component to rebuild).
NODE_RECIPE=1

# ---------------------------------------------------------------- build ----

# node_stamp NAME: fingerprint of what determines one component's binaries.
node_stamp() {
    case $1 in
    node-k8s) { echo "$NODE_RECIPE $K8S_VERSION $PAUSE_VERSION"
                cat "$HERE"/build/go.mod "$HERE"/build/go.sum "$HERE"/build/netns-forward/main.go; } ;;
    containerd) echo "$NODE_RECIPE $CONTAINERD_VERSION" ;;
    cni-plugins) echo "$NODE_RECIPE $CNI_PLUGINS_VERSION" ;;
    metrics-server) echo "$NODE_RECIPE $METRICS_SERVER_VERSION" ;;
    esac | sha256sum | cut -d' ' -f1
}

node_cache_of() {
    case $1 in
    node-k8s) echo "$NODE_K8S_CACHE" ;;
    containerd) echo "$CONTAINERD_CACHE" ;;
    cni-plugins) echo "$CNI_CACHE" ;;
    metrics-server) echo "$METRICS_CACHE" ;;
    esac
}

node_component_current() {
    local dir; dir=$(node_cache_of "$1")
    [[ -f $dir/.stamp && $(cat "$dir/.stamp") == "$(node_stamp "$1")" ]]
}

node_build_is_current() {
    local c
    for c in node-k8s containerd cni-plugins metrics-server; do node_component_current "$c" || return 1; done
}

# go_install_at TMP VERSION TAGS LDFLAGS PACKAGE...: `go install PKG@VERSION` of a module without
# replace directives; its own go.sum, checked against the Go checksum database, pins everything.
go_install_at() {
    local tmp=$1 version=$2 tags=$3 ldflags=$4 pkg; shift 4
    local args=()
    for pkg in "$@"; do args+=("$pkg@$version"); done
    (cd "$tmp" && GOBIN=$tmp/bin GOFLAGS=-buildvcs=false "$GO" install -trimpath ${tags:+-tags "$tags"} \
        -ldflags="$ldflags" "${args[@]}")
}

# The pause process of every pod sandbox: pause.c from the pinned k8s.io/kubernetes module,
# static, packed as a one-layer OCI image archive that `ctr images import` takes (nothing can be
# pulled here). Deterministic: fixed owners and times.
build_pause_image() {
    local tmp=$1 src work
    src=$(cd "$HERE/build" && "$GO" list -m -f '{{.Dir}}' k8s.io/kubernetes)/build/pause/linux/pause.c
    work=$tmp/pause
    mkdir -p "$work/rootfs" "$work/oci/blobs/sha256"
    cc -Os -Wall -Werror -static -DVERSION="v$PAUSE_VERSION-fleetdeck" -o "$work/rootfs/pause" "$src"
    strip "$work/rootfs/pause"
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$work/rootfs" -cf "$work/layer.tar" pause
    local layer layer_size config config_size manifest manifest_size
    layer=$(sha256sum <"$work/layer.tar" | cut -d' ' -f1)
    layer_size=$(stat -c %s "$work/layer.tar")
    mv "$work/layer.tar" "$work/oci/blobs/sha256/$layer"
    printf '{"architecture":"amd64","os":"linux","config":{"Entrypoint":["/pause"],"User":"65535:65535"},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
        "$layer" >"$work/config.json"
    config=$(sha256sum <"$work/config.json" | cut -d' ' -f1)
    config_size=$(stat -c %s "$work/config.json")
    mv "$work/config.json" "$work/oci/blobs/sha256/$config"
    printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%s","size":%s}]}' \
        "$config" "$config_size" "$layer" "$layer_size" >"$work/manifest.json"
    manifest=$(sha256sum <"$work/manifest.json" | cut -d' ' -f1)
    manifest_size=$(stat -c %s "$work/manifest.json")
    mv "$work/manifest.json" "$work/oci/blobs/sha256/$manifest"
    printf '{"imageLayoutVersion":"1.0.0"}' >"$work/oci/oci-layout"
    printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"platform":{"architecture":"amd64","os":"linux"},"annotations":{"io.containerd.image.name":"%s","org.opencontainers.image.ref.name":"%s"}}]}' \
        "$manifest" "$manifest_size" "$PAUSE_IMAGE" "$PAUSE_VERSION" >"$work/oci/index.json"
    mkdir -p "$tmp/share"
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$work/oci" -cf "$tmp/share/pause-image.tar" .
    rm -rf "$work"
}

# build_node_component NAME: build one component into a temp dir, then move it into its cache dir.
build_node_component() {
    local name=$1 dir tmp start=$SECONDS failed=0
    dir=$(node_cache_of "$name")
    tmp=$dir.tmp.$$
    rm -rf "$tmp"; mkdir -p "$tmp/bin" "$tmp/logs"
    log "building $name into $dir"
    {
        case $name in
        node-k8s)
            # The kubelet from the control plane's own module and go.sum, stamped like it.
            (cd "$HERE/build" && GOFLAGS="-buildvcs=false -mod=readonly" "$GO" build -trimpath \
                -ldflags="$(k8s_ldflags)" -o "$tmp/bin/" k8s.io/kubernetes/cmd/kubelet ./netns-forward) &&
                build_pause_image "$tmp" ;;
        containerd)
            go_install_at "$tmp" "$CONTAINERD_VERSION" "no_btrfs urfave_cli_no_docs" \
                "-s -w -X github.com/containerd/containerd/v2/version.Version=$CONTAINERD_VERSION" \
                github.com/containerd/containerd/v2/cmd/containerd \
                github.com/containerd/containerd/v2/cmd/containerd-shim-runc-v2 \
                github.com/containerd/containerd/v2/cmd/ctr ;;
        cni-plugins)
            go_install_at "$tmp" "$CNI_PLUGINS_VERSION" "" \
                "-s -w -X github.com/containernetworking/plugins/pkg/utils/buildversion.BuildVersion=$CNI_PLUGINS_VERSION" \
                github.com/containernetworking/plugins/plugins/main/bridge \
                github.com/containernetworking/plugins/plugins/main/loopback \
                github.com/containernetworking/plugins/plugins/ipam/host-local \
                github.com/containernetworking/plugins/plugins/meta/portmap ;;
        metrics-server)
            go_install_at "$tmp" "$METRICS_SERVER_VERSION" "" \
                "-s -w -X k8s.io/client-go/pkg/version.gitVersion=$METRICS_SERVER_VERSION" \
                sigs.k8s.io/metrics-server/cmd/metrics-server ;;
        esac
    } >"$tmp/logs/build.log" 2>&1 || failed=1
    if [[ $failed != 0 ]]; then
        log "building $name failed; last lines of $tmp/logs/build.log:"
        tail -n 40 "$tmp/logs/build.log" >&2
        die "build of $name failed (logs kept in $tmp/logs)"
    fi
    node_stamp "$name" >"$tmp/.stamp"
    echo "$("$GO" env GOVERSION), built in $((SECONDS - start))s on $(date -u +%FT%TZ)" >"$tmp/BUILD-INFO"
    rm -rf "$dir"
    mv "$tmp" "$dir"
    log "built $name in $((SECONDS - start))s: $(cd "$dir/bin" && echo *)"
}

# Called by cmd_build with the build lock held and GO set; one component at a time (the machine's
# cores are shared).
build_node() {
    local c
    for c in node-k8s containerd cni-plugins metrics-server; do
        node_component_current "$c" || build_node_component "$c"
    done
}

# ------------------------------------------------------------------ up ----

NODE_NAME=real-node-0
NODE_DIR=$RUN/node
METRICS_PORT=$((PORT + 6))
# Addresses of the node's own network (one /30 link and one pod /24 per instance, from its port):
# nothing outside this machine is ever addressed.
NODE_NET=${FLEETDECK_K8S_NODE_NET:-$((PORT % 199 + 20))}
HOST_VETH_IP=10.253.$NODE_NET.1
NODE_IP=10.253.$NODE_NET.2
NODE_POD_CIDR=10.254.$NODE_NET.0/24
HOST_VETH=fdk$PORT          # the host end; the node end is eth0 in the node's namespace
NODE_CGROUP=fleetdeck-node-$PORT
# The kubelet writes these; the node gets private copies so the machine's values never change.
NODE_SYSCTLS=(kernel/panic kernel/panic_on_oops vm/overcommit_memory vm/panic_on_oom
              kernel/keys/root_maxkeys kernel/keys/root_maxbytes)
NODE_COMPONENTS=(containerd netns-forward kubelet metrics-server)
# Images the tests run, made by scripts/start-docker.sh.
NODE_IMAGES=(fleetdeck-test/busybox:1 fleetdeck-test/busybox:2)

node_bin() {
    case $1 in
    kubelet | netns-forward) echo "$NODE_K8S_CACHE/bin/$1" ;;
    containerd | ctr | containerd-shim-runc-v2) echo "$CONTAINERD_CACHE/bin/$1" ;;
    metrics-server) echo "$METRICS_CACHE/bin/$1" ;;
    esac
}

# ctr against the node's containerd, in the k8s.io namespace the kubelet uses.
# (Its warnings, e.g. that cgroup v1 is deprecated, go to the log.)
node_ctr() { "$(node_bin ctr)" --address "$NODE_DIR/containerd/containerd.sock" --namespace k8s.io "$@" 2>>"$RUN/logs/ctr.log"; }

node_started() { [[ -d $NODE_DIR ]]; }

node_is_up() {
    local c
    for c in "${NODE_COMPONENTS[@]}"; do component_pid "$c" >/dev/null || return 1; done
    kc --request-timeout=5s get node "$NODE_NAME" \
        -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null | grep -qx True
}

# The cgroup hierarchies (v1 controllers and the v2 tree) the node's cgroup root is made in.
node_cgroup_dirs() {
    local d
    for d in /sys/fs/cgroup/*/ /sys/fs/cgroup/; do
        if [[ -f $d/cgroup.procs ]]; then echo "${d%/}/$NODE_CGROUP"; fi
    done
}

node_pki() {
    gen_cert node-kubelet "/O=system:nodes/CN=system:node:$NODE_NAME"
    gen_cert node-serving "/CN=$NODE_NAME" "IP:$NODE_IP,DNS:$NODE_NAME"
    gen_cert metrics-server "/O=system:masters/CN=fleetdeck-metrics-server"
    gen_cert metrics-serving "/CN=metrics-server" \
        "DNS:metrics-server.kube-system.svc,DNS:localhost,IP:127.0.0.1"
    chmod 600 "$RUN"/pki/*.key
    write_kubeconfig "$NODE_DIR/kubelet.kubeconfig" node-kubelet
    write_kubeconfig "$RUN/metrics-server.kubeconfig" metrics-server
}

node_write_configs() {
    local n=$NODE_DIR
    mkdir -p "$n"/{containerd/root,containerd/state,runc,cni/net.d,cni/ipam,cni/cache,kubelet,kubelet-certs} \
             "$n"/{var-lib,var-log,run,sysctl,volume-plugins,pod-logs}
    : >"$n/resolv.conf"
    cat >"$n/containerd.toml" <<TOML
# containerd of the test node ($NODE_NAME): every path inside $n.
version = 3
root = "$n/containerd/root"
state = "$n/containerd/state"
imports = []
# opt writes /opt/containerd; nri, the image verifier, tracing and these snapshotters are not used.
disabled_plugins = ["io.containerd.internal.v1.opt", "io.containerd.nri.v1.nri",
  "io.containerd.image-verifier.v1.bindir",
  "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing",
  "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper",
  "io.containerd.snapshotter.v1.blockfile", "io.containerd.snapshotter.v1.erofs"]

[grpc]
  address = "$n/containerd/containerd.sock"
[ttrpc]
  address = "$n/containerd/containerd.sock.ttrpc"

[plugins."io.containerd.cri.v1.runtime"]
  # The machine lacks CAP_SYS_RESOURCE: a negative oom_score_adj for the sandbox would fail.
  restrict_oom_score_adj = true
  [plugins."io.containerd.cri.v1.runtime".containerd]
    default_runtime_name = "runc"
    [plugins."io.containerd.cri.v1.runtime".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.cri.v1.runtime".containerd.runtimes.runc.options]
        BinaryName = "$RUNC"
        Root = "$n/runc"
        SystemdCgroup = false
  [plugins."io.containerd.cri.v1.runtime".cni]
    bin_dirs = ["$CNI_CACHE/bin"]
    conf_dir = "$n/cni/net.d"

[plugins."io.containerd.cri.v1.images"]
  snapshotter = "overlayfs"
  [plugins."io.containerd.cri.v1.images".pinned_images]
    sandbox = "$PAUSE_IMAGE"

[plugins."io.containerd.grpc.v1.cri"]
  disable_tcp_service = true
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
TOML
    cat >"$n/cni/net.d/10-fleetdeck.conflist" <<JSON
{
  "cniVersion": "1.0.0",
  "name": "fleetdeck-node",
  "plugins": [
    {"type": "bridge", "bridge": "cni0", "isGateway": true, "ipMasq": false, "hairpinMode": true,
     "ipam": {"type": "host-local", "ranges": [[{"subnet": "$NODE_POD_CIDR"}]], "dataDir": "$n/cni/ipam"}},
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
JSON
    cat >"$n/kubelet.yaml" <<YAML
# kubelet of the test node ($NODE_NAME). cgroup v1 without systemd: cgroupfs, failCgroupV1 false.
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
failCgroupV1: false
cgroupDriver: cgroupfs
cgroupRoot: /$NODE_CGROUP
containerRuntimeEndpoint: unix://$n/containerd/containerd.sock
address: $NODE_IP
port: 10250
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
tlsCertFile: $RUN/pki/node-serving.crt
tlsPrivateKeyFile: $RUN/pki/node-serving.key
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $RUN/pki/ca.crt}
authorization: {mode: Webhook}
clusterDomain: cluster.local
resolvConf: $n/resolv.conf
registerWithTaints:
- {key: fleetdeck.test/node, value: real, effect: NoSchedule}
failSwapOn: false
maxPods: 30
podLogsDir: $n/pod-logs
volumePluginDir: $n/volume-plugins
# Never evict or collect images because of this machine's disk (the test images cannot be pulled).
evictionHard: {memory.available: "1Mi", nodefs.available: "1%", imagefs.available: "1%"}
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
serializeImagePulls: false
YAML
}

# The commands run inside the node's new mount namespace before containerd: private copies of the
# sysctl files the kubelet writes, private /run, /var/lib and /var/log (the kubelet, containerd and
# the CNI plugins write fixed paths there), the kubelet's root dir as a shared mount (pod volumes).
node_mount_script() {
    local n=$NODE_DIR f
    echo "set -e"
    for f in "${NODE_SYSCTLS[@]}"; do
        echo "cat /proc/sys/$f >$n/sysctl/${f//\//.}; mount --bind $n/sysctl/${f//\//.} /proc/sys/$f"
    done
    echo "mount --bind $n/run /run; mount --bind $n/var-lib /var/lib; mount --bind $n/var-log /var/log"
    echo "mount --bind $n/kubelet $n/kubelet; mount --make-rshared $n/kubelet"
}

node_fail() {
    local name=$1 msg=$2
    log "$msg"
    if [[ -f $RUN/logs/$name.log ]]; then
        log "last lines of $RUN/logs/$name.log:"
        tail -n 30 "$RUN/logs/$name.log" >&2
    fi
    log "stopping the real node; logs stay in $RUN/logs"
    node_down keep-logs
    exit 1
}

# node_wait NAME WHAT TIMEOUT COMMAND...: like wait_for, for a node component. (Its pid, not
# component_pid: containerd's pid runs `sh` for the mounts before it becomes containerd.)
node_wait() {
    local name=$1 what=$2 timeout=$3; shift 3
    local deadline=$((SECONDS + timeout)) pid
    pid=$(<"$(pidfile "$name")")
    until "$@" >/dev/null 2>&1; do
        alive "$pid" || node_fail "$name" "$name exited while waiting for $what"
        ((SECONDS < deadline)) || node_fail "$name" "timed out after ${timeout}s waiting for $what"
        sleep 0.5
    done
}

node_up() {
    local start=$SECONDS n=$NODE_DIR
    RUNC=${FLEETDECK_RUNC:-$(command -v runc || echo /usr/sbin/runc)}
    [[ -x $RUNC ]] || die "runc is required for the real node (Debian: apt-get install runc)"
    command -v unshare >/dev/null && command -v nsenter >/dev/null && command -v ip >/dev/null ||
        die "unshare, nsenter and ip are required for the real node"
    [[ $(id -u) == 0 ]] || die "the real node needs root (FLEETDECK_K8S_NODE=0 to run without it)"
    port_in_use "$METRICS_PORT" && die "port 127.0.0.1:$METRICS_PORT (metrics-server) is already in use"
    ip link show "$HOST_VETH" >/dev/null 2>&1 && die "interface $HOST_VETH exists already (another node on port $PORT?)"
    log "starting the real node $NODE_NAME ($NODE_IP)"
    mkdir -p "$n"
    node_pki
    node_write_configs
    local d f
    for d in $(node_cgroup_dirs); do
        mkdir -p "$d"
        # A new v1 cpuset has no CPUs and memory nodes: give it its parent's.
        for f in cpuset.cpus cpuset.mems; do
            if [[ -f $d/$f && -z $(<"$d/$f") ]]; then cat "$(dirname "$d")/$f" >"$d/$f"; fi
        done
    done

    # containerd is the first process of the node's network and mount namespaces; the kubelet and
    # the forwarder join them through its pid.
    mkdir -p "$RUN/pids" "$RUN/logs"
    setsid unshare --mount --net --propagation private -- sh -c \
        "$(node_mount_script); exec env PATH=$CONTAINERD_CACHE/bin:/usr/bin:/bin \"\$0\" \"\$@\"" \
        "$(node_bin containerd)" --config "$n/containerd.toml" \
        </dev/null >"$RUN/logs/containerd.log" 2>&1 8>&- 9>&- &
    echo $! >"$(pidfile containerd)"
    node_wait containerd "containerd's socket" 30 test -S "$n/containerd/containerd.sock"
    local cpid; cpid=$(component_pid containerd)
    readlink "/proc/$cpid/ns/mnt" >"$n/mnt-ns"

    # The node's network: a veth pair, eth0 inside.
    ip link add "$HOST_VETH" type veth peer name "${HOST_VETH}n"
    ip link set "${HOST_VETH}n" netns "$cpid"
    ip addr add "$HOST_VETH_IP/30" dev "$HOST_VETH"
    ip link set "$HOST_VETH" up
    nsenter --target "$cpid" --net -- sh -c "ip link set lo up && ip link set ${HOST_VETH}n name eth0 &&
        ip addr add $NODE_IP/30 dev eth0 && ip link set eth0 up"

    # The API server listens on the machine's 127.0.0.1 only: the same address and port inside.
    ln -sfn "/proc/$cpid/ns/net" "$n/netns"
    setsid "$(node_bin netns-forward)" "$n/netns" "127.0.0.1:$PORT" "127.0.0.1:$PORT" \
        </dev/null >"$RUN/logs/netns-forward.log" 2>&1 8>&- 9>&- &
    echo $! >"$(pidfile netns-forward)"

    # Images: the pause image (no registry to pull it from) and the test images from Docker.
    node_ctr images import "$NODE_K8S_CACHE/share/pause-image.tar" >/dev/null ||
        node_fail containerd "importing the pause image failed"
    local img missing=()
    for img in "${NODE_IMAGES[@]}"; do
        docker image inspect "$img" >/dev/null 2>&1 || missing+=("$img")
    done
    if ((${#missing[@]})); then
        log "warning: ${missing[*]} not in Docker (scripts/start-docker.sh makes them); not imported"
    else
        docker save "${NODE_IMAGES[@]}" | node_ctr images import - >/dev/null ||
            node_fail containerd "importing ${NODE_IMAGES[*]} failed"
    fi

    # The kubelet: no /usr/sbin in PATH (no iptables chains), in the node's namespaces.
    setsid nsenter --target "$cpid" --mount --net -- env PATH=/usr/bin:/bin "$(node_bin kubelet)" \
        --config "$n/kubelet.yaml" --kubeconfig "$n/kubelet.kubeconfig" \
        --root-dir "$n/kubelet" --cert-dir "$n/kubelet-certs" \
        --hostname-override "$NODE_NAME" --node-ip "$NODE_IP" \
        --node-labels "fleetdeck.test/node=real,type=real" --v 1 \
        </dev/null >"$RUN/logs/kubelet.log" 2>&1 8>&- 9>&- &
    echo $! >"$(pidfile kubelet)"
    node_wait kubelet "node $NODE_NAME Ready" 90 \
        kc wait --for=condition=Ready "node/$NODE_NAME" --timeout=2s
    kc uncordon "$NODE_NAME" >/dev/null   # a Node object left cordoned by an earlier `down`

    # metrics-server beside the control plane, registered through an ExternalName Service.
    setsid "$(node_bin metrics-server)" \
        --secure-port "$METRICS_PORT" --bind-address 127.0.0.1 \
        --tls-cert-file "$RUN/pki/metrics-serving.crt" --tls-private-key-file "$RUN/pki/metrics-serving.key" \
        --kubeconfig "$RUN/metrics-server.kubeconfig" \
        --authentication-kubeconfig "$RUN/metrics-server.kubeconfig" \
        --authorization-kubeconfig "$RUN/metrics-server.kubeconfig" \
        --kubelet-certificate-authority "$RUN/pki/ca.crt" \
        --kubelet-preferred-address-types InternalIP --kubelet-use-node-status-port \
        --metric-resolution 10s --kubelet-request-timeout 5s \
        </dev/null >"$RUN/logs/metrics-server.log" 2>&1 8>&- 9>&- &
    echo $! >"$(pidfile metrics-server)"
    kc apply -f - >/dev/null <<YAML || node_fail metrics-server "registering metrics-server failed"
apiVersion: v1
kind: Service
metadata: {name: metrics-server, namespace: kube-system}
spec:
  type: ExternalName
  externalName: localhost
  ports: [{name: https, port: $METRICS_PORT, protocol: TCP}]
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1beta1.metrics.k8s.io}
spec:
  group: metrics.k8s.io
  version: v1beta1
  groupPriorityMinimum: 100
  versionPriority: 100
  service: {name: metrics-server, namespace: kube-system, port: $METRICS_PORT}
  caBundle: $(base64 -w0 <"$RUN/pki/ca.crt")
YAML
    node_wait metrics-server "metrics-server /readyz" 60 https_ok "https://127.0.0.1:$METRICS_PORT/livez"
    log "real node $NODE_NAME up in $((SECONDS - start))s"
}

# ---------------------------------------------------------------- down ----

# Every process still in the node's mount namespace (containerd's shims and the containers
# outlive containerd) or in its cgroups.
node_leftover_pids() {
    local ns="" p d
    if [[ -f $NODE_DIR/mnt-ns ]]; then ns=$(<"$NODE_DIR/mnt-ns"); fi
    if [[ -n $ns ]]; then
        for p in /proc/[0-9]*; do
            if [[ $(readlink "$p/ns/mnt" 2>/dev/null) == "$ns" ]]; then echo "${p#/proc/}"; fi
        done
    fi
    for d in $(node_cgroup_dirs); do
        if [[ -d $d ]]; then find "$d" -name cgroup.procs -exec cat {} + 2>/dev/null || true; fi
    done
}

# node_down [keep-logs]: pods off the node, then the processes, the veth, the cgroups.
node_down() {
    local keep=${1:-} i c pids api=0
    if component_pid kube-apiserver >/dev/null && [[ -f $RUN/admin.kubeconfig ]]; then api=1; fi
    if ((api)) && component_pid kubelet >/dev/null; then
        # Let the kubelet stop its pods (and unmount their volumes) while it still runs.
        kc delete apiservice v1beta1.metrics.k8s.io --ignore-not-found --wait=false >/dev/null 2>&1 || true
        kc cordon "$NODE_NAME" >/dev/null 2>&1 || true
        kc delete pods --all-namespaces --field-selector "spec.nodeName=$NODE_NAME" \
            --grace-period=1 --wait=true --timeout=30s >/dev/null 2>&1 || true
    fi
    for ((i = ${#NODE_COMPONENTS[@]} - 1; i >= 0; i--)); do
        stop_component "${NODE_COMPONENTS[$i]}"
    done
    # A control plane that stays up must not keep a NotReady node (nor its pods) around.
    if ((api)); then
        kc delete node "$NODE_NAME" --ignore-not-found --wait=false >/dev/null 2>&1 || true
        kc delete pods --all-namespaces --field-selector "spec.nodeName=$NODE_NAME" \
            --force --grace-period=0 >/dev/null 2>&1 || true
    fi
    for i in 1 2 3 4 5; do
        pids=$(node_leftover_pids | sort -u)
        [[ -z $pids ]] && break
        # shellcheck disable=SC2086 # one pid per word
        kill -KILL $pids 2>/dev/null || true
        sleep 0.2
    done
    [[ -z $pids ]] || log "warning: processes of the node still alive: $pids"
    ip link del "$HOST_VETH" 2>/dev/null || true
    for c in $(node_cgroup_dirs); do
        # Deepest first.
        if [[ -d $c ]]; then find "$c" -depth -type d -exec rmdir {} + 2>/dev/null || true; fi
        if [[ -d $c ]]; then log "warning: cgroup $c could not be removed"; fi
    done
    if [[ $keep != keep-logs ]]; then rm -rf "$NODE_DIR"; fi
    return 0
}
