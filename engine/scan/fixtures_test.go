package scan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

const fixtureDir = "../../fixtures/plans"

func loadLibrary(t testing.TB) *Library {
	t.Helper()
	lib, err := LoadLibrary()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func scanFile(t testing.TB, lib *Library, path string, p rule.Profile) *report.Report {
	t.Helper()
	rep, err := lib.Run(context.Background(), Target{Path: path}, Options{Profile: p, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// findingLines renders findings as "RULE<TAB>ADDRESS<TAB>STATUS", sorted and
// without duplicates (a rule may flag several attributes of one resource).
func findingLines(rep *report.Report) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range rep.Findings {
		l := fmt.Sprintf("%s\t%s\t%s", f.Rule.ID, f.Address, f.Status)
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

func readExpected(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// TestFixtures scans every fixture plan under both profiles and compares
// the exact set of (rule, address, status) with its .expected file
// (<case>.strict.expected where the strict profile differs).
func TestFixtures(t *testing.T) {
	lib := loadLibrary(t)
	plans, err := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	if err != nil || len(plans) == 0 {
		t.Fatalf("no fixture plans: %v", err)
	}
	for _, p := range plans {
		base := strings.TrimSuffix(p, ".json")
		for _, prof := range []rule.Profile{rule.Simple, rule.Strict} {
			want := base + ".expected"
			if prof == rule.Strict {
				if _, err := os.Stat(base + ".strict.expected"); err == nil {
					want = base + ".strict.expected"
				}
			}
			t.Run(filepath.Base(base)+"/"+string(prof), func(t *testing.T) {
				got := findingLines(scanFile(t, lib, p, prof))
				exp := readExpected(t, want)
				if strings.Join(got, "\n") != strings.Join(exp, "\n") {
					t.Errorf("findings differ from %s\ngot:\n%s\nwant:\n%s", want, strings.Join(got, "\n"), strings.Join(exp, "\n"))
				}
			})
		}
	}
}

// TestFixturesInBothForms scans the Terraform source of every fixture plan
// (fixtures/hcl/<case>) and requires exactly the plan's findings, so each
// policy is proven on plan JSON and on HCL alike. Only what a configuration
// cannot show (a plan's deletions) may differ, in <case>.hcl[.strict].expected.
func TestFixturesInBothForms(t *testing.T) {
	lib := loadLibrary(t)
	plans, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	for _, p := range plans {
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		dir := filepath.Join("../../fixtures/hcl", name)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			t.Errorf("%s: no Terraform source at %s", name, dir)
			continue
		}
		base := strings.TrimSuffix(p, ".json")
		for _, prof := range []rule.Profile{rule.Simple, rule.Strict} {
			want := ""
			for _, c := range expectedFiles(base, prof) {
				if _, err := os.Stat(c); err == nil && want == "" {
					want = c
				}
			}
			t.Run(name+"/"+string(prof), func(t *testing.T) {
				got := findingLines(scanFile(t, lib, dir, prof))
				exp := readExpected(t, want)
				if strings.Join(got, "\n") != strings.Join(exp, "\n") {
					t.Errorf("HCL findings differ from %s\ngot:\n%s\nwant:\n%s", want, strings.Join(got, "\n"), strings.Join(exp, "\n"))
				}
			})
		}
	}
}

// expectedFiles lists, most specific first, the files that may hold a
// fixture's expected HCL findings under a profile.
func expectedFiles(base string, p rule.Profile) []string {
	if p == rule.Strict {
		return []string{base + ".hcl.strict.expected", base + ".strict.expected", base + ".hcl.expected", base + ".expected"}
	}
	return []string{base + ".hcl.expected", base + ".expected"}
}

// TestEveryRuleHasFailingAndPassingFixtures: each rule fails on some fixture,
// and some fixture holds a resource of its types that it does not flag.
func TestEveryRuleHasFailingAndPassingFixtures(t *testing.T) {
	lib := loadLibrary(t)
	plans, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	fails := map[string]bool{}
	passes := map[string]bool{}
	for _, p := range plans {
		rep := scanFile(t, lib, p, rule.Strict)
		flagged := map[string]bool{}
		for _, f := range rep.Findings {
			flagged[f.Rule.ID+" "+f.Address] = true
			if f.Status == rule.StatusFail {
				fails[f.Rule.ID] = true
			}
		}
		for _, rl := range rep.Rules {
			for _, r := range rep.Resources {
				if r.Checked && contains(rl.ResourceTypes, r.Type) && !flagged[rl.ID+" "+r.Address] {
					passes[rl.ID] = true
				}
			}
		}
	}
	for _, r := range lib.Policies.Rules() {
		if !fails[r.ID] {
			t.Errorf("%s: no fixture plan fails it", r.ID)
		}
		if !passes[r.ID] {
			t.Errorf("%s: no fixture plan passes it", r.ID)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s || x == "*" {
			return true
		}
	}
	return false
}

// TestFingerprintsInBothForms: a finding has the same fingerprint whether
// the configuration or the plan made from it is scanned (the plan located
// in its configuration, as a plan written beside it is), so a baseline or a
// waiver recorded on one carries to the other.
func TestFingerprintsInBothForms(t *testing.T) {
	lib := loadLibrary(t)
	plans, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	for _, p := range plans {
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		dir := filepath.Join("../../fixtures/hcl", name)
		if hclOnly, _ := filepath.Glob(strings.TrimSuffix(p, ".json") + ".hcl*.expected"); len(hclOnly) > 0 {
			continue // deletions: the forms differ by design
		}
		t.Run(name, func(t *testing.T) {
			opts := Options{Profile: rule.Strict, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En}
			hcl, err := lib.Run(context.Background(), Target{Path: dir}, opts)
			if err != nil {
				t.Fatal(err)
			}
			opts.SourceDir = dir
			plan, err := lib.Run(context.Background(), Target{Path: p}, opts)
			if err != nil {
				t.Fatal(err)
			}
			prints := func(rep *report.Report) []string {
				var out []string
				for _, f := range rep.Findings {
					out = append(out, f.Rule.ID+" "+f.Address+" "+f.Fingerprint)
				}
				sort.Strings(out)
				return out
			}
			if h, pl := prints(hcl), prints(plan); strings.Join(h, "\n") != strings.Join(pl, "\n") {
				t.Errorf("fingerprints differ\nHCL:\n%s\nplan:\n%s", strings.Join(h, "\n"), strings.Join(pl, "\n"))
			}
		})
	}
}
