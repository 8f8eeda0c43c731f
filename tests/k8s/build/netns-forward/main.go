// netns-forward: listens on an address inside a network namespace and forwards every connection to
// an address of the namespace it was started in. The test node (tests/k8s/node.sh) lives in its own
// network namespace; its kubelet reaches the loopback-only API server of the machine this way.
//
//	netns-forward NETNS_FILE LISTEN_ADDR TARGET_ADDR
package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"runtime"

	"golang.org/x/sys/unix"
)

func setns(f *os.File) error {
	return unix.Setns(int(f.Fd()), unix.CLONE_NEWNET)
}

// listenIn opens the listening socket inside the namespace of nsFile: a socket belongs to the
// namespace of the thread that creates it, so only this locked thread switches, and switches back.
func listenIn(nsFile, addr string) (net.Listener, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	home, err := os.Open("/proc/thread-self/ns/net")
	if err != nil {
		return nil, err
	}
	defer home.Close()
	target, err := os.Open(nsFile)
	if err != nil {
		return nil, err
	}
	defer target.Close()
	if err := setns(target); err != nil {
		return nil, fmt.Errorf("setns %s: %w", nsFile, err)
	}
	ln, listenErr := net.Listen("tcp", addr)
	if err := setns(home); err != nil {
		// This thread must not return to the pool inside the other namespace.
		fmt.Fprintf(os.Stderr, "netns-forward: cannot return to the home namespace: %v\n", err)
		os.Exit(1)
	}
	return ln, listenErr
}

func pipe(a, b net.Conn) {
	done := make(chan struct{}, 2)
	copyHalf := func(dst, src net.Conn) {
		_, _ = io.Copy(dst, src)
		if tc, ok := dst.(*net.TCPConn); ok {
			_ = tc.CloseWrite()
		}
		done <- struct{}{}
	}
	go copyHalf(a, b)
	go copyHalf(b, a)
	<-done
	<-done
	a.Close()
	b.Close()
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: netns-forward NETNS_FILE LISTEN_ADDR TARGET_ADDR")
		os.Exit(2)
	}
	ln, err := listenIn(os.Args[1], os.Args[2])
	if err != nil {
		fmt.Fprintf(os.Stderr, "netns-forward: %v\n", err)
		os.Exit(1)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			fmt.Fprintf(os.Stderr, "netns-forward: accept: %v\n", err)
			os.Exit(1)
		}
		go func() {
			t, err := net.Dial("tcp", os.Args[3])
			if err != nil {
				fmt.Fprintf(os.Stderr, "netns-forward: dial %s: %v\n", os.Args[3], err)
				c.Close()
				return
			}
			pipe(c, t)
		}()
	}
}
