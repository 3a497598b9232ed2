package scan

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/plan"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// TestBuiltinRulesNeverAbort evaluates the built-in rules over every
// fixture and corpus plan, and over variants that real plans may hold:
// each resource twice under another address (names and values no longer
// unique), the twins without references (a plan without its
// configuration), and those with every string redacted (two secrets look
// the same). A rule that keys an object by such a value aborts the whole
// scan with eval_conflict_error; none may.
func TestBuiltinRulesNeverAbort(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/plans/*.json")
	corpus, _ := filepath.Glob("../../../shared/corpus/plans/*/*.json")
	files = append(files, corpus...)
	lib := loadLibrary(t)
	queries := map[rule.Profile]func(*model.Document) error{}
	for _, p := range []rule.Profile{rule.Simple, rule.Strict} {
		q, _, err := lib.query(context.Background(), Options{Profile: p})
		if err != nil {
			t.Fatal(err)
		}
		queries[p] = func(doc *model.Document) error { _, err := q.Eval(context.Background(), doc); return err }
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := plan.Load(f, data)
		if err != nil {
			continue // the corpus holds plans fiscguard refuses; they have their own tests
		}
		for name, variant := range map[string]*model.Document{
			"as is":                         doc,
			"twins":                         twins(doc, false, false),
			"twins without references":      twins(doc, true, false),
			"redacted twins, no references": twins(doc, true, true),
		} {
			for p, eval := range queries {
				if err := eval(variant); err != nil {
					t.Errorf("%s (%s, %s): %v", f, name, p, err)
				}
			}
		}
	}
}

// twins returns doc with each resource also at another address, with the
// same values: without references when noRefs is set, strings redacted in
// both when redact is.
func twins(doc *model.Document, noRefs, redact bool) *model.Document {
	out := *doc
	out.Resources = nil
	for _, r := range doc.Resources {
		a, b := r, r
		b.Address, b.Name = r.Address+"_twin", r.Name+"_twin"
		if noRefs {
			a.Refs, b.Refs = nil, nil
		}
		if redact {
			a.Values, _ = redacted(r.Values).(map[string]any)
			b.Values = a.Values
		}
		out.Resources = append(out.Resources, a, b)
	}
	return &out
}

func redacted(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = redacted(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = redacted(e)
		}
		return l
	case string:
		return model.Redacted
	}
	return v
}
