package report

import (
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/i18n"
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
			"INCONCLUSIVE  FG-S3-002",
			"(no source location)",
			"modules/logs/main.tf:12",
			"WARNING: The plan is incomplete",
			"Profile: strict management (strict)",
			"Resources checked: 2 of 4",
			"実14    1  Control access",
			"Failures at or above --fail-on high: 2",
		}},
		{i18n.Ja, []string{
			"判定不能  FG-S3-002",
			"警告: The plan is incomplete",
			"プロファイル: 厳格な管理 (strict)",
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
