package iamdoc

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
)

// renderedDocument is a data source the provider read at plan time, with
// the json it rendered.
type renderedDocument struct {
	file, address string
	values        map[string]any
}

// readDocuments returns the aws_iam_policy_document data sources a plan's
// prior state holds.
func readDocuments(t *testing.T, path string) []renderedDocument {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var plan tfjson.Plan
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&plan); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if plan.PriorState == nil || plan.PriorState.Values == nil {
		return nil
	}
	var out []renderedDocument
	var walk func(m *tfjson.StateModule)
	walk = func(m *tfjson.StateModule) {
		if m == nil {
			return
		}
		for _, r := range m.Resources {
			if r.Mode == tfjson.DataResourceMode && r.Type == Type {
				if s, _ := r.AttributeValues[AttrJSON].(string); s != "" {
					out = append(out, renderedDocument{filepath.Base(path), r.Address, r.AttributeValues})
				}
			}
		}
		for _, c := range m.ChildModules {
			walk(c)
		}
	}
	walk(plan.PriorState.Values.RootModule)
	return out
}

// TestRendersAsTheProvider renders every data source that the fixture plans
// (made with the AWS provider v5 by fixtures/hcl/mkplan) hold from its
// arguments and requires the provider's json, minified_json and id byte for
// byte; the fixture iam-policy-documents gathers the provider's rules
// (set order, principals of one type joined, conditions, policy variables,
// source and override documents).
func TestRendersAsTheProvider(t *testing.T) {
	plans, err := filepath.Glob("../../fixtures/plans/*.json")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range plans {
		for _, d := range readDocuments(t, p) {
			n++
			res := renderKnown(t, d)
			if res == nil {
				continue
			}
			for _, c := range []struct{ attr, got string }{{AttrJSON, res.JSON}, {AttrMinifiedJSON, res.MinifiedJSON}, {AttrID, res.ID}} {
				if want := d.values[c.attr]; c.got != want {
					t.Errorf("%s %s: %s\n got: %s\nwant: %s", d.file, d.address, c.attr, c.got, want)
				}
			}
			var decoded map[string]any
			if err := json.Unmarshal([]byte(res.JSON), &decoded); err != nil {
				t.Fatal(err)
			}
			if got, want := mustJSON(t, res.Document.Value), mustJSON(t, decoded); got != want || res.Document.Unknown != nil {
				t.Errorf("%s %s: document value %s, want the decoded json %s", d.file, d.address, got, want)
			}
		}
	}
	if n < 9 {
		t.Fatalf("only %d rendered documents in the fixture plans", n)
	}
}

// TestRendersAsTheCorpus does the same over the real plans of ../shared
// (made with providers v2 to v4). Providers before v5 wrote an empty Sid
// ("Sid": ""), which v5 leaves out; that one line is the difference allowed,
// and the id is the hash of the json the old provider wrote.
func TestRendersAsTheCorpus(t *testing.T) {
	root := "../../../shared/corpus/plans"
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared/corpus is not present")
	}
	var plans []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") && !strings.Contains(p, "_negative") {
			plans = append(plans, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range plans {
		data, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(data, []byte(Type)) {
			continue
		}
		for _, d := range readDocuments(t, p) {
			n++
			res := renderKnown(t, d)
			if res == nil {
				continue
			}
			old := d.values[AttrJSON].(string)
			if want := strings.ReplaceAll(old, "      \"Sid\": \"\",\n", ""); res.JSON != want {
				t.Errorf("%s %s:\n got: %s\nwant: %s", d.file, d.address, res.JSON, want)
			}
			if id := d.values[AttrID]; hashcode(old) != id {
				t.Errorf("%s %s: id %v is not the hash %s of its json", d.file, d.address, id, hashcode(old))
			}
		}
	}
	if n < 14 {
		t.Fatalf("only %d rendered documents in the corpus", n)
	}
}

// renderKnown renders a data source the provider read; nil (and an error
// reported) when it does not render completely.
func renderKnown(t *testing.T, d renderedDocument) *Result {
	t.Helper()
	res, err := Render(d.values, nil, nil)
	switch {
	case err != nil:
		t.Errorf("%s %s: %v", d.file, d.address, err)
		return nil
	case !res.Complete:
		t.Errorf("%s %s: not complete", d.file, d.address)
		return nil
	}
	return res
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
