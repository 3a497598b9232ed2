package policies_test

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/policy"
	"github.com/fiscguard/fiscguard/policies"
)

// TestRego runs every built-in policy's Rego unit tests with OPA's tester.
func TestRego(t *testing.T) {
	results, err := policy.RunTests(context.Background(), policy.Source{FS: policies.FS, Name: "policies", Builtin: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests found")
	}
	for _, r := range results {
		if !r.Pass {
			t.Errorf("%s: %s.%s failed %s", r.File, r.Package, r.Name, r.Error)
		}
	}
	t.Logf("%d Rego tests", len(results))
}

// TestReadmeExampleIsARealPolicy keeps the README's policy example equal to
// the policy file it shows, from its package line on.
func TestReadmeExampleIsARealPolicy(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "```rego\n")
	if !ok {
		t.Fatal("README has no rego example")
	}
	example, _, _ := strings.Cut(rest, "```")
	i := strings.Index(example, "package fiscguard.")
	if i < 0 {
		t.Fatal("README's example has no package line")
	}
	code := example[i:]
	pkg := strings.TrimPrefix(strings.SplitN(code, "\n", 2)[0], "package fiscguard.")
	file := strings.ReplaceAll(pkg, ".", "/") + ".rego"
	src, err := fs.ReadFile(policies.FS, file)
	if err != nil {
		t.Fatalf("README's example names package %s: %v", pkg, err)
	}
	if want := string(src[strings.Index(string(src), "package fiscguard."):]); code != want {
		t.Errorf("README's example differs from policies/%s:\n%s\nwant:\n%s", file, code, want)
	}
}
