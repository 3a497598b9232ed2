package plan

import tfjson "github.com/hashicorp/terraform-json"

// configuredUnknown keeps the unknown markers of the values the
// configuration writes (exprs, the resource's configuration expressions)
// and drops those of arguments left unset, which the provider computes: a
// plan marks both known only after apply, while policies judge an unset
// argument by its default, as the HCL loader presents it. Nested blocks are
// pruned by their own expressions; an attribute's expression accounts for
// every unknown inside its value.
func configuredUnknown(unknown map[string]any, exprs map[string]*tfjson.Expression) map[string]any {
	out := map[string]any{}
	for k, u := range unknown {
		e, ok := exprs[k]
		if !ok || e == nil || e.ExpressionData == nil {
			continue
		}
		if len(e.NestedBlocks) == 0 {
			out[k] = u
			continue
		}
		list, ok := u.([]any)
		if !ok {
			out[k] = u
			continue
		}
		pruned := make([]any, len(list))
		for i, item := range list {
			obj, isObj := item.(map[string]any)
			if !isObj || i >= len(e.NestedBlocks) {
				pruned[i] = item
				continue
			}
			pruned[i] = configuredUnknown(obj, e.NestedBlocks[i])
		}
		out[k] = pruned
	}
	return out
}
