package evidence

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
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// sampleCatalog has an item for every status.
const sampleCatalog = `
documents:
  - {id: soc2, title: {en: SOC 2 Type 2 report, ja: SOC 2 Type 2 報告書}, source: {en: AWS Artifact, ja: AWS Artifact}}
  - {id: iso27001, title: {en: ISO/IEC 27001 certificate, ja: ISO/IEC 27001 認証書}, source: {en: AWS Artifact, ja: AWS Artifact}}
items:
  - {id: 実2, edition: current, category: {en: Practice standards, ja: 実務基準}, title: {en: Prevent interception of PINs, ja: 暗証番号の盗聴防止}, responsibility: user, iac: none,
     iac_note: {en: An application measure., ja: 業務アプリケーションでの対策。}}
  - {id: 実3, edition: current, category: {en: Practice standards, ja: 実務基準}, title: {en: Prevent leakage of stored data, ja: 蓄積データの漏えい防止}, title_source: seed, responsibility: shared, iac: partial,
     iac_note: {en: Key custody is not visible., ja: 鍵の保管は判断できない。}, simple: {en: Encrypt stored data., ja: 保存データを暗号化する。}, strict: {en: Use customer-managed keys., ja: 顧客管理キーを用いる。}, provider_evidence: [soc2]}
  - {id: 実4, edition: current, category: {en: Practice standards, ja: 実務基準}, title: {en: Prevent leakage of data in transit, ja: 伝送データの漏えい防止}, responsibility: shared, iac: partial,
     simple: {en: Encrypt traffic., ja: 通信を暗号化する。}}
  - {id: 実5, edition: current, category: {en: Practice standards, ja: 実務基準}, title: {en: Prevent tampering of data, ja: データの改ざん防止}, responsibility: shared, iac: partial,
     iac_note: {en: No policy decides it yet., ja: 判定するポリシーがまだない。}}
  - {id: 実10, edition: current, category: {en: Practice standards, ja: 実務基準}, title: {en: Keep access records, ja: アクセス履歴の管理}, responsibility: shared, iac: partial,
     simple: {en: Record access., ja: アクセスを記録する。}}
  - {id: 実13, edition: current, category: {en: Practice standards, ja: 実務基準}, title: {en: Protect cryptographic keys, ja: 暗号鍵の保護}, responsibility: shared, iac: full,
     simple: {en: Keep keys in a key service., ja: 鍵を鍵管理サービスで保管する。}}
  - {id: 実15, edition: current, category: {en: Practice standards, ja: 実務基準}, title: {en: Minimise reachable devices, ja: 外部から接続できる機器の最小化}, responsibility: user, iac: partial,
     simple: {en: Expose nothing needlessly., ja: 不要に公開しない。}}
  - {id: 実30, edition: current, category: {en: Practice standards, ja: 実務基準}, title: {en: Manage keys in operation, ja: 暗号鍵の運用管理}, responsibility: user, iac: partial,
     strict: {en: Rotate keys., ja: 鍵をローテーションする。}}
  - {id: 実51, edition: current, category: {en: Practice standards, ja: 実務基準}, title: {en: Maintain equipment, ja: 機器の保守}, responsibility: provider, iac: none, provider_evidence: [soc2, iso27001],
     iac_note: {en: Handled on the cloud side., ja: クラウド側で対策済み。}}
  - {id: 運108, edition: 8th, category: {en: Operations standards (cloud services), ja: 運用基準（クラウドサービスの利用）}, title: {en: Know where data is kept, ja: データ所在の把握}, responsibility: user, iac: partial,
     simple: {en: Know the regions., ja: リージョンを把握する。}}
  - {id: 運110, edition: 8th, category: {en: Operations standards (cloud services), ja: 運用基準（クラウドサービスの利用）}, title: {en: Prevent leakage while in use, ja: 利用中のデータ漏洩防止策}, responsibility: shared, iac: partial,
     simple: {en: Use standard encryption., ja: 標準の暗号化を利用する。}}
`

