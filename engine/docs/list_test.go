package docs

import (
	"bytes"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

func TestSelect(t *testing.T) {
	lib := load(t)
	tests := []struct {
		name string
		sel  Selection
		keep func(r *rule.Rule) bool
	}{
		{"all", Selection{}, func(*rule.Rule) bool { return true }},
		{"simple only", Selection{Profile: rule.Simple}, func(r *rule.Rule) bool { return r.Profile == rule.Simple }},
		{"high and above", Selection{Severity: rule.High}, func(r *rule.Rule) bool { return r.Severity >= rule.High }},
		{"an 8th-edition item", Selection{FISC: "運108"}, func(r *rule.Rule) bool { return strings.Contains(strings.Join(r.FISC8th, " "), "運108") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := lib.Select(tt.sel)
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			for _, r := range lib.Rules {
				if tt.keep(r) {
					want++
				}
			}
			if len(got) != want || want == 0 {
				t.Errorf("%d rules, want %d", len(got), want)
			}
		})
	}
	if _, err := lib.Select(Selection{FISC: "実999"}); err == nil || !strings.Contains(err.Error(), "--fisc: 実999 is not a FISC item") {
		t.Errorf("unknown item: %v", err)
	}
}

func TestWriteListAndExplain(t *testing.T) {
	lib := load(t)
	var b bytes.Buffer
	if err := lib.WriteList(&b, "markdown", lib.Rules[:1], i18n.Ja); err != nil || !strings.HasPrefix(b.String(), "| ID | 重大度 |") {
		t.Errorf("markdown list %q, %v", b.String(), err)
	}
	if err := lib.WriteList(&b, "xml", lib.Rules, i18n.En); err == nil || !strings.Contains(err.Error(), `unknown format "xml"`) {
		t.Errorf("bad format: %v", err)
	}
	b.Reset()
	if err := lib.Explain(&b, " FG-S3-001 ", i18n.En); err != nil || !strings.HasPrefix(b.String(), "FG-S3-001: ") {
		t.Errorf("explain a rule: %v %q", err, b.String())
	}
	if err := lib.Explain(&b, "nope", i18n.En); err == nil || !strings.Contains(err.Error(), `"nope" is neither a rule ID nor a FISC item`) {
		t.Errorf("explain nothing: %v", err)
	}
}
