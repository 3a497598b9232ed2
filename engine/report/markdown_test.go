package report

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fiscguard/fiscguard/engine/golden"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

func TestMarkdownGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
		t.Run(string(lang), func(t *testing.T) {
			golden.Check(t, "markdown_"+string(lang)+".golden", render(t, "markdown", waivedReport(t, lang), Options{}))
		})
	}
	t.Run("pass", func(t *testing.T) {
		r := sampleReport(t, i18n.En)
		r.FailOn = rule.Critical
		r.Findings = r.Findings[1:2] // the inconclusive finding only
		golden.Check(t, "markdown_pass_en.golden", render(t, "markdown", r, Options{}))
	})
}

func TestMarkdownContent(t *testing.T) {
	tests := []struct {
		lang      i18n.Lang
		want, not []string
	}{
		{i18n.En, []string{
			"## ❌ fiscguard: 2 findings at or above high\n",
			"- **Profile**: strict management (`strict`)\n",
			"- **FISC edition**: current edition\n",
			"| **Critical** | 1 | 0 | 1 |\n",
			"| Medium | 0 | 1 | 0 |\n",
			"| Total | 2 | 1 | 2 |\n",
			"| 実14 | Control access | 1 |\n",
			"- **Coverage**: 4 resources checked by at least one rule; 1 of 3 types not covered (`terraform_data`)\n",
			"- **Filter**: `--diff-base` left out 2 resources whose blocks did not change since `origin/main`\n",
			"### Findings (3)\n",
			"| `aws_cloudtrail.main` | Critical | Fail | [FG-CT-001](https://github.com/fiscguard/fiscguard/blob/main/docs/policies.md#fg-ct-001) | *no source location* |",
			// Grouped by resource: the bucket's second finding leaves the resource cell empty.
			"| `module.logs.aws_s3_bucket.this[\"audit\"]` | High | Fail | [FG-S3-001](https://github.com/fiscguard/fiscguard/blob/main/docs/policies.md#fg-s3-001) | [`modules/logs/main.tf:12`](https://github.com/bank/infra/blob/4f2c9a1e0b7d3c5a6e8f9012a3b4c5d6e7f80912/modules/logs/main.tf#L12) |",
			"|  | Medium | Inconclusive | `FG-S3-002` | [`modules/logs/main.tf:18`]",
			"| Add an aws\\_s3\\_bucket\\_public\\_access\\_block with all four settings true. |\n",
			"<summary>Waived findings (2)</summary>",
			"| `FG-S3-001` | `module.logs.aws_s3_bucket.this[\"access\"]` | Log buckets are written by a service principal only \\| reviewed by the platform team | platform-team | SEC-1234 | 2027-03-11 |",
			"### Waivers expiring within 30 days (2)\n",
			"| 2027-03-01 | 0 | `実25` | `aws_cloudtrail.legacy` | — | — |",
			"| 2027-03-11 | 10 | `FG-S3-001` |",
			"`.fiscguard/waivers.yaml:3`", // not a Terraform file: not linked
			"[`infra/prod/trail.tf:7`](https://github.com/bank/infra/blob/4f2c9a1e0b7d3c5a6e8f9012a3b4c5d6e7f80912/infra/prod/trail.tf#L7)",
			"- ⚠️ The plan is incomplete",
		}, []string{
			// Waived findings are not in the findings table and never in the title.
			"| `aws_cloudtrail.legacy` | Critical | Fail |",
			"2027-04-01", "2027-02-28",
			"./modules",
		}},
		{i18n.Ja, []string{
			"## ❌ fiscguard: 重大度高以上の違反が 2 件あります\n",
			"- **管理区分**: 厳格な管理 (`strict`)\n",
			"| `aws_cloudtrail.main` | 重大 | 違反 | [FG-CT-001]",
			"- **検査範囲**: 4 件のリソースを1つ以上のルールで検査。3 種類中 1 種類はルールの対象外（`terraform_data`）\n",
			"| リソース | 重大度 | 状態 | ルール | 場所 | メッセージ | 対処 |\n",
			"| 実3 | 蓄積データの漏えい防止 | 2 |\n",
			"<summary>例外（適用除外）とした指摘事項（2 件）</summary>",
			"### 30 日以内に期限切れとなる例外（適用除外）（2 件）\n",
			"### 注意\n",
		}, nil},
	}
	for _, tt := range tests {
		out := string(render(t, "markdown", waivedReport(t, tt.lang), Options{}))
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s markdown lacks %q:\n%s", tt.lang, w, out)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(out, n) {
				t.Errorf("%s markdown has %q:\n%s", tt.lang, n, out)
			}
		}
	}
}

