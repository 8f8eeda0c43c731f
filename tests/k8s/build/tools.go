//go:build tools

// Package k8sbuild only pins the commands that tests/k8s/cluster builds, so
// that `go mod tidy` records their dependencies in go.mod / go.sum. etcd's
// entry point is the small main package in ./etcd.
package k8sbuild

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
	_ "sigs.k8s.io/kwok/cmd/kwok"
)
