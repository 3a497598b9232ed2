package scan

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// render writes a report in a format and language.
func render(t *testing.T, rep *report.Report, format string, lang i18n.Lang) string {
	t.Helper()
	rep.Lang = lang
	var buf bytes.Buffer
	if err := report.Write(&buf, format, rep, report.Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestUncoveredResources: resources of types no rule judges are not
// counted as checked, and a scan of nothing else says it checked nothing,
// in every human-readable format and both languages.
func TestUncoveredResources(t *testing.T) {
	lib := loadLibrary(t)
	tests := []struct {
		target string
		types  []string
	}{
		{"../../fixtures/hcl/uncovered-terraform-data", []string{"terraform_data"}},
		{"../../fixtures/plans/uncovered-terraform-data.json", []string{"terraform_data"}},
		{"../../fixtures/hcl/uncovered-google", []string{"google_compute_instance", "google_storage_bucket"}},
	}
	for _, tt := range tests {
		for _, prof := range []rule.Profile{rule.Simple, rule.Strict} {
			rep := scanFile(t, lib, tt.target, prof)
			for _, r := range rep.Resources {
				if r.Covered || r.Checked {
					t.Errorf("%s: %s is marked covered or checked", tt.target, r.Address)
				}
			}
			var out struct {
				Summary struct {
					ResourcesChecked int      `json:"resources_checked"`
					ResourceTypes    int      `json:"resource_types"`
					TypesNotCovered  []string `json:"types_not_covered"`
				} `json:"summary"`
			}
			if err := json.Unmarshal([]byte(render(t, rep, "json", i18n.En)), &out); err != nil {
				t.Fatal(err)
			}
			if s := out.Summary; s.ResourcesChecked != 0 || s.ResourceTypes != len(tt.types) || strings.Join(s.TypesNotCovered, ",") != strings.Join(tt.types, ",") {
				t.Errorf("%s: JSON summary %+v, want nothing checked and %v not covered", tt.target, s, tt.types)
			}
			for _, w := range []struct {
				format string
				lang   i18n.Lang
				text   string
			}{
				{"text", i18n.En, "Nothing was checked (see the summary).\n"},
				{"text", i18n.En, "  WARNING: nothing was checked: no rule judges the types of the 2 resources in the input (" + strings.Join(tt.types, ", ") + ")"},
				{"text", i18n.En, "  Result: nothing checked, so no failure at or above --fail-on low\n"},
				{"text", i18n.Ja, "  警告: 何も検査していない。入力の 2 件のリソースはいずれもルールの対象外の種類（" + strings.Join(tt.types, "、") + "）"},
				{"markdown", i18n.En, "## ⚠️ fiscguard: nothing was checked\n"},
				{"markdown", i18n.Ja, "## ⚠️ fiscguard: 何も検査していません\n"},
			} {
				if got := render(t, rep, w.format, w.lang); !strings.Contains(got, w.text) {
					t.Errorf("%s %s %s lacks %q:\n%s", tt.target, w.format, w.lang, w.text, got)
				}
			}
		}
	}
	// A resource of an uncovered type that a rule still reports on (the
	// region rule judges where every resource is) was checked.
	dir := t.TempDir()
	src := "provider \"aws\" {\n  region = \"ap-northeast-1\"\n}\n\nresource \"aws_sqs_queue\" \"q\" {\n  region = \"us-east-1\"\n}\n"
	if err := os.WriteFile(dir+"/main.tf", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := scanFile(t, lib, dir, rule.Simple)
	if len(rep.Findings) == 0 || len(rep.Resources) != 1 || rep.Resources[0].Covered || !rep.Resources[0].Checked {
		t.Fatalf("findings %d, resources %+v: want a finding on a checked, uncovered queue", len(rep.Findings), rep.Resources)
	}
	if got := render(t, rep, "text", i18n.En); strings.Contains(got, "nothing was checked") ||
		!strings.Contains(got, "  Coverage: 1 resource checked by at least one rule; 1 of 1 type not covered (aws_sqs_queue)\n") {
		t.Errorf("a scan with findings says it checked nothing:\n%s", got)
	}
	// Alongside AWS resources, an uncovered type is named, and not counted as checked.
	rep = scanFile(t, lib, "../../fixtures/hcl/network-exposed", rule.Strict)
	if got := render(t, rep, "text", i18n.En); !strings.Contains(got, "  Coverage: 11 resources checked by at least one rule; 1 of 11 types not covered (aws_internet_gateway)\n") {
		t.Errorf("mixed coverage:\n%s", got)
	}
}

// TestChangedOnlySummary: --changed-only says that it filtered and how
// many resources it left out; they are not counted as checked, and their
// findings are gone. On a configuration directory it is an input error,
// not a filter that silently does nothing.
func TestChangedOnlySummary(t *testing.T) {
	data, err := os.ReadFile("../../fixtures/plans/demo.json")
	if err != nil {
		t.Fatal(err)
	}
	var plan map[string]any
	if err := json.Unmarshal(data, &plan); err != nil {
		t.Fatal(err)
	}
	// The bastion's security group and instance stay as they are.
	unchanged := map[string]bool{"aws_security_group.bastion": true, "aws_instance.bastion": true}
	for _, rc := range plan["resource_changes"].([]any) {
		rc := rc.(map[string]any)
		if unchanged[rc["address"].(string)] {
			rc["change"].(map[string]any)["actions"] = []any{"no-op"}
		}
	}
	edited, _ := json.Marshal(plan)
	lib := loadLibrary(t)
	run := func(changedOnly bool) *report.Report {
		rep, err := lib.Run(context.Background(), Target{Path: "-", Stdin: bytes.NewReader(edited)},
			Options{Profile: rule.Simple, FailOn: rule.Low, Lang: i18n.En, ChangedOnly: changedOnly})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	all, changed := run(false), run(true)
	if len(all.Filters) != 0 {
		t.Errorf("filters without --changed-only: %+v", all.Filters)
	}
	if len(changed.Filters) != 1 || changed.Filters[0] != (report.Filter{Name: report.FilterChangedOnly, LeftOut: 2}) {
		t.Fatalf("filters %+v, want changed-only leaving out 2", changed.Filters)
	}
	for _, f := range changed.Findings {
		if unchanged[f.Address] {
			t.Errorf("finding on unchanged %s kept", f.Address)
		}
	}
	checked := func(rep *report.Report) (n int) {
		for _, r := range rep.Resources {
			if r.Checked {
				n++
			}
			if unchanged[r.Address] && rep == changed && (r.Checked || r.LeftOutBy != report.FilterChangedOnly) {
				t.Errorf("%s: checked %v, left out by %q", r.Address, r.Checked, r.LeftOutBy)
			}
		}
		return n
	}
	if a, c := checked(all), checked(changed); c != a-2 {
		t.Errorf("%d checked with --changed-only, %d without", c, a)
	}
	for lang, want := range map[i18n.Lang]string{
		i18n.En: "  Filter: --changed-only left out 2 resources that the plan does not create, update or replace\n",
		i18n.Ja: "  絞り込み: --changed-only により、プランで作成・更新・置換しない 2 件のリソースを除外\n",
	} {
		if got := render(t, changed, "text", lang); !strings.Contains(got, want) {
			t.Errorf("%s text lacks %q:\n%s", lang, want, got)
		}
	}
	if got := render(t, changed, "markdown", i18n.En); !strings.Contains(got, "- **Filter**: `--changed-only` left out 2 resources") {
		t.Errorf("markdown lacks the filter:\n%s", got)
	}
	_, err = lib.Run(context.Background(), Target{Path: "../../fixtures/hcl/demo"}, Options{Profile: rule.Simple, ChangedOnly: true})
	var ie *model.InputError
	if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "--changed-only: ") {
		t.Errorf("--changed-only on a directory: %v", err)
	}
}
