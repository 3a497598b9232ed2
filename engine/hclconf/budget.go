package hclconf

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/fiscguard/fiscguard/engine/tffunc"
)

// maxModuleInstances bounds the module instances of one configuration, as
// maxResources bounds its resources: nested calls multiply (three levels of
// a hundred are a million) even when no module holds a resource.
const maxModuleInstances = 20_000

// overBudget reports whether an expression's result is past the value
// budget: a function call that tffunc refused, or a value built without
// one (a template doubling a string). The first such expression becomes the
// scan's input error at its position; evaluation goes on with an unknown
// value, so nothing larger is built from it.
func (ev *evaluator) overBudget(expr hcl.Expression, v cty.Value, diags hcl.Diagnostics) bool {
	if be, at := tffunc.BudgetErrorOf(diags); be != nil {
		rng := expr.Range()
		if at != nil {
			rng = *at
		}
		ev.fail(ev.ps.errAt(rng, "%s", be.Error()))
		return true
	}
	if _, ref := expr.(*hclsyntax.ScopeTraversalExpr); ref || diags.HasErrors() {
		return false // a reference yields a value already measured
	}
	if err := tffunc.CheckValue(v, "this value"); err != nil {
		ev.fail(ev.ps.errAt(expr.Range(), "%s", err.Error()))
		return true
	}
	return false
}

// fail records the first error that stops the scan once evaluation ends.
func (ev *evaluator) fail(err error) {
	if ev.err == nil {
		ev.err = err
	}
}

// countModuleInstances adds a module call's instances to the
// configuration's total, refusing one past maxModuleInstances.
func (ev *evaluator) countModuleInstances(in *instance, c *moduleCall, n int) error {
	if ev.moduleInstances += n; ev.moduleInstances > maxModuleInstances {
		return in.errAt(c.rng, "the configuration expands to more than %d module instances", maxModuleInstances)
	}
	return nil
}