// TestMarkdownWaivedNeverFail: a report whose only finding at or above
// fail-on is waived passes.
func TestMarkdownWaivedNeverFail(t *testing.T) {
	r := waivedReport(t, i18n.En)
	r.Findings = r.Findings[3:] // the two waived findings
	out := string(render(t, "markdown", r, Options{}))
	if !strings.Contains(out, "## ✅ fiscguard: no findings at or above high\n") {
		t.Errorf("waived findings fail the verdict:\n%s", out)
	}
	if !strings.Contains(out, "### Findings (0)\n\nNo findings.\n") {
		t.Errorf("waived findings listed as new:\n%s", out)
	}
}

func TestMarkdownExpiryWindow(t *testing.T) {
	tests := []struct {
		today string
		want  []string // expiry dates listed
	}{
		{"2027-03-01", []string{"2027-03-01", "2027-03-11"}},
		{"2027-03-02", []string{"2027-03-11", "2027-04-01"}}, // 30 days to 2027-04-01 is inside the window
		{"2027-02-28", []string{"2027-02-28", "2027-03-01", "2027-03-11"}},
		{"2027-01-29", []string{"2027-02-28"}}, // 30 days to 2027-02-28 is inside, 31 to 2027-03-01 outside
		{"2027-01-28", nil},
		{"2027-04-02", nil},
		{"", nil},     // no date, no section: the writer never reads the clock
		{"soon", nil}, // nor guesses
		{"2026-12-01", nil},
	}
	row := regexp.MustCompile(`(?m)^\| (\d{4}-\d\d-\d\d) \| \d+ \|`)
	for _, tt := range tests {
		r := waivedReport(t, i18n.En)
		r.Today = tt.today
		out := string(render(t, "markdown", r, Options{}))
		var got []string
		for _, m := range row.FindAllStringSubmatch(out, -1) {
			got = append(got, m[1])
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("today %q: expiring %v, want %v", tt.today, got, tt.want)
		}
		if has := strings.Contains(out, "Waivers expiring"); has != (len(tt.want) > 0) {
			t.Errorf("today %q: section shown = %v", tt.today, has)
		}
	}
}

// cells splits a Markdown table row at its unescaped pipes.
func cells(row string) []string {
	var out []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row):
			cur.WriteByte(row[i])
			cur.WriteByte(row[i+1])
			i++
		case row[i] == '|':
			out = append(out, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(out, cur.String())
}

func TestMarkdownEscaping(t *testing.T) {
	r := sampleReport(t, i18n.En)
	r.Findings = r.Findings[:1]
	r.Findings[0].Message.En = "Line one | with a pipe\nline <details> two *bold* [link](x) `code`"
	r.Findings[0].Address = "aws_s3_bucket.b[\"a|`b\"]"
	out := string(render(t, "markdown", r, Options{}))
	var row string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "| High |") {
			row = l
		}
	}
	if row == "" {
		t.Fatalf("no finding row:\n%s", out)
	}
	if c := cells(row); len(c) != 9 { // 7 cells between 8 pipes
		t.Errorf("row splits into %d parts, want 9: %q", len(c), row)
	}
	for _, want := range []string{
		`Line one \| with a pipe line &lt;details&gt; two \*bold\* \[link\](x) \` + "`code\\`",
		"`` aws_s3_bucket.b[\"a\\|`b\"] ``",
	} {
		if !strings.Contains(row, want) {
			t.Errorf("row lacks %q:\n%s", want, row)
		}
	}
	if strings.Contains(out, "<details>") {
		t.Error("message HTML reaches the output")
	}
}

func TestMDCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a.b", "`a.b`"},
		{"a`b", "`` a`b ``"},
		{"a``b`", "``` a``b` ```"},
		{"a|b", "`a\\|b`"},
		{"a\nb", "`a b`"},
		{"", "—"},
	}
	for _, tt := range tests {
		if got := mdCode(tt.in); got != tt.want {
			t.Errorf("mdCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMarkdownFitsAComment: however many findings, the output stays under
// GitHub's 65,536-character comment limit and says what it left out.
func TestMarkdownFitsAComment(t *testing.T) {
	r := sampleReport(t, i18n.Ja)
	// ASCII, one byte per character, so byte budgets are character budgets.
	long := strings.Repeat("a long message ", 100)
	r.Findings = nil
	for i := range 10000 {
		addr := fmt.Sprintf("module.very_long_module_name_%d.aws_s3_bucket.bucket_with_a_long_name[%d]", i, i)
		f := newFinding(ruleS3Public, rule.StatusFail, addr, "aws_s3_bucket", "", i18n.Text{En: long, Ja: long},
			&model.Location{File: "modules/some/deeply/nested/path/main.tf", Line: i + 1})
		if i%5 == 0 {
			w := waiverFile
			w.Reason = long
			f.Waiver = &w
		}
		r.Findings = append(r.Findings, f)
	}
	for i := range 500 {
		w := waiverFile
		w.Reason = long
		w.Source.Line = i
		r.Waivers = append(r.Waivers, w)
		r.Notes = append(r.Notes, i18n.Text{En: fmt.Sprintf("note %d: %s", i, long)})
	}
	r.Today = "2027-03-01"
	out := string(render(t, "markdown", r, Options{}))
	if n := utf8.RuneCountInString(out); n >= 65536 {
		t.Fatalf("output is %d characters, over GitHub's comment limit", n)
	}
	for _, re := range []string{`… ほか \d+ 件`} {
		if got := len(regexp.MustCompile(re).FindAllString(out, -1)); got != 4 { // findings, waived, expiring, notes
			t.Errorf("%d truncation notices, want 4:\n%s", got, out[len(out)-2000:])
		}
	}
	// The rows shown and the count left out add up to the whole.
	shown := strings.Count(out, " | 高 | 違反 | ")
	m := regexp.MustCompile(`(?s)### 指摘事項（8000 件）.*?… ほか (\d+) 件`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no truncation notice after the findings table")
	}
	var left int
	fmt.Sscan(m[1], &left)
	if shown == 0 || shown+left != 8000 {
		t.Errorf("%d rows shown + %d left out != 8000", shown, left)
	}
}

func TestWordsInBothLanguages(t *testing.T) {
	for name, words := range map[string]map[string]i18n.Text{"mdWords": mdWords, "labels": labels} {
		for k, w := range words {
			if w.En == "" || w.Ja == "" {
				t.Errorf("%s[%q] lacks a language: %+v", name, k, w)
			}
		}
	}
	// Every severity and status the Markdown writer looks up has a word.
	for _, sev := range severitiesDesc {
		if _, ok := mdWords[sev.String()]; !ok {
			t.Errorf("no Markdown word for severity %s", sev)
		}
	}
	for _, st := range []string{rule.StatusFail, rule.StatusInconclusive} {
		if _, ok := mdWords[st]; !ok {
			t.Errorf("no Markdown word for status %s", st)
		}
	}
}

// TestMarkdownThresholdWords: the verdict, the footer and the --severity
// filter name severities by their labels, and --fail-on none is no
// threshold at all.
func TestMarkdownThresholdWords(t *testing.T) {
	tests := []struct {
		lang          i18n.Lang
		failOn, shown rule.Severity
		want          []string
	}{
		{i18n.Ja, rule.Medium, rule.High, []string{"重大度中以上の違反が", "判定基準：重大度中以上", "`--severity high` により、重大度高未満の"}},
		{i18n.Ja, rule.None, rule.Low, []string{"（--fail-on none のため判定なし）", "判定基準なし（--fail-on none）"}},
		{i18n.En, rule.None, rule.Medium, []string{"not gated (--fail-on none)", "fail-on none</sub>", "`--severity medium` left out 1 finding below medium"}},
	}
	for _, tt := range tests {
		r := sampleReport(t, tt.lang)
		r.FailOn, r.Severity, r.Below = tt.failOn, tt.shown, 1
		out := string(render(t, "markdown", r, Options{}))
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s --fail-on %s: lacks %q:\n%s", tt.lang, tt.failOn, w, out)
			}
		}
		if strings.Contains(out, "重大度なし") {
			t.Errorf("%s --fail-on %s: a threshold of none reads as a severity", tt.lang, tt.failOn)
		}
	}
}
