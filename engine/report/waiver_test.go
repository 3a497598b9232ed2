package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Waivers of waivedReport, judged on 2027-03-01.
var (
	waiverFile = finding.Waiver{
		Kind: "file", Rule: "FG-S3-001", Resource: `module.logs.aws_s3_bucket.this["*"]`,
		Reason: "Log buckets are written by a service principal only | reviewed\nby the platform team",
		Owner:  "platform-team", Ticket: "SEC-1234", Expires: "2027-03-11",
		Source: model.Location{File: ".fiscguard/waivers.yaml", Line: 3, Column: 5},
	}
	waiverInline = finding.Waiver{
		Kind: "inline", Rule: "実25", Resource: "aws_cloudtrail.legacy",
		Reason: "Legacy trail, replaced by the organisation trail", Expires: "2027-03-01",
		Source: model.Location{File: "infra/prod/trail.tf", Line: 7, Column: 1},
	}
	// Not expiring soon: after the 30-day window, already past, or open-ended.
	waiverLater   = finding.Waiver{Kind: "file", Rule: "FG-S3-002", Resource: "aws_s3_bucket.archive", Reason: "Archive keys rotate in Q2", Owner: "data-team", Expires: "2027-04-01", Source: model.Location{File: ".fiscguard/waivers.yaml", Line: 10}}
	waiverExpired = finding.Waiver{Kind: "file", Rule: "FG-S3-002", Resource: "aws_s3_bucket.tmp", Reason: "Temporary bucket", Expires: "2027-02-28", Source: model.Location{File: ".fiscguard/waivers.yaml", Line: 16}}
	waiverForever = finding.Waiver{Kind: "file", Rule: "FG-CT-001", Resource: "*", Reason: "Trails are managed by the organisation", Source: model.Location{File: ".fiscguard/waivers.yaml", Line: 21}}
)

// waivedReport is sampleReport plus two waived findings (one from a waiver
// file, one inline) and the waivers in force, two of which expire within
// 30 days of Today.
func waivedReport(t *testing.T, lang i18n.Lang) *Report {
	t.Helper()
	r := sampleReport(t, lang)
	fileWaived := newFinding(ruleS3Public, rule.StatusFail, `module.logs.aws_s3_bucket.this["access"]`, "aws_s3_bucket", "",
		i18n.Text{En: `Bucket module.logs.aws_s3_bucket.this["access"] has no public access block`, Ja: `バケット module.logs.aws_s3_bucket.this["access"] にパブリックアクセスブロックがない`},
		&model.Location{File: "modules/logs/main.tf", Line: 12, Column: 1})
	w1 := waiverFile
	fileWaived.Waiver = &w1
	inlineWaived := newFinding(ruleTrail, rule.StatusFail, "aws_cloudtrail.legacy", "aws_cloudtrail", "is_multi_region_trail",
		i18n.Text{En: "Trail aws_cloudtrail.legacy records one region only.", Ja: "証跡 aws_cloudtrail.legacy は単一リージョンのみを記録している。"},
		&model.Location{File: "infra/prod/trail.tf", Line: 9, Column: 3, EndLine: 9, EndColumn: 33})
	w2 := waiverInline
	inlineWaived.Waiver = &w2
	r.Findings = append(r.Findings, fileWaived, inlineWaived)
	r.Resources = append(r.Resources,
		Resource{Address: `module.logs.aws_s3_bucket.this["access"]`, Type: "aws_s3_bucket", Mode: model.ModeManaged, Actions: []string{"create"}, Covered: true, Checked: true},
		Resource{Address: "aws_cloudtrail.legacy", Type: "aws_cloudtrail", Mode: model.ModeManaged, Actions: []string{"no-op"}, Covered: true, Checked: true},
		Resource{Address: "aws_cloudtrail.org", Type: "aws_cloudtrail", Mode: model.ModeManaged, Actions: []string{"no-op"}, Covered: true, LeftOutBy: FilterDiffBase},
		Resource{Address: "aws_s3_bucket.archive", Type: "aws_s3_bucket", Mode: model.ModeManaged, Actions: []string{"no-op"}, Covered: true, LeftOutBy: FilterDiffBase})
	r.Filters = []Filter{{Name: FilterDiffBase, Ref: "origin/main", LeftOut: 2}}
	r.Repository = Repository{URL: "https://github.com/bank/infra", Commit: "4f2c9a1e0b7d3c5a6e8f9012a3b4c5d6e7f80912"}
	r.Waivers = []finding.Waiver{waiverForever, waiverLater, waiverInline, waiverExpired, waiverFile}
	r.Today = "2027-03-01"
	return withCoverage(r)
}

