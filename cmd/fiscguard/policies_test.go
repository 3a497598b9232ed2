package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

type listed struct {
	Count    int `json:"count"`
	Policies []struct {
		ID             string            `json:"id"`
		Title          map[string]string `json:"title"`
		Severity       string            `json:"severity"`
		Profile        string            `json:"profile"`
		Responsibility string            `json:"responsibility"`
		FISC           []string          `json:"fisc"`
		FISC8th        []string          `json:"fisc_8th"`
		FISCBasis      map[string]string `json:"fisc_basis"`
		Params         []string          `json:"params"`
		HelpURI        string            `json:"help_uri"`
	} `json:"policies"`
}

func listPolicies(t *testing.T, args ...string) listed {
	t.Helper()
	code, out, stderr := cli(t, "", append([]string{"policies", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var l listed
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatal(err)
	}
	if l.Count != len(l.Policies) {
		t.Errorf("count %d, but %d policies", l.Count, len(l.Policies))
	}
	return l
}

// TestPoliciesJSON: at least 40 policies, each with a FISC ID, a basis for
// every ID, titles in both languages and the fields a platform team filters on.
func TestPoliciesJSON(t *testing.T) {
	l := listPolicies(t)
	if len(l.Policies) < 40 {
		t.Fatalf("%d policies, want at least 40", len(l.Policies))
	}
	for _, p := range l.Policies {
		ids := append(append([]string{}, p.FISC...), p.FISC8th...)
		if len(ids) == 0 {
			t.Errorf("%s cites no FISC item", p.ID)
		}
		for _, id := range ids {
			if p.FISCBasis[id] == "" {
				t.Errorf("%s: no basis for %s", p.ID, id)
			}
		}
		if p.Title["en"] == "" || p.Title["ja"] == "" || !containsJapanese(p.Title["ja"]) {
			t.Errorf("%s: title %v lacks English or Japanese", p.ID, p.Title)
		}
		if p.Severity == "" || p.Profile == "" || p.Responsibility == "" {
			t.Errorf("%s: severity %q, profile %q, responsibility %q", p.ID, p.Severity, p.Profile, p.Responsibility)
		}
		if !strings.HasSuffix(p.HelpURI, "docs/policies.md#"+strings.ToLower(p.ID)) {
			t.Errorf("%s: help_uri %s", p.ID, p.HelpURI)
		}
	}
}

func containsJapanese(s string) bool {
	for _, r := range s {
		if (r >= 0x3040 && r <= 0x30ff) || (r >= 0x4e00 && r <= 0x9fff) {
			return true
		}
	}
	return false
}

func TestPoliciesFilters(t *testing.T) {
	all := listPolicies(t)
	region := listPolicies(t, "--fisc", "運108")
	if len(region.Policies) == 0 {
		t.Fatal("no policy evidences 運108")
	}
	for _, p := range region.Policies {
		if !strings.HasPrefix(p.ID, "FG-REGION-") || !slices.Contains(p.FISC8th, "運108") {
			t.Errorf("--fisc 運108 listed %s (%v)", p.ID, p.FISC8th)
		}
	}
	for _, p := range listPolicies(t, "--fisc", "実3").Policies {
		if !slices.Contains(p.FISC, "実3") {
			t.Errorf("--fisc 実3 listed %s (%v)", p.ID, p.FISC)
		}
	}
	simple := listPolicies(t, "--profile", "simple")
	strict := listPolicies(t, "--profile", "strict")
	if len(strict.Policies) != len(all.Policies) || len(simple.Policies) >= len(strict.Policies) {
		t.Errorf("simple %d, strict %d, all %d: strict must run every rule and simple fewer", len(simple.Policies), len(strict.Policies), len(all.Policies))
	}
	for _, p := range simple.Policies {
		if p.Profile != "simple" {
			t.Errorf("--profile simple listed the strict rule %s", p.ID)
		}
	}
	high := listPolicies(t, "--severity", "high")
	if len(high.Policies) == 0 || len(high.Policies) >= len(all.Policies) {
		t.Errorf("--severity high listed %d of %d", len(high.Policies), len(all.Policies))
	}
	for _, p := range high.Policies {
		if p.Severity != "high" && p.Severity != "critical" {
			t.Errorf("--severity high listed %s (%s)", p.ID, p.Severity)
		}
	}
}

func TestPoliciesTextAndMarkdown(t *testing.T) {
	code, out, _ := cli(t, "", "policies", "--lang", "ja", "--fisc", "運111")
	if code != 0 || !strings.Contains(out, "FG-KMS-003") || !strings.Contains(out, "顧客管理のKMSキー") || strings.Contains(out, "FG-S3-001") {
		t.Errorf("exit %d\n%s", code, out)
	}
	code, out, _ = cli(t, "", "policies", "--format", "markdown", "--severity", "critical")
	if code != 0 || !strings.HasPrefix(out, "| ID | Severity |") || !strings.Contains(out, "[FG-EC2-001](https://github.com/fiscguard/fiscguard/blob/main/docs/policies.md#fg-ec2-001)") {
		t.Errorf("exit %d\n%s", code, out)
	}
	if strings.Contains(out, "| medium |") {
		t.Errorf("--severity critical listed a medium rule\n%s", out)
	}
}

func TestPoliciesBadFlags(t *testing.T) {
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{[]string{"--fisc", "実999"}, "--fisc: 実999 is not a FISC item"},
		{[]string{"--severity", "urgent"}, `--severity: unknown severity "urgent"`},
		{[]string{"--profile", "lax"}, `--profile: unknown profile "lax"`},
		{[]string{"--format", "xml"}, `--format: unknown format "xml"`},
	} {
		code, _, stderr := cli(t, "", append([]string{"policies"}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.err) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, stderr)
		}
	}
}

