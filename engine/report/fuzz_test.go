package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fiscguard/fiscguard/engine/i18n"
)

// FuzzEscape: no input put into a text or Markdown report, in any field,
// yields a control character, a bidirectional override or a line that a
// CI runner reads as a workflow command.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"::error::x", "a\nb", "\x1b[2J", "\u202e", "##[warning]", "\xff", "  ::x", "\r\n::set-output name=x::y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if e := Escape(s); !safe(e, false) {
			t.Fatalf("Escape(%q) = %q", s, e)
		}
		if l := strings.TrimLeft(lineStart(s), " "); strings.HasPrefix(l, "::") || strings.HasPrefix(l, "##") {
			t.Fatalf("lineStart(%q) = %q", s, l)
		}
		r := sampleReport(t, i18n.En)
		f := &r.Findings[0]
		f.Address, f.Attribute, f.Message.En, f.Location.File = s, s, s, s
		r.Notes, r.Target.Path = []i18n.Text{{En: s, Ja: s}}, s
		for _, format := range []string{"text", "markdown"} {
			for i, line := range strings.Split(string(render(t, format, r, Options{})), "\n") {
				if l := strings.TrimLeft(line, " "); strings.HasPrefix(l, "::") || strings.HasPrefix(l, "##[") || !safe(line, true) {
					t.Fatalf("%s line %d: %q", format, i+1, line)
				}
			}
		}
	})
}

// safe reports whether s holds no unsafe rune and is UTF-8 (tabs allowed in
// quoted source lines when tabs is set).
func safe(s string, tabs bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unsafeRune(r) && !(tabs && r == '\t') {
			return false
		}
	}
	return true
}
