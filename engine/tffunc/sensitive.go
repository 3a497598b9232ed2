package tffunc

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// anyValue is a parameter that lets every value through untouched, for the
// functions that work on marks or pass values on as they are.
var anyValue = function.Parameter{
	Name:             "value",
	Type:             cty.DynamicPseudoType,
	AllowUnknown:     true,
	AllowNull:        true,
	AllowMarked:      true,
	AllowDynamicType: true,
}

func sameType(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil }

// SensitiveFunc is sensitive(value): the value marked Sensitive.
var SensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyValue},
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return args[0].Mark(Sensitive), nil
	},
})

// NonsensitiveFunc is nonsensitive(value): the value without its Sensitive
// mark. Like Terraform since 1.7 it accepts values that were not sensitive,
// and like Terraform it only unmarks the value itself, not values nested in
// it.
var NonsensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyValue},
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		delete(marks, Sensitive)
		return v.WithMarks(marks), nil
	},
})

// IsSensitiveFunc is issensitive(value). A known sensitive value says true;
// an unknown value that is not yet marked may still turn out sensitive once
// known, so the answer is unknown.
var IsSensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyValue},
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		switch {
		case args[0].HasMark(Sensitive):
			return cty.True, nil
		case !args[0].IsKnown():
			return cty.UnknownVal(cty.Bool).RefineNotNull(), nil
		default:
			return cty.False, nil
		}
	},
})

// EphemeralAsNullFunc is ephemeralasnull(value). Terraform nulls out the
// ephemeral parts of a value; a static scan tracks no ephemerality, so the
// value passes through unchanged (marks included).
var EphemeralAsNullFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyValue},
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return args[0], nil
	},
})

// TypeFunc is type(value). Terraform offers it only in the console, where it
// prints a type; in configuration the result is an unknown string.
var TypeFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyValue},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.UnknownVal(cty.String), nil
	},
})
