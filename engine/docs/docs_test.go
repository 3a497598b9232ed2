package docs

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/engine/scan"
)

func load(t *testing.T) *Library {
	t.Helper()
	lib, err := scan.LoadLibrary()
	if err != nil {
		t.Fatal(err)
	}
	return Builtin(lib.Catalog, lib.Params, lib.Policies.Rules())
}

// TestCommittedDocsAreCurrent fails when docs/*.md differ from what the
// library generates: run make docs and commit the result.
func TestCommittedDocsAreCurrent(t *testing.T) {
	lib := load(t)
	for name, want := range map[string][]byte{"policies.md": lib.Policies(), "fisc-coverage.md": lib.Coverage()} {
		got, err := os.ReadFile("../../docs/" + name)
		if err != nil {
			t.Fatalf("%v (run make docs)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("docs/%s is out of date: run make docs and commit it", name)
		}
	}
}

// TestPolicyAnchorsMatchHelpURIs: every rule has the anchor its SARIF
// helpUri points at, and every FISC item linked from a rule has its anchor.
func TestPolicyAnchorsMatchHelpURIs(t *testing.T) {
	lib := load(t)
	pol, cov := string(lib.Policies()), string(lib.Coverage())
	for _, r := range lib.Rules {
		anchor := HelpURI(r.ID)[strings.Index(HelpURI(r.ID), "#")+1:]
		if anchor != strings.ToLower(r.ID) || !strings.Contains(pol, `<a id="`+anchor+`"></a>`) {
			t.Errorf("%s: no anchor %q in policies.md", r.ID, anchor)
		}
	}
	for _, m := range regexp.MustCompile(`fisc-coverage\.md#([a-z0-9-]+)`).FindAllStringSubmatch(pol, -1) {
		if !strings.Contains(cov, `<a id="`+m[1]+`"></a>`) {
			t.Errorf("policies.md links to fisc-coverage.md#%s, which has no such anchor", m[1])
		}
	}
}

// TestCoverageExplainsEveryItem: each catalog item is either evidenced by a
// policy or says why not, and the counts add up.
func TestCoverageExplainsEveryItem(t *testing.T) {
	lib := load(t)
	for _, it := range lib.Catalog.Items() {
		s := lib.StatusOf(it)
		if s == StatusNone {
			t.Errorf("%s has no status", it.ID)
		}
		if s != Covered && it.IaCNote.En == "" {
			t.Errorf("%s has no policy and no iac_note saying why", it.ID)
		}
		if s == Covered && it.Responsibility == rule.Provider {
			t.Errorf("%s is provider-only but policies cite it", it.ID)
		}
	}
	m := lib.Catalog.Management()
	if m.Placement.En == "" || m.Source.En == "" {
		t.Error("the catalog does not say how requirements are placed in simple or strict management")
	}
	if _, ok := lib.Rule("fg-s3-001"); !ok {
		t.Error("rule lookup ignores case")
	}
}

// TestEveryControlHasARuleOrAReason: each AWS control of AWS's FISC mapping
// is implemented by a rule or says why none does, never both (a reason left
// behind by a new rule would be false).
func TestEveryControlHasARuleOrAReason(t *testing.T) {
	lib := load(t)
	if len(lib.Catalog.Controls()) < 72 {
		t.Errorf("the catalog holds %d AWS controls; AWS's mapping has 72", len(lib.Catalog.Controls()))
	}
	for _, c := range lib.Catalog.Controls() {
		rules := lib.RulesForControl(c.ID)
		switch {
		case len(rules) == 0 && c.WithoutRule.En == "":
			t.Errorf("%s: no rule implements it and without_rule does not say why", c.ID)
		case len(rules) > 0 && c.WithoutRule.En != "":
			t.Errorf("%s: %s implement it, but without_rule still says why none does", c.ID, rules[0].ID)
		}
	}
}

func TestParamsOf(t *testing.T) {
	lib := load(t)
	for id, want := range map[string]string{
		"FG-REGION-002": "allowed_regions", // through the helper package, named in the description
		"FG-LOGS-001":   "min_log_retention_days",
		"FG-EC2-001":    "admin_ports",
	} {
		r, ok := lib.Rule(id)
		if !ok {
			t.Fatalf("no rule %s", id)
		}
		if got := strings.Join(lib.ParamsOf(r), ","); got != want {
			t.Errorf("%s reads %q, want %q", id, got, want)
		}
	}
	if r, _ := lib.Rule("FG-S3-001"); len(lib.ParamsOf(r)) != 0 {
		t.Errorf("FG-S3-001 reads no parameter, got %v", lib.ParamsOf(r))
	}
}

func TestAnchorFISC(t *testing.T) {
	for id, want := range map[string]string{"実3": "fisc-j3", "実14-1": "fisc-j14-1", "運108": "fisc8-u108"} {
		if got := anchorFISC(id); got != want {
			t.Errorf("anchorFISC(%s) = %s, want %s", id, got, want)
		}
	}
}
