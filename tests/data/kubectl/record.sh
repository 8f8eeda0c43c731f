#!/usr/bin/env bash
# Records the kubectl output the Kubernetes parsers are tested on (tests/unit/tst_k8s_parsers.cpp),
# from the real test cluster (tests/k8s/cluster up) and objects made by fleetdeck-cli itself.
#
#   tests/data/kubectl/record.sh BUILD_DIR
#
# Re-run it after a kubectl/Kubernetes upgrade and review the diff. Names, uuids and times change
# on every run; the tests read them from the files rather than hard-coding them where they can.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
BUILD=${1:?usage: record.sh BUILD_DIR}
CLI=$BUILD/app/fleetdeck-cli
eval "$("$ROOT/tests/k8s/cluster" env)"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; kubectl delete namespace fd-record --ignore-not-found --wait=false >/dev/null 2>&1 || true' EXIT
export FLEETDECK_DB=$WORK/db.sqlite
FLEETDECK_MASTER_KEY=$(openssl rand -base64 32)
export FLEETDECK_MASTER_KEY

kubectl delete namespace fd-record --ignore-not-found --wait=true >/dev/null
"$CLI" server add rec --local --orchestrator kubernetes --namespace fd-record >/dev/null
"$CLI" app add shop --server rec --image registry.example.com/shop:1.4 --port 8080 --health-path /healthz \
    --kubernetes-replicas 3 --cpu 0.5 --memory 512m >/dev/null
"$CLI" app add stuck --server rec --image registry.example.com/stuck:1 --port 8080 --kubernetes-replicas 2 \
    --node-selector '{"disktype":"nvme"}' >/dev/null
uuid() { "$CLI" app show "$1" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["uuid"])'; }
SHOP=$(uuid shop)
STUCK=$(uuid stuck)
objects() { kubectl get deployments.apps,replicasets.apps,pods -n fd-record -l "fleetdeck.app=$1" -o json; }

# A running application after a restart: two ReplicaSets (the old one at 0), probes, 3 pods.
"$CLI" deploy shop --wait --timeout 60 >/dev/null
kubectl get deployment.apps shop -n fd-record -o json >"$HERE/deployment-shop.json"
"$CLI" restart shop --wait >/dev/null
sleep 2
objects "$SHOP" >"$HERE/app-running.json"

# Unschedulable: the node selector matches no node.
"$CLI" deploy stuck --timeout 3 >/dev/null 2>&1 || true
sleep 3
objects "$STUCK" >"$HERE/app-unschedulable.json"
kubectl rollout status deployment.apps/stuck -n fd-record --timeout=2s 2>"$HERE/rollout-status-timeout.stderr.txt" >/dev/null || true

# Past its progress deadline.
kubectl patch deployment.apps stuck -n fd-record --type=merge -p '{"spec":{"progressDeadlineSeconds":3}}' >/dev/null
sleep 8
objects "$STUCK" >"$HERE/app-deadline-exceeded.json"

# Every Fleetdeck object of the namespace at once (status of all applications in one command).
kubectl get deployments.apps,replicasets.apps,pods -n fd-record -l app.kubernetes.io/managed-by=fleetdeck -o json \
    >"$HERE/managed-all.json"

# A rollout in progress: the new template cannot be scheduled, the old pods keep running.
"$CLI" app set shop --node-selector '{"disktype":"nvme"}' >/dev/null
"$CLI" deploy shop --timeout 3 >/dev/null 2>&1 || true
sleep 3
objects "$SHOP" >"$HERE/app-rolling.json"
"$CLI" app set shop --node-selector '{}' >/dev/null
"$CLI" deploy shop --wait --timeout 60 >/dev/null

# Quota: pods=4 with 3 running, scaled to 6: the ReplicaSet cannot create the rest.
kubectl apply -n fd-record -f - >/dev/null <<'EOF'
apiVersion: v1
kind: ResourceQuota
metadata: {name: fleetdeck-quota}
spec: {hard: {pods: "4"}}
EOF
kubectl delete deployment.apps stuck -n fd-record --wait=true >/dev/null
"$CLI" scale shop 6 >/dev/null
sleep 4
objects "$SHOP" >"$HERE/app-quota-exceeded.json"
kubectl delete resourcequota fleetdeck-quota -n fd-record >/dev/null

# Scaled to zero.
"$CLI" scale shop 0 --wait >/dev/null
objects "$SHOP" >"$HERE/app-scaled-zero.json"
"$CLI" scale shop 2 --wait >/dev/null

# Nothing matches.
kubectl get deployments.apps,replicasets.apps,pods -n fd-record -l fleetdeck.app=00000000-0000-0000-0000-000000000000 -o json \
    >"$HERE/empty-list.json"

# Logs with the pod prefix, with and without timestamps.
kubectl logs -n fd-record -l "fleetdeck.app=$SHOP" --prefix --all-containers --tail=3 >"$HERE/logs-prefix.txt"
kubectl logs -n fd-record -l "fleetdeck.app=$SHOP" --prefix --all-containers --tail=3 --timestamps >"$HERE/logs-prefix-timestamps.txt"

# The pod watch the log follower reads, during a restart.
( timeout 8 kubectl get pods -n fd-record -l "fleetdeck.app=$SHOP" --watch-only=true \
    '--output=jsonpath={.metadata.name}{" "}{.status.phase}{" "}{.metadata.deletionTimestamp}{"\n"}' \
    >"$HERE/watch-pods.txt" || true ) &
sleep 1
kubectl rollout restart deployment.apps/shop -n fd-record >/dev/null
wait

# Errors, as kubectl words them.
kubectl top pods -n fd-record -l "fleetdeck.app=$SHOP" --no-headers 2>"$HERE/top-no-metrics.stderr.txt" >/dev/null || true
kubectl rollout undo deployment.apps/nosuch -n fd-record 2>"$HERE/undo-not-found.stderr.txt" >/dev/null || true
kubectl create deployment lone --image=x -n fd-record >/dev/null
kubectl rollout undo deployment.apps/lone -n fd-record 2>"$HERE/undo-no-history.stderr.txt" >/dev/null || true
POD=$(kubectl get pods -n fd-record -l "fleetdeck.app=$SHOP" -o jsonpath='{.items[0].metadata.name}')
kubectl exec "$POD" -n fd-record -- sh -c 'exit 3' 2>"$HERE/exec-exit3.stderr.txt" >/dev/null || true
kubectl --server=https://127.0.0.1:1 get pods 2>"$HERE/unreachable.stderr.txt" >/dev/null || true
kubectl --token=wrong --kubeconfig=/dev/null --server="$(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')" \
    --insecure-skip-tls-verify get pods 2>"$HERE/unauthorized.stderr.txt" >/dev/null || true
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=other-ca -days 1 \
    -keyout "$WORK/other.key" -out "$WORK/other.crt" 2>/dev/null
kubectl --certificate-authority="$WORK/other.crt" get pods 2>"$HERE/x509-unknown-authority.stderr.txt" >/dev/null || true
kubectl create serviceaccount nobody -n fd-record >/dev/null
TOKEN=$(kubectl create token nobody -n fd-record)
"$CLI" manifests shop --offline | sed 's/"\*\*\*"/"eA=="/' | kubectl --token="$TOKEN" --kubeconfig=/dev/null \
    --server="$(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')" --insecure-skip-tls-verify \
    apply --server-side --field-manager=fleetdeck -f - 2>"$HERE/forbidden-apply.stderr.txt" >/dev/null || true
echo "recorded into $HERE"
