package hclconf

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/fiscguard/fiscguard/engine/model"
)

// FuzzLoad evaluates a file set (a txtar archive: "-- main.tf --" then the
// file, and so on), seeded from the fixtures: whatever it holds, Load
// returns a document or a one-line input error, never a panic or a hang.
func FuzzLoad(f *testing.F) {
	// The fixtures only: evaluating the corpus's examples takes most of a
	// 20-second run before any input is mutated.
	dirs, _ := filepath.Glob("../../fixtures/hcl/*")
	for _, d := range append(dirs, "testdata/basic") {
		if a := archive(d); a != nil {
			f.Add(txtar.Format(a))
		}
	}
	f.Add([]byte("-- main.tf --\nlocals {\n  a = " + strings.Repeat("- ", 2000) + "1\n}\n"))
	f.Add([]byte("-- main.tf --\nmodule \"m\" {\n  source = \"./m\"\n  count = 3\n}\n-- m/main.tf --\nvariable \"x\" {}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 256<<10 {
			return
		}
		dir := t.TempDir()
		for _, file := range txtar.Parse(data).Files {
			name := filepath.Clean(filepath.FromSlash(file.Name))
			if !filepath.IsLocal(name) {
				continue
			}
			p := filepath.Join(dir, name)
			if os.MkdirAll(filepath.Dir(p), 0o755) != nil || os.WriteFile(p, file.Data, 0o644) != nil {
				continue
			}
		}
		doc, _, err := Load(dir, Options{})
		if err == nil {
			if doc == nil {
				t.Fatal("no document and no error")
			}
			return
		}
		var ie *model.InputError
		if !errors.As(err, &ie) || strings.Contains(err.Error(), "\n") {
			t.Fatalf("not a one-line input error: %q", err)
		}
	})
}

// archive holds a configuration directory's Terraform files and tfvars,
// or nil when it has none or they are large.
func archive(dir string) *txtar.Archive {
	a := &txtar.Archive{}
	size := 0
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tfvars") || strings.HasSuffix(p, ".tf.json")) {
			return nil
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		if err == nil {
			size += len(data)
			a.Files = append(a.Files, txtar.File{Name: filepath.ToSlash(rel), Data: data})
		}
		return nil
	})
	if len(a.Files) == 0 || size > 64<<10 {
		return nil
	}
	return a
}
