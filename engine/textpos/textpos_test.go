package textpos

import (
	"strings"
	"testing"
)

func TestPosition(t *testing.T) {
	data := []byte("ab\ncd\n\nef")
	for _, tt := range []struct {
		offset    int64
		line, col int
	}{{0, 1, 1}, {1, 1, 2}, {3, 2, 1}, {6, 3, 1}, {8, 4, 2}, {99, 4, 3}, {-1, 1, 1}} {
		if l, c := Position(data, tt.offset); l != tt.line || c != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.offset, l, c, tt.line, tt.col)
		}
	}
}

func TestTooDeep(t *testing.T) {
	if _, _, deep := TooDeep([]byte("{ a = [1, (2)] }\n]]]]"), 3); deep {
		t.Error("three levels are not too deep for a limit of 3")
	}
	line, col, deep := TooDeep([]byte("x\n  "+strings.Repeat("[", 5)), 3)
	if !deep || line != 2 || col != 6 {
		t.Errorf("got %d:%d %v, want 2:6 true", line, col, deep)
	}
}

func TestHCLTooDeep(t *testing.T) {
	n := 5000
	for _, tc := range []struct {
		name, src string
		template  bool
		line, col int
	}{
		{"unary minus", "locals {\n  a = " + strings.Repeat("- ", n) + "1\n}\n", false, 2, 2005},
		{"unary not", "a = " + strings.Repeat("!", n) + "true\n", false, 1, 1005},
		{"binary chain", "a = 1" + strings.Repeat(" + 1", n) + "\n", false, 1, 4007},
		{"chain across lines in parentheses", "a = (1" + strings.Repeat("\n + 1", n) + ")\n", false, 1001, 2},
		{"splats", "a = b" + strings.Repeat("[*]", n) + "\n", false, 1, 3004},
		{"brackets", "a = " + strings.Repeat("[", n) + "\n", false, 1, 1005},
		{"nested interpolations", "a = " + strings.Repeat(`"${`, n) + "\n", false, 1, 1505},
		{"template", strings.Repeat("${-", n) + "1}", true, 1, 1502},
	} {
		line, col, deep := HCLTooDeep([]byte(tc.src), tc.template, 1000)
		if !deep || line != tc.line || col != tc.col {
			t.Errorf("%s: %d:%d %v, want %d:%d", tc.name, line, col, deep, tc.line, tc.col)
		}
	}
	// What real configurations hold is not deep, however long.
	for _, src := range []string{
		"a = [" + strings.Repeat("x - 1, ", n) + "]\n",
		"locals {\n" + strings.Repeat("  a = b - 1 + c\n", n) + "}\n",
		"a = \"" + strings.Repeat("-+*/!", n) + "\"\n",
		"# " + strings.Repeat("-", 5000) + "\na = 1\n",
		"a = <<EOT\n" + strings.Repeat("-----BEGIN-----\n", n) + "EOT\n",
		"a = 1 - - 1\n",
	} {
		if line, col, deep := HCLTooDeep([]byte(src), false, 1000); deep {
			t.Errorf("%.40q… is reported deep at %d:%d", src, line, col)
		}
	}
	if _, _, deep := HCLTooDeep([]byte(strings.Repeat("text -+ ", n)), true, 1000); deep {
		t.Error("a template's literal text is not an expression")
	}
}

func TestJSONTemplatesTooDeep(t *testing.T) {
	src := "{\n  \"locals\": {\"a\": \"${" + strings.Repeat("-", 5000) + "1}\", \"b\": \"" + strings.Repeat("-", 5000) + "\"}\n}"
	line, col, deep := JSONTemplatesTooDeep([]byte(src), 1000)
	if !deep || line != 2 || col != 19 {
		t.Errorf("%d:%d %v, want 2:19", line, col, deep)
	}
	if _, _, deep := JSONTemplatesTooDeep([]byte(`{"a": "`+strings.Repeat("-", 5000)+`"}`), 1000); deep {
		t.Error("a string that is not a template is not an expression")
	}
}

func TestFormatWidth(t *testing.T) {
	for format, want := range map[string]int64{
		"%s":           2,
		"%05d":         9,
		"%-999999999s": 12 + 999999999,
		"%99999999999999999999999d%99999999999999999999999d": 1 << 62,
	} {
		if got := FormatWidth(format); got != want {
			t.Errorf("FormatWidth(%q) = %d, want %d", format, got, want)
		}
	}
}
