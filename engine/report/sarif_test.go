package report

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

func decodeSARIF(t *testing.T, r *Report) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", r, Options{}), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	return log
}

// sarifSchema is the OASIS schema from the shared corpus; tests that need it
// skip when the corpus is absent, as DESIGN.md allows.
func sarifSchema(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", "schema", "sarif-schema-2.1.0.json"))
	if os.IsNotExist(err) {
		t.Skip("shared corpus with the SARIF schema is absent")
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// schemaErrors validates doc against schema with OPA's json.match_schema,
// which needs no dependency beyond the OPA we embed.
func schemaErrors(t *testing.T, schema string, doc []byte) []string {
	t.Helper()
	var input any
	if err := json.Unmarshal(doc, &input); err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(
		rego.Query("x := json.match_schema(input.doc, input.schema)"),
		rego.Input(map[string]any{"doc": input, "schema": schema}),
	).Eval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	res := rs[0].Bindings["x"].([]any)
	if res[0].(bool) {
		return nil
	}
	var out []string
	for _, e := range res[1].([]any) {
		out = append(out, fmt.Sprint(e))
	}
	return out
}

func TestSARIFMatchesSchema(t *testing.T) {
	schema := sarifSchema(t)
	for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
		if errs := schemaErrors(t, schema, render(t, "sarif", sampleReport(t, lang), Options{})); len(errs) > 0 {
			t.Errorf("%s: SARIF does not match the 2.1.0 schema:\n%s", lang, strings.Join(errs, "\n"))
		}
	}
	// The check must be able to fail: a level outside the schema's enum.
	bad := strings.Replace(string(render(t, "sarif", sampleReport(t, i18n.En), Options{})), `"level": "error"`, `"level": "fatal"`, 1)
	if errs := schemaErrors(t, schema, []byte(bad)); len(errs) == 0 {
		t.Error("schema check accepted an invalid level")
	}
}

// collectURIs finds every artifactLocation.uri anywhere in a SARIF document.
func collectURIs(v any, out *[]map[string]any) {
	switch v := v.(type) {
	case map[string]any:
		for k, child := range v {
			if loc, ok := child.(map[string]any); ok && k == "artifactLocation" {
				*out = append(*out, loc)
			}
			collectURIs(child, out)
		}
	case []any:
		for _, child := range v {
			collectURIs(child, out)
		}
	}
}

func TestSARIFURIsAreRelative(t *testing.T) {
	var doc any
	if err := json.Unmarshal(render(t, "sarif", sampleReport(t, i18n.En), Options{}), &doc); err != nil {
		t.Fatal(err)
	}
	var locs []map[string]any
	collectURIs(doc, &locs)
	if len(locs) != 3 {
		t.Fatalf("found %d artifact locations, want one per finding (3)", len(locs))
	}
	for _, loc := range locs {
		uri, _ := loc["uri"].(string)
		u, err := url.Parse(uri)
		switch {
		case err != nil:
			t.Errorf("uri %q: %v", uri, err)
		case uri == "" || u.Scheme != "" || strings.HasPrefix(uri, "/") || strings.HasPrefix(uri, "./") || strings.Contains(uri, `\`):
			t.Errorf("uri %q is not a clean relative URI", uri)
		case loc["uriBaseId"] != srcRoot:
			t.Errorf("uri %q has uriBaseId %v, want %s", uri, loc["uriBaseId"], srcRoot)
		}
	}
}

func TestArtifactLocation(t *testing.T) {
	tests := []struct {
		file, uri, base string
	}{
		{"main.tf", "main.tf", srcRoot},
		{"./modules/logs/main.tf", "modules/logs/main.tf", srcRoot},
		{`modules\logs\main.tf`, "modules/logs/main.tf", srcRoot},
		{"modules/a/../logs/main.tf", "modules/logs/main.tf", srcRoot},
		{"環境/本番 main.tf", "%E7%92%B0%E5%A2%83/%E6%9C%AC%E7%95%AA%20main.tf", srcRoot},
		{"/home/ci/repo/main.tf", "file:///home/ci/repo/main.tf", ""},
		{`C:\repo\main.tf`, "file:///C:/repo/main.tf", ""},
	}
	for _, tt := range tests {
		got := artifactLocation(tt.file)
		if got.URI != tt.uri || got.URIBaseID != tt.base {
			t.Errorf("artifactLocation(%q) = %q base %q, want %q base %q", tt.file, got.URI, got.URIBaseID, tt.uri, tt.base)
		}
	}
}

func TestSARIFFingerprintIgnoresLines(t *testing.T) {
	before := decodeSARIF(t, sampleReport(t, i18n.En)).Runs[0].Results
	moved := sampleReport(t, i18n.En)
	moved.Findings[0].Location = &model.Location{File: "modules/logs/main.tf", Line: 40, Column: 3, EndLine: 52, EndColumn: 4}
	after := decodeSARIF(t, moved).Runs[0].Results
	for i := range before {
		fp := before[i].PartialFingerprints[FingerprintKey]
		if fp == "" {
			t.Errorf("result %d (%s) has no %s fingerprint", i, before[i].RuleID, FingerprintKey)
		}
		if after[i].PartialFingerprints[FingerprintKey] != fp {
			t.Errorf("result %d: fingerprint changed when only lines moved", i)
		}
	}
	var lines []int
	for _, res := range after {
		if res.RuleID == "FG-S3-001" {
			lines = append(lines, res.Locations[0].PhysicalLocation.Region.StartLine)
		}
	}
	if len(lines) != 1 || lines[0] != 40 {
		t.Errorf("moved finding is at lines %v, want [40]", lines)
	}
}

func TestSARIFRules(t *testing.T) {
	r := sampleReport(t, i18n.En)
	run := decodeSARIF(t, r).Runs[0]
	var ids []string
	for _, rl := range run.Tool.Driver.Rules {
		ids = append(ids, rl.ID)
		p := rl.Properties
		if p.SecuritySeverity == "" {
			t.Errorf("%s has no security-severity", rl.ID)
		}
		if len(p.Tags) > maxTags || len(p.Tags) == 0 || p.Tags[0] != "security" {
			t.Errorf("%s tags %v: want 1..%d tags starting with security", rl.ID, p.Tags, maxTags)
		}
		if rl.ShortDescription.Text == "" || rl.FullDescription.Text == "" || rl.Help.Text == "" || rl.Help.Markdown == "" {
			t.Errorf("%s lacks a description or help", rl.ID)
		}
		if !strings.HasSuffix(rl.HelpURI, "#"+strings.ToLower(rl.ID)) {
			t.Errorf("%s helpUri %s does not anchor its ID", rl.ID, rl.HelpURI)
		}
	}
	// Only the evaluated rules, sorted by ID.
	if got, want := strings.Join(ids, ","), "FG-CT-001,FG-S3-001,FG-S3-002"; got != want {
		t.Errorf("rules %s, want %s", got, want)
	}
	// The strict rule's help names both FISC schemes with catalog titles, and its profile.
	help := run.Tool.Driver.Rules[1].Help.Markdown
	for _, want := range []string{"実3 Prevent leakage of stored data", "実14 Control access", "運110 Manage cloud service use", "simple management", "aws_s3_bucket_public_access_block"} {
		if !strings.Contains(help, want) {
			t.Errorf("FG-S3-001 help lacks %q:\n%s", want, help)
		}
	}
	wantSev := map[string]string{"FG-CT-001": "9.5", "FG-S3-001": "8.0", "FG-S3-002": "5.5"}
	wantLevel := map[string]string{"FG-CT-001": "error", "FG-S3-001": "error", "FG-S3-002": "warning"}
	for _, rl := range run.Tool.Driver.Rules {
		if rl.Properties.SecuritySeverity != wantSev[rl.ID] || rl.DefaultConfiguration.Level != wantLevel[rl.ID] {
			t.Errorf("%s: security-severity %s level %s, want %s %s", rl.ID,
				rl.Properties.SecuritySeverity, rl.DefaultConfiguration.Level, wantSev[rl.ID], wantLevel[rl.ID])
		}
	}
}

func TestSARIFTagsCapped(t *testing.T) {
	r := sampleReport(t, i18n.En)
	many := *ruleS3Public
	many.FISC = []string{"実1", "実2", "実3", "実4", "実5", "実6", "実7", "実8", "実9"}
	many.FISC8th = []string{"運108", "運109"}
	r.Rules = []*rule.Rule{&many}
	r.Findings = nil
	tags := decodeSARIF(t, r).Runs[0].Tool.Driver.Rules[0].Properties.Tags
	if len(tags) != maxTags || tags[0] != "security" || tags[2] != "fisc:実1" {
		t.Errorf("tags %v: want %d, security first, current-edition IDs next", tags, maxTags)
	}
	r.Edition = "8th"
	tags = decodeSARIF(t, r).Runs[0].Tool.Driver.Rules[0].Properties.Tags
	if tags[2] != "fisc-8th:運108" {
		t.Errorf("8th edition tags %v: want its IDs first", tags)
	}
}

func TestSARIFResults(t *testing.T) {
	run := decodeSARIF(t, sampleReport(t, i18n.En)).Runs[0]
	if len(run.Results) != 3 {
		t.Fatalf("got %d results, want 3", len(run.Results))
	}
	for _, res := range run.Results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d pointing elsewhere", res.RuleID, res.RuleIndex)
		}
		loc := res.Locations[0]
		if loc.PhysicalLocation == nil || loc.PhysicalLocation.Region.StartLine < 1 || loc.PhysicalLocation.Region.StartColumn < 1 {
			t.Errorf("result %s lacks a physical location with a 1-based region", res.RuleID)
		}
		if len(loc.LogicalLocations) != 1 || loc.LogicalLocations[0].FullyQualifiedName != res.Properties.Address || loc.LogicalLocations[0].Kind != "resource" {
			t.Errorf("result %s logical locations %+v", res.RuleID, loc.LogicalLocations)
		}
		if !strings.HasSuffix(res.Message.Text, ".") {
			t.Errorf("result %s message %q does not end with a full stop", res.RuleID, res.Message.Text)
		}
	}
	byRule := map[string]sarifResult{}
	for _, res := range run.Results {
		byRule[res.RuleID] = res
	}
	inc := byRule["FG-S3-002"]
	if inc.Level != "note" || !strings.HasPrefix(inc.Message.Text, "Inconclusive: ") || inc.Properties.Status != rule.StatusInconclusive {
		t.Errorf("inconclusive result: level %s message %q status %s", inc.Level, inc.Message.Text, inc.Properties.Status)
	}
	if got := byRule["FG-S3-001"].Message.Text; !strings.HasSuffix(got, "FISC: 実3, 実14.") {
		t.Errorf("message %q does not end with the FISC IDs", got)
	}
	// The unlocated finding is anchored at line 1 of the plan file.
	unlocated := byRule["FG-CT-001"].Locations[0].PhysicalLocation
	if unlocated.ArtifactLocation.URI != "infra/prod/plan.json" || unlocated.Region.StartLine != 1 {
		t.Errorf("unlocated finding at %+v, want infra/prod/plan.json line 1", unlocated)
	}
	if len(run.Invocations) != 1 || len(run.Invocations[0].ToolExecutionNotifications) != 1 {
		t.Errorf("want the note as one tool execution notification, got %+v", run.Invocations)
	}
}

// TestSARIFUnlocatedWithoutFile: stdin and HCL directories have no file to
// point at, so the result keeps only its logical location.
func TestSARIFUnlocatedWithoutFile(t *testing.T) {
	for _, tg := range []Target{{Path: "-", Kind: model.KindPlan}, {Path: "infra", Kind: model.KindHCL}} {
		r := sampleReport(t, i18n.En)
		r.Target = tg
		for _, res := range decodeSARIF(t, r).Runs[0].Results {
			if res.RuleID == "FG-CT-001" && res.Locations[0].PhysicalLocation != nil {
				t.Errorf("%+v: unlocated finding got %+v", tg, res.Locations[0].PhysicalLocation)
			}
		}
	}
}

func TestAutomationID(t *testing.T) {
	tests := []struct {
		target   Target
		category string
		want     string
	}{
		{Target{Path: "plan.json", RepoPath: "plan.json", Kind: model.KindPlan}, "", "fiscguard/"},
		{Target{Path: "plan.json", RepoPath: "infra/prod/plan.json", Kind: model.KindPlan}, "", "fiscguard/infra/prod/"},
		// Path is however the target was written, from wherever; only RepoPath counts.
		{Target{Path: "./prod/", RepoPath: "infra/prod", Kind: model.KindHCL}, "", "fiscguard/infra/prod/"},
		{Target{Path: ".", RepoPath: "infra/prod", Kind: model.KindHCL}, "", "fiscguard/infra/prod/"},
		{Target{Path: "/abs/repo/infra/prod", RepoPath: "infra/prod", Kind: model.KindHCL}, "", "fiscguard/infra/prod/"},
		{Target{Path: ".", RepoPath: ".", Kind: model.KindHCL}, "", "fiscguard/"},
		{Target{Path: "-", Kind: model.KindPlan}, "", "fiscguard/"},
		{Target{Path: "../other", Kind: model.KindHCL}, "", "fiscguard/"},
		{Target{Path: "infra", RepoPath: "infra", Kind: model.KindHCL}, "prod-infra", "prod-infra/"},
		{Target{Path: "infra", RepoPath: "infra", Kind: model.KindHCL}, "fiscguard/prod/", "fiscguard/prod/"},
	}
	for _, tt := range tests {
		if got := automationID(&Report{Target: tt.target}, tt.category); got != tt.want {
			t.Errorf("automationID(%+v, %q) = %q, want %q", tt.target, tt.category, got, tt.want)
		}
	}
}

func TestCamelCase(t *testing.T) {
	tests := []struct{ title, want string }{
		{"S3 buckets block public access", "S3BucketsBlockPublicAccess"},
		{"S3 buckets use customer-managed KMS keys", "S3BucketsUseCustomerManagedKmsKeys"},
		{"CloudTrail logs every region", "CloudTrailLogsEveryRegion"},
		{"", "FGS3001"},
		{"日本語のみ", "FGS3001"},
	}
	for _, tt := range tests {
		if got := camelCase(tt.title, "FG-S3-001"); got != tt.want {
			t.Errorf("camelCase(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestSemanticVersion(t *testing.T) {
	for in, want := range map[string]string{"0.3.1": "0.3.1", "v1.2.0-rc.1": "1.2.0-rc.1", "dev": "", "1.2": "", "": ""} {
		if got := semanticVersion(in); got != want {
			t.Errorf("semanticVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFindingOnAProviderConfiguration: a finding on a shared setting names
// every resource it stands for (JSON and SARIF properties) and points at the
// first ones as SARIF related locations; every attribute of its cause is listed.
func TestFindingOnAProviderConfiguration(t *testing.T) {
	r := sampleReport(t, i18n.En)
	f := regionFinding()
	f.Attributes = []string{"region", "alias"}
	r.Findings = []finding.Finding{f}
	var sarif struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					LogicalLocations []struct{ FullyQualifiedName string }
				}
				RelatedLocations []struct {
					ID               int
					PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
					Message          struct{ Text string }
				}
				Properties struct{ Attributes, Resources []string }
			}
		}
	}
	if err := json.Unmarshal(render(t, "sarif", r, Options{}), &sarif); err != nil {
		t.Fatal(err)
	}
	res := sarif.Runs[0].Results[0]
	if got := res.Locations[0].LogicalLocations[0].FullyQualifiedName; got != f.Address {
		t.Errorf("logical location %s", got)
	}
	if len(res.RelatedLocations) != 2 || res.RelatedLocations[1].ID != 2 || res.RelatedLocations[1].Message.Text != "Affected: aws_sqs_queue.dr" || res.RelatedLocations[0].PhysicalLocation.ArtifactLocation.URI != "dr.tf" {
		t.Errorf("related locations %+v", res.RelatedLocations)
	}
	if strings.Join(res.Properties.Resources, ",") != "aws_s3_bucket.dr,aws_sqs_queue.dr" || strings.Join(res.Properties.Attributes, ",") != "region,alias" {
		t.Errorf("properties %+v", res.Properties)
	}
	var js struct {
		Findings []struct {
			ResourceType string `json:"resource_type"`
			Attributes   []string
			Resources    []string
		}
	}
	if err := json.Unmarshal(render(t, "json", r, Options{}), &js); err != nil {
		t.Fatal(err)
	}
	if got := js.Findings[0]; got.ResourceType != "provider" || len(got.Resources) != 2 || len(got.Attributes) != 2 {
		t.Errorf("json finding %+v", got)
	}
}

// regionFinding is a finding on a provider configuration that stands for
// the resources it places.
func regionFinding() finding.Finding {
	f := newFinding(ruleS3Public, rule.StatusFail, `provider["registry.terraform.io/hashicorp/aws"].us`, finding.ProviderType, "region",
		i18n.Text{En: "Provider configuration aws.us places 2 resources in us-east-1", Ja: "プロバイダー構成 aws.us が2個のリソースを us-east-1 に配置している"},
		&model.Location{File: "providers.tf", Line: 7, Column: 3, EndLine: 7, EndColumn: 24})
	f.Affected = []finding.Affected{
		{Address: "aws_s3_bucket.dr", Location: &model.Location{File: "dr.tf", Line: 1, Column: 1}},
		{Address: "aws_sqs_queue.dr", Location: &model.Location{File: "dr.tf", Line: 9, Column: 1}},
	}
	return f
}
