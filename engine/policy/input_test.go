package policy

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/fiscguard/fiscguard/engine/golden"
	"github.com/fiscguard/fiscguard/engine/plan"
)

// TestInputGolden is the input document policies see for small plans: one
// with references between resources, one deleting resources.
func TestInputGolden(t *testing.T) {
	for _, tt := range []struct{ fixture, golden string }{
		{"../plan/testdata/refs.json", "input_refs.golden.json"},
		{"../../fixtures/plans/protected-resources-deleted.json", "input_deleted.golden.json"},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			data, err := os.ReadFile(tt.fixture)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := plan.Load("plan.json", data)
			if err != nil {
				t.Fatal(err)
			}
			v, err := inputValue(doc)
			if err != nil {
				t.Fatal(err)
			}
			native, err := ast.JSON(v)
			if err != nil {
				t.Fatal(err)
			}
			out, err := json.MarshalIndent(native, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, tt.golden, append(out, '\n'))
		})
	}
}

// TestInputDocumented: the README's tables of the input document name
// exactly the fields the input has, with the same words.
func TestInputDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "### The input document\n")
	if !ok {
		t.Fatal("the README has no input document section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	for _, table := range []struct {
		heading string
		fields  map[string]string
	}{
		{"| document field |", docs(documentFields)},
		{"| resource field |", docs(resourceFields)},
		{"| provider field |", docs(providerFields)},
	} {
		_, rows, ok := strings.Cut(section, table.heading)
		if !ok {
			t.Errorf("no table %q", table.heading)
			continue
		}
		rows, _, _ = strings.Cut(rows, "\n\n")
		documented := map[string]string{}
		for _, m := range tableRow.FindAllStringSubmatch(rows, -1) {
			documented[m[1]] = m[2]
		}
		for name, doc := range table.fields {
			if got, ok := documented[name]; !ok {
				t.Errorf("%s `%s` is not in the README", table.heading, name)
			} else if got != doc {
				t.Errorf("%s `%s`: the README says %q, the code %q", table.heading, name, got, doc)
			}
		}
		for name := range documented {
			if _, ok := table.fields[name]; !ok {
				t.Errorf("%s `%s` is in the README, not in the input", table.heading, name)
			}
		}
	}
}

var tableRow = regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\| (.*) \\|$")

func docs[T any](fields []field[T]) map[string]string {
	out := map[string]string{}
	for _, f := range fields {
		out[f.name] = f.doc
	}
	return out
}
