package hclconf

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/fiscguard/fiscguard/engine/iamdoc"
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
// when iamdoc can do it on the document's strings alone.
func replaceInDocument(str, substr, repl cty.Value) (cty.Value, bool) {
	doc := documentOf(str)
	sub, ok := knownString(substr)
	if doc == nil || !ok || repl.IsMarked() || repl.IsKnown() && repl.IsNull() {
		return cty.NilVal, false
	}
	var with *string
	if repl.IsKnown() {
		s := repl.AsString()
		with = &s
	}
	out, ok := iamdoc.Replace(*doc, sub, with)
	if !ok {
		return cty.NilVal, false
	}
	v, _ := str.Unmark()
	prefix := v.Range().StringPrefix()
	return cty.UnknownVal(cty.String).Refine().NotNull().StringPrefixFull(prefix).NewValue().Mark(docMark{&out, prefix}), true
}
