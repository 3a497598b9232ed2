package policies_test

import (
	"context"
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
