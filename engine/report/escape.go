package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape makes text that comes from inputs (addresses, values in messages,
// file names, waiver reasons, notes) safe to print on a terminal or in a CI
// log: control characters, which could end a line early, move the cursor
// or start a terminal escape sequence, are written as \xNN (\x0a, \x1b,
// \x9b), and the bidirectional overrides that reorder what a reader sees
// and the Unicode line separators as \uNNNN (\u202e); bytes that are not
// UTF-8 as \xNN. Other text is unchanged.
func Escape(s string) string { return escape(s, false) }

func escape(s string, keepTabs bool) string {
	if !needsEscape(s, keepTabs) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t' && keepTabs:
			b.WriteByte('\t')
		case unsafeRune(r) && r <= 0x9F: // C0, DEL and C1 controls
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func needsEscape(s string, keepTabs bool) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || (unsafeRune(r) && !(keepTabs && r == '\t')) {
			return true
		}
		i += n
	}
	return false
}

// unsafeRune is a C0 or C1 control character, DEL, a line or paragraph
// separator, or a bidirectional formatting character.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return true
	case r == 0x061C, r == 0x200E, r == 0x200F, r == 0x2028, r == 0x2029,
		r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// OneLine is an error message ready for standard error: line breaks become
// spaces, other unsafe characters escapes.
func OneLine(s string) string {
	return Escape(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s))
}

// lineStart escapes text that begins a line of text output, so that no
// input can make a line that a CI runner reads as a command: GitHub
// Actions takes "::error ..." and "##[error]..." at the start of a line as
// workflow commands.
func lineStart(s string) string {
	s = Escape(s)
	if t := strings.TrimLeft(s, " "); strings.HasPrefix(t, "::") || strings.HasPrefix(t, "##") {
		i := len(s) - len(t)
		return s[:i] + fmt.Sprintf(`\x%02x`, s[i]) + s[i+1:]
	}
	return s
}