func TestExplainRule(t *testing.T) {
	code, out, _ := cli(t, "", "explain", "FG-S3-001")
	for _, want := range []string{"FG-S3-001: S3 buckets block public access", "What is checked and why", "How to fix",
		"実3", "実25", "運110", "simple management expects", "aws-blea", "SH.S3.8", "docs/policies.md#fg-s3-001"} {
		if want == "aws-blea" {
			want = "AWS-published control mapping"
		}
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("explain FG-S3-001 lacks %q (exit %d)\n%s", want, code, out)
		}
	}
	code, out, _ = cli(t, "", "explain", "fg-logs-001", "--lang", "ja")
	for _, want := range []string{"FG-LOGS-001: CloudWatchロググループでログを十分な期間保存する", "検査内容と理由", "対処方法", "パラメータ", "min_log_retention_days", "厳格な管理では 731"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("explain fg-logs-001 --lang ja lacks %q (exit %d)\n%s", want, code, out)
		}
	}
}

func TestExplainFISCItem(t *testing.T) {
	code, out, _ := cli(t, "", "explain", "運108")
	if code != 0 || !strings.Contains(out, "FG-REGION-001") || !strings.Contains(out, "Policies that evidence it") {
		t.Errorf("explain 運108: exit %d\n%s", code, out)
	}
	// An item no policy can evidence says why.
	code, out, _ = cli(t, "", "explain", "実55", "--lang", "ja")
	if code != 0 || !strings.Contains(out, "証跡となるポリシーはない: クラウド事業者の対応") {
		t.Errorf("explain 実55: exit %d\n%s", code, out)
	}
	code, out, _ = cli(t, "", "explain", "実63")
	if code != 0 || !strings.Contains(out, "not decidable from IaC") || !strings.Contains(out, "title not confirmed") {
		t.Errorf("explain 実63: exit %d\n%s", code, out)
	}
}

func TestExplainUnknownID(t *testing.T) {
	for _, args := range [][]string{{"explain", "FG-NOPE-001"}, {"explain", "実999"}, {"explain"}, {"explain", "FG-S3-001", "--lang", "fr"}} {
		code, out, stderr := cli(t, "", args...)
		if code != 2 || out != "" || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, stderr)
		}
	}
}
