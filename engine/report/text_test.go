package report

import (
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

func TestTextColour(t *testing.T) {
	plain := string(render(t, "text", sampleReport(t, i18n.En), Options{}))
	if strings.Contains(plain, "\x1b[") {
		t.Error("plain text output contains ANSI escapes")
	}
	coloured := string(render(t, "text", sampleReport(t, i18n.En), Options{Color: true}))
	if !strings.Contains(coloured, ansiRed+"HIGH") {
		t.Error("coloured output does not colour severities")
	}
	// Stripping escapes must give back the plain output: colour never changes layout.
	stripped := coloured
	for _, code := range []string{ansiReset, ansiBold, ansiRed, ansiYellow, ansiCyan, ansiMagenta} {
		stripped = strings.ReplaceAll(stripped, code, "")
	}
	if stripped != plain {
		t.Errorf("coloured output differs from plain beyond escapes:\n%s", stripped)
	}
}

func TestTextContent(t *testing.T) {
	tests := []struct {
		lang i18n.Lang
		want []string
	}{
		{i18n.En, []string{
			"INCONCLUSIVE  FG-S3-002  The KMS key",
			"  (no source location) · aws_cloudtrail.main · is_multi_region_trail\n",
			"  modules/logs/main.tf:12 · module.logs.aws_s3_bucket.this[\"audit\"]\n  > 12 │ resource",
			"    17 │     rule {\n  > 18 │ \tkms_master_key_id",
			"  Fix: Set is_multi_region_trail = true.\n  FISC 実25 · fiscguard explain FG-CT-001\n",
			"  FISC 実3\n", // a user rule: no explain command
			"WARNING: The plan is incomplete",
			"Profile: strict management · FISC edition: current edition · 3 rules evaluated\n",
			"Coverage: 2 resources checked by at least one rule; 1 of 3 types not covered (terraform_data)\n",
			"Findings: 2 failed, 1 inconclusive · CRITICAL 1, HIGH 1, MEDIUM 1\n",
			"実14    1  Control access",
			"Result: fail: every failure is at or above --fail-on high\n",
		}},
		{i18n.Ja, []string{
			"判定不能  FG-S3-002",
			"  対処: is_multi_region_trail = true を設定する。\n  FISC 実25 · fiscguard explain FG-CT-001 --lang ja\n",
			"警告: プランが不完全",
			"管理区分: 厳格な管理",
			"検査範囲: 2 件のリソースを1つ以上のルールで検査。3 種類中 1 種類はルールの対象外（terraform_data）\n",
			"実3     2  蓄積データの漏えい防止",
		}},
	}
	for _, tt := range tests {
		out := string(render(t, "text", sampleReport(t, tt.lang), Options{}))
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s text lacks %q:\n%s", tt.lang, w, out)
			}
		}
		if strings.Contains(out, "./modules") {
			t.Errorf("%s text shows an uncleaned path", tt.lang)
		}
	}
}

