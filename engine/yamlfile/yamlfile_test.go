package yamlfile

import (
	"fmt"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	var v struct {
		Name  string   `yaml:"name"`
		Items []string `yaml:"items"`
	}
	f, err := Decode("a.yaml", []byte("name: x\nitems: [a, b]\n"), &v)
	if err != nil || v.Name != "x" || len(v.Items) != 2 || f.Line("$.items") != 2 {
		t.Fatalf("%v %+v", err, v)
	}
	tests := []struct{ src, want string }{
		{"name: x\ncolour: red\n", `a.yaml:2:1: unknown key "colour"`},
		// A key with control characters is quoted, so the error stays one line.
		{"{<\r\rr}", `a.yaml:1:2: unknown key "<\nr"`},
		{"name: [x\n", "a.yaml:1:"},
		// Pathological input is refused before the parser sees it.
		{"items: " + strings.Repeat("[", 300000) + strings.Repeat("]", 300000), "a.yaml:1:108: brackets are nested more than 100 deep"},
		{"name: " + strings.Repeat("x", 9<<20), "a.yaml: file is larger than 8 MiB"},
	}
	for _, tt := range tests {
		_, err := Decode("a.yaml", []byte(tt.src), &v)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("error %v, want %q", err, tt.want)
		}
	}
	if err := f.Errorf("$.name", "bad %s", "name"); err.Error() != "a.yaml:1:7: bad name" {
		t.Errorf("Errorf = %v", err)
	}
}

// TestPathologicalYAML: block nesting is counted like brackets, and
// aliases that expand past any real file are refused, each in bounded time.
func TestPathologicalYAML(t *testing.T) {
	bomb := "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
	for i := 1; i < 9; i++ {
		bomb += fmt.Sprintf("a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 9), ", "))
	}
	var indented strings.Builder
	for i := 0; i < 200; i++ {
		indented.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	var v any
	for _, tt := range []struct{ src, want string }{
		{"waivers:\n" + strings.Repeat("- ", 300000) + "x\n", "a.yaml:2:201: blocks are nested more than 100 deep"},
		{"waivers:\n  - rule: " + strings.Repeat("- ", 300000) + "x\n", "a.yaml:2:"},
		{indented.String(), "a.yaml:101:101: blocks are nested more than 100 deep"},
		{bomb, "a.yaml:2:10: its aliases expand to more than 1000000 values"},
		// go-yaml's decoder crashed on this (found by FuzzLoad in engine/config).
		{"params:\n 0: \nrules:\n  enable: !00\n0000", "a.yaml:4:11: YAML tags (!00) are not used in fiscguard's files"},
	} {
		if _, err := Decode("a.yaml", []byte(tt.src), &v); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%.30q…: error %v, want %q", tt.src, err, tt.want)
		}
	}
	for _, src := range []string{
		"a: &x {k: v}\nb: *x\nc: [*x, *x]\n",
		"--- \ndescription: |\n  - not a list\n    - still text\nlist:\n  - - a\n    - b\n  - -1\n",
	} {
		if _, err := Decode("a.yaml", []byte(src), &v); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}
