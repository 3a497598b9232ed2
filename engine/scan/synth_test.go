package scan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/fiscguard/fiscguard/engine/plan"
	"github.com/fiscguard/fiscguard/engine/policy"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/fixtures/synth"
)

// TestSyntheticViolationRates holds the two synthetic plans make bench
// times to what they stand for under the strict profile: in Plan a third
// of the resources is misconfigured, in ManyFindings most resources are,
// several ways each (more findings than resources, several times Plan's
// rate). The bounds leave room for the library's rules to change.
func TestSyntheticViolationRates(t *testing.T) {
	lib := loadLibrary(t)
	rate := func(plan func(int) []byte) float64 {
		path := filepath.Join(t.TempDir(), "plan.json")
		if err := os.WriteFile(path, plan(800), 0o644); err != nil {
			t.Fatal(err)
		}
		rep := scanFile(t, lib, path, rule.Strict)
		t.Logf("%d findings on %d resources", len(rep.Findings), len(rep.Resources))
		return float64(len(rep.Findings)) / float64(len(rep.Resources))
	}
	some, many := rate(synth.Plan), rate(synth.ManyFindings)
	if some < 0.15 || some > 0.8 || many < 1.2 || many < 2.5*some {
		t.Errorf("findings per resource: %.2f in Plan, %.2f in ManyFindings", some, many)
	}
}

// TestConcurrentUnitsAgree: evaluating the rules' package directories on
// several cores at once gives exactly the results of evaluating them one
// at a time.
func TestConcurrentUnitsAgree(t *testing.T) {
	lib := loadLibrary(t)
	doc, err := plan.Load("plan.json", synth.ManyFindings(400))
	if err != nil {
		t.Fatal(err)
	}
	params, err := lib.Params.Resolve(rule.Strict, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, n := range []int{1, 2, 5} {
		q, err := lib.Policies.Prepare(context.Background(), policy.Options{Profile: rule.Strict, Params: params, Parallel: n})
		if err != nil {
			t.Fatal(err)
		}
		results, err := q.Eval(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range results {
			got = append(got, fmt.Sprintf("%s %s %s %s %v %s", r.Rule.ID, r.Address, r.Attribute, r.Status, r.Attributes, r.Message.Ja))
		}
		sort.Strings(got)
		if n == 1 {
			want = got
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d at once: %d results, one at a time %d", n, len(got), len(want))
		}
	}
	if len(want) < 400 {
		t.Errorf("%d results on the many-findings plan", len(want))
	}
}
