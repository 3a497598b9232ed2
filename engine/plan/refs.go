package plan

import (
	"maps"
	"slices"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/fiscguard/fiscguard/engine/addrs"
	"github.com/fiscguard/fiscguard/engine/model"
)

// maxRefDepth bounds how far a reference is followed through module
// outputs and input variables (a valid configuration has no cycles; this
// keeps a hand-made one from recursing without end).
const maxRefDepth = 64

// refResolver turns the references a plan's configuration lists into the
// instance addresses of the resources they name.
type refResolver struct {
	// modules: each configuration module by path ("" for the root)
	modules map[string]*configModule
	// instances of each resource and module call, in each module instance
	resources map[expansionKey]*addrs.Expansion[string]
	calls     map[expansionKey]*addrs.Expansion[addrs.ModuleInstance]
	// parsed references, once per expression
	parsed map[*tfjson.Expression][]addrs.Referenceable
	// what an output or input variable of a module instance refers to, by
	// its address (module.m.output.o, module.m.var.v)
	values map[string]*addrs.Targets
}

// configModule is one module of the configuration and the call that
// includes it (nil for the root).
type configModule struct {
	mod  *tfjson.ConfigModule
	call *tfjson.ModuleCall
}

// expansionKey names a resource ([data.]TYPE.NAME) or a module call (NAME)
// within a module instance.
type expansionKey struct {
	module string
	local  string
}

func newRefResolver(root *tfjson.ConfigModule) *refResolver {
	x := &refResolver{
		modules:   map[string]*configModule{},
		resources: map[expansionKey]*addrs.Expansion[string]{},
		calls:     map[expansionKey]*addrs.Expansion[addrs.ModuleInstance]{},
		parsed:    map[*tfjson.Expression][]addrs.Referenceable{},
		values:    map[string]*addrs.Targets{},
	}
	var walk func(cm *configModule, path addrs.Module)
	walk = func(cm *configModule, path addrs.Module) {
		x.modules[path.String()] = cm
		for name, call := range cm.mod.ModuleCalls {
			if call.Module != nil {
				walk(&configModule{mod: call.Module, call: call}, path.Child(name))
			}
		}
	}
	if root != nil {
		walk(&configModule{mod: root}, addrs.RootModule)
	}
	return x
}

// add records an instance, and the module call instances that hold it.
func (x *refResolver) add(r *model.Resource, mi addrs.ModuleInstance, key addrs.Key) {
	k := expansionKey{module: r.Module, local: addrs.Resource{Mode: r.Mode, Type: r.Type, Name: r.Name}.String()}
	e := x.resources[k]
	if e == nil {
		e = &addrs.Expansion[string]{}
		x.resources[k] = e
	}
	e.Add(key, r.Address)
	for i := len(mi); i > 0; i-- {
		parent, step := mi[:i-1], mi[i-1]
		k := expansionKey{module: parent.String(), local: step.Name}
		c := x.calls[k]
		if c == nil {
			c = &addrs.Expansion[addrs.ModuleInstance]{}
			x.calls[k] = c
		}
		if !c.Add(step.Key, mi[:i]) {
			break // the enclosing instances are recorded already
		}
	}
}

// resolve fills r.Refs and r.Unresolved: for each top-level argument and
// nested block, what its expressions refer to.
func (x *refResolver) resolve(r *model.Resource, cr *configResource, mi addrs.ModuleInstance, key addrs.Key) {
	cm := x.modules[cr.path.String()]
	if cm == nil || len(cr.res.Expressions) == 0 {
		return
	}
	each := x.refs(cr.res.ForEachExpression)
	byAttr := make(map[string]*addrs.Targets, len(cr.res.Expressions))
	for attr, expr := range cr.res.Expressions {
		t := &addrs.Targets{}
		for _, ref := range x.refs(expr) {
			x.follow(t, mi, cm, ref, key, each, 0)
		}
		byAttr[attr] = t
	}
	r.Refs, r.Unresolved = addrs.RefMaps(byAttr)
}

// refs parses an expression's references, and those of the blocks nested
// in it, once.
func (x *refResolver) refs(e *tfjson.Expression) []addrs.Referenceable {
	if e == nil || e.ExpressionData == nil {
		return nil
	}
	if out, ok := x.parsed[e]; ok {
		return out
	}
	var out []addrs.Referenceable
	for _, s := range e.References {
		if ref, err := addrs.ParseRefString(s); err == nil {
			out = append(out, ref)
		}
	}
	out = addrs.Innermost(out)
	for _, blk := range e.NestedBlocks {
		for _, inner := range slices.Sorted(maps.Keys(blk)) {
			out = append(out, x.refs(blk[inner])...)
		}
	}
	x.parsed[e] = out
	return out
}

