// Command gendocs writes docs/policies.md and docs/fisc-coverage.md from the
// embedded policy library: go run ./engine/docs/gendocs (or make docs).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/fiscguard/fiscguard/engine/docs"
	"github.com/fiscguard/fiscguard/engine/scan"
)

func main() {
	dir := "docs"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	built, err := scan.LoadLibrary()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	lib := docs.Builtin(built.Catalog, built.Params, built.Policies.Rules())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	for name, data := range map[string][]byte{"policies.md": lib.Policies(), "fisc-coverage.md": lib.Coverage()} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
	}
}
