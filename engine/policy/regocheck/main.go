// Command regocheck is opa check --strict with fiscguard's parse options
// and capabilities, over the policy directories given: make lint runs it
// on policies/ so every module, tests included, compiles in strict mode.
package main

import (
	"fmt"
	"os"

	"github.com/fiscguard/fiscguard/engine/policy"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: regocheck DIR...")
		os.Exit(2)
	}
	var sources []policy.Source
	for _, d := range os.Args[1:] {
		src := policy.DirSource(d)
		src.Builtin = true // the library's own directories: its namespaces are theirs
		sources = append(sources, src)
	}
	if err := policy.CheckStrict(sources...); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
