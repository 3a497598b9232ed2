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

// setRefs fills a resource instance's Refs and Unresolved: for each
// top-level argument and nested block type, what its expressions refer to,
// as the plan loader does from a plan's configuration.
func (in *moduleInstance) setRefs(res *model.Resource, b *body, k instanceKey, eachTravs []hcl.Traversal) error {
	byName := map[string][]hcl.Traversal{}
	for name, a := range b.attrs {
		byName[name] = append(byName[name], a.expr.Variables()...)
	}
	for _, blk := range b.blocks {
		byName[blk.typ] = append(byName[blk.typ], blockTraversals(blk)...)
	}
	byAttr := make(map[string]*addrs.Targets, len(byName))
	for name, travs := range byName {
		t := &addrs.Targets{}
		for _, tr := range travs {
			if err := in.follow(t, tr, k.addr(), eachTravs, 0); err != nil {
				return err
			}
		}
		byAttr[name] = t
	}
	res.Refs, res.Unresolved = addrs.RefMaps(byAttr)
	return nil
}

// follow adds to set what traversal t names, seen from the instance with
// key from (see addrs.Expansion.Resolve for which instances a reference
// names); each.* stands for the for_each expression's traversals. A
// resource with no instance that matches, or a module that was not
// evaluated, is recorded as unresolved.
func (in *moduleInstance) follow(set *addrs.Targets, t hcl.Traversal, from addrs.Key, each []hcl.Traversal, depth int) error {
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
		found := in.expansions[local].Resolve(ref.Key, from)
		for _, x := range found {
			set.AddInstance(x.Address)
		}
		if len(found) == 0 {
			set.AddUnresolved(addrs.Join(in.addr, ref.String()))
		}
	case addrs.ModuleCallRef:
		if _, ok := in.mod.calls[ref.Name]; !ok {
			return nil
		}
		calls, err := in.callInstances(ref.Name)
		if err != nil {
			return err
		}
		children := calls.Resolve(ref.Key, from)
		if len(children) == 0 {
			set.AddUnresolved(addrs.Join(in.addr, ref.String()))
		}
		for _, child := range children {
			for _, o := range slices.Sorted(maps.Keys(child.mod.outputs)) {
				if ref.Output != "" && o != ref.Output {
					continue
				}
				refs, err := child.outputRefsOf(o, depth+1)
				if err != nil {
					return err
				}
				set.Merge(refs)
			}
		}
	case addrs.InputVariable:
		refs, err := in.variableRefsOf(ref.Name, depth+1)
		if err != nil {
			return err
		}
		set.Merge(refs)
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
func (in *moduleInstance) variableRefsOf(name string, depth int) (*addrs.Targets, error) {
	return in.valueRefsOf("var."+name, func(set *addrs.Targets) error {
		if in.parent == nil {
			return nil
		}
		a, ok := in.call.args[name]
		if !ok {
			return nil
		}
		var each []hcl.Traversal
		if in.call.forEach != nil {
			each = in.call.forEach.Variables()
		}
		for _, t := range a.expr.Variables() {
			if err := in.parent.follow(set, t, in.key.addr(), each, depth); err != nil {
				return err
			}
		}
		return nil
	})
}

// recordInstance adds an evaluated resource instance to its expansion, for
// references to find.
func (in *moduleInstance) recordInstance(local string, k instanceKey, r *model.Resource) {
	e := in.expansions[local]
	if e == nil {
		e = &addrs.Expansion[*model.Resource]{}
		in.expansions[local] = e
	}
	e.Add(k.addr(), r)
}

// callInstances returns the evaluated instances of a module call by key
// (none for a call that was not evaluated).
func (in *moduleInstance) callInstances(name string) (*addrs.Expansion[*moduleInstance], error) {
	if e, ok := in.callInsts[name]; ok {
		return e, nil
	}
	cs, err := in.expansion(name)
	if err != nil {
		return nil, err
	}
	e := &addrs.Expansion[*moduleInstance]{}
	for _, child := range cs.children {
		e.Add(child.key.addr(), child)
	}
	in.callInsts[name] = e
	return e, nil
}

// outputRefs returns what each of the module's outputs refers to.
func (in *moduleInstance) outputRefs() (map[string][]string, error) {
	if len(in.mod.outputs) == 0 {
		return nil, nil
	}
	out := make(map[string][]string, len(in.mod.outputs))
	for name := range in.mod.outputs {
		t, err := in.outputRefsOf(name, 0)
		if err != nil {
			return nil, err
		}
		out[name] = slices.Sorted(maps.Keys(t.Instances))
	}
	return out, nil
}

// outputRefsOf returns what an output refers to.
func (in *moduleInstance) outputRefsOf(name string, depth int) (*addrs.Targets, error) {
	return in.valueRefsOf("output."+name, func(set *addrs.Targets) error {
		if o := in.mod.outputs[name]; o != nil && o.expr != nil {
			for _, t := range o.expr.Variables() {
				if err := in.follow(set, t, addrs.NoKey, nil, depth); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// valueRefsOf returns what the output or variable id ("output.NAME",
// "var.NAME") refers to, found by fill the first time (a cycle back to id
// finds it empty and ends there).
func (in *moduleInstance) valueRefsOf(id string, fill func(*addrs.Targets) error) (*addrs.Targets, error) {
	if refs, ok := in.valueRefs[id]; ok {
		return refs, nil
	}
	set := &addrs.Targets{}
	in.valueRefs[id] = set
	if err := fill(set); err != nil {
		return nil, err
	}
	return set, nil
}
