package hclconf

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/zclconf/go-cty/cty"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/tffunc"
)

// sensitiveMark is the mark sensitive variables, outputs and the
// sensitive() function put on values.
const sensitiveMark = tffunc.Sensitive

// toModel converts a resource's evaluated arguments into the model's
// values and unknown trees, shaped as a plan shows them: unknown values are
// left out of values and marked true in unknown; sensitive values (marked,
// or arguments whose names providers treat as secret) are redacted.
func toModel(attrs map[string]cty.Value) (map[string]any, map[string]any) {
	values := make(map[string]any, len(attrs))
	unknown := map[string]any{}
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		v := attrs[k]
		if model.SecretName(k) && v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
			values[k] = model.Redacted
			continue
		}
		val, unk, known := convertValue(v)
		if known {
			values[k] = val
		}
		if unk != nil {
			unknown[k] = unk
		}
	}
	return values, unknown
}

// convertValue returns the JSON-like value, its unknown tree (nil when
// wholly known) and whether the value itself is known.
func convertValue(v cty.Value) (any, any, bool) {
	if v.IsMarked() {
		var marks cty.ValueMarks
		v, marks = v.Unmark()
		if _, ok := marks[sensitiveMark]; ok {
			if !v.IsKnown() {
				return nil, true, false
			}
			return model.Redacted, nil, true
		}
	}
	if !v.IsKnown() {
		return nil, true, false
	}
	if v.IsNull() {
		return nil, nil, true
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString(), nil, true
	case ty == cty.Number:
		return json.Number(v.AsBigFloat().Text('f', -1)), nil, true
	case ty == cty.Bool:
		return v.True(), nil, true
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		var list []any
		var unks []any
		anyUnknown := false
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			val, unk, _ := convertValue(e)
			list = append(list, val)
			if unk != nil {
				anyUnknown = true
				unks = append(unks, unk)
			} else {
				unks = append(unks, false)
			}
		}
		if list == nil {
			list = []any{}
		}
		if anyUnknown {
			return list, unks, true
		}
		return list, nil, true
	case ty.IsMapType() || ty.IsObjectType():
		obj := map[string]any{}
		unks := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			name := k.AsString()
			val, unk, known := convertValue(e)
			if known {
				obj[name] = val
			}
			if unk != nil {
				unks[name] = unk
			}
		}
		if len(unks) > 0 {
			return obj, unks, true
		}
		return obj, nil, true
	}
	return nil, nil, false
}
