package policy

import (
	"errors"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/parallel"
)

// The input document policies see, defined once: each field is its name,
// what it holds (the README's tables of the input document say the same
// words, which input_test checks) and how it is built from the model. The
// document is converted whole, before evaluation, straight into OPA's
// values (no JSON round trip); the indexes share the resources' terms, so
// nothing is copied.
type field[T any] struct {
	name, doc string
	term      func(*terms, T) (*ast.Term, error)
}

// input is what the document's fields are built from: the model, its
// resources already converted, and the indexes over them.
type input struct {
	doc              *model.Document
	resources        []*ast.Term
	byAddress        ast.Object
	byType, deleting map[string][]*ast.Term
	// referrers is address → type → attribute → the checked resources of
	// that type whose refs at that attribute name the address: the join
	// policies make most (a bucket's public access block) is one lookup.
	referrers map[string]map[string]map[string][]*ast.Term
}

var documentFields = []field[*input]{
	{"kind", "`plan` or `hcl`: what the document was loaded from", func(c *terms, in *input) (*ast.Term, error) { return c.str(in.doc.Kind), nil }},
	{"terraform_version", "the Terraform version that made the plan; empty for HCL", func(c *terms, in *input) (*ast.Term, error) { return c.str(in.doc.TerraformVersion), nil }},
	{"complete", "false when Terraform could not plan every change (deferred changes, `-target`)", func(c *terms, in *input) (*ast.Term, error) { return ast.InternedTerm(in.doc.Complete), nil }},
	{"errored", "true when planning failed", func(c *terms, in *input) (*ast.Term, error) { return ast.InternedTerm(in.doc.Errored), nil }},
	{"providers", "every provider configuration, sorted by key (the provider fields below)", providersTerm},
	{"outputs", "the root module's outputs: name → the resource instances its expression refers to, through locals, module variables and outputs (what another configuration may use)", func(c *terms, in *input) (*ast.Term, error) { return c.stringLists(in.doc.Outputs), nil }},
	{"resources", "every resource instance, data sources and resources being deleted included, sorted by address (the resource fields below)", func(c *terms, in *input) (*ast.Term, error) { return ast.ArrayTerm(in.resources...), nil }},
	{"by_type", "index: resource type → the checked resources of that type (managed, not only being deleted)", func(c *terms, in *input) (*ast.Term, error) { return c.index(in.byType), nil }},
	{"by_address", "index: address → the resource", func(c *terms, in *input) (*ast.Term, error) { return ast.NewTerm(in.byAddress), nil }},
	{"referrers", "index: address → resource type → attribute → the checked resources of that type whose `refs` name the address at that attribute", func(c *terms, in *input) (*ast.Term, error) { return referrersTerm(c, in.referrers), nil }},
	{"deleting", "index: resource type → the managed resources a plan deletes or replaces", func(c *terms, in *input) (*ast.Term, error) { return c.index(in.deleting), nil }},
}

var resourceFields = []field[*model.Resource]{
	{"address", "Terraform's instance address: `module.a[\"x\"].aws_s3_bucket.b[0]`", str(func(r *model.Resource) string { return r.Address })},
	{"config_address", "the address without instance keys, as expressions name it: `module.a.aws_s3_bucket.b`", str(func(r *model.Resource) string { return r.ConfigAddress })},
	{"module", "the module instance address; empty for the root module", str(func(r *model.Resource) string { return r.Module })},
	{"mode", "`managed` or `data`", str(func(r *model.Resource) string { return r.Mode })},
	{"type", "the resource type: `aws_s3_bucket`", str(func(r *model.Resource) string { return r.Type })},
	{"name", "the name in its block: `b`", str(func(r *model.Resource) string { return r.Name })},
	{"index", "the instance key: a number (`count`), a string (`for_each`) or null", func(c *terms, r *model.Resource) (*ast.Term, error) { return c.any(r.Index) }},
	{"provider", "the key of its provider configuration: `aws`, `aws.tokyo`, `module.m:aws`", str(func(r *model.Resource) string { return r.Provider })},
	{"region", "the region it is placed in, when known", str(func(r *model.Resource) string { return r.Region })},
	{"region_written", "true when it sets its own region argument (AWS provider v6) to a value, which may be unknown (null leaves its provider configuration's): `region` is then that argument's", func(c *terms, r *model.Resource) (*ast.Term, error) { return ast.InternedTerm(r.RegionWritten), nil }},
	{"actions", "a plan's actions (`create`, `update`, `delete`, `read`, `no-op`); `create` from HCL", func(c *terms, r *model.Resource) (*ast.Term, error) { return c.stringList(r.Actions), nil }},
	{"values", "the planned values (plan) or evaluated arguments (HCL); nested blocks are lists of objects and sensitive values `(sensitive value)`", func(c *terms, r *model.Resource) (*ast.Term, error) { return c.any(orEmpty(r.Values)) }},
	{"unknown", "the shape of `values`, true where a value the configuration sets is known only after apply; a collection known in part holds its elements' marks (false for a known element); read through `fiscguard.unknown`", func(c *terms, r *model.Resource) (*ast.Term, error) { return c.any(orEmpty(r.Unknown)) }},
	{"refs", "attribute → the resource instances its expressions refer to, through locals, module variables and outputs", func(c *terms, r *model.Resource) (*ast.Term, error) { return c.stringLists(r.Refs), nil }},
	{"unresolved", "attribute → what its expressions refer to that leads to no resource instance in the document (a plan's local value, a module not installed)", func(c *terms, r *model.Resource) (*ast.Term, error) { return c.stringLists(r.Unresolved), nil }},
	{"documents", "only where there are some: attribute → the policy document its JSON string, known only after apply, is known to be in part (`value`, with `unknown` marking the parts known only after apply); read through `lib.document`", documentsTerm},
}

