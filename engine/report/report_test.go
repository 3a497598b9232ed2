package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/coverage"
	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/golden"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

const testCatalog = `
items:
  - id: 実3
    edition: current
    category: {en: Practice standards, ja: 実務基準}
    title: {en: Prevent leakage of stored data, ja: 蓄積データの漏えい防止}
    title_source: none
    responsibility: shared
    iac: partial
  - id: 実14
    edition: current
    category: {en: Practice standards, ja: 実務基準}
    title: {en: Control access, ja: アクセス管理}
    title_source: none
    responsibility: user
    iac: partial
  - id: 実25
    edition: current
    category: {en: Practice standards, ja: 実務基準}
    title: {en: Keep access logs, ja: アクセス記録の取得}
    title_source: none
    responsibility: user
    iac: partial
  - id: 運110
    edition: 8th
    category: {en: Operations, ja: 運用基準}
    title: {en: Manage cloud service use, ja: クラウドサービスの利用管理}
    title_source: none
    responsibility: user
    iac: partial
`

var (
	ruleS3Public = &rule.Rule{
		ID:             "FG-S3-001",
		Title:          i18n.Text{En: "S3 buckets block public access", Ja: "S3バケットのパブリックアクセスをブロックする"},
		Description:    i18n.Text{En: "A bucket without a public access block can be made public by an ACL or policy.", Ja: "パブリックアクセスブロックのないバケットは、ACLやポリシーで公開されうる。"},
		Remediation:    i18n.Text{En: "Add an aws_s3_bucket_public_access_block with all four settings true.", Ja: "4つの設定をすべて true にした aws_s3_bucket_public_access_block を追加する。"},
		Severity:       rule.High,
		FISC:           []string{"実3", "実14"},
		FISC8th:        []string{"運110"},
		Profile:        rule.Simple,
		Responsibility: rule.User,
		ResourceTypes:  []string{"aws_s3_bucket"},
		Builtin:        true,
	}
	// ruleS3CMK stands for a user policy: no documentation, no explain.
	ruleS3CMK = &rule.Rule{
		ID:             "FG-S3-002",
		Title:          i18n.Text{En: "S3 buckets use customer-managed KMS keys", Ja: "S3バケットは顧客管理KMSキーで暗号化する"},
		Description:    i18n.Text{En: "Under strict management, stored data is encrypted with keys the institution controls.", Ja: "厳格な管理では、金融機関が管理する鍵で保存データを暗号化する。"},
		Remediation:    i18n.Text{En: "Set kms_master_key_id to a customer-managed key.", Ja: "kms_master_key_id に顧客管理キーを設定する。"},
		Severity:       rule.Medium,
		FISC:           []string{"実3"},
		Profile:        rule.Strict,
		Responsibility: rule.Shared,
		ResourceTypes:  []string{"aws_s3_bucket"},
	}
	ruleTrail = &rule.Rule{
		ID:             "FG-CT-001",
		Title:          i18n.Text{En: "CloudTrail logs every region", Ja: "CloudTrailで全リージョンを記録する"},
		Description:    i18n.Text{En: "A trail limited to one region misses API calls made elsewhere.", Ja: "単一リージョンの証跡では他リージョンのAPI呼出しを記録できない。"},
		Remediation:    i18n.Text{En: "Set is_multi_region_trail = true.", Ja: "is_multi_region_trail = true を設定する。"},
		Severity:       rule.Critical,
		FISC:           []string{"実25"},
		FISC8th:        []string{"運110"},
		Profile:        rule.Simple,
		Responsibility: rule.User,
		ResourceTypes:  []string{"aws_cloudtrail"},
		Builtin:        true,
	}
)

func newFinding(rl *rule.Rule, status, address, typ, attr string, msg i18n.Text, loc *model.Location, snippet ...finding.SourceLine) finding.Finding {
	return finding.Finding{
		Rule: rl, Status: status, Address: address, ResourceType: typ, Attribute: attr,
		Message: msg, Location: loc, Snippet: snippet, Fingerprint: finding.Fingerprint(rl.ID, address, attr),
	}
}

