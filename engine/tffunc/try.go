package tffunc

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/customdecode"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// TryFunc is try(expressions...): the value of the first expression that
// evaluates without an error. HCL's ext/tryfunc, which Terraform uses, gives
// a wholly unknown value as soon as the value it would return is known only
// in part, since an unknown element might yet make the expression fail.
// Here a value known in part is returned as it is: fiscguard's unknowns are
// often values Terraform reads while planning (data sources), which for a
// configuration that plans do not make the expression fail, so its known
// parts are what Terraform's evaluation gives (try(jsondecode(var.grant),
// var.grant) keeps the grants, and a count from their length is known).
var TryFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "expressions", Type: customdecode.ExpressionClosureType},
	Type: func(args []cty.Value) (cty.Type, error) {
		v, err := try(args)
		if err != nil {
			return cty.NilType, err
		}
		return v.Type(), nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return try(args) },
})

// CanFunc is can(expression): whether the expression evaluates without an
// error; unknown while its value is wholly unknown (see TryFunc).
var CanFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "expression", Type: customdecode.ExpressionClosureType}},
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, diags := customdecode.ExpressionClosureFromVal(args[0]).Value()
		switch {
		case diags.HasErrors():
			return cty.False, nil
		case !v.IsKnown():
			return cty.UnknownVal(cty.Bool), nil
		}
		return cty.True, nil
	},
})

func try(args []cty.Value) (cty.Value, error) {
	if len(args) == 0 {
		return cty.NilVal, errors.New("at least one argument is required")
	}
	var failures []string
	for _, arg := range args {
		v, diags := customdecode.ExpressionClosureFromVal(arg).Value()
		if diags.HasErrors() {
			// An error stays an error however the unknowns turn out.
			failures = append(failures, describeDiags(diags))
			continue
		}
		if !v.IsKnown() {
			return cty.DynamicVal, nil
		}
		return v, nil
	}
	return cty.NilVal, fmt.Errorf("every alternative failed: %s", strings.Join(failures, "; "))
}

// describeDiags is one alternative's errors on one line, each with where
// it stands.
func describeDiags(diags hcl.Diagnostics) string {
	var parts []string
	for _, d := range diags.Errs() {
		parts = append(parts, d.Error())
	}
	return strings.Join(parts, "; ")
}
