package policy

import (
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/fiscguard/fiscguard/engine/model"
)

// The input document policies see, defined once: each field is its name,
// what it holds (the README's tables of the input document say the same
// words, which input_test checks) and how it is built from the model. The
// document is converted whole, before evaluation, straight into OPA's
// values (no JSON round trip); the indexes share the resources' terms, so
// nothing is copied.
type field[T any] struct {
	name, doc string
	term      func(T) (*ast.Term, error)
}

// input is what the document's fields are built from: the model, its
// resources already converted, and the indexes over them.
type input struct {
	doc                         *model.Document
	resources                   []*ast.Term
	byAddress                   ast.Object
	byType, referrers, deleting map[string][]*ast.Term
}

var documentFields = []field[*input]{
	{"kind", "`plan` or `hcl`: what the document was loaded from", func(in *input) (*ast.Term, error) { return ast.InternedTerm(in.doc.Kind), nil }},
	{"terraform_version", "the Terraform version that made the plan; empty for HCL", func(in *input) (*ast.Term, error) { return ast.InternedTerm(in.doc.TerraformVersion), nil }},
	{"complete", "false when Terraform could not plan every change (deferred changes, `-target`)", func(in *input) (*ast.Term, error) { return ast.InternedTerm(in.doc.Complete), nil }},
	{"errored", "true when planning failed", func(in *input) (*ast.Term, error) { return ast.InternedTerm(in.doc.Errored), nil }},
	{"providers", "every provider configuration, sorted by key (the provider fields below)", providersTerm},
	{"resources", "every resource instance, data sources and resources being deleted included, sorted by address (the resource fields below)", func(in *input) (*ast.Term, error) { return ast.ArrayTerm(in.resources...), nil }},
	{"by_type", "index: resource type → the checked resources of that type (managed, not only being deleted)", func(in *input) (*ast.Term, error) { return termIndex(in.byType), nil }},
	{"by_address", "index: address → the resource", func(in *input) (*ast.Term, error) { return ast.NewTerm(in.byAddress), nil }},
	{"referrers", "index: address → the checked resources whose `refs` name it", func(in *input) (*ast.Term, error) { return termIndex(in.referrers), nil }},
	{"deleting", "index: resource type → the managed resources a plan deletes or replaces", func(in *input) (*ast.Term, error) { return termIndex(in.deleting), nil }},
}

var resourceFields = []field[*model.Resource]{
	{"address", "Terraform's instance address: `module.a[\"x\"].aws_s3_bucket.b[0]`", str(func(r *model.Resource) string { return r.Address })},
	{"config_address", "the address without instance keys, as expressions name it: `module.a.aws_s3_bucket.b`", str(func(r *model.Resource) string { return r.ConfigAddress })},
	{"module", "the module instance address; empty for the root module", str(func(r *model.Resource) string { return r.Module })},
	{"mode", "`managed` or `data`", str(func(r *model.Resource) string { return r.Mode })},
	{"type", "the resource type: `aws_s3_bucket`", str(func(r *model.Resource) string { return r.Type })},
	{"name", "the name in its block: `b`", str(func(r *model.Resource) string { return r.Name })},
	{"index", "the instance key: a number (`count`), a string (`for_each`) or null", func(r *model.Resource) (*ast.Term, error) { return anyTerm(r.Index) }},
	{"provider", "the key of its provider configuration: `aws`, `aws.tokyo`, `module.m:aws`", str(func(r *model.Resource) string { return r.Provider })},
	{"region", "the region it is placed in, when known", str(func(r *model.Resource) string { return r.Region })},
	{"actions", "a plan's actions (`create`, `update`, `delete`, `read`, `no-op`); `create` from HCL", func(r *model.Resource) (*ast.Term, error) { return stringList(r.Actions), nil }},
	{"values", "the planned values (plan) or evaluated arguments (HCL); nested blocks are lists of objects and sensitive values `(sensitive value)`", func(r *model.Resource) (*ast.Term, error) { return anyTerm(orEmpty(r.Values)) }},
	{"unknown", "the shape of `values`, true where a value the configuration sets is known only after apply", func(r *model.Resource) (*ast.Term, error) { return anyTerm(orEmpty(r.Unknown)) }},
	{"refs", "attribute → the resource instances its expressions refer to, through locals, module variables and outputs", func(r *model.Resource) (*ast.Term, error) { return stringLists(r.Refs), nil }},
	{"unresolved", "attribute → what its expressions refer to that leads to no resource instance in the document (a plan's local value, a module not installed)", func(r *model.Resource) (*ast.Term, error) { return stringLists(r.Unresolved), nil }},
	{"documents", "only where there are some: attribute → the policy document its JSON string, known only after apply, is known to be in part (`value`, with `unknown` marking the parts known only after apply); read through `lib.document`", documentsTerm},
}