func newRule(id, title, titleJa string, sev rule.Severity, p rule.Profile, fisc, fisc8th, types []string) *rule.Rule {
	return &rule.Rule{ID: id, Title: i18n.Text{En: title, Ja: titleJa}, Remediation: i18n.Text{En: "Fix " + id + ".", Ja: id + " を修正する。"},
		Severity: sev, Profile: p, Responsibility: rule.User, FISC: fisc, FISC8th: fisc8th, ResourceTypes: types}
}

var (
	ruleS3     = newRule("FG-S3-001", "S3 buckets block public access", "S3バケットのパブリックアクセスをブロックする", rule.High, rule.Simple, []string{"実3"}, []string{"運110"}, []string{"aws_s3_bucket"})
	ruleTLS    = newRule("FG-S3-003", "S3 buckets require TLS", "S3バケットへのアクセスをTLSに限定する", rule.Medium, rule.Simple, []string{"実4"}, nil, []string{"aws_s3_bucket"})
	ruleTrail  = newRule("FG-CLOUDTRAIL-001", "CloudTrail records every region", "CloudTrailで全リージョンを記録する", rule.Medium, rule.Simple, []string{"実10"}, nil, []string{"aws_cloudtrail"})
	ruleKMS    = newRule("FG-KMS-002", "KMS keys are customer managed", "KMSキーを顧客管理とする", rule.Low, rule.Simple, []string{"実13"}, nil, []string{"aws_kms_key"})
	ruleLambda = newRule("FG-LAMBDA-001", "Lambda functions are not public", "Lambda関数を公開しない", rule.Critical, rule.Simple, []string{"実15"}, nil, []string{"aws_lambda_permission"})
	ruleRotate = newRule("FG-KMS-001", "KMS keys rotate", "KMSキーをローテーションする", rule.Medium, rule.Strict, []string{"実13", "実30"}, nil, []string{"aws_kms_key"})
	ruleRegion = newRule("FG-REGION-001", "Resources stay in allowed regions", "許可したリージョンにのみリソースを配置する", rule.High, rule.Simple, nil, []string{"運108"}, []string{coverage.AnyType})
)