func TestPad(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"HIGH", 8, "HIGH    "},
		{"高", 4, "高  "},
		{"判定不能", 8, "判定不能"},
		{"CRITICAL", 4, "CRITICAL"},
	}
	for _, tt := range tests {
		if got := pad(tt.in, tt.width); got != tt.want {
			t.Errorf("pad(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

// TestTextOrder: open findings come most severe first, failures before
// inconclusive results, whatever their addresses.
func TestTextOrder(t *testing.T) {
	r := sampleReport(t, i18n.En)
	r.Findings[2].Rule = ruleS3CMK // the trail's finding becomes medium
	out := string(render(t, "text", r, Options{}))
	high := strings.Index(out, "FG-S3-001  Bucket")
	mediumFail := strings.Index(out, "FAIL          FG-S3-002  Trail")
	inconclusive := strings.Index(out, "INCONCLUSIVE  FG-S3-002")
	if high < 0 || mediumFail < high || inconclusive < mediumFail {
		t.Errorf("order: high at %d, medium failure at %d, inconclusive at %d:\n%s", high, mediumFail, inconclusive, out)
	}
}

// TestTextSummaryCounts: the summary says each number once, leaves out
// zeros and says which failures fail the build.
func TestTextSummaryCounts(t *testing.T) {
	r := sampleReport(t, i18n.En)
	r.FailOn = rule.Critical
	out := string(render(t, "text", r, Options{}))
	if !strings.Contains(out, "  Result: fail: 1 of the failures is at or above --fail-on critical\n") {
		t.Errorf("partial threshold:\n%s", out)
	}
	r.Findings = r.Findings[1:2]
	out = string(render(t, "text", r, Options{}))
	for _, w := range []string{"  Findings: 1 inconclusive · MEDIUM 1\n", "  Result: pass: no failure at or above --fail-on critical\n"} {
		if !strings.Contains(out, w) {
			t.Errorf("text lacks %q:\n%s", w, out)
		}
	}
	r.Findings = nil
	if out = string(render(t, "text", r, Options{})); !strings.HasPrefix(out, "No findings.\n") || !strings.Contains(out, "  Findings: none\n") {
		t.Errorf("no findings:\n%s", out)
	}
}

// TestSnippetEscapesControls: a quoted line cannot drive the terminal or
// the CI log, in colour or not.
func TestSnippetEscapesControls(t *testing.T) {
	r := sampleReport(t, i18n.En)
	r.Findings[0].Snippet = []finding.SourceLine{{Number: 3, Text: "  bucket = \"a\x1b[2J\rb\x00\u009b\"\t# note", Marked: true}}
	for _, color := range []bool{false, true} {
		out := string(render(t, "text", r, Options{Color: color}))
		if !strings.Contains(out, `  bucket = "a\x1b[2J\x0db\x00\x9b"`+"\t# note\n") {
			t.Errorf("colour %v: control characters not escaped:\n%q", color, out)
		}
		if strings.ContainsAny(out, "\r\x00\u009b") || (!color && strings.Contains(out, "\x1b")) {
			t.Errorf("colour %v: a raw control character reaches the output", color)
		}
	}
}

// TestFindingsMeanSomethingWasChecked: a finding on no listed resource (a
// provider configuration's region) still means a rule checked something.
func TestFindingsMeanSomethingWasChecked(t *testing.T) {
	r := uncoveredReport(t, i18n.En)
	r.Findings = []finding.Finding{newFinding(ruleTrail, rule.StatusFail, `provider["registry.terraform.io/hashicorp/aws"]`, "", "region",
		i18n.Text{En: "The provider places resources in us-east-1", Ja: "プロバイダーがリソースを us-east-1 に配置する"}, nil)}
	for _, format := range []string{"text", "markdown"} {
		if out := string(render(t, format, r, Options{})); strings.Contains(out, "othing was checked") {
			t.Errorf("%s says nothing was checked beside a finding:\n%s", format, out)
		}
	}
}

// TestCoverageListsAFewTypes: a long list of uncovered types is cut, saying
// how many it left out.
func TestCoverageListsAFewTypes(t *testing.T) {
	r := uncoveredReport(t, i18n.En)
	r.Resources = nil
	for _, c := range "abcdefghij" {
		r.Resources = append(r.Resources, Resource{Address: "x_" + string(c) + ".r", Type: "x_" + string(c), Mode: model.ModeManaged})
	}
	want := map[i18n.Lang]string{
		i18n.En: "0 of 10 types not covered (x_a, x_b, x_c, x_d, x_e, x_f, x_g, x_h, 2 more)\n",
		i18n.Ja: "10 種類中 10 種類はルールの対象外（x_a、x_b、x_c、x_d、x_e、x_f、x_g、x_h、ほか 2 種類）\n",
	}
	for lang, w := range want {
		r.Lang = lang
		if out := string(render(t, "text", r, Options{})); !strings.Contains(out, w) {
			t.Errorf("%s lacks %q:\n%s", lang, w, out)
		}
	}
}

// TestTextRelated: a finding in a remote module names where in the module
// it is, below the module call it points at.
func TestTextRelated(t *testing.T) {
	r := sampleReport(t, i18n.En)
	r.Findings[0].Related = &model.Location{File: ".terraform/modules/logs/main.tf", Line: 7}
	out := string(render(t, "text", r, Options{}))
	if !strings.Contains(out, "  modules/logs/main.tf:12 · module.logs.aws_s3_bucket.this[\"audit\"]\n  related location: .terraform/modules/logs/main.tf:7\n") {
		t.Errorf("no related location:\n%s", out)
	}
}
