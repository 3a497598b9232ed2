package render

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/evidence"
	"github.com/fiscguard/fiscguard/engine/golden"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// load reads an evidence report fixed by the evidence package's golden
// tests: one target in which every status occurs, or two merged.
func load(t *testing.T, name string) *evidence.Report {
	t.Helper()
	r, err := evidence.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func render(t *testing.T, format string, r *evidence.Report, lang i18n.Lang) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, r, lang); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		golden, format, report string
		lang                   i18n.Lang
	}{
		{"sample_en.md", "markdown", "sample.json", i18n.En},
		{"sample_ja.md", "markdown", "sample.json", i18n.Ja},
		{"merged_en.md", "markdown", "merged.json", i18n.En},
		{"sample_en.html", "html", "sample.json", i18n.En},
		{"sample_ja.html", "html", "sample.json", i18n.Ja},
		{"merged_ja.html", "html", "merged.json", i18n.Ja},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			golden.Check(t, tt.golden, render(t, tt.format, load(t, tt.report), tt.lang))
		})
	}
}

// TestDeterministic: the same report gives the same bytes in every format,
// XLSX included.
func TestDeterministic(t *testing.T) {
	for _, format := range Formats {
		for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
			first := render(t, format, load(t, "merged.json"), lang)
			if second := render(t, format, load(t, "merged.json"), lang); !bytes.Equal(first, second) {
				t.Errorf("%s/%s: two runs differ", format, lang)
			}
		}
	}
}

// englishLabels are the fixed English words of the writers, split at
// format verbs, that a Japanese report must not contain.
func englishLabels() []string {
	var texts []i18n.Text
	for _, w := range words {
		texts = append(texts, w)
	}
	for _, m := range []map[string]i18n.Text{outcomeWords, reasonWords} {
		for _, w := range m {
			texts = append(texts, w)
		}
	}
	for _, sev := range []rule.Severity{rule.Critical, rule.High, rule.Medium, rule.Low} {
		texts = append(texts, i18n.Text{En: strings.ToLower(sev.Label().En)})
	}
	for _, w := range statusWords {
		texts = append(texts, w)
	}
	texts = append(texts, i18n.Text{En: "simple management"}, i18n.Text{En: "strict management"},
		i18n.Text{En: "shared (provider and user)"}, i18n.Text{En: "user (the institution)"}, i18n.Text{En: "cloud provider"})
	verb := regexp.MustCompile(`%(\[\d\])?[sd]`)
	seen := map[string]bool{}
	var out []string
	for _, t := range texts {
		for _, part := range verb.Split(t.En, -1) {
			part = strings.Trim(part, " ():,.…")
			if len(part) >= 4 && regexp.MustCompile(`[a-z]{3}`).MatchString(part) && !strings.Contains(t.Ja, part) && !seen[part] {
				seen[part] = true
				out = append(out, part)
			}
		}
	}
	return out
}

// TestJapaneseOnly: no English label, status, severity or profile name is
// left in a Japanese report.
func TestJapaneseOnly(t *testing.T) {
	labels := englishLabels()
	if len(labels) < 80 {
		t.Fatalf("only %d labels to look for", len(labels))
	}
	r := load(t, "merged.json")
	// Data is not a label: documents' proper names (SOC 2 Type 2).
	var data []string
	for _, d := range r.Documents {
		data = append(data, d.Title.Ja)
	}
	visible := func(s string) string {
		for _, d := range data {
			s = strings.ReplaceAll(s, d, "")
		}
		return s
	}
	for _, format := range []string{"html", "markdown"} {
		out := string(render(t, format, r, i18n.Ja))
		if format == "html" {
			// What a reader sees: text, not CSS, tags or attributes.
			out = regexp.MustCompile(`(?s)<style>.*</style>|<[^>]*>`).ReplaceAllString(out, " ")
		}
		out = visible(out)
		for _, l := range labels {
			if strings.Contains(out, l) {
				t.Errorf("%s in Japanese contains %q", format, l)
			}
		}
	}
	for _, cell := range xlsxCells(t, render(t, "xlsx", r, i18n.Ja)) {
		for _, l := range labels {
			if strings.Contains(visible(cell), l) {
				t.Errorf("xlsx in Japanese has a cell with %q: %q", l, cell)
			}
		}
	}
	// The English report, for contrast, does use them.
	if en := string(render(t, "markdown", load(t, "sample.json"), i18n.En)); !strings.Contains(en, "Non-conformant") || !strings.Contains(en, "simple management") {
		t.Error("the English report lacks its labels")
	}
}

func TestHTMLSelfContained(t *testing.T) {
	for _, report := range []string{"sample.json", "merged.json"} {
		out := string(render(t, "html", load(t, report), i18n.En))
		for _, bad := range []string{"<script", "src=", "href=", "@import", "url(", "<link", "<img"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: the page has %q: it must load nothing", report, bad)
			}
		}
		for _, want := range []string{
			`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`,
			"<svg", "section.category { break-before: page; }", "@page",
			`<tr id="item-実3">`, `<span class="badge s-non_conformant">Non-conformant</span>`,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the page lacks %q", report, want)
			}
		}
		// One section, so one printed page break, per category.
		if n := strings.Count(out, `<section class="category">`); n != 2 {
			t.Errorf("%s: %d category sections, want 2", report, n)
		}
	}
}

// TestHTMLEscapes: text from the input cannot become markup.
func TestHTMLEscapes(t *testing.T) {
	r := load(t, "sample.json")
	r.Targets[0].Name = `<img src=x onerror=alert(1)>`
	r.Targets[0].Results[0].Findings = append(r.Targets[0].Results[0].Findings, evidence.Finding{Message: i18n.Text{En: "<b>x</b>"}})
	out := string(render(t, "html", r, i18n.En))
	if strings.Contains(out, "<img") || strings.Contains(out, "<b>x") {
		t.Error("input text reached the page unescaped")
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "pdf", load(t, "sample.json"), i18n.En); err == nil || !strings.Contains(err.Error(), `"pdf"`) {
		t.Errorf("got %v", err)
	}
}
