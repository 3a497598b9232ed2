package waiver

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

func newFinding(id, address string, loc *model.Location) finding.Finding {
	return finding.Finding{Rule: &rule.Rule{ID: id, FISC: []string{"実3"}, FISC8th: []string{"運110"}}, Address: address, Location: loc, Status: rule.StatusFail}
}

func TestMatches(t *testing.T) {
	f := newFinding("FG-S3-001", "module.logs.aws_s3_bucket.this", nil)
	tests := []struct {
		w    finding.Waiver
		want bool
	}{
		{finding.Waiver{Rule: "FG-S3-001"}, true},
		{finding.Waiver{Rule: "実3"}, true},
		{finding.Waiver{Rule: "運110"}, true},
		{finding.Waiver{Rule: "FG-S3-*", Resource: "module.logs.*"}, true},
		{finding.Waiver{Rule: "FG-S3-001", Resource: "aws_s3_bucket.*"}, false},
		{finding.Waiver{Rule: "実4"}, false},
	}
	for _, tt := range tests {
		if got := Matches(&tt.w, &f); got != tt.want {
			t.Errorf("%+v: %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "waivers.yaml")
	os.WriteFile(good, []byte(`waivers:
  - rule: FG-S3-001
    resource: module.logs["*"].aws_s3_bucket.*
    reason: "log buckets are written by a service principal only"
    owner: platform-team
    ticket: SEC-1234
    expires: 2027-03-31
`), 0o644)
	ws, err := LoadFile(good, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 1 || ws[0].Expires != "2027-03-31" || ws[0].Owner != "platform-team" || ws[0].Source.Line != 2 || ws[0].Kind != "file" {
		t.Errorf("waivers %+v", ws)
	}
	tests := []struct {
		src    string
		strict bool
		want   string
	}{
		{"waivers:\n  - rule: FG-S3-001\n", false, ":2:11: waiver for FG-S3-001 has no reason"},
		{"waivers:\n  - rule: FG-S3-001\n    reason: x\n", true, ":2:11: waiver for FG-S3-001 has no expiry date"},
		{"waivers:\n  - rule: FG-S3-001\n    reason: x\n    expires: next year\n", false, `:4:14: waiver for FG-S3-001: expires "next year" is not a date`},
		{"waivers:\n  - rule: FG-S3-001\n    reason: x\n    approver: me\n", false, `:4:5: unknown key "approver"`},
		{"waivers:\n  - reason: x\n", false, "waiver 1 has no rule"},
	}
	for _, tt := range tests {
		p := filepath.Join(t.TempDir(), "w.yaml")
		os.WriteFile(p, []byte(tt.src), 0o644)
		_, err := LoadFile(p, tt.strict)
		var ie *model.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.src, err, tt.want)
		}
	}
}

const source = `resource "aws_s3_bucket" "logs" { # fiscguard:ignore FG-S3-003 reason="TLS enforced by the VPC endpoint policy"
  bucket = "logs"
}

# Public by design: the bank's status page.
# fiscguard:ignore FG-S3-001 reason="public status page" expires=2027-01-31 owner=web-team
resource "aws_s3_bucket" "status" {
  bucket = "status"
}

resource "aws_ebs_volume" "data" {
  // fiscguard:ignore 実3 reason="scratch volume, no customer data" expires=2020-01-01
  encrypted = false
}
`

func TestInlineAndApply(t *testing.T) {
	in, err := ScanInline("main.tf", strings.Split(source, "\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(in) != 3 || in[0].Target != 1 || in[1].Target != 7 || in[2].Target != 13 || in[1].Owner != "web-team" {
		t.Fatalf("inline waivers %+v", in)
	}
	loc := func(line int) *model.Location { return &model.Location{File: "main.tf", Line: line} }
	blocks := map[string]*model.Location{"aws_s3_bucket.logs": loc(1), "aws_s3_bucket.status": loc(7), "aws_ebs_volume.data": loc(11)}
	findings := []finding.Finding{
		newFinding("FG-S3-003", "aws_s3_bucket.logs", loc(1)),    // waived: trailing comment on the block line
		newFinding("FG-S3-001", "aws_s3_bucket.status", loc(7)),  // waived: comment block above
		newFinding("FG-S3-003", "aws_s3_bucket.status", loc(7)),  // not waived: another rule
		newFinding("FG-EBS-001", "aws_ebs_volume.data", loc(13)), // expired inline waiver
		newFinding("FG-S3-001", "aws_s3_bucket.other", loc(20)),  // waived by the file
	}
	file := []finding.Waiver{
		{Kind: "file", Rule: "FG-S3-001", Resource: "aws_s3_bucket.other", Reason: "r", Source: model.Location{File: "w.yaml", Line: 2}},
		{Kind: "file", Rule: "FG-RDS-*", Reason: "r", Source: model.Location{File: "w.yaml", Line: 6}},
	}
	notes := Apply(findings, in, file, func(a string) *model.Location { return blocks[a] }, "2026-11-29")
	waived := []bool{true, true, false, false, true}
	for i, f := range findings {
		if (f.Waiver != nil) != waived[i] {
			t.Errorf("finding %d (%s %s): waived %v, want %v", i, f.Rule.ID, f.Address, f.Waiver != nil, waived[i])
		}
	}
	if findings[1].Waiver.Reason != "public status page" || findings[1].Waiver.Kind != "inline" {
		t.Errorf("waiver %+v", findings[1].Waiver)
	}
	want := "main.tf:12: the waiver for 実3 expired on 2020-01-01 and no longer applies\nw.yaml:6: the waiver for FG-RDS-* matches no finding (stale)"
	var en, ja []string
	for _, n := range notes {
		en, ja = append(en, n.En), append(ja, n.Ja)
	}
	if got := strings.Join(en, "\n"); got != want {
		t.Errorf("notes:\n%s\nwant:\n%s", got, want)
	}
	wantJa := "main.tf:12: 実3 の例外（適用除外）は 2020-01-01 に期限が切れたため、もう適用していない\nw.yaml:6: FG-RDS-* の例外（適用除外）に一致する指摘事項がない（不要になった定義）"
	if got := strings.Join(ja, "\n"); got != wantJa {
		t.Errorf("Japanese notes:\n%s\nwant:\n%s", got, wantJa)
	}
}

func TestMalformedInline(t *testing.T) {
	tests := []struct {
		line   string
		strict bool
		want   string
	}{
		{`# fiscguard:ignore FG-S3-001`, false, "main.tf:1: fiscguard:ignore for FG-S3-001 has no reason"},
		{`# fiscguard:ignore reason="x"`, false, "needs a rule ID"},
		{`# fiscguard:ignore FG-S3-001 reason="x"`, true, "has no expires=YYYY-MM-DD"},
		{`# fiscguard:ignore FG-S3-001 reason="x" expires=soon`, false, `expires "soon" is not a date`},
		{`# fiscguard:ignore FG-S3-001 reason="x" approver=me`, false, `unknown option "approver"`},
	}
	for _, tt := range tests {
		_, err := ScanInline("main.tf", []string{tt.line}, tt.strict)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.line, err, tt.want)
		}
	}
}

func TestBroad(t *testing.T) {
	ids := []string{"FG-EBS-001", "FG-S3-001", "FG-S3-002"}
	categories := [][]string{{"実1", "実3", "実14"}, {"運108", "運110"}}
	for _, tc := range []struct {
		pattern string
		want    bool
	}{
		{"*", true}, {"FG-*", true}, {"F*", true}, {"実*", true}, {"運1*", true},
		{"FG-S3-*", false}, {"FG-S3-001", false}, {"実1*", false}, {"実3", false}, {"*-001", false},
	} {
		if got := Broad(tc.pattern, ids, categories); got != tc.want {
			t.Errorf("Broad(%q) = %v, want %v", tc.pattern, got, tc.want)
		}
	}
}

// TestScope: a pattern for every rule needs scope: all, which a narrow
// pattern may not claim; only "all" is a scope.
func TestScope(t *testing.T) {
	at := model.Location{File: "w.yaml", Line: 3}
	for _, tc := range []struct {
		w     finding.Waiver
		broad bool
		err   string
	}{
		{finding.Waiver{Rule: "*", Source: at}, true, `w.yaml:3: the waiver's rule pattern "*" matches every rule; say scope: all`},
		{finding.Waiver{Rule: "*", Scope: ScopeAll, Source: at}, true, ""},
		{finding.Waiver{Rule: "FG-S3-001", Scope: ScopeAll, Source: at}, false, `w.yaml:3: the waiver says scope: all, but its rule pattern "FG-S3-001" does not match every rule`},
		{finding.Waiver{Rule: "FG-S3-001", Source: at}, false, ""},
	} {
		err := CheckScope(&tc.w, tc.broad)
		if (tc.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%+v: %v, want %q", tc.w, err, tc.err)
		}
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "w.yaml")
	os.WriteFile(p, []byte("waivers:\n  - rule: \"*\"\n    reason: freeze\n    scope: everything\n"), 0o644)
	if _, err := LoadFile(p, false); err == nil || !strings.Contains(err.Error(), `w.yaml:4:12: waiver for *: scope "everything" is not "all"`) {
		t.Errorf("bad scope: %v", err)
	}
	os.WriteFile(p, []byte("waivers:\n  - rule: \"*\"\n    reason: freeze\n    scope: all\n"), 0o644)
	if ws, err := LoadFile(p, false); err != nil || len(ws) != 1 || ws[0].Scope != ScopeAll {
		t.Errorf("scope all: %v %v", ws, err)
	}
	in, err := ScanInline("main.tf", []string{`# fiscguard:ignore * reason="migration" scope=all`, "resource \"a\" \"b\" {}"}, false)
	if err != nil || len(in) != 1 || in[0].Scope != ScopeAll {
		t.Errorf("inline scope: %v %v", in, err)
	}
	if _, err := ScanInline("main.tf", []string{`# fiscguard:ignore * reason="x" scope=some`}, false); err == nil || !strings.Contains(err.Error(), `scope "some" is not "all"`) {
		t.Errorf("inline bad scope: %v", err)
	}
}
