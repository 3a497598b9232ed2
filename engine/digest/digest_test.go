package digest

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestTree(t *testing.T) {
	tf := func(p string) bool { return strings.HasSuffix(p, ".tf") }
	base := fstest.MapFS{
		"main.tf":                 {Data: []byte("a")},
		"modules/x/x.tf":          {Data: []byte("b")},
		"README.md":               {Data: []byte("ignored")},
		".terraform/modules/m.tf": {Data: []byte("hidden")},
	}
	want, n, err := Tree(base, tf)
	if err != nil || n != 2 || !strings.HasPrefix(want, Prefix) {
		t.Fatalf("Tree = %q, %d, %v", want, n, err)
	}
	tests := []struct {
		name string
		fsys fstest.MapFS
		same bool
	}{
		{"an ignored file changes", fstest.MapFS{"main.tf": {Data: []byte("a")}, "modules/x/x.tf": {Data: []byte("b")}, "README.md": {Data: []byte("other")}}, true},
		{"a hidden directory changes", fstest.MapFS{"main.tf": {Data: []byte("a")}, "modules/x/x.tf": {Data: []byte("b")}, ".terraform/modules/m.tf": {Data: []byte("other")}}, true},
		{"a file is edited", fstest.MapFS{"main.tf": {Data: []byte("A")}, "modules/x/x.tf": {Data: []byte("b")}}, false},
		{"a file is renamed", fstest.MapFS{"main.tf": {Data: []byte("a")}, "modules/x/y.tf": {Data: []byte("b")}}, false},
		// Contents moving across a file boundary must not collide.
		{"contents move between files", fstest.MapFS{"main.tf": {Data: []byte("ab")}, "modules/x/x.tf": {Data: []byte("")}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Tree(tt.fsys, tf)
			if err != nil {
				t.Fatal(err)
			}
			if (got == want) != tt.same {
				t.Errorf("digest %s, base %s, want same=%v", got, want, tt.same)
			}
		})
	}
}

func TestFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	// sha256 of "{}".
	if got, err := File(p); err != nil || got != "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a" {
		t.Errorf("File = %q, %v", got, err)
	}
	if _, err := File(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing file has no digest")
	}
}

func TestReader(t *testing.T) {
	r := NewReader(strings.NewReader("{}"))
	if _, err := io.ReadAll(r); err != nil {
		t.Fatal(err)
	}
	if got := r.Sum(); got != "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a" {
		t.Errorf("Sum = %s, want the digest of what was read", got)
	}
}
