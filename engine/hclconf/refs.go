package hclconf

import (
	"maps"
	"slices"

	"github.com/hashicorp/hcl/v2"

	"github.com/fiscguard/fiscguard/engine/addrs"
	"github.com/fiscguard/fiscguard/engine/model"
)

// maxRefDepth bounds how far a reference is followed through module outputs.
const maxRefDepth = 64

// refsOf maps each top-level argument and nested block type of a resource
// instance to the instance addresses its expressions refer to, as the plan
// loader does from a plan's configuration.
func (in *instance) refsOf(b *body, k instanceKey, eachTravs []hcl.Traversal) (map[string][]string, error) {
	byName := map[string][]hcl.Traversal{}
	for name, a := range b.attrs {
		byName[name] = append(byName[name], a.expr.Variables()...)
	}
	for _, blk := range b.blocks {
		byName[blk.typ] = append(byName[blk.typ], blockTraversals(blk)...)
	}
	refs := map[string][]string{}
	for name, travs := range byName {
		set, err := in.resolveTraversals(travs, k.addr(), eachTravs)
		if err != nil {
			return nil, err
		}
		if len(set) > 0 {
			refs[name] = slices.Sorted(maps.Keys(set))
		}
	}
	if len(refs) == 0 {
		return nil, nil
	}
	return refs, nil
}

// resolveTraversals returns the instance addresses the traversals name,
// seen from the instance with key from; each.* stands for the for_each
// expression's traversals.
func (in *instance) resolveTraversals(travs []hcl.Traversal, from addrs.Key, each []hcl.Traversal) (map[string]bool, error) {
	set := map[string]bool{}
	for _, t := range travs {
		if err := in.follow(set, t, from, each, 0); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// follow adds to set the instances traversal t names (see
// addrs.Expansion.Resolve for which instances a reference names).
func (in *instance) follow(set map[string]bool, t hcl.Traversal, from addrs.Key, each []hcl.Traversal, depth int) error {
	if depth > maxRefDepth {
		return nil
	}
	ref, err := addrs.ParseRef(t)
	if err != nil {
		return nil // not a reference; evaluating it has said so
	}
	switch ref := ref.(type) {
	case addrs.ResourceInstance:
		local := ref.Resource.String()
		if _, ok := in.mod.resources[local]; !ok {
			return nil
		}
		if _, err := in.resource(local); err != nil {
			return err
		}
		for _, x := range in.expansions[local].Resolve(ref.Key, from) {
			set[x.Address] = true
		}
	case addrs.ModuleCallRef:
		calls, err := in.callInstances(ref.Name)
		if err != nil {
			return err
		}
		for _, child := range calls.Resolve(ref.Key, from) {
			for _, o := range slices.Sorted(maps.Keys(child.mod.outputs)) {
				if ref.Output != "" && o != ref.Output {
					continue
				}
				refs, err := child.outputRefsOf(o, depth+1)
				if err != nil {
					return err
				}
				for _, a := range refs {
					set[a] = true
				}
			}
		}
	case addrs.InputVariable:
		refs, err := in.variableRefsOf(ref.Name, depth+1)
		if err != nil {
			return err
		}
		for _, a := range refs {
			set[a] = true
		}
	case addrs.LocalValue:
		// A local is its expression; it has no key of its own, so what it
		// names is seen from the referrer's.
		if l, ok := in.mod.locals[ref.Name]; ok {
			for _, t := range l.expr.Variables() {
				if err := in.follow(set, t, from, nil, depth+1); err != nil {
					return err
				}
			}
		}
	case addrs.ForEachAttr:
		for _, e := range each {
			if err := in.follow(set, e, from, nil, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// variableRefsOf returns the instance addresses an input variable of a
// module instance refers to: those of the call's argument in the caller,
// seen from this instance's key (count.index and each.* there are the
// module's). A root variable, or one left to its default, refers to nothing.
func (in *instance) variableRefsOf(name string, depth int) ([]string, error) {
	id := "var." + name
	if refs, ok := in.valueRefs[id]; ok {
		return refs, nil
	}
	in.valueRefs[id] = nil // a cycle ends here
	if in.parent == nil {
		return nil, nil
	}
	a, ok := in.call.args[name]
	if !ok {
		return nil, nil
	}
	var each []hcl.Traversal
	if in.call.forEach != nil {
		each = in.call.forEach.Variables()
	}
	set := map[string]bool{}
	for _, t := range a.expr.Variables() {
		if err := in.parent.follow(set, t, in.key.addr(), each, depth); err != nil {
			return nil, err
		}
	}
	refs := slices.Sorted(maps.Keys(set))
	in.valueRefs[id] = refs
	return refs, nil
}

// recordInstance adds an evaluated resource instance to its expansion, for
// references to find.
func (in *instance) recordInstance(local string, k instanceKey, r *model.Resource) {
	e := in.expansions[local]
	if e == nil {
		e = &addrs.Expansion[*model.Resource]{}
		in.expansions[local] = e
	}
	e.Add(k.addr(), r)
}

// callInstances returns the evaluated instances of a module call by key
// (none for a call that was not evaluated).
func (in *instance) callInstances(name string) (*addrs.Expansion[*instance], error) {
	if _, ok := in.mod.calls[name]; !ok {
		return nil, nil
	}
	if e, ok := in.callInsts[name]; ok {
		return e, nil
	}
	cs, err := in.expansion(name)
	if err != nil {
		return nil, err
	}
	e := &addrs.Expansion[*instance]{}
	for _, child := range cs.children {
		e.Add(child.key.addr(), child)
	}
	in.callInsts[name] = e
	return e, nil
}

// outputRefsOf returns the instance addresses an output refers to.
func (in *instance) outputRefsOf(name string, depth int) ([]string, error) {
	id := "output." + name
	if refs, ok := in.valueRefs[id]; ok {
		return refs, nil
	}
	in.valueRefs[id] = nil // a cycle ends here
	o := in.mod.outputs[name]
	if o == nil || o.expr == nil {
		return nil, nil
	}
	set := map[string]bool{}
	for _, t := range o.expr.Variables() {
		if err := in.follow(set, t, addrs.NoKey, nil, depth); err != nil {
			return nil, err
		}
	}
	refs := slices.Sorted(maps.Keys(set))
	in.valueRefs[id] = refs
	return refs, nil
}
