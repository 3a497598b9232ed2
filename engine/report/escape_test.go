package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text, 日本語, ::/0", "plain text, 日本語, ::/0"},
		{"a\nb\rc\td", `a\x0ab\x0dc\x09d`},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"bell\a nul\x00 del\x7f", `bell\x07 nul\x00 del\x7f`},
		{"csi\u009b2J", `csi\x9b2J`},
		{"rtl\u202eevil\u2066", `rtl\u202eevil\u2066`},
		{"line\u2028sep", `line\u2028sep`},
		{"bad\xffutf8", `bad\xffutf8`},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"::error::x", `\x3a:error::x`},
		{"  ::warning::x", `  \x3a:warning::x`},
		{"##[error]x", `\x23#[error]x`},
		{"aws_s3_bucket.b", "aws_s3_bucket.b"},
	} {
		if got := lineStart(tc.in); got != tc.want {
			t.Errorf("lineStart(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := OneLine("a\nb\r\nc\x1b"); got != `a b c\x1b` {
		t.Errorf("OneLine: %q", got)
	}
}

// hostileReport carries control characters and workflow commands in every
// field an input can set.
func hostileReport(t *testing.T, lang i18n.Lang) *Report {
	r := sampleReport(t, lang)
	const evil = "\n::error file=x.tf,line=1::injected\x1b]0;title\a\x1b[2J\r##[error]v1\u202e"
	loc := &model.Location{File: "main.tf" + evil, Line: 3}
	f := newFinding(ruleS3Public, rule.StatusFail, "::error::addr"+evil, "aws_s3_bucket"+evil, "tags"+evil,
		i18n.Text{En: "message" + evil, Ja: "メッセージ" + evil}, loc)
	w := newFinding(ruleS3CMK, rule.StatusFail, "##[warning]"+evil, "aws_s3_bucket", "",
		i18n.Text{En: "waived" + evil, Ja: "免除" + evil}, loc)
	w.Waiver = &finding.Waiver{Kind: "file", Rule: "FG-S3-002" + evil, Reason: "reason" + evil, Owner: "owner" + evil, Ticket: "T" + evil, Expires: "2099-01-01", Source: *loc}
	r.Findings = append(r.Findings, f, w)
	r.Target.Path = "plan.json" + evil
	r.Target.TerraformVersion = "1.9" + evil
	r.Notes = append(r.Notes, i18n.Text{En: "note" + evil, Ja: "注意" + evil})
	r.Waivers = []finding.Waiver{*w.Waiver}
	r.Today = "2098-12-20"
	return r
}

// TestOutputsSafeToPrint: no input can put a control character, a line
// break or a workflow command line into text or Markdown output.
func TestOutputsSafeToPrint(t *testing.T) {
	for _, format := range []string{"text", "markdown"} {
		for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
			out := string(render(t, format, hostileReport(t, lang), Options{}))
			for i, line := range strings.Split(out, "\n") {
				trimmed := strings.TrimLeft(line, " ")
				if strings.HasPrefix(trimmed, "::") || strings.HasPrefix(trimmed, "##[") {
					t.Errorf("%s %s line %d is a workflow command: %q", format, lang, i+1, line)
				}
				for _, r := range line {
					if (unsafeRune(r) && r != '\t') || r == utf8.RuneError { // quoted source keeps its tabs
						t.Errorf("%s %s line %d holds %U: %q", format, lang, i+1, r, line)
						break
					}
				}
			}
			shown := `injected\x1b]0;title\x07\x1b[2J\x0d`
			if format == "markdown" {
				shown = `injected\\x1b\]0;title\\x07\\x1b\[2J`
			}
			if !strings.Contains(out, shown) {
				t.Errorf("%s %s: the escaped input is not shown", format, lang)
			}
		}
	}
}
