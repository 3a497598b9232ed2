package hclconf

import (
	"maps"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// bodyTraversals lists the variables every expression of a body reads,
// including nested and dynamic blocks.
func bodyTraversals(b *body) []hcl.Traversal {
	if b == nil {
		return nil
	}
	var out []hcl.Traversal
	for _, name := range slices.Sorted(maps.Keys(b.attrs)) {
		out = append(out, b.attrs[name].expr.Variables()...)
	}
	for _, blk := range b.blocks {
		out = append(out, blockTraversals(blk)...)
	}
	return out
}

func blockTraversals(blk *block) []hcl.Traversal {
	out := bodyTraversals(blk.body)
	if blk.dynamic {
		out = append(out, blk.forEach.Variables()...)
		// The iterator is local to the dynamic block, not a reference.
		kept := out[:0]
		for _, t := range out {
			if t.RootName() != blk.iterator {
				kept = append(kept, t)
			}
		}
		out = kept
	}
	return out
}

func exprTraversals(e hcl.Expression) []hcl.Traversal {
	if e == nil {
		return nil
	}
	return e.Variables()
}

// collectAttrNames gathers every attribute name a module's expressions read
// after a root or index (aws_x.y.id, x[*].arn, (expr).name), so resource
// objects can offer them as unknown when they are not configured.
func collectAttrNames(m *module) map[string]bool {
	names := map[string]bool{"id": true, "arn": true}
	addTrav := func(t hcl.Traversal) {
		for _, step := range t {
			if a, ok := step.(hcl.TraverseAttr); ok {
				names[a.Name] = true
			}
		}
	}
	walk := func(e hcl.Expression) {
		se, ok := e.(hclsyntax.Expression)
		if !ok {
			for _, t := range e.Variables() {
				addTrav(t)
			}
			return
		}
		_ = hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
			switch x := n.(type) {
			case *hclsyntax.ScopeTraversalExpr:
				addTrav(x.Traversal)
			case *hclsyntax.RelativeTraversalExpr:
				addTrav(x.Traversal)
			}
			return nil
		})
	}
	forEachExpr(m, walk)
	return names
}

// functionNames lists the functions a module's expressions call.
func functionNames(m *module) []string {
	names := map[string]bool{}
	visit := func(e hcl.Expression) {
		if se, ok := e.(hclsyntax.Expression); ok {
			_ = hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
				if call, ok := n.(*hclsyntax.FunctionCallExpr); ok {
					names[call.Name] = true
				}
				return nil
			})
		}
	}
	forEachExpr(m, visit)
	return slices.Sorted(maps.Keys(names))
}

// forEachExpr calls visit for every expression in a module.
func forEachExpr(m *module, visit func(hcl.Expression)) {
	var walkBody func(b *body)
	walkBody = func(b *body) {
		if b == nil {
			return
		}
		for _, a := range b.attrs {
			visit(a.expr)
		}
		for _, blk := range b.blocks {
			if blk.forEach != nil {
				visit(blk.forEach)
			}
			walkBody(blk.body)
		}
	}
	for _, l := range m.locals {
		visit(l.expr)
	}
	for _, r := range m.resources {
		walkBody(r.body)
		visitSet(visit, r.count, r.forEach)
	}
	for _, c := range m.calls {
		for _, a := range c.args {
			visit(a.expr)
		}
		visitSet(visit, c.count, c.forEach)
	}
	for _, o := range m.outputs {
		visitSet(visit, o.expr)
	}
	for _, p := range m.providers {
		walkBody(p.body)
	}
}

// visitSet calls visit for each expression that is present.
func visitSet(visit func(hcl.Expression), exprs ...hcl.Expression) {
	for _, e := range exprs {
		if e != nil {
			visit(e)
		}
	}
}
