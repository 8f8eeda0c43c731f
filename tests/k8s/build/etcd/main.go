// Command etcd is the stock etcd server. The upstream root module
// (go.etcd.io/etcd/v3, which holds etcd's main.go) carries replace directives
// and cannot be built from the module proxy, so this builds the same entry
// point, etcdmain.Main, from the published go.etcd.io/etcd/server/v3 module.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