// sampleReport is a simple-profile scan in which every status occurs.
func sampleReport(t *testing.T) *report.Report {
	t.Helper()
	cat, err := catalog.Parse("test", []byte(sampleCatalog))
	if err != nil {
		t.Fatal(err)
	}
	src := func(line int) *model.Location { return &model.Location{File: "./infra/main.tf", Line: line, Column: 1} }
	key := model.Resource{Address: `aws_kms_key.k["a"]`, Type: "aws_kms_key", Mode: model.ModeManaged, Actions: []string{"create"}, Source: src(30), Uncertain: true}
	doc := &model.Document{Kind: model.KindPlan, Resources: []model.Resource{
		{Address: "aws_s3_bucket.a", Type: "aws_s3_bucket", Mode: model.ModeManaged, Actions: []string{"create"}, Source: src(1)},
		{Address: "aws_s3_bucket.b", Type: "aws_s3_bucket", Mode: model.ModeManaged, Actions: []string{"create"}, Source: src(10)},
		{Address: "aws_cloudtrail.main", Type: "aws_cloudtrail", Mode: model.ModeManaged, Actions: []string{"update"}, Source: src(20)},
		key,
		{Address: "data.aws_caller_identity.me", Type: "aws_caller_identity", Mode: model.ModeData, Actions: []string{"read"}},
	}}
	inForce := []*rule.Rule{ruleTrail, ruleKMS, ruleLambda, ruleRegion, ruleS3, ruleTLS}
	waived := finding.Finding{Rule: ruleTrail, Status: rule.StatusFail, Address: "aws_cloudtrail.main", ResourceType: "aws_cloudtrail",
		Attribute: "is_multi_region_trail", Message: i18n.Text{En: "The trail records one region.", Ja: "証跡が単一リージョンのみを記録している。"}, Location: src(22),
		Waiver: &finding.Waiver{Kind: "file", Rule: "FG-CLOUDTRAIL-001", Resource: "aws_cloudtrail.main", Reason: "regional trail\nby design",
			Owner: "platform-team", Ticket: "SEC-12", Expires: "2027-03-31", Source: model.Location{File: "fiscguard-waivers.yaml", Line: 3}}}
	findings := []finding.Finding{
		{Rule: ruleS3, Status: rule.StatusFail, Address: "aws_s3_bucket.b", ResourceType: "aws_s3_bucket",
			Message: i18n.Text{En: "Bucket aws_s3_bucket.b has no public access block.", Ja: "バケット aws_s3_bucket.b にパブリックアクセスブロックがない。"}, Location: src(10)},
		{Rule: ruleTLS, Status: rule.StatusInconclusive, Address: "aws_s3_bucket.b", ResourceType: "aws_s3_bucket", Attribute: "policy",
			Message: i18n.Text{En: "The bucket policy is known only after apply.", Ja: "バケットポリシーは apply 後にしか分からない。"}, Location: src(12)},
		waived,
	}
	return &report.Report{
		Tool:     report.Tool{Name: "fiscguard", Version: "0.3.1"},
		Target:   report.Target{Path: "plan.json", Kind: model.KindPlan, TerraformVersion: "1.9.5", Complete: true},
		Profile:  rule.Simple,
		Edition:  rule.EditionCurrent,
		Lang:     i18n.En,
		Rules:    inForce,
		Coverage: coverage.Build(doc, inForce, findings),
		Params:   map[string]any{"allowed_regions": []any{"ap-northeast-1", "ap-northeast-3"}, "min_log_retention_days": 365},
		Library: report.Library{
			Sources: []report.LibrarySource{{Name: "policies", Builtin: true, Digest: "sha256:" + string(bytes.Repeat([]byte("a"), 64)), Files: 114}},
			Rules:   []*rule.Rule{ruleTrail, ruleRotate, ruleKMS, ruleLambda, ruleRegion, ruleS3, ruleTLS},
		},
		Catalog:  cat,
		Findings: findings,
		Notes:    []i18n.Text{{En: "the configuration in infra could not be evaluated", Ja: "infra の構成は評価できなかった"}},
	}
}

func sampleTrace() Trace {
	return Trace{
		Input:            Input{Path: "infra/plan.json", Kind: model.KindPlan, Digest: "sha256:" + string(bytes.Repeat([]byte("b"), 64)), Files: 1, Complete: true},
		Git:              &Git{Commit: "0123456789abcdef0123456789abcdef01234567"},
		TerraformVersion: "1.9.5",
		FiscguardVersion: "0.3.1",
		Library:          []LibrarySource{{Name: "policies", Builtin: true, Digest: "sha256:" + string(bytes.Repeat([]byte("a"), 64)), Files: 114}},
		Profile:          "simple",
		Edition:          rule.EditionCurrent,
		Params:           map[string]any{"allowed_regions": []any{"ap-northeast-1", "ap-northeast-3"}, "min_log_retention_days": 365},
		Waivers:          &File{Path: "fiscguard-waivers.yaml", Digest: "sha256:" + string(bytes.Repeat([]byte("c"), 64))},
		VarFiles:         []File{},
		Vars:             []string{"env"},
		ScannedAt:        "2026-01-01T00:00:00Z",
	}
}

