package hclconf

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/fiscguard/fiscguard/engine/model"
)

// encodingDocuments wraps jsonencode so that encoding an object known in
// part, the way most configurations write a policy
// (jsonencode({Statement = [{Resource = aws_s3_bucket.b.arn, ...}]})),
// gives an unknown string, as in Terraform, that carries the object as a
// document known in part (see docMark): which actions a statement allows is
// known when its resource's ARN is not. Anything else, a value with marks
// (sensitive) included, is jsonencode's own result.
func encodingDocuments(jsonencode function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "val", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true, AllowNull: true, AllowMarked: true},
		},
		Type: function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if v, ok := encodedDocument(args[0]); ok {
				return v, nil
			}
			return jsonencode.Call(args)
		},
	})
}

// encodedDocument is the json of v known in part, when v is a known object
// or map, without marks, with values known only after apply inside it.
func encodedDocument(v cty.Value) (cty.Value, bool) {
	ty := v.Type()
	if !v.IsKnown() || v.IsNull() || v.ContainsMarked() || v.IsWhollyKnown() || !(ty.IsObjectType() || ty.IsMapType()) || v.LengthInt() == 0 {
		return cty.NilVal, false
	}
	value, unknown, _ := convertValue(v)
	doc := model.PolicyDocument{Value: value.(map[string]any)}
	doc.Unknown, _ = unknown.(map[string]any)
	keepUnknownMembers(doc.Value, doc.Unknown)
	// Terraform's jsonencode writes an object's members sorted by name, and
	// escapes as Go's encoder does: the json starts with the first name.
	first, err := json.Marshal(slices.Min(slices.Collect(maps.Keys(doc.Value))))
	if err != nil {
		return cty.NilVal, false
	}
	prefix := "{" + string(first) + ":"
	return cty.UnknownVal(cty.String).Refine().NotNull().StringPrefixFull(prefix).NewValue().Mark(docMark{&doc, prefix}), true
}

// keepUnknownMembers puts null where an object member is known only after
// apply: the model's values leave such members out, a document keeps them
// (model.PolicyDocument).
func keepUnknownMembers(value, unknown any) {
	switch u := unknown.(type) {
	case map[string]any:
		obj, ok := value.(map[string]any)
		if !ok {
			return
		}
		for k, uk := range u {
			if _, present := obj[k]; !present && uk == true {
				obj[k] = nil
			}
			keepUnknownMembers(obj[k], uk)
		}
	case []any:
		list, ok := value.([]any)
		if !ok {
			return
		}
		for i, uk := range u {
			if i < len(list) {
				keepUnknownMembers(list[i], uk)
			}
		}
	}
}