var providerFields = []field[*model.Provider]{
	{"key", "the configuration's key, as resources' `provider` names it: `aws.tokyo`", pstr(func(p *model.Provider) string { return p.Key })},
	{"address", "Terraform's provider configuration address: `provider[\"registry.terraform.io/hashicorp/aws\"].tokyo`", pstr(func(p *model.Provider) string { return p.Address })},
	{"name", "the provider's local name: `aws`", pstr(func(p *model.Provider) string { return p.Name })},
	{"alias", "its alias; empty for the default configuration", pstr(func(p *model.Provider) string { return p.Alias })},
	{"module", "the module it is configured in; empty for the root module", pstr(func(p *model.Provider) string { return p.Module })},
	{"region", "its region, when known", pstr(func(p *model.Provider) string { return p.Region })},
	{"region_written", "true when the configuration sets a region argument (whose value may be unknown)", func(c *terms, p *model.Provider) (*ast.Term, error) { return ast.InternedTerm(p.RegionWritten), nil }},
	{"resources", "the addresses of the managed resources it is in force for, sorted", func(c *terms, p *model.Provider) (*ast.Term, error) { return c.stringList(p.Resources), nil }},
}

// inputValue builds the input document of doc, its resources converted a
// share per core.
func inputValue(doc *model.Document) (ast.Value, error) {
	n := len(doc.Resources)
	in := &input{doc: doc, resources: make([]*ast.Term, n), byAddress: ast.NewObjectWithCapacity(n),
		byType: map[string][]*ast.Term{}, referrers: map[string]map[string]map[string][]*ast.Term{}, deleting: map[string][]*ast.Term{}}
	errs := make([]error, parallel.Shares(n, minShare))
	parallel.Each(n, minShare, func(p, from, to int) {
		c := newTerms()
		for i := from; i < to && errs[p] == nil; i++ {
			in.resources[i], errs[p] = object(c, resourceFields, &doc.Resources[i])
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	c := newTerms()
	for i := range doc.Resources {
		r, t := &doc.Resources[i], in.resources[i]
		in.byAddress.Insert(c.str(r.Address), t)
		if r.Mode == model.ModeManaged && slices.Contains(r.Actions, "delete") {
			in.deleting[r.Type] = append(in.deleting[r.Type], t)
		}
		if !r.Checked() {
			continue
		}
		in.byType[r.Type] = append(in.byType[r.Type], t)
		for attr, targets := range r.Refs {
			for _, target := range targets { // distinct (addrs.RefMaps)
				byType := in.referrers[target]
				if byType == nil {
					byType = map[string]map[string][]*ast.Term{}
					in.referrers[target] = byType
				}
				byAttr := byType[r.Type]
				if byAttr == nil {
					byAttr = map[string][]*ast.Term{}
					byType[r.Type] = byAttr
				}
				byAttr[attr] = append(byAttr[attr], t)
			}
		}
	}
	t, err := object(c, documentFields, in)
	if err != nil {
		return nil, err
	}
	return t.Value, nil
}

// minShare is the fewest resources worth converting on a core of its own.
const minShare = 1000

// terms builds the document's terms with one term per distinct string (one
// cache per core converting): attribute names, types, addresses and most
// values repeat across the resources and the indexes, and a term is never
// changed once built. On a large plan this saves a third of the
// conversion's allocations and memory.
type terms struct {
	strs map[string]*ast.Term
}

func newTerms() *terms { return &terms{strs: map[string]*ast.Term{}} }

func (c *terms) str(s string) *ast.Term {
	t, ok := c.strs[s]
	if !ok {
		t = ast.InternedTerm(s)
		c.strs[s] = t
	}
	return t
}

// object builds an object of the fields given, leaving out those whose
// term is nil.
func object[T any](c *terms, fields []field[T], v T) (*ast.Term, error) {
	kvs := make([][2]*ast.Term, 0, len(fields))
	for _, f := range fields {
		t, err := f.term(c, v)
		if err != nil {
			return nil, err
		}
		if t != nil {
			kvs = append(kvs, [2]*ast.Term{c.str(f.name), t})
		}
	}
	return ast.ObjectTerm(kvs...), nil
}

// documentsTerm is a resource's policy documents known in part, nil when it
// has none: most resources have none, and they cost nothing.
func documentsTerm(c *terms, r *model.Resource) (*ast.Term, error) {
	if len(r.Documents) == 0 {
		return nil, nil
	}
	docs := ast.NewObjectWithCapacity(len(r.Documents))
	for attr, d := range r.Documents {
		v, err := c.any(map[string]any{"value": orEmpty(d.Value), "unknown": orEmpty(d.Unknown)})
		if err != nil {
			return nil, err
		}
		docs.Insert(c.str(attr), v)
	}
	return ast.NewTerm(docs), nil
}

func providersTerm(c *terms, in *input) (*ast.Term, error) {
	ts := make([]*ast.Term, len(in.doc.Providers))
	for i := range in.doc.Providers {
		t, err := object(c, providerFields, &in.doc.Providers[i])
		if err != nil {
			return nil, err
		}
		ts[i] = t
	}
	return ast.ArrayTerm(ts...), nil
}

func str(get func(*model.Resource) string) func(*terms, *model.Resource) (*ast.Term, error) {
	return func(c *terms, r *model.Resource) (*ast.Term, error) { return c.str(get(r)), nil }
}

func pstr(get func(*model.Provider) string) func(*terms, *model.Provider) (*ast.Term, error) {
	return func(c *terms, p *model.Provider) (*ast.Term, error) { return c.str(get(p)), nil }
}

// any converts a value of the model (values, unknown, index: JSON-shaped,
// of maps, slices, strings, numbers, booleans and null).
func (c *terms) any(x any) (*ast.Term, error) {
	switch x := x.(type) {
	case string:
		return c.str(x), nil
	case map[string]any:
		if len(x) == 0 {
			return ast.InternedEmptyObject, nil
		}
		kvs := make([][2]*ast.Term, 0, len(x))
		for k, v := range x {
			t, err := c.any(v)
			if err != nil {
				return nil, err
			}
			kvs = append(kvs, [2]*ast.Term{c.str(k), t})
		}
		return ast.ObjectTerm(kvs...), nil
	case []any:
		if len(x) == 0 {
			return ast.InternedEmptyArray, nil
		}
		ts := make([]*ast.Term, len(x))
		for i, e := range x {
			t, err := c.any(e)
			if err != nil {
				return nil, err
			}
			ts[i] = t
		}
		return ast.ArrayTerm(ts...), nil
	case bool:
		return ast.InternedTerm(x), nil
	case nil:
		return ast.InternedNullTerm, nil
	}
	v, err := ast.InterfaceToValue(x)
	if err != nil {
		return nil, err
	}
	return ast.NewTerm(v), nil
}

func (c *terms) stringList(list []string) *ast.Term {
	if len(list) == 0 {
		return ast.InternedEmptyArray
	}
	ts := make([]*ast.Term, len(list))
	for i, s := range list {
		ts[i] = c.str(s)
	}
	return ast.ArrayTerm(ts...)
}

// index turns a Go index into a Rego object of arrays.
func (c *terms) index(m map[string][]*ast.Term) *ast.Term {
	obj := ast.NewObjectWithCapacity(len(m))
	for k, ts := range m {
		obj.Insert(c.str(k), ast.ArrayTerm(ts...))
	}
	return ast.NewTerm(obj)
}

// referrersTerm is the referrers index as a Rego object.
func referrersTerm(c *terms, m map[string]map[string]map[string][]*ast.Term) *ast.Term {
	obj := ast.NewObjectWithCapacity(len(m))
	for target, byType := range m {
		types := ast.NewObjectWithCapacity(len(byType))
		for t, byAttr := range byType {
			types.Insert(c.str(t), c.index(byAttr))
		}
		obj.Insert(c.str(target), ast.NewTerm(types))
	}
	return ast.NewTerm(obj)
}

// stringLists turns a map of string lists (refs, unresolved) into a Rego object.
func (c *terms) stringLists(m map[string][]string) *ast.Term {
	if len(m) == 0 {
		return ast.InternedEmptyObject
	}
	obj := ast.NewObjectWithCapacity(len(m))
	for k, list := range m {
		obj.Insert(c.str(k), c.stringList(list))
	}
	return ast.NewTerm(obj)
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