func TestBuildStatuses(t *testing.T) {
	r := Build(sampleReport(t), sampleTrace(), "bank/core")
	tests := []struct {
		id     string
		status Status
		reason string
		rules  string
	}{
		{"実2", NotDecidable, ReasonIaCNone, ""},
		{"実3", NonConformant, "", "FG-S3-001"},
		{"実4", Pending, "", "FG-S3-003"},
		{"実5", NotDecidable, ReasonNoPolicy, ""},
		{"実10", Exception, "", "FG-CLOUDTRAIL-001"},
		// Passed on a stand-in whose count is known only after apply; the
		// strict rule citing it is not in force.
		{"実13", Conformant, "", "FG-KMS-002"},
		{"実15", NotApplicable, "", "FG-LAMBDA-001"},
		{"実30", NotDecidable, ReasonNotInForce, ""},
		{"実51", Provider, "", ""},
		// The seed's items are listed in a current-edition report too, and
		// judged by the rules' 8th-edition IDs.
		{"運108", Conformant, "", "FG-REGION-001"},
		{"運110", NonConformant, "", "FG-S3-001"},
	}
	if len(r.Items) != len(tests) {
		t.Fatalf("%d items, want %d", len(r.Items), len(tests))
	}
	for i, tt := range tests {
		it := r.Items[i]
		if it.ID != tt.id {
			t.Errorf("item %d is %s, want %s (order: the edition's items, then the seed's)", i, it.ID, tt.id)
			continue
		}
		st := it.Targets[0]
		if it.Status != tt.status || st.Status != tt.status || st.Reason != tt.reason || joined(st.Rules) != tt.rules {
			t.Errorf("%s: %s/%s reason %q rules %q; want %s reason %q rules %q", it.ID, it.Status, st.Status, st.Reason, joined(st.Rules), tt.status, tt.reason, tt.rules)
		}
	}
	if got := joined(r.Items[5].Rules); got != "FG-KMS-001 FG-KMS-002" {
		t.Errorf("実13 lists the library's rules citing it, in force or not: %q", got)
	}
	want := map[Status]int{NonConformant: 2, Pending: 1, Exception: 1, Conformant: 2, NotApplicable: 1, Provider: 1, NotDecidable: 3}
	for i, c := range r.Summary {
		if c.Status != Statuses[i] || c.Items != want[c.Status] {
			t.Errorf("summary[%d] = %+v, want %s: %d", i, c, Statuses[i], want[Statuses[i]])
		}
	}
	if len(r.Documents) != 2 || r.Documents[0].ID != "iso27001" {
		t.Errorf("documents %+v: want the ones items name, sorted", r.Documents)
	}
}

func TestBuildResults(t *testing.T) {
	r := Build(sampleReport(t), sampleTrace(), "")
	tg := r.Targets[0]
	if tg.Name != "infra/plan.json" {
		t.Errorf("name %q, want the input's path by default", tg.Name)
	}
	got := map[string]Result{}
	for _, res := range tg.Results {
		got[res.Rule+" "+res.Address] = res
	}
	// FG-REGION-001 applies to every checked resource, never to a data source.
	if len(tg.Results) != 2+2+1+1+4 {
		t.Errorf("%d results", len(tg.Results))
	}
	if _, ok := got["FG-REGION-001 data.aws_caller_identity.me"]; ok {
		t.Error("a data source is never a rule's subject")
	}
	b := got["FG-S3-001 aws_s3_bucket.b"]
	if b.Outcome != OutcomeFail || b.Location == nil || b.Location.File != "infra/main.tf" || b.Location.Line != 10 || len(b.Findings) != 1 {
		t.Errorf("failed result %+v", b)
	}
	w := got["FG-CLOUDTRAIL-001 aws_cloudtrail.main"]
	if w.Outcome != OutcomeWaived || w.Findings[0].Waiver == nil || w.Findings[0].Waiver.Ticket != "SEC-12" || w.Location.Line != 22 {
		t.Errorf("waived result %+v", w)
	}
	if k := got[`FG-KMS-002 aws_kms_key.k["a"]`]; k.Outcome != OutcomePass || !k.Uncertain || len(k.Findings) != 0 {
		t.Errorf("uncertain pass %+v", k)
	}
	rr, _ := tg.RuleResult("FG-S3-001")
	if rr != (RuleResult{ID: "FG-S3-001", Applied: 2, Passed: 1, Failed: 1}) {
		t.Errorf("counts %+v", rr)
	}
}

// TestGolden fixes the JSON schema: the sample's report, and the sample
// merged with itself as two repositories.
func TestGolden(t *testing.T) {
	r := Build(sampleReport(t), sampleTrace(), "bank/core")
	golden.Check(t, "sample.json", encode(t, r))
	merged, err := Merge([]Source{{File: "a.json", Report: r}, {File: "b.json", Report: withName(r, "bank/web")}}, Tool{Name: "fiscguard", Version: "0.3.1"}, mustTime(t, "2026-01-02T00:00:00Z"))
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "merged.json", encode(t, merged))
}