var providerFields = []field[*model.Provider]{
	{"key", "the configuration's key, as resources' `provider` names it: `aws.tokyo`", pstr(func(p *model.Provider) string { return p.Key })},
	{"address", "Terraform's provider configuration address: `provider[\"registry.terraform.io/hashicorp/aws\"].tokyo`", pstr(func(p *model.Provider) string { return p.Address })},
	{"name", "the provider's local name: `aws`", pstr(func(p *model.Provider) string { return p.Name })},
	{"alias", "its alias; empty for the default configuration", pstr(func(p *model.Provider) string { return p.Alias })},
	{"module", "the module it is configured in; empty for the root module", pstr(func(p *model.Provider) string { return p.Module })},
	{"region", "its region, when known", pstr(func(p *model.Provider) string { return p.Region })},
	{"region_written", "true when the configuration sets a region argument (whose value may be unknown)", func(p *model.Provider) (*ast.Term, error) { return ast.InternedTerm(p.RegionWritten), nil }},
	{"resources", "the addresses of the managed resources it is in force for, sorted", func(p *model.Provider) (*ast.Term, error) { return stringList(p.Resources), nil }},
}

// inputValue builds the input document of doc.
func inputValue(doc *model.Document) (ast.Value, error) {
	n := len(doc.Resources)
	in := &input{doc: doc, resources: make([]*ast.Term, n), byAddress: ast.NewObjectWithCapacity(n),
		byType: map[string][]*ast.Term{}, referrers: map[string][]*ast.Term{}, deleting: map[string][]*ast.Term{}}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		t, err := object(resourceFields, r)
		if err != nil {
			return nil, err
		}
		in.resources[i] = t
		in.byAddress.Insert(ast.InternedTerm(r.Address), t)
		if r.Mode == model.ModeManaged && slices.Contains(r.Actions, "delete") {
			in.deleting[r.Type] = append(in.deleting[r.Type], t)
		}
		if !r.Checked() {
			continue
		}
		in.byType[r.Type] = append(in.byType[r.Type], t)
		seen := map[string]bool{}
		for _, targets := range r.Refs {
			for _, target := range targets {
				if !seen[target] {
					seen[target] = true
					in.referrers[target] = append(in.referrers[target], t)
				}
			}
		}
	}
	t, err := object(documentFields, in)
	if err != nil {
		return nil, err
	}
	return t.Value, nil
}

// object builds an object of the fields given, leaving out those whose
// term is nil.
func object[T any](fields []field[T], v T) (*ast.Term, error) {
	kvs := make([][2]*ast.Term, 0, len(fields))
	for _, f := range fields {
		t, err := f.term(v)
		if err != nil {
			return nil, err
		}
		if t != nil {
			kvs = append(kvs, [2]*ast.Term{ast.InternedTerm(f.name), t})
		}
	}
	return ast.ObjectTerm(kvs...), nil
}

// documentsTerm is a resource's policy documents known in part, nil when it
// has none: most resources have none, and they cost nothing.
func documentsTerm(r *model.Resource) (*ast.Term, error) {
	if len(r.Documents) == 0 {
		return nil, nil
	}
	docs := ast.NewObjectWithCapacity(len(r.Documents))
	for attr, d := range r.Documents {
		v, err := anyTerm(map[string]any{"value": orEmpty(d.Value), "unknown": orEmpty(d.Unknown)})
		if err != nil {
			return nil, err
		}
		docs.Insert(ast.InternedTerm(attr), v)
	}
	return ast.NewTerm(docs), nil
}

func providersTerm(in *input) (*ast.Term, error) {
	ts := make([]*ast.Term, len(in.doc.Providers))
	for i := range in.doc.Providers {
		t, err := object(providerFields, &in.doc.Providers[i])
		if err != nil {
			return nil, err
		}
		ts[i] = t
	}
	return ast.ArrayTerm(ts...), nil
}

func str(get func(*model.Resource) string) func(*model.Resource) (*ast.Term, error) {
	return func(r *model.Resource) (*ast.Term, error) { return ast.InternedTerm(get(r)), nil }
}

func pstr(get func(*model.Provider) string) func(*model.Provider) (*ast.Term, error) {
	return func(p *model.Provider) (*ast.Term, error) { return ast.InternedTerm(get(p)), nil }
}

// anyTerm converts a Go value of the model (values, unknown, index).
func anyTerm(v any) (*ast.Term, error) {
	val, err := ast.InterfaceToValue(v)
	if err != nil {
		return nil, err
	}
	return ast.NewTerm(val), nil
}

func stringList(list []string) *ast.Term {
	ts := make([]*ast.Term, len(list))
	for i, s := range list {
		ts[i] = ast.InternedTerm(s)
	}
	return ast.ArrayTerm(ts...)
}

// termIndex turns a Go index into a Rego object of arrays.
func termIndex(m map[string][]*ast.Term) *ast.Term {
	obj := ast.NewObjectWithCapacity(len(m))
	for k, ts := range m {
		obj.Insert(ast.InternedTerm(k), ast.ArrayTerm(ts...))
	}
	return ast.NewTerm(obj)
}

// stringLists turns a map of string lists (refs, unresolved) into a Rego object.
func stringLists(m map[string][]string) *ast.Term {
	obj := ast.NewObjectWithCapacity(len(m))
	for k, list := range m {
		obj.Insert(ast.InternedTerm(k), stringList(list))
	}
	return ast.NewTerm(obj)
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
