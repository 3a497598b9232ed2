package plan

import (
	tfjson "github.com/hashicorp/terraform-json"

	"github.com/fiscguard/fiscguard/engine/model"
)

// configuredUnknown keeps the unknown markers of the values the
// configuration sets from something known only after apply, and drops the
// others: a plan marks an argument the provider computes (left unset, or set
// to null, e.g. from a variable's null default) known only after apply too,
// while policies judge it by its default, as the HCL loader presents it.
// An argument is set from something known only after apply when the
// configuration writes it (exprs, the resource's configuration expressions)
// and its expression refers to a resource or to something the plan does not
// show (r's refs and unresolved references): variables and literals are
// known when Terraform plans. Nested blocks are pruned by their own
// expressions; an attribute's expression accounts for every unknown inside
// its value. What is kept is in the model's shape (see compactUnknown).
func configuredUnknown(unknown map[string]any, exprs map[string]*tfjson.Expression, r *model.Resource) map[string]any {
	out := map[string]any{}
	for k, u := range unknown {
		if len(r.Refs[k])+len(r.Unresolved[k]) == 0 {
			continue
		}
		if kept, ok := pruneUnknown(u, exprs[k]); ok {
			if kept, ok = compactUnknown(kept); ok {
				out[k] = kept
			}
		}
	}
	return out
}

// compactUnknown puts an after_unknown tree in the model's shape, the one
// the HCL loader builds (model.Resource.Unknown): Terraform writes false for
// known values and [] or {} for known collections, which say nothing; only
// true marks remain, with false holding the place of a known element in a
// list that has unknown ones. It reports whether anything is unknown.
func compactUnknown(u any) (any, bool) {
	switch u := u.(type) {
	case bool:
		return u, u
	case []any:
		out := make([]any, len(u))
		some := false
		for i, e := range u {
			c, ok := compactUnknown(e)
			if !ok {
				c = false
			}
			out[i], some = c, some || ok
		}
		return out, some
	case map[string]any:
		out := map[string]any{}
		for k, e := range u {
			if c, ok := compactUnknown(e); ok {
				out[k] = c
			}
		}
		return out, len(out) > 0
	}
	return nil, false
}

// pruneUnknown keeps an unknown marker (or tree) u when expression e writes
// it, pruning the blocks of a nested block expression by theirs.
func pruneUnknown(u any, e *tfjson.Expression) (any, bool) {
	if e == nil || e.ExpressionData == nil {
		return nil, false
	}
	list, isList := u.([]any)
	if len(e.NestedBlocks) == 0 || !isList {
		return u, true
	}
	pruned := make([]any, len(list))
	for i, item := range list {
		obj, isObj := item.(map[string]any)
		if !isObj || i >= len(e.NestedBlocks) {
			pruned[i] = item
			continue
		}
		inner := map[string]any{}
		for k, v := range obj {
			if kept, ok := pruneUnknown(v, e.NestedBlocks[i][k]); ok {
				inner[k] = kept
			}
		}
		pruned[i] = inner
	}
	return pruned, true
}