// sampleReport is a strict-profile scan with a failed, an inconclusive and
// an unlocated finding (the first two quoting their source), a resource of
// a type no rule covers, and a note about an incomplete plan.
func sampleReport(t *testing.T, lang i18n.Lang) *Report {
	t.Helper()
	cat, err := catalog.Parse("test", []byte(testCatalog))
	if err != nil {
		t.Fatal(err)
	}
	return withCoverage(&Report{
		Tool:    Tool{Name: "fiscguard", Version: "0.3.1", InformationURI: "https://github.com/fiscguard/fiscguard"},
		Target:  Target{Path: "infra/prod/plan.json", RepoPath: "infra/prod/plan.json", Kind: model.KindPlan, TerraformVersion: "1.9.5", FormatVersion: "1.2", Complete: false},
		Profile: rule.Strict,
		Edition: rule.EditionCurrent,
		Lang:    lang,
		FailOn:  rule.High,
		Rules:   []*rule.Rule{ruleTrail, ruleS3Public, ruleS3CMK},
		Catalog: cat,
		Findings: []finding.Finding{
			newFinding(ruleS3Public, rule.StatusFail, `module.logs.aws_s3_bucket.this["audit"]`, "aws_s3_bucket", "",
				i18n.Text{En: `Bucket module.logs.aws_s3_bucket.this["audit"] has no public access block`, Ja: `バケット module.logs.aws_s3_bucket.this["audit"] にパブリックアクセスブロックがない`},
				&model.Location{File: "./modules/logs/main.tf", Line: 12, Column: 1, EndLine: 12, EndColumn: 32},
				finding.SourceLine{Number: 12, Text: `resource "aws_s3_bucket" "this" {`, Marked: true}),
			newFinding(ruleS3CMK, rule.StatusInconclusive, `module.logs.aws_s3_bucket.this["audit"]`, "aws_s3_bucket",
				"server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id",
				i18n.Text{En: "The KMS key is known only after apply", Ja: "KMSキーは apply 後にしか分からない"},
				&model.Location{File: "./modules/logs/main.tf", Line: 18, Column: 9, EndLine: 18, EndColumn: 50},
				finding.SourceLine{Number: 16, Text: "  server_side_encryption_configuration {"},
				finding.SourceLine{Number: 17, Text: "    rule {"},
				finding.SourceLine{Number: 18, Text: "\tkms_master_key_id = aws_kms_key.logs.arn", Marked: true},
				finding.SourceLine{Number: 19, Text: "    }"}),
			newFinding(ruleTrail, rule.StatusFail, "aws_cloudtrail.main", "aws_cloudtrail", "is_multi_region_trail",
				i18n.Text{En: "Trail aws_cloudtrail.main records one region only.", Ja: "証跡 aws_cloudtrail.main は単一リージョンのみを記録している。"},
				nil),
		},
		Resources: []Resource{
			{Address: `module.logs.aws_s3_bucket.this["audit"]`, Type: "aws_s3_bucket", Mode: model.ModeManaged, Actions: []string{"create"}, Covered: true, Checked: true,
				Source: &model.Location{File: "modules/logs/main.tf", Line: 12}},
			{Address: "aws_cloudtrail.main", Type: "aws_cloudtrail", Mode: model.ModeManaged, Actions: []string{"update"}, Covered: true, Checked: true},
			{Address: "data.aws_caller_identity.me", Type: "aws_caller_identity", Mode: model.ModeData, Actions: []string{"read"}},
			{Address: "aws_s3_bucket.old", Type: "aws_s3_bucket", Mode: model.ModeManaged, Actions: []string{"delete"}, Covered: true},
			{Address: "terraform_data.bootstrap", Type: "terraform_data", Mode: model.ModeManaged, Actions: []string{"create"}},
		},
		Notes: []i18n.Text{{En: "The plan is incomplete: some changes were deferred, so not every resource could be checked", Ja: "プランが不完全（変更の保留あり）のため、すべてのリソースは検査できていない"}},
	})
}

// withCoverage records the report's pass records from its resources and
// findings, as a scan does.
func withCoverage(r *Report) *Report {
	doc := &model.Document{}
	for _, res := range r.Resources {
		doc.Resources = append(doc.Resources, model.Resource{Address: res.Address, Type: res.Type, Mode: res.Mode, Actions: res.Actions, Source: res.Source})
	}
	r.Coverage = coverage.Build(doc, r.Rules, r.Findings)
	return r
}

func render(t *testing.T, format string, r *Report, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, r, opts); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		format string
		lang   i18n.Lang
		opts   Options
	}{
		{"text_en.golden", "text", i18n.En, Options{}},
		{"text_ja.golden", "text", i18n.Ja, Options{}},
		{"text_en_color.golden", "text", i18n.En, Options{Color: true}},
		{"json_en.golden", "json", i18n.En, Options{}},
		{"json_ja.golden", "json", i18n.Ja, Options{}},
		{"sarif_en.golden", "sarif", i18n.En, Options{}},
		{"sarif_ja.golden", "sarif", i18n.Ja, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			golden.Check(t, tt.golden, render(t, tt.format, sampleReport(t, tt.lang), tt.opts))
		})
	}
	// The same scan with waived findings and waivers (waiver_test.go).
	waived := []struct {
		golden string
		format string
		lang   i18n.Lang
		opts   Options
	}{
		{"text_waived_en.golden", "text", i18n.En, Options{}},
		{"text_waived_ja.golden", "text", i18n.Ja, Options{}},
		{"json_waived_en.golden", "json", i18n.En, Options{}},
		{"sarif_waived_en.golden", "sarif", i18n.En, Options{IncludeSuppressed: true}},
		{"junit_waived_ja.golden", "junit", i18n.Ja, Options{}},
	}
	for _, tt := range waived {
		t.Run(tt.golden, func(t *testing.T) {
			golden.Check(t, tt.golden, render(t, tt.format, waivedReport(t, tt.lang), tt.opts))
		})
	}
	// A scan whose resources no rule covers.
	for _, format := range []string{"text", "markdown"} {
		for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
			name := format + "_uncovered_" + string(lang) + ".golden"
			t.Run(name, func(t *testing.T) {
				golden.Check(t, name, render(t, format, uncoveredReport(t, lang), Options{}))
			})
		}
	}
}

