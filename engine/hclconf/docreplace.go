package hclconf

import (
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/fiscguard/fiscguard/engine/model"
)

// replacingInDocuments wraps replace so that replacing a placeholder in the
// json of a policy document known in part (see docMark) gives that document
// with the placeholder replaced in its strings, still known in part:
// terraform-aws-s3-bucket writes its bucket policy with _S3_BUCKET_ARN_ and
// replaces it with the bucket's ARN, known only after apply. A replacement
// known only after apply makes the strings that hold the placeholder
// unknown; it is taken to need no JSON escaping, as the IDs and ARNs such
// placeholders stand for. Anything else is replace's own result.
func replacingInDocuments(replace function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "str", Type: cty.String, AllowUnknown: true, AllowMarked: true},
			{Name: "substr", Type: cty.String, AllowUnknown: true, AllowMarked: true},
			{Name: "replace", Type: cty.String, AllowUnknown: true, AllowMarked: true},
		},
		Type: function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if v, ok := replaceInDocument(args[0], args[1], args[2]); ok {
				return v, nil
			}
			return replace.Call(args)
		},
	})
}

// replaceInDocument is replace over the json of a document known in part,
// when that can be done on the document's strings alone.
func replaceInDocument(str, substr, repl cty.Value) (cty.Value, bool) {
	doc := documentOf(str)
	sub, ok := knownString(substr)
	if doc == nil || !ok || !placeholder(sub) || keysHold(doc.Value, sub) || repl.IsMarked() || str.IsNull() {
		return cty.NilVal, false
	}
	var with *string
	if repl.IsKnown() {
		if repl.IsNull() || strings.ContainsAny(repl.AsString(), jsonSpecial) {
			return cty.NilVal, false
		}
		s := repl.AsString()
		with = &s
	}
	value, unknown := replaceIn(doc.Value, doc.Unknown, sub, with)
	v, _ := str.Unmark()
	out := &model.PolicyDocument{Value: value.(map[string]any)}
	if u, ok := unknown.(map[string]any); ok {
		out.Unknown = u
	}
	return cty.UnknownVal(cty.String).Refine().NotNull().StringPrefixFull(v.Range().StringPrefix()).NewValue().Mark(docMark{out}), true
}

// jsonSpecial are the characters whose JSON form is not themselves (the
// provider's encoder escapes <, > and & as well).
const jsonSpecial = "\"\\<>&\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r"

// placeholder is true for a substring that can stand only inside the
// document's strings, never in its JSON syntax: a letter or digit, and none
// of the syntax's characters or white space (nor a regular expression,
// which replace writes between slashes).
func placeholder(s string) bool {
	if strings.ContainsAny(s, jsonSpecial+"{}[],: /") {
		return false
	}
	return strings.ContainsFunc(s, func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	})
}

// keysHold is true when an object key of the document holds sub (replacing
// in the json would change a key).
func keysHold(v any, sub string) bool {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if strings.Contains(k, sub) || keysHold(e, sub) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if keysHold(e, sub) {
				return true
			}
		}
	}
	return false
}

// replaceIn replaces sub in the strings of v, whose unknown marks are u
// (the model's shape: true where unknown, false for a known element of a
// list); with nil, the replacement is known only after apply and each
// string holding sub becomes unknown.
func replaceIn(v, u any, sub string, with *string) (any, any) {
	if u == true {
		return v, u
	}
	switch x := v.(type) {
	case string:
		switch {
		case !strings.Contains(x, sub):
			return x, u
		case with != nil:
			return strings.ReplaceAll(x, sub, *with), u
		}
		return nil, true
	case map[string]any:
		um, _ := u.(map[string]any)
		out := make(map[string]any, len(x))
		var marks map[string]any
		for k, e := range x {
			ne, nu := replaceIn(e, um[k], sub, with)
			out[k] = ne
			if nu != nil && nu != false {
				if marks == nil {
					marks = map[string]any{}
				}
				marks[k] = nu
			}
		}
		for k, m := range um {
			if _, ok := x[k]; !ok {
				if marks == nil {
					marks = map[string]any{}
				}
				marks[k] = m
			}
		}
		if marks == nil {
			return out, nil
		}
		return out, marks
	case []any:
		ua, _ := u.([]any)
		out := make([]any, len(x))
		marks := make([]any, len(x))
		some := false
		for i, e := range x {
			var ue any
			if i < len(ua) {
				ue = ua[i]
			}
			ne, nu := replaceIn(e, ue, sub, with)
			out[i] = ne
			if nu != nil && nu != false {
				marks[i], some = nu, true
			} else {
				marks[i] = false
			}
		}
		if !some {
			return out, nil
		}
		return out, marks
	}
	return v, u
}
