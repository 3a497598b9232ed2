package tffunc

import (
	"errors"
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/fiscguard/fiscguard/engine/textpos"
)

// templateVars is the vars parameter of templatefile and templatestring. It
// admits unknown and marked values: HCL's template evaluation carries them
// into the result only where they are used, which is more precise than
// marking or unknowning the whole result.
var templateVars = function.Parameter{
	Name:         "vars",
	Type:         cty.DynamicPseudoType,
	AllowUnknown: true,
	AllowMarked:  true,
}

// maxTemplateNesting bounds what HCL's parser recurses on in a template.
const maxTemplateNesting = 1000

// renderTemplate evaluates src as an HCL template with vars (a map or
// object) as its variables and funcs as its functions. Like Terraform, a
// template consisting of a single interpolation ("${x}") yields x's value,
// whatever its type.
func renderTemplate(src []byte, filename string, vars cty.Value, funcs map[string]function.Function) (cty.Value, error) {
	if line, col, deep := textpos.HCLTooDeep(src, true, maxTemplateNesting); deep {
		return cty.DynamicVal, fmt.Errorf("%s:%d,%d: brackets or operators are nested more than %d deep", filename, line, col, maxTemplateNesting)
	}
	expr, diags := hclsyntax.ParseTemplate(src, filename, hcl.Pos{Line: 1, Column: 1, Byte: 0})
	if diags.HasErrors() {
		return cty.DynamicVal, errors.New(diags.Error())
	}
	vars, outerMarks := vars.Unmark()
	ty := vars.Type()
	if !(ty.IsMapType() || ty.IsObjectType()) {
		return cty.DynamicVal, function.NewArgErrorf(1, "invalid vars value: must be a map or object")
	}
	if !vars.IsKnown() {
		return cty.DynamicVal.WithMarks(outerMarks), nil
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: funcs}
	for it := vars.ElementIterator(); it.Next(); {
		k, v := it.Element()
		name := k.AsString()
		if !hclsyntax.ValidIdentifier(name) {
			return cty.DynamicVal, function.NewArgErrorf(1, "invalid template variable name %q: must start with a letter, followed by zero or more letters, digits, and underscores", name)
		}
		ctx.Variables[name] = v
	}
	// Check references first so a missing variable gets a clear message
	// rather than HCL's generic "unknown variable".
	for _, tr := range expr.Variables() {
		if _, ok := ctx.Variables[tr.RootName()]; !ok {
			return cty.DynamicVal, function.NewArgErrorf(1, "vars map does not contain key %q, referenced at %s", tr.RootName(), tr.SourceRange())
		}
	}
	val, diags := expr.Value(ctx)
	if be, _ := BudgetErrorOf(diags); be != nil {
		return cty.DynamicVal, be
	}
	if diags.HasErrors() {
		return cty.DynamicVal, errors.New(diags.Error())
	}
	return val.WithMarks(outerMarks), nil
}

// makeTemplateFileFunc is templatefile(path, vars): the file at path (inside
// the scanned tree) rendered as a template.
func makeTemplateFileFunc(c *confinedFS, funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			templateVars,
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			src, err := c.readFile(p)
			if err != nil {
				return cty.DynamicVal, function.NewArgError(0, err)
			}
			return renderTemplate(src, p, args[1], funcs)
		},
	})
}

// makeTemplateStringFunc is templatestring(template, vars) (Terraform 1.9):
// a string value rendered as a template. Terraform insists that the template
// argument be a reference rather than a literal, a rule about source syntax
// that a function cannot see; any string is accepted here.
func makeTemplateStringFunc(funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "template", Type: cty.String},
			templateVars,
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return renderTemplate([]byte(args[0].AsString()), "<templatestring argument>", args[1], funcs)
		},
	})
}

// recursiveTemplateFunc stands in for templatefile and templatestring
// inside templates, with Terraform's error.
func recursiveTemplateFunc(name string) function.Function {
	err := fmt.Errorf("cannot recursively call %s from inside another template function", name)
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String, AllowUnknown: true, AllowMarked: true, AllowNull: true},
			{Name: "vars", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowMarked: true, AllowNull: true, AllowDynamicType: true},
		},
		Type: func([]cty.Value) (cty.Type, error) {
			return cty.NilType, err
		},
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			return cty.DynamicVal, err
		},
	})
}
