// Package arch tests the walls between fiscguard's packages that
// DESIGN.md draws, from what the go command says each package links.
package arch

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	module = "github.com/fiscguard/fiscguard/"
	root   = "../.."
)

// compilesPolicies are the packages that compile or evaluate Rego: the
// policy engine, the scan that drives it, the runner that loads the library
// and runs the scans, and the commands. Everything
// else (model, loaders, findings, writers, configuration, docs) works on
// engine/rule's plain types and must not link OPA.
var compilesPolicies = []string{
	"cmd/fiscguard",
	"engine/docs/gendocs",
	"engine/policy",
	"engine/policy/regocheck",
	"engine/runner",
	"engine/scan",
	"engine/tfschema/gentable", // parses the library for the types it names
}

// TestOPAOnlyWherePoliciesAreCompiled lists, for every package of the
// module (tests excluded), whether anything it links comes from OPA.
func TestOPAOnlyWherePoliciesAreCompiled(t *testing.T) {
	var linking []string
	for pkg, deps := range moduleDeps(t) {
		if slices.ContainsFunc(deps, func(d string) bool { return strings.HasPrefix(d, "github.com/open-policy-agent/opa/") }) {
			linking = append(linking, pkg)
		}
	}
	slices.Sort(linking)
	if !slices.Equal(linking, compilesPolicies) {
		t.Errorf("packages linking OPA: %v\nwant exactly: %v\n(a package that only reads rules, results or severities should import engine/rule, not engine/policy or engine/scan)", linking, compilesPolicies)
	}
}

// moduleDeps maps each package of the module, relative to the module
// path, to the import paths it links.
func moduleDeps(t *testing.T) map[string][]string {
	t.Helper()
	touchSources(t, root)
	cmd := exec.Command("go", "list", "-json=ImportPath,Deps", "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	deps := map[string][]string{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath string
			Deps       []string
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		deps[strings.TrimPrefix(p.ImportPath, module)] = p.Deps
	}
	if len(deps) == 0 {
		t.Fatal("go list found no packages")
	}
	return deps
}

// touchSources reads every directory and stats every Go file of the
// module, so go test's cache, which tracks the files a test opens, reruns
// this test when a source file changes; the go list it runs is invisible
// to that cache.
func touchSources(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && p != dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata"):
			return filepath.SkipDir
		case !d.IsDir() && (strings.HasSuffix(p, ".go") || d.Name() == "go.mod"):
			_, err = os.Stat(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
