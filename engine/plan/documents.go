package plan

import (
	"maps"
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/fiscguard/fiscguard/engine/addrs"
	"github.com/fiscguard/fiscguard/engine/iamdoc"
	"github.com/fiscguard/fiscguard/engine/model"
)

// A plan shows an aws_iam_policy_document whose read Terraform deferred to
// apply (some argument is known only after apply) as a "read" change: its
// known arguments in after, the rest in after_unknown, its json unknown.
// attachDocuments renders the document from those arguments, as the HCL
// loader does, and gives it to the data source and to every attribute that
// is known only after apply and whose expression is exactly that json: one
// that refers to nothing but the data source (its json or minified_json;
// count.index or each.key to pick the instance), or to nothing but a module
// variable whose argument is such an expression. A plan shows an expression
// only by its references, so an attribute that also refers to anything else
// (a condition, a function's other arguments) gets none.

type documents struct {
	b *builder
	// the deferred aws_iam_policy_document instances by address
	byAddr map[string]*model.Resource
	// rendered documents by data source address (nil: none, or rendering)
	rendered map[string]*model.PolicyDocument
	done     map[string]bool
}

func (b *builder) attachDocuments(doc *model.Document) {
	ds := &documents{b: b, byAddr: map[string]*model.Resource{}, rendered: map[string]*model.PolicyDocument{}, done: map[string]bool{}}
	for i := range doc.Resources {
		if r := &doc.Resources[i]; deferred(r) {
			ds.byAddr[r.Address] = r
		}
	}
	if len(ds.byAddr) == 0 {
		return
	}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		if deferred(r) {
			if d := ds.render(r.Address, 0); d != nil {
				r.Documents = map[string]model.PolicyDocument{iamdoc.AttrJSON: *d, iamdoc.AttrMinifiedJSON: *d}
			}
		}
		cr, ok := b.configs[r.ConfigAddress]
		if !ok {
			continue
		}
		key, _ := addrs.KeyOf(r.Index)
		for _, attr := range slices.Sorted(maps.Keys(cr.res.Expressions)) {
			if r.Unknown[attr] != true {
				continue
			}
			srcs := ds.sources(b.moduleInstances[r.Module], cr.path, key, cr.res.Expressions[attr], 0)
			if len(srcs) != 1 {
				continue
			}
			if d := ds.render(srcs[0], 0); d != nil {
				if r.Documents == nil {
					r.Documents = map[string]model.PolicyDocument{}
				}
				r.Documents[attr] = *d
			}
		}
	}
}

// deferred is true for an aws_iam_policy_document whose read the plan
// defers to apply: the plan has no json for it.
func deferred(r *model.Resource) bool {
	if r == nil || r.Mode != model.ModeData || r.Type != iamdoc.Type {
		return false
	}
	_, read := r.Values[iamdoc.AttrJSON].(string)
	return !read
}

// render renders a deferred data source once: nil when it is not one, when
// the provider would reject its arguments, or on a cycle.
func (ds *documents) render(addr string, depth int) *model.PolicyDocument {
	if ds.done[addr] {
		return ds.rendered[addr]
	}
	ds.done[addr] = true
	r := ds.byAddr[addr]
	if !deferred(r) || depth > maxRefDepth {
		return nil
	}
	res, err := iamdoc.Render(r.Values, r.Unknown, func(arg string, i int) *model.PolicyDocument {
		return ds.sourceDocument(r, arg, depth)
	})
	if err != nil {
		return nil
	}
	ds.rendered[addr] = &res.Document
	return &res.Document
}

// sourceDocument resolves the unknown element of a data source's
// source_policy_documents or override_policy_documents to the deferred
// document its expression names, when there is one unknown element and the
// expression names one deferred document.
func (ds *documents) sourceDocument(r *model.Resource, arg string, depth int) *model.PolicyDocument {
	cr, ok := ds.b.configs[r.ConfigAddress]
	if !ok {
		return nil
	}
	u, _ := r.Unknown[arg].([]any)
	unknownElems := 0
	for _, x := range u {
		if x == true {
			unknownElems++
		}
	}
	if unknownElems != 1 {
		return nil
	}
	key, _ := addrs.KeyOf(r.Index)
	var found []string
	for _, a := range ds.sources(ds.b.moduleInstances[r.Module], cr.path, key, cr.res.Expressions[arg], depth) {
		if deferred(ds.byAddr[a]) {
			found = append(found, a)
		}
	}
	if len(found) != 1 {
		return nil
	}
	return ds.render(found[0], depth+1)
}

// sources returns the aws_iam_policy_document instances an expression,
// written in module instance mi (configuration module path) and seen from
// the instance with key from, is the json of; nil when the expression
// refers to anything else.
func (ds *documents) sources(mi addrs.ModuleInstance, path addrs.Module, from addrs.Key, expr *tfjson.Expression, depth int) []string {
	x := ds.b.refs
	cm := x.modules[path.String()]
	if expr == nil || expr.ExpressionData == nil || cm == nil || depth > maxRefDepth {
		return nil
	}
	var docs []addrs.Referenceable
	variable := ""
	for _, s := range expr.References {
		if !strings.HasPrefix(s, "data."+iamdoc.Type+".") && !strings.HasPrefix(s, "var.") && s != "count.index" && s != "each.key" {
			return nil // most expressions: no need to parse their references
		}
		ref, err := addrs.ParseRefString(s)
		if err != nil {
			return nil
		}
		switch ref := ref.(type) {
		case addrs.CountAttr, addrs.ForEachAttr:
			if s == "count.index" || s == "each.key" {
				continue
			}
		case addrs.ResourceInstance:
			rest := strings.TrimPrefix(s, ref.String())
			if ref.Resource.Mode == addrs.DataMode && ref.Resource.Type == iamdoc.Type &&
				(rest == "" || rest == "."+iamdoc.AttrJSON || rest == "."+iamdoc.AttrMinifiedJSON) {
				docs = append(docs, ref)
				continue
			}
		case addrs.InputVariable:
			if s == ref.String() && !mi.IsRoot() && (variable == "" || variable == ref.Name) {
				variable = ref.Name
				continue
			}
		}
		return nil
	}
	if variable != "" {
		if len(docs) > 0 || cm.call == nil {
			return nil
		}
		parent, step := mi.Parent()
		return ds.sources(parent, parent.Module(), step.Key, cm.call.Expressions[variable], depth+1)
	}
	set := map[string]bool{}
	for _, ref := range addrs.Innermost(docs) {
		ri := ref.(addrs.ResourceInstance)
		for _, a := range x.resources[expansionKey{mi.String(), ri.Resource.String()}].Resolve(ri.Key, from) {
			set[a] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}