func encode(t *testing.T, r *Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func joined(s []string) string {
	var b bytes.Buffer
	for i, x := range s {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x)
	}
	return b.String()
}

// TestBuildUnplanned: when Terraform could not plan everything, nothing
// reads conformant or not applicable: those items are pending with the
// reason, failures and the rest keep their status, and the report's
// warnings name the target first.
func TestBuildUnplanned(t *testing.T) {
	complete := map[string]Status{}
	for _, it := range Build(sampleReport(t), sampleTrace(), "bank/core").Items {
		complete[it.ID] = it.Status
	}
	for _, tt := range []struct {
		name              string
		complete, errored bool
		reason            string
		warning           string
	}{
		{"errored", false, true, ReasonPlanErrored, "bank/core: Terraform failed while planning"},
		{"errored though complete", true, true, ReasonPlanErrored, "bank/core: Terraform failed while planning"},
		{"incomplete", false, false, ReasonPlanIncomplete, "bank/core: Terraform did not plan every change"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep, trace := sampleReport(t), sampleTrace()
			rep.Target.Complete, rep.Target.Errored = tt.complete, tt.errored
			trace.Input.Complete, trace.Input.Errored = tt.complete, tt.errored
			r := Build(rep, trace, "bank/core")
			pending := 0
			for _, it := range r.Items {
				st, was := it.Targets[0], complete[it.ID]
				switch was {
				case Conformant, NotApplicable:
					pending++
					if it.Status != Pending || st.Status != Pending || st.Reason != tt.reason {
						t.Errorf("%s was %s on a complete plan: now %s reason %q, want pending reason %q", it.ID, was, st.Status, st.Reason, tt.reason)
					}
				default:
					if st.Status != was {
						t.Errorf("%s: %s, want %s as on a complete plan", it.ID, st.Status, was)
					}
				}
			}
			if pending != 3 {
				t.Errorf("%d items turned pending, want the 3 conformant or not applicable ones", pending)
			}
			if len(r.Warnings) != 1 || !strings.HasPrefix(r.Warnings[0].En, tt.warning) || !strings.HasPrefix(r.Warnings[0].Ja, "bank/core: Terraform が") {
				t.Errorf("warnings %+v, want one starting %q", r.Warnings, tt.warning)
			}
			if got := r.Summary[1]; got.Status != Pending || got.Items != 1+pending {
				t.Errorf("summary %+v", got)
			}
		})
	}
	// A configuration directory is evaluated whole: nothing to withhold.
	rep, trace := sampleReport(t), sampleTrace()
	rep.Target.Kind, trace.Input.Kind, trace.Input.Complete = model.KindHCL, model.KindHCL, true
	if r := Build(rep, trace, "bank/core"); len(r.Warnings) != 0 || r.Summary[3].Items != 2 {
		t.Errorf("a directory scan: warnings %+v, summary %+v", r.Warnings, r.Summary)
	}
}

// TestMergeUnplanned: a merged report warns of the targets whose plan was
// not finished, and their pending items are the merged items' status.
func TestMergeUnplanned(t *testing.T) {
	clean := Build(sampleReport(t), sampleTrace(), "bank/core")
	rep, trace := sampleReport(t), sampleTrace()
	rep.Target.Errored, trace.Input.Errored = true, true
	errored := Build(rep, trace, "bank/web")
	merged, err := Merge([]Source{{File: "a.json", Report: clean}, {File: "b.json", Report: errored}}, Tool{Name: "fiscguard", Version: "0.3.1"}, mustTime(t, "2026-01-02T00:00:00Z"))
	if err != nil {
		t.Fatal(err)
	}
	if len(merged.Warnings) != 1 || !strings.HasPrefix(merged.Warnings[0].En, "bank/web: ") {
		t.Errorf("warnings %+v", merged.Warnings)
	}
	for _, it := range merged.Items {
		if it.Status == Conformant || it.Status == NotApplicable {
			t.Errorf("%s is %s overall though bank/web's plan errored", it.ID, it.Status)
		}
	}
}
