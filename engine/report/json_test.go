package report

import (
	"encoding/json"
	"testing"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

func decodeJSON(t *testing.T, r *Report) jsonReport {
	t.Helper()
	var out jsonReport
	if err := json.Unmarshal(render(t, "json", r, Options{}), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestJSONSummary(t *testing.T) {
	tests := []struct {
		name          string
		failOn        rule.Severity
		wantThreshold int
	}{
		// Inconclusive findings never count towards the threshold.
		{"critical", rule.Critical, 1},
		{"high", rule.High, 2},
		{"low", rule.Low, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleReport(t, i18n.En)
			r.FailOn = tt.failOn
			s := decodeJSON(t, r).Summary
			if s.FailedThreshold != tt.wantThreshold {
				t.Errorf("failed_threshold %d, want %d", s.FailedThreshold, tt.wantThreshold)
			}
			if s.BySeverity != (jsonBySeverity{Critical: 1, High: 1, Medium: 1}) {
				t.Errorf("by_severity %+v", s.BySeverity)
			}
			if s.ByStatus != (jsonByStatus{Fail: 2, Inconclusive: 1}) {
				t.Errorf("by_status %+v", s.ByStatus)
			}
			// Checked: the bucket and the trail; not the data source, the
			// deletion, nor terraform_data, which no rule covers.
			if s.Resources != 5 || s.ResourcesChecked != 2 || s.ResourceTypes != 3 || len(s.TypesNotCovered) != 1 || s.TypesNotCovered[0] != "terraform_data" {
				t.Errorf("resources %d checked %d, types %d not covered %v; want 5, 2, 3, [terraform_data]", s.Resources, s.ResourcesChecked, s.ResourceTypes, s.TypesNotCovered)
			}
			if s.Filters == nil || len(s.Filters) != 0 {
				t.Errorf("filters %v, want []", s.Filters)
			}
		})
	}
}

func TestJSONFISCOrderAndEdition(t *testing.T) {
	r := sampleReport(t, i18n.Ja)
	out := decodeJSON(t, r)
	var ids []string
	for _, c := range out.Summary.ByFISC {
		ids = append(ids, c.ID)
	}
	// Natural order: 実3 before 実14 before 実25 (byte order would put 実14 first).
	if len(ids) != 3 || ids[0] != "実3" || ids[1] != "実14" || ids[2] != "実25" {
		t.Errorf("by_fisc order %v", ids)
	}
	if out.Summary.ByFISC[0].Title != "蓄積データの漏えい防止" || out.Summary.ByFISC[0].Findings != 2 {
		t.Errorf("by_fisc[0] %+v, want the Japanese catalog title and 2 findings", out.Summary.ByFISC[0])
	}

	r.Edition = "8th"
	out = decodeJSON(t, r)
	if out.Edition != "8th" || len(out.Summary.ByFISC) != 1 || out.Summary.ByFISC[0].ID != "運110" || out.Summary.ByFISC[0].Findings != 2 {
		t.Errorf("8th edition summary %+v", out.Summary.ByFISC)
	}
	for _, f := range out.Findings {
		if f.RuleID == "FG-S3-002" && len(f.FISC) != 0 {
			t.Errorf("FG-S3-002 has no 8th-edition IDs, got %v", f.FISC)
		}
		if f.RuleID == "FG-S3-002" && len(f.FISCCurrent) != 1 {
			t.Errorf("fisc_current must not depend on the edition, got %v", f.FISCCurrent)
		}
	}
}

func TestJSONFindings(t *testing.T) {
	out := decodeJSON(t, sampleReport(t, i18n.Ja))
	if out.SchemaVersion != 1 || out.Lang != "ja" || out.Profile != "strict" || out.FailOn != "high" {
		t.Errorf("header %d %s %s %s", out.SchemaVersion, out.Lang, out.Profile, out.FailOn)
	}
	byRule := map[string]jsonFinding{}
	for _, f := range out.Findings {
		byRule[f.RuleID] = f
	}
	if f := byRule["FG-CT-001"]; f.Location != nil {
		t.Errorf("unlocated finding has location %+v", f.Location)
	}
	f := byRule["FG-S3-001"]
	if f.Location == nil || f.Location.File != "modules/logs/main.tf" || f.Location.Line != 12 || f.Location.EndLine != 12 {
		t.Errorf("location %+v", f.Location)
	}
	if f.Message != `バケット module.logs.aws_s3_bucket.this["audit"] にパブリックアクセスブロックがない` || f.Title != "S3バケットのパブリックアクセスをブロックする" {
		t.Errorf("text not in Japanese: %q / %q", f.Title, f.Message)
	}
	if f.Fingerprint == "" || f.Fingerprint == byRule["FG-S3-002"].Fingerprint {
		t.Errorf("fingerprints %q and %q must be set and distinct", f.Fingerprint, byRule["FG-S3-002"].Fingerprint)
	}
	if len(out.Rules) != 3 || len(out.Resources) != 5 || out.Resources[0].Address != "aws_cloudtrail.main" {
		t.Errorf("rules %d, resources %+v", len(out.Rules), out.Resources)
	}
	for _, r := range out.Resources {
		if r.Type == "terraform_data" && (r.Covered || r.Checked) {
			t.Errorf("%s is marked covered or checked", r.Address)
		}
	}
}

// TestJSONFilters: each filter in force says what it left out, and each
// resource which filter left it out.
func TestJSONFilters(t *testing.T) {
	out := decodeJSON(t, waivedReport(t, i18n.En))
	if len(out.Summary.Filters) != 1 || out.Summary.Filters[0] != (jsonFilter{Name: "diff-base", Ref: "origin/main", ResourcesLeftOut: 2}) {
		t.Errorf("filters %+v", out.Summary.Filters)
	}
	left := 0
	for _, r := range out.Resources {
		if r.LeftOutBy == "diff-base" {
			left++
			if r.Checked {
				t.Errorf("%s is left out but checked", r.Address)
			}
		}
	}
	if left != 2 || out.Summary.ResourcesChecked != 4 {
		t.Errorf("%d resources left out, %d checked; want 2 and 4", left, out.Summary.ResourcesChecked)
	}
}

// TestJSONRuleCounts: every rule carries its pass record, and a rule that
// applied to nothing says so rather than passing.
func TestJSONRuleCounts(t *testing.T) {
	r := waivedReport(t, i18n.En)
	r.Resources = append(r.Resources, Resource{Address: "aws_s3_bucket.ok", Type: "aws_s3_bucket", Mode: model.ModeManaged, Actions: []string{"create"}, Checked: true})
	r.Rules = append(r.Rules, &rule.Rule{ID: "FG-KMS-001", Title: i18n.Text{En: "KMS keys rotate"}, Severity: rule.Medium, Profile: rule.Simple, ResourceTypes: []string{"aws_kms_key"}})
	withCoverage(r)
	got := map[string][5]int{}
	for _, rule := range decodeJSON(t, r).Rules {
		got[rule.ID] = [5]int{rule.Applied, rule.Passed, rule.Failed, rule.Inconclusive, rule.Waived}
	}
	want := map[string][5]int{
		// audit fails, access is waived, ok passes, and so does archive, which
		// --diff-base left out of the findings; the deleted bucket is not checked.
		"FG-S3-001":  {4, 2, 1, 0, 1},
		"FG-S3-002":  {4, 3, 0, 1, 0},
		"FG-CT-001":  {3, 1, 1, 0, 1},
		"FG-KMS-001": {0, 0, 0, 0, 0},
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s applied/passed/failed/inconclusive/waived = %v, want %v", id, got[id], w)
		}
	}
}