// TestWaivedCounts: waived findings are counted apart and never fail the
// build, whatever their severity.
func TestWaivedCounts(t *testing.T) {
	out := decodeJSON(t, waivedReport(t, i18n.En))
	s := out.Summary
	if s.Waived != 2 || s.FailedThreshold != 2 {
		t.Errorf("waived %d, failed_threshold %d; want 2 and 2", s.Waived, s.FailedThreshold)
	}
	if s.BySeverity != (jsonBySeverity{Critical: 1, High: 1, Medium: 1}) || s.ByStatus != (jsonByStatus{Fail: 2, Inconclusive: 1}) {
		t.Errorf("waived findings counted as open: %+v %+v", s.BySeverity, s.ByStatus)
	}
	for _, c := range s.ByFISC {
		if c.ID == "実25" && c.Findings != 1 {
			t.Errorf("実25 counts %d findings, want 1 (the waived one left out)", c.Findings)
		}
	}
	if len(out.Findings) != 5 {
		t.Fatalf("%d findings listed, want all 5", len(out.Findings))
	}
	var waived int
	for _, f := range out.Findings {
		if f.Waiver == nil {
			continue
		}
		waived++
		if f.Address == "aws_cloudtrail.legacy" {
			w := f.Waiver
			if w.Kind != "inline" || w.Rule != "実25" || w.Expires != "2027-03-01" || w.Source == nil || w.Source.File != "infra/prod/trail.tf" || w.Source.Line != 7 {
				t.Errorf("inline waiver %+v", w)
			}
		}
	}
	if waived != 2 {
		t.Errorf("%d findings carry a waiver, want 2", waived)
	}
	// A waiver without a known source has source null.
	r := waivedReport(t, i18n.En)
	r.Findings[3].Waiver.Source = model.Location{}
	var raw map[string]any
	if err := json.Unmarshal(render(t, "json", r, Options{}), &raw); err != nil {
		t.Fatal(err)
	}
	for _, f := range raw["findings"].([]any) {
		if w, ok := f.(map[string]any)["waiver"].(map[string]any); ok && w["kind"] == "file" {
			if src, present := w["source"]; !present || src != nil {
				t.Errorf("unlocated waiver source %v, want null", src)
			}
		}
	}
}

func TestTextWaived(t *testing.T) {
	out := string(render(t, "text", waivedReport(t, i18n.En), Options{}))
	if strings.Contains(out, "aws_cloudtrail.legacy records") {
		t.Errorf("a waived finding is shown as open:\n%s", out)
	}
	for _, w := range []string{
		"Waived findings (2)\n  CRITICAL  FG-CT-001  aws_cloudtrail.legacy  infra/prod/trail.tf:9 — waived: Legacy trail, replaced by the organisation trail (expires 2027-03-01)\n",
		"  HIGH  FG-S3-001  module.logs.aws_s3_bucket.this[\"access\"]  modules/logs/main.tf:12 — waived: Log buckets are written by a service principal only | reviewed by the platform team (owner platform-team, ticket SEC-1234, expires 2027-03-11)\n",
		"  Findings: 2 failed, 1 inconclusive, 2 waived · CRITICAL 1, HIGH 1, MEDIUM 1\n",
		"  Filter: --diff-base left out 2 resources whose blocks did not change since origin/main\n",
		"  Result: fail: every failure is at or above --fail-on high\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("text lacks %q:\n%s", w, out)
		}
	}
}

func decodeSARIFWith(t *testing.T, r *Report, opts Options) sarifRun {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", r, opts), &log); err != nil {
		t.Fatal(err)
	}
	return log.Runs[0]
}

func TestSARIFWaived(t *testing.T) {
	// By default waived findings are left out: GitHub would show them as open alerts.
	run := decodeSARIFWith(t, waivedReport(t, i18n.En), Options{})
	if len(run.Results) != 3 {
		t.Errorf("%d results, want the 3 open findings", len(run.Results))
	}
	for _, res := range run.Results {
		if len(res.Suppressions) != 0 || res.Properties.Address == "aws_cloudtrail.legacy" || res.Properties.Address == `module.logs.aws_s3_bucket.this["access"]` {
			t.Errorf("waived result %s in default SARIF", res.Properties.Address)
		}
	}
	// The rule of a waived-only finding stays declared, so an audit can tell it ran.
	if len(run.Tool.Driver.Rules) != 3 {
		t.Errorf("%d rules, want 3", len(run.Tool.Driver.Rules))
	}

	run = decodeSARIFWith(t, waivedReport(t, i18n.En), Options{IncludeSuppressed: true})
	if len(run.Results) != 5 {
		t.Fatalf("%d results with suppressed included, want 5", len(run.Results))
	}
	got := map[string]sarifSuppression{}
	for _, res := range run.Results {
		switch len(res.Suppressions) {
		case 0:
		case 1:
			got[res.Properties.Address] = res.Suppressions[0]
		default:
			t.Errorf("%s has %d suppressions", res.Properties.Address, len(res.Suppressions))
		}
	}
	inline, file := got["aws_cloudtrail.legacy"], got[`module.logs.aws_s3_bucket.this["access"]`]
	if inline.Kind != "inSource" || inline.Status != "accepted" || inline.Justification != "Legacy trail, replaced by the organisation trail" ||
		inline.Properties.Expires != "2027-03-01" || inline.Location == nil || inline.Location.PhysicalLocation.ArtifactLocation.URI != "infra/prod/trail.tf" {
		t.Errorf("inline suppression %+v", inline)
	}
	if file.Kind != "external" || file.Properties.Owner != "platform-team" || file.Properties.Ticket != "SEC-1234" ||
		file.Properties.Rule != "FG-S3-001" || !strings.HasPrefix(file.Justification, "Log buckets are written") {
		t.Errorf("file suppression %+v", file)
	}
	if len(got) != 2 {
		t.Errorf("%d suppressed results, want 2", len(got))
	}
}

func TestSARIFWaivedMatchesSchema(t *testing.T) {
	schema := sarifSchema(t)
	doc := render(t, "sarif", waivedReport(t, i18n.Ja), Options{IncludeSuppressed: true})
	if errs := schemaErrors(t, schema, doc); len(errs) > 0 {
		t.Errorf("SARIF with suppressions does not match the 2.1.0 schema:\n%s", strings.Join(errs, "\n"))
	}
	// The check can fail: a suppression kind outside the schema's enum.
	bad := strings.Replace(string(doc), `"kind": "inSource"`, `"kind": "inline"`, 1)
	if errs := schemaErrors(t, schema, []byte(bad)); len(errs) == 0 {
		t.Error("schema check accepted an invalid suppression kind")
	}
}
