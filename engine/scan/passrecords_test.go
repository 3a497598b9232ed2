package scan

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/fiscguard/fiscguard/engine/coverage"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// TestCoverageAgreesWithFindings: on every plan fixture, each rule in force
// has a pass record, each open finding's resource is failed or inconclusive
// in it, and a passed resource has no finding.
func TestCoverageAgreesWithFindings(t *testing.T) {
	lib := loadLibrary(t)
	plans, err := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	if err != nil || len(plans) == 0 {
		t.Fatalf("no plan fixtures: %v", err)
	}
	for _, p := range []rule.Profile{rule.Simple, rule.Strict} {
		for _, path := range plans {
			t.Run(string(p)+"/"+filepath.Base(path), func(t *testing.T) {
				rep := scanFile(t, lib, path, p)
				if len(rep.Coverage) != len(rep.Rules) {
					t.Fatalf("%d pass records for %d rules in force", len(rep.Coverage), len(rep.Rules))
				}
				outcome := map[[2]string]string{}
				for _, rc := range rep.Coverage {
					for _, r := range rc.Resources {
						outcome[[2]string{rc.Rule.ID, r.Address}] = r.Outcome
					}
				}
				hasFinding := map[[2]string]bool{}
				for _, f := range rep.Findings {
					k := [2]string{f.Rule.ID, f.Address}
					hasFinding[k] = true
					o := outcome[k]
					if f.Waiver == nil && o != coverage.Fail && o != coverage.Inconclusive {
						t.Errorf("%s on %s: open %s finding, pass record %q", f.Rule.ID, f.Address, f.Status, o)
					}
				}
				for k, o := range outcome {
					if o == coverage.Pass && hasFinding[k] {
						t.Errorf("%s on %s passes but has a finding", k[0], k[1])
					}
				}
			})
		}
	}
}

// TestCoverageIgnoresBaseline: a baseline hides findings from the output,
// not from the pass records.
func TestCoverageIgnoresBaseline(t *testing.T) {
	lib := loadLibrary(t)
	path := filepath.Join(fixtureDir, "demo.json")
	opts := Options{Profile: rule.Simple, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En}
	full := scanFile(t, lib, path, rule.Simple)
	if len(full.Findings) == 0 {
		t.Fatal("the demo plan has no findings")
	}
	opts.Baseline = map[string]bool{}
	for _, f := range full.Findings {
		opts.Baseline[f.Fingerprint] = true
	}
	filtered, err := lib.Run(context.Background(), Target{Path: path}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(filtered.Findings) != 0 {
		t.Fatalf("baseline left %d findings", len(filtered.Findings))
	}
	if !reflect.DeepEqual(counts(full), counts(filtered)) {
		t.Errorf("pass records changed with a baseline:\n%v\n%v", counts(full), counts(filtered))
	}
}

func counts(rep *report.Report) map[string]coverage.Counts {
	out := map[string]coverage.Counts{}
	for i := range rep.Coverage {
		out[rep.Coverage[i].Rule.ID] = rep.Coverage[i].Counts()
	}
	return out
}

// TestLibrarySources: the embedded library has a digest that changes with
// nothing but the library.
func TestLibrarySources(t *testing.T) {
	lib := loadLibrary(t)
	if len(lib.Sources) != 1 || !lib.Sources[0].Builtin || lib.Sources[0].Files < 100 || len(lib.Sources[0].Digest) != len("sha256:")+64 {
		t.Fatalf("sources %+v", lib.Sources)
	}
	again, err := readLibrary()
	if err != nil {
		t.Fatal(err)
	}
	if again.Sources[0] != lib.Sources[0] {
		t.Errorf("digest differs between loads: %+v %+v", again.Sources[0], lib.Sources[0])
	}
}
