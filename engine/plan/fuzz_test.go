package plan

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
)

// FuzzLoad: whatever the bytes, Load returns a document or a one-line
// input error, never a panic.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("../../fixtures/plans/*.json")
	corpus, _ := filepath.Glob("../../../shared/corpus/plans/*/*.json")
	seeds = append(append(seeds, "testdata/refs.json"), corpus...)
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil && len(data) < 1<<20 {
			f.Add(data)
		}
	}
	for _, s := range []string{`{"format_version": "1.2", "resource_changes": [null]}`, "\ufeff{}", `{"configuration": {"root_module": {"module_calls": {"a": {"module": null}}}}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Load("fuzz.json", data)
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
