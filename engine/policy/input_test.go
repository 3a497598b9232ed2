package policy

import (
	"context"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/fiscguard/fiscguard/engine/golden"
	"github.com/fiscguard/fiscguard/engine/model"
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

// TestLibraryIndexesTheSame: the indexes policies/lib builds for a
// hand-built input (as unit tests write) are those of the input itself.
func TestLibraryIndexesTheSame(t *testing.T) {
	set := builtinSet(t)
	// Every way a resource is indexed or not: checked, only deleted,
	// replaced, a data source; one target named at two attributes.
	managed := func(addr string, actions []string, refs map[string][]string) model.Resource {
		typ, _, _ := strings.Cut(addr, ".")
		return model.Resource{Address: addr, Type: typ, Mode: model.ModeManaged, Actions: actions, Refs: refs}
	}
	built := &model.Document{Resources: []model.Resource{
		managed("aws_s3_bucket.a", []string{"create"}, nil),
		managed("aws_s3_bucket.b", []string{"delete", "create"}, nil),
		managed("aws_s3_bucket_policy.p", []string{"create"}, map[string][]string{"bucket": {"aws_s3_bucket.a"}, "policy": {"aws_s3_bucket.a", "aws_s3_bucket.b"}}),
		managed("aws_s3_bucket_policy.old", []string{"delete"}, map[string][]string{"bucket": {"aws_s3_bucket.a"}}),
		managed("aws_s3_bucket_versioning.v", []string{"update"}, map[string][]string{"bucket": {"aws_s3_bucket.b"}}),
		{Address: "data.aws_iam_policy_document.d", Type: "aws_iam_policy_document", Mode: model.ModeData, Refs: map[string][]string{"statement": {"aws_s3_bucket.a"}}},
	}}
	for _, fixture := range []string{"built", "../plan/testdata/refs.json", "../../fixtures/plans/protected-resources-deleted.json"} {
		doc := built
		if fixture != "built" {
			data, err := os.ReadFile(fixture)
			if err != nil {
				t.Fatal(err)
			}
			if doc, err = plan.Load("plan.json", data); err != nil {
				t.Fatal(err)
			}
		}
		full, err := inputValue(doc)
		if err != nil {
			t.Fatal(err)
		}
		bare := ast.NewObject()
		full.(ast.Object).Foreach(func(k, v *ast.Term) {
			if !slices.Contains([]string{`"by_type"`, `"by_address"`, `"referrers"`, `"deleting"`}, k.String()) {
				bare.Insert(k, v)
			}
		})
		for _, index := range []string{"_by_type", "_by_address", "_referrers", "_deleting"} {
			var got [2]ast.Value
			for i, in := range []ast.Value{full, bare} {
				rs, err := rego.New(rego.Compiler(set.compiler), rego.Query("x := data.fiscguard.lib."+index), rego.ParsedInput(in)).Eval(context.Background())
				if err != nil || len(rs) != 1 {
					t.Fatalf("%s: %v %v", index, rs, err)
				}
				got[i] = ast.MustInterfaceToValue(rs[0].Bindings["x"])
			}
			if got[0].Compare(got[1]) != 0 {
				t.Errorf("%s %s: the library's own index differs from the input's:\n%v\n%v", fixture, index, got[1], got[0])
			}
		}
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
