package tffunc

import (
	"errors"
	"fmt"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// guard wraps a function of the table so that, whatever the input:
//
//   - an error never shows a sensitive argument: when any argument is
//     sensitive, the error says "this sensitive value" instead of the
//     function's own message, which may quote the value (Terraform's own
//     functions redact some, not all);
//   - a result past MaxValueSize is refused before it is built, when an
//     estimate says so, or once built, before anything else sees it;
//   - a panic inside the function is one line without a stack trace.
//
// The wrapper passes every argument through as given (marked, unknown,
// null): the wrapped function applies its own parameter rules.
func guard(name string, f function.Function) function.Function {
	open := func(p function.Parameter) function.Parameter {
		p.AllowMarked, p.AllowUnknown, p.AllowNull, p.AllowDynamicType = true, true, true, true
		return p
	}
	spec := &function.Spec{Description: f.Description()}
	for _, p := range f.Params() {
		spec.Params = append(spec.Params, open(p))
	}
	if vp := f.VarParam(); vp != nil {
		p := open(*vp)
		spec.VarParam = &p
	}
	estimate, grows := estimates[name]
	spec.Type = func(args []cty.Value) (cty.Type, error) {
		// Some functions build their result to learn its type (flatten):
		// the estimate comes first.
		if grows && estimate(args) > MaxValueSize {
			return cty.NilType, &BudgetError{What: "the result of " + name}
		}
		ty, err := f.ReturnTypeForValues(args)
		return ty, withheld(name, args, err)
	}
	spec.Impl = func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, err := f.Call(args)
		if err != nil {
			return cty.NilVal, withheld(name, args, err)
		}
		if grows || name == "templatestring" || name == "templatefile" {
			if err := CheckValue(v, "the result of "+name); err != nil {
				return cty.NilVal, err
			}
		}
		return v, nil
	}
	return function.New(spec)
}

// withheld is err as it may be shown: without a sensitive argument's
// value, and without a panic's stack.
func withheld(name string, args []cty.Value, err error) error {
	var budget *BudgetError
	var pe function.PanicError
	switch {
	case err == nil, errors.As(err, &budget):
		return err
	case errors.As(err, &pe):
		return fmt.Errorf("internal error in function %s (please report this)", name)
	}
	for _, a := range args {
		if a.HasMarkDeep(Sensitive) {
			var ae function.ArgError
			if errors.As(err, &ae) {
				return function.NewArgErrorf(ae.Index, "this sensitive value is not valid here (the details are not shown)")
			}
			return errors.New("the call failed on this sensitive value (the details are not shown)")
		}
	}
	return err
}