// uncoveredReport is a configuration of Google Cloud and terraform_data
// resources only: no rule judges any of them.
func uncoveredReport(t *testing.T, lang i18n.Lang) *Report {
	r := sampleReport(t, lang)
	r.Target = Target{Path: "infra/gcp", RepoPath: "infra/gcp", Kind: model.KindHCL, Complete: true}
	r.Findings, r.Notes = nil, nil
	r.Resources = []Resource{
		{Address: "google_storage_bucket.ledger", Type: "google_storage_bucket", Mode: model.ModeManaged},
		{Address: "google_compute_instance.batch", Type: "google_compute_instance", Mode: model.ModeManaged},
		{Address: "terraform_data.bootstrap", Type: "terraform_data", Mode: model.ModeManaged},
		{Address: "data.google_project.this", Type: "google_project", Mode: model.ModeData, Actions: []string{"read"}},
	}
	return r
}

// TestDeterministic checks that output depends on the findings, not on
// their order or on the run.
func TestDeterministic(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			first := render(t, format, sampleReport(t, i18n.En), Options{})
			second := render(t, format, sampleReport(t, i18n.En), Options{})
			if !bytes.Equal(first, second) {
				t.Fatal("two runs differ")
			}
			r := sampleReport(t, i18n.En)
			fs := r.Findings
			fs[0], fs[2] = fs[2], fs[0]
			r.Rules[0], r.Rules[2] = r.Rules[2], r.Rules[0]
			r.Resources[0], r.Resources[3] = r.Resources[3], r.Resources[0]
			if shuffled := render(t, format, r, Options{}); !bytes.Equal(first, shuffled) {
				t.Fatal("output depends on input order")
			}
			if !bytes.HasSuffix(first, []byte("\n")) {
				t.Fatal("output lacks a trailing newline")
			}
		})
	}
}

// TestWriteLeavesInputAlone guards against writers sorting the caller's slices.
func TestWriteLeavesInputAlone(t *testing.T) {
	r := sampleReport(t, i18n.En)
	before := []string{r.Findings[0].Address, r.Findings[1].Address, r.Findings[2].Address}
	for _, format := range Formats {
		render(t, format, r, Options{})
	}
	for i, f := range r.Findings {
		if f.Address != before[i] {
			t.Fatalf("finding %d moved from %s to %s", i, before[i], f.Address)
		}
	}
}

func TestEmptyReport(t *testing.T) {
	r := &Report{
		Tool:    Tool{Name: "fiscguard", Version: "dev"},
		Target:  Target{Path: "plan.json", RepoPath: "plan.json", Kind: model.KindPlan, Complete: true},
		Profile: rule.Simple,
		Lang:    i18n.En,
		FailOn:  rule.High,
	}
	for _, format := range Formats {
		out := string(render(t, format, r, Options{}))
		if strings.Contains(out, "null") {
			t.Errorf("%s output of an empty report has a null:\n%s", format, out)
		}
	}
	// No resources: not a clean bill of health.
	if out := string(render(t, "text", r, Options{})); !strings.HasPrefix(out, "Nothing was checked (see the summary).\n") ||
		!strings.Contains(out, "  WARNING: nothing was checked: the input has no resources that rules judge") {
		t.Errorf("text output of an empty report:\n%s", out)
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "xml", sampleReport(t, i18n.En), Options{})
	if err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Fatalf("got %v, want an error naming the format", err)
	}
}

// TestSortedFindings: findings out of order are sorted in a copy, the
// caller's slice left as it was; findings in order (a scan's report) are
// not copied.
func TestSortedFindings(t *testing.T) {
	a := newFinding(ruleS3CMK, rule.StatusFail, "aws_s3_bucket.a", "aws_s3_bucket", "", i18n.Text{En: "a"}, nil)
	b := newFinding(ruleS3CMK, rule.StatusFail, "aws_s3_bucket.b", "aws_s3_bucket", "", i18n.Text{En: "b"}, nil)
	unsorted := []finding.Finding{b, a}
	got := sortedFindings(unsorted)
	if got[0].Address != a.Address || unsorted[0].Address != b.Address {
		t.Errorf("sorted %s first, the caller's slice %s first; want a sorted copy", got[0].Address, unsorted[0].Address)
	}
	sorted := []finding.Finding{a, b}
	if got := sortedFindings(sorted); &got[0] != &sorted[0] {
		t.Error("findings in order were copied")
	}
}
