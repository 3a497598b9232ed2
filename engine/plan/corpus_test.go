package plan

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
)

// corpusDir holds real plans written by others, beside the checkout.
const corpusDir = "../../../shared/corpus/plans"

func corpusFiles(t *testing.T, negative bool) []string {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	var files []string
	err := filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".json") && strings.Contains(p, "/_negative/") == negative {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no corpus plans found")
	}
	return files
}

// TestCorpus loads every real plan: each loads, and the model's managed,
// non-deleted resources equal a count made independently from the raw JSON.
func TestCorpus(t *testing.T) {
	files := corpusFiles(t, false)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Load(f, data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		got := 0
		for i := range doc.Resources {
			if doc.Resources[i].Checked() {
				got++
			}
		}
		if want := independentCount(t, data); got != want {
			t.Errorf("%s: model has %d checked resources, raw plan has %d", f, got, want)
		}
	}
	t.Logf("loaded %d corpus plans", len(files))
}

// independentCount counts managed resources not being deleted from
// resource_changes, or from planned_values when a plan has no
// resource_changes, decoding the JSON generically.
func independentCount(t *testing.T, data []byte) int {
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	if rcs, ok := raw["resource_changes"].([]any); ok {
		n := 0
		for _, rc := range rcs {
			m := rc.(map[string]any)
			actions := m["change"].(map[string]any)["actions"].([]any)
			if m["mode"] == "managed" && !(len(actions) == 1 && actions[0] == "delete") {
				n++
			}
		}
		return n
	}
	pv, _ := raw["planned_values"].(map[string]any)
	root, _ := pv["root_module"].(map[string]any)
	return countManaged(root)
}

func countManaged(m map[string]any) int {
	if m == nil {
		return 0
	}
	n := 0
	rs, _ := m["resources"].([]any)
	for _, r := range rs {
		if r.(map[string]any)["mode"] == "managed" {
			n++
		}
	}
	cs, _ := m["child_modules"].([]any)
	for _, c := range cs {
		n += countManaged(c.(map[string]any))
	}
	return n
}

// TestCorpusNegative checks the deliberately broken plans give one clear
// line naming the file.
func TestCorpusNegative(t *testing.T) {
	for _, f := range corpusFiles(t, true) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Load(f, data)
		var ie *model.InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: got %v, want an input error", f, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), f+":") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q does not name the file on one line", f, err)
		}
		t.Logf("%v", err)
	}
}
