package policy

import (
	"context"
	"io/fs"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/fiscguard/fiscguard/engine/plan"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/fixtures/synth"
	"github.com/fiscguard/fiscguard/policies"
)

// stepCounter counts the expressions an evaluation evaluates.
type stepCounter int

func (c *stepCounter) Enabled() bool { return true }

func (c *stepCounter) TraceEvent(e topdown.Event) {
	if e.Op == topdown.EvalOp {
		*c++
	}
}

func (c *stepCounter) Config() topdown.TraceConfig { return topdown.TraceConfig{} }

// TestRulesScaleLinearly: no built-in rule does work that grows faster than
// the input. Each is evaluated alone over synthetic plans of n and 8n
// resources, most misconfigured; its evaluation steps may grow a little
// more than 8 times, but not the up to 64 times of a rule that walks every
// store for each store (as FG-BACKUP-003 once did, looking a partial object
// up by address). Steps, unlike time, are exact: the test cannot
// flake.
func TestRulesScaleLinearly(t *testing.T) {
	set := builtinSet(t)
	data, err := fs.ReadFile(policies.FS, "params.yaml")
	if err != nil {
		t.Fatal(err)
	}
	specs, err := rule.ParseParamSpecs("params.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	params, err := specs.Resolve(rule.Strict, nil)
	if err != nil {
		t.Fatal(err)
	}
	const n, k = 100, 8
	var inputs [2]*Input
	for i, size := range []int{n, k * n} {
		doc, err := plan.Load("plan.json", synth.ManyFindings(size))
		if err != nil {
			t.Fatal(err)
		}
		if inputs[i], err = NewInput(doc); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range set.Rules() {
		q, err := set.Prepare(context.Background(), Options{Profile: rule.Strict, Only: map[string]bool{r.ID: true}, Params: params})
		if err != nil {
			t.Fatal(err)
		}
		if len(q.units) == 0 {
			continue
		}
		var steps [2]stepCounter
		for i, in := range inputs {
			if _, err := q.units[0].prepared.Eval(context.Background(), rego.EvalParsedInput(in.value), rego.EvalQueryTracer(&steps[i])); err != nil {
				t.Fatalf("%s: %v", r.ID, err)
			}
		}
		if ratio := float64(steps[1]) / float64(max(steps[0], 1)); ratio > 1.5*k {
			t.Errorf("%s: %d evaluation steps over %d resources, %d over %d (%.1f times): it grows faster than the input", r.ID, steps[0], n, steps[1], k*n, ratio)
		}
	}
}
