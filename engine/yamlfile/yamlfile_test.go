package yamlfile

import (
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