// follow adds to t what ref names, written in module instance mi
// (configuration cm) and seen from the instance with key from; each stands
// for the references of the referrer's for_each expression. A resource,
// module output or local value that leads to no instance in the plan is
// recorded as unresolved (the plan shows no locals); root variables,
// count, path and terraform are known at plan time.
func (x *refResolver) follow(t *addrs.Targets, mi addrs.ModuleInstance, cm *configModule, ref addrs.Referenceable, from addrs.Key, each []addrs.Referenceable, depth int) {
	if depth > maxRefDepth {
		return
	}
	switch ref := ref.(type) {
	case addrs.ResourceInstance:
		found := x.resources[expansionKey{mi.String(), ref.Resource.String()}].Resolve(ref.Key, from)
		for _, a := range found {
			t.AddInstance(a)
		}
		if len(found) == 0 {
			t.AddUnresolved(addrs.Join(mi.String(), ref.String()))
		}
	case addrs.ModuleCallRef:
		child := x.modules[mi.Module().Child(ref.Name).String()]
		var insts []addrs.ModuleInstance
		if child != nil {
			insts = x.calls[expansionKey{mi.String(), ref.Name}].Resolve(ref.Key, from)
		}
		if len(insts) == 0 {
			t.AddUnresolved(addrs.Join(mi.String(), ref.String()))
		}
		for _, inst := range insts {
			for _, name := range slices.Sorted(maps.Keys(child.mod.Outputs)) {
				if ref.Output == "" || name == ref.Output {
					t.Merge(x.output(inst, child, name, depth+1))
				}
			}
		}
	case addrs.InputVariable:
		if !mi.IsRoot() {
			t.Merge(x.variable(mi, cm, ref.Name, depth+1))
		}
	case addrs.LocalValue:
		t.AddUnresolved(addrs.Join(mi.String(), ref.String()))
	case addrs.ForEachAttr:
		for _, e := range each {
			x.follow(t, mi, cm, e, from, nil, depth+1)
		}
	}
}

// rootOutputs returns what each output of the root module refers to.
func (x *refResolver) rootOutputs() map[string][]string {
	root := x.modules[""]
	if root == nil || len(root.mod.Outputs) == 0 {
		return nil
	}
	out := make(map[string][]string, len(root.mod.Outputs))
	for name := range root.mod.Outputs {
		out[name] = slices.Sorted(maps.Keys(x.output(addrs.RootModuleInstance, root, name, 0).Instances))
	}
	return out
}

// variable returns what an input variable of module instance mi refers to:
// what the call's argument refers to in the caller, seen from the module
// instance's own key (so count.index and each.* there are the module's).
func (x *refResolver) variable(mi addrs.ModuleInstance, cm *configModule, name string, depth int) *addrs.Targets {
	return x.value(addrs.Join(mi.String(), "var."+name), func(t *addrs.Targets) {
		parent, step := mi.Parent()
		if caller := x.modules[parent.Module().String()]; caller != nil && cm.call != nil {
			each := x.refs(cm.call.ForEachExpression)
			for _, ref := range x.refs(cm.call.Expressions[name]) {
				x.follow(t, parent, caller, ref, step.Key, each, depth)
			}
		}
	})
}

// output returns what an output of module instance mi refers to.
func (x *refResolver) output(mi addrs.ModuleInstance, cm *configModule, name string, depth int) *addrs.Targets {
	return x.value(addrs.Join(mi.String(), "output."+name), func(t *addrs.Targets) {
		if o := cm.mod.Outputs[name]; o != nil {
			for _, ref := range x.refs(o.Expression) {
				x.follow(t, mi, cm, ref, addrs.NoKey, nil, depth)
			}
		}
	})
}

// value returns what the output or variable id refers to, found by fill
// the first time (a cycle back to id finds it empty and ends there).
func (x *refResolver) value(id string, fill func(*addrs.Targets)) *addrs.Targets {
	if t, ok := x.values[id]; ok {
		return t
	}
	t := &addrs.Targets{}
	x.values[id] = t
	fill(t)
	return t
}
