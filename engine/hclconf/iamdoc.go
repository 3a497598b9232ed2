package hclconf

import (
	"github.com/zclconf/go-cty/cty"

	"github.com/fiscguard/fiscguard/engine/addrs"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/iamdoc"
	"github.com/fiscguard/fiscguard/engine/model"
)

// An aws_iam_policy_document data source is a pure function of its
// arguments, so its json is computed here as the provider computes it. When
// some arguments are known only after apply, the json is unknown, as in
// Terraform, but it carries the document as far as it is known: the value
// is marked with a docMark and refined with the prefix every json starts
// with. References, variables, outputs and conditionals pass the value on
// unchanged, and so do compact and replace of a placeholder in its strings
// (replacingInDocuments); any other function or template that builds a new
// string from it returns a new unknown without the prefix, so only a value
// that is exactly the json keeps the document (policyDocuments). jsonencode
// of an object known in part is marked the same way (encodingDocuments).

// docMark marks a json known only after apply (a data source's, or
// jsonencode's: encodingDocuments) with the document it is known to be and
// the prefix the unknown string is refined with: a value that still has
// that prefix is still exactly the json.
type docMark struct {
	doc    *model.PolicyDocument
	prefix string
}

// policyDocument sets the json, minified_json and id an
// aws_iam_policy_document data source computes from its arguments.
func (in *moduleInstance) policyDocument(r *resource, k instanceKey, attrs map[string]cty.Value) {
	if r.typ != iamdoc.Type {
		return
	}
	sources := map[string]map[int]*model.PolicyDocument{}
	for _, arg := range []string{"source_policy_documents", "override_policy_documents"} {
		list, _ := attrs[arg].Unmark()
		if list.IsNull() || !list.IsKnown() || !list.CanIterateElements() {
			continue
		}
		sources[arg] = map[int]*model.PolicyDocument{}
		for i, it := 0, list.ElementIterator(); it.Next(); i++ {
			_, e := it.Element()
			sources[arg][i] = documentOf(e)
		}
	}
	sensitive := false
	for _, v := range attrs {
		sensitive = sensitive || v.HasMarkDeep(sensitiveMark)
	}
	values, unknown := toModel(attrs)
	res, err := iamdoc.Render(values, unknown, func(arg string, i int) *model.PolicyDocument { return sources[arg][i] })
	jsonVal, minified, id := cty.UnknownVal(cty.String), cty.UnknownVal(cty.String), cty.UnknownVal(cty.String)
	switch {
	case err != nil && sensitive:
		// The reason may quote what the statement says.
		in.ev.notef("%s: %s cannot be read (the reason is not shown because the document holds a sensitive value); its json is treated as known only after apply",
			"%s: %s を読めない（文書に機密値があるため理由は表示しない）。`json` は適用後まで確定しない値として扱う", in.ev.where(r.rng), addrs.Join(in.addr, r.local()+addrs.KeyString(k.addr())))
	case err != nil:
		in.ev.notef("%s: %s cannot be read: %s; its json is treated as known only after apply",
			"%s: %s を読めない（%s）。`json` は適用後まで確定しない値として扱う", in.ev.where(r.rng), addrs.Join(in.addr, r.local()+addrs.KeyString(k.addr())), i18n.Quote(err.Error()))
	case res.Complete:
		jsonVal, minified, id = cty.StringVal(res.JSON), cty.StringVal(res.MinifiedJSON), cty.StringVal(res.ID)
	case !sensitive:
		jsonVal = cty.UnknownVal(cty.String).Refine().NotNull().StringPrefixFull(iamdoc.JSONPrefix).NewValue().Mark(docMark{&res.Document, iamdoc.JSONPrefix})
		minified = cty.UnknownVal(cty.String).Refine().NotNull().StringPrefixFull(iamdoc.MinifiedPrefix).NewValue().Mark(docMark{&res.Document, iamdoc.MinifiedPrefix})
	}
	if sensitive {
		jsonVal, minified = jsonVal.Mark(sensitiveMark), minified.Mark(sensitiveMark)
	}
	attrs[iamdoc.AttrJSON], attrs[iamdoc.AttrMinifiedJSON], attrs[iamdoc.AttrID] = jsonVal, minified, id
}

// documentOf returns the document a value is exactly the json of, or nil:
// an unknown string that still has the prefix of its docMark, and is marked
// with one document (a conditional carries both branches' marks).
func documentOf(v cty.Value) *model.PolicyDocument {
	v, marks := v.Unmark()
	if v.IsKnown() || !v.Type().Equals(cty.String) || marks.Has(sensitiveMark) {
		return nil
	}
	var doc *model.PolicyDocument
	for m := range marks {
		if dm, ok := m.(docMark); ok {
			if doc != nil && doc != dm.doc || dm.prefix != v.Range().StringPrefix() {
				return nil
			}
			doc = dm.doc
		}
	}
	return doc
}

// policyDocuments returns the documents a resource's top-level attributes
// are exactly the json of.
func policyDocuments(attrs map[string]cty.Value) map[string]model.PolicyDocument {
	var out map[string]model.PolicyDocument
	for name, v := range attrs {
		if doc := documentOf(v); doc != nil {
			if out == nil {
				out = map[string]model.PolicyDocument{}
			}
			out[name] = *doc
		}
	}
	return out
}
