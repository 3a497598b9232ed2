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

// templatesTooLarge reports, before an expression is evaluated, whether a
// template in it would concatenate parts past the value budget: a string
// doubled by "${local.a}${local.a}" a few dozen times would be built, and
// only then measured, at gigabytes. The parts that are references are
// looked up (cheaply) and measured; the others are measured when they are
// built.
func (ev *evaluator) templatesTooLarge(expr hcl.Expression, ctx *hcl.EvalContext) bool {
	syn, ok := expr.(hclsyntax.Expression)
	if !ok {
		return false
	}
	var over *hclsyntax.TemplateExpr
	_ = hclsyntax.VisitAll(syn, func(n hclsyntax.Node) hcl.Diagnostics {
		t, ok := n.(*hclsyntax.TemplateExpr)
		if !ok || over != nil {
			return nil
		}
		var size int64
		for _, part := range t.Parts {
			switch p := part.(type) {
			case *hclsyntax.LiteralValueExpr:
				size += tffunc.ValueSize(p.Val, tffunc.MaxValueSize)
			case *hclsyntax.ScopeTraversalExpr:
				if v, diags := p.Value(ctx); !diags.HasErrors() {
					size += tffunc.ValueSize(v, tffunc.MaxValueSize)
				}
			}
		}
		if size > tffunc.MaxValueSize {
			over = t
		}
		return nil
	})
	if over != nil {
		ev.fail(ev.ps.errAt(over.SrcRange, "%s", (&tffunc.BudgetError{What: "this string"}).Error()))
	}
	return over != nil
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
