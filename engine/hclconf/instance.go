package hclconf

import (
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/fiscguard/fiscguard/engine/addrs"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
)

// Limits that turn runaway configurations into clear errors.
const (
	maxInstancesPerBlock = 10_000
	maxResources         = 200_000
	maxModuleDepth       = 32
)

// moduleInstance is one instance of a module: the root, or one instance of
// a module call. Its values are evaluated lazily, each once, in the order references
// demand, as Terraform's graph would: so module A may read module B's
// outputs while B reads A's, as long as no value depends on itself.
type moduleInstance struct {
	ev     *evaluator
	mod    *module
	addr   string   // module instance address, "" for the root
	path   []string // module call names from the root
	keyDir string   // modules.json key of this module ("" for the root)
	depth  int
	stack  []string // module directories from the root, to catch recursion

	// For a module call's instance: the caller, the call and this instance's key.
	parent *moduleInstance
	call   *moduleCall
	key    instanceKey
	// remoteCall is where the outermost remote module call enclosing this
	// instance is written; its resources are located there.
	remoteCall *model.Location
	// uncertain is true inside a module instance that stands in for an
	// expansion known only after apply.
	uncertain bool

	vars map[string]cty.Value // root variables, set before evaluation
	// varOrigins says where each root variable's value is written (a
	// tfvars file or the default), when it is written in a file.
	varOrigins map[string]*model.Location
	values     map[string]cty.Value // evaluated nodes, by node name
	visiting   map[string]bool
	calls      map[string]*callExpansion
	providers  map[string]providerRef

	// instances of each resource and module call, for resolving refs;
	// the instance addresses each output and input variable refers to
	// ("output.NAME", "var.NAME")
	expansions map[string]*addrs.Expansion[*model.Resource]
	callInsts  map[string]*addrs.Expansion[*moduleInstance]
	valueRefs  map[string]*addrs.Targets

	funcs map[string]function.Function
}

// callExpansion is a module call's evaluated expansion.
type callExpansion struct {
	keys     []instanceKey
	children []*moduleInstance
	done     bool // every child evaluated completely
}

// providerRef is a provider configuration in force: its key as a plan would
// write it, its region, and where its block and region argument are written.
type providerRef struct {
	key, region          string
	sourceAddr           string // the provider's source address; "" for the default
	source, regionSource *model.Location
}

func (in *moduleInstance) errAt(rng hcl.Range, format string, args ...any) error {
	return in.ev.ps.errAt(rng, format, args...)
}

// node evaluates a named value once; a node reached again while it is
// being evaluated is a dependency cycle.
func (in *moduleInstance) node(name string, rng hcl.Range, eval func() (cty.Value, error)) (cty.Value, error) {
	if v, ok := in.values[name]; ok {
		return v, nil
	}
	full := addrs.Join(in.addr, name)
	if in.visiting[name] {
		i := len(in.ev.stack) - 1
		for i > 0 && in.ev.stack[i] != full {
			i--
		}
		cycle := append(append([]string(nil), in.ev.stack[i:]...), full)
		return cty.NilVal, in.errAt(in.ev.stackRange[i], "dependency cycle: %s", strings.Join(cycle, " → "))
	}
	in.visiting[name] = true
	in.ev.stack = append(in.ev.stack, full)
	in.ev.stackRange = append(in.ev.stackRange, rng)
	v, err := eval()
	in.ev.stack = in.ev.stack[:len(in.ev.stack)-1]
	in.ev.stackRange = in.ev.stackRange[:len(in.ev.stackRange)-1]
	delete(in.visiting, name)
	if err != nil {
		return cty.NilVal, err
	}
	in.values[name] = v
	return v, nil
}

// evaluateAll evaluates every local, resource, data source, module call
// and output, as Terraform does, so an unused cycle is still an error.
func (in *moduleInstance) evaluateAll() error {
	for _, name := range slices.Sorted(maps.Keys(in.mod.locals)) {
		if _, err := in.local(in.mod.locals[name]); err != nil {
			return err
		}
	}
	for _, local := range slices.Sorted(maps.Keys(in.mod.resources)) {
		if _, err := in.resource(local); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(in.mod.calls)) {
		if err := in.evaluateCall(name); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(in.mod.outputs)) {
		if _, err := in.output(name); err != nil {
			return err
		}
	}
	return nil
}

// value evaluates an expression; a failure makes the value unknown and is
// noted once, never aborting the scan.
func (in *moduleInstance) value(expr hcl.Expression, ctx *hcl.EvalContext, what string) cty.Value {
	if in.ev.templatesTooLarge(expr, ctx) {
		return cty.DynamicVal
	}
	v, diags := expr.Value(ctx)
	if in.ev.overBudget(expr, v, diags) {
		return cty.DynamicVal
	}
	if diags.HasErrors() {
		for _, d := range diags {
			if d.Severity == hcl.DiagError {
				text, withheld := diagText(d)
				why := i18n.Text{}
				if withheld {
					why = withheldDetails
				}
				in.ev.notef("%s: %s could not be evaluated (HCL: %s%s); treated as known only after apply",
					"%s: %s を評価できなかった（HCL の診断: %s%s）。適用後まで確定しない値として扱う",
					in.ev.where(expr.Range()), addrs.Join(in.addr, what), i18n.Quote(in.ev.ps.oneLine(text)), why)
				break
			}
		}
		return cty.DynamicVal
	}
	return v
}

// context builds an evaluation context holding what the traversals read,
// evaluating each referenced value first.
func (in *moduleInstance) context(travs []hcl.Traversal) (*hcl.EvalContext, error) {
	vars := map[string]cty.Value{
		"path":      in.ev.paths(in.mod),
		"terraform": cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal(in.ev.opts.Workspace)}),
	}
	groups := map[string]map[string]cty.Value{} // root → name → value
	put := func(root, name string, v cty.Value) {
		if groups[root] == nil {
			groups[root] = map[string]cty.Value{}
		}
		groups[root][name] = v
	}
	dataTypes := map[string]map[string]cty.Value{}
	// Module outputs are evaluated only as far as they are read.
	outputs := map[string]map[string]bool{}
	for _, t := range travs {
		root, a1, a2 := t.RootName(), attrAt(t, 1), attrAt(t, 2)
		switch root {
		case "var":
			if v, ok := in.mod.variables[a1]; ok {
				val, err := in.variable(v)
				if err != nil {
					return nil, err
				}
				put("var", a1, val)
			}
		case "local":
			if l, ok := in.mod.locals[a1]; ok {
				val, err := in.local(l)
				if err != nil {
					return nil, err
				}
				put("local", a1, val)
			}
		case "module":
			if _, ok := in.mod.calls[a1]; ok {
				if outputs[a1] == nil {
					outputs[a1] = map[string]bool{}
				}
				ref, _ := addrs.ParseRef(t)
				if mc, ok := ref.(addrs.ModuleCallRef); ok && mc.Output != "" {
					outputs[a1][mc.Output] = true
				} else {
					outputs[a1]["*"] = true
				}
			}
		case "data":
			local := "data." + a1 + "." + a2
			if _, ok := in.mod.resources[local]; ok {
				val, err := in.resource(local)
				if err != nil {
					return nil, err
				}
				if dataTypes[a1] == nil {
					dataTypes[a1] = map[string]cty.Value{}
				}
				dataTypes[a1][a2] = val
			}
		case "count", "each", "self", "path", "terraform":
		default:
			local := root + "." + a1
			if _, ok := in.mod.resources[local]; ok {
				val, err := in.resource(local)
				if err != nil {
					return nil, err
				}
				put(root, a1, val)
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(outputs)) {
		val, err := in.callValue(name, outputs[name])
		if err != nil {
			return nil, err
		}
		put("module", name, val)
	}
	for root, names := range groups {
		vars[root] = cty.ObjectVal(names)
	}
	if len(dataTypes) > 0 {
		d := map[string]cty.Value{}
		for typ, names := range dataTypes {
			d[typ] = cty.ObjectVal(names)
		}
		vars["data"] = cty.ObjectVal(d)
	}
	return &hcl.EvalContext{Variables: vars, Functions: in.funcs}, nil
}

func attrAt(t hcl.Traversal, i int) string {
	if i < len(t) {
		if a, ok := t[i].(hcl.TraverseAttr); ok {
			return a.Name
		}
	}
	return ""
}

// variable returns a variable's value: set before evaluation for the root;
// for a module's instance, the call's argument evaluated in the caller.
func (in *moduleInstance) variable(v *variable) (cty.Value, error) {
	if val, ok := in.vars[v.name]; ok {
		return val, nil
	}
	if in.parent == nil {
		return cty.UnknownVal(v.typ), nil
	}
	return in.node("var."+v.name, v.rng, func() (cty.Value, error) {
		c, p := in.call, in.parent
		a, given := c.args[v.name]
		var val cty.Value
		switch {
		case given:
			ctx, err := p.context(a.expr.Variables())
			if err != nil {
				return cty.NilVal, err
			}
			val = p.value(a.expr, withKey(ctx, in.key, c.count != nil, c.forEach != nil), "module."+c.name+"."+v.name)
			if v.sensitive || holdsSecret(a.name, val) {
				in.ev.markSensitive(a.rng)
			}
			if val.IsNull() && !v.nullable && v.def != nil {
				// A non-nullable variable takes its default when given null.
				val = *v.def
			}
		case v.def != nil:
			val = *v.def
		default:
			in.ev.notef("%s: %s does not set the required variable %q; treated as known only after apply",
				"%s: %s が必須の変数 %q を設定していない。適用後まで確定しない値として扱う", in.ev.where(c.rng), in.addr, v.name)
			val = cty.DynamicVal
		}
		return in.ev.convertVariable(v, val, func(err error) {
			in.ev.notef("%s: variable %q of %s does not fit its type (go-cty: %s); treated as known only after apply",
				"%s: %[3]s の変数 %[2]q が型に合わない（go-cty の診断: %[4]s）。適用後まで確定しない値として扱う", in.ev.where(c.rng), v.name, in.addr, i18n.Quote(err.Error()))
		}), nil
	})
}

func (in *moduleInstance) local(l *attribute) (cty.Value, error) {
	return in.node("local."+l.name, l.rng, func() (cty.Value, error) {
		ctx, err := in.context(l.expr.Variables())
		if err != nil {
			return cty.NilVal, err
		}
		return in.value(l.expr, ctx, "local."+l.name), nil
	})
}

// provider returns the provider configuration in force for a key: this
// module's own block, else what the caller passes in, else an implicit
// empty configuration, as Terraform creates.
func (in *moduleInstance) provider(key string) (providerRef, error) {
	if p, ok := in.providers[key]; ok {
		return p, nil
	}
	name, _, _ := strings.Cut(key, ".")
	ref := providerRef{key: key, sourceAddr: in.mod.providerSources[name]}
	if len(in.path) > 0 {
		ref.key = addrs.Module(in.path).String() + ":" + key
	}
	switch p, own := in.mod.providers[key]; {
	case own:
		ref.source = in.ev.location(p.rng)
		if a, ok := p.body.attrs["region"]; ok {
			ref.regionSource = in.origin(a.expr, in.ev.location(a.rng))
		}
		v, err := in.node("provider."+key, p.rng, func() (cty.Value, error) {
			a, ok := p.body.attrs["region"]
			if !ok {
				return cty.NullVal(cty.String), nil
			}
			ctx, err := in.context(a.expr.Variables())
			if err != nil {
				return cty.NilVal, err
			}
			return in.value(a.expr, ctx, "provider."+key+".region"), nil
		})
		if err != nil {
			return ref, err
		}
		ref.region, _ = knownString(v)
	case in.parent != nil:
		// A providers map passes exactly what it names; without one, the
		// caller's default (unaliased) configurations are inherited.
		parentKey, mapped := in.call.providers[key]
		if !mapped && len(in.call.providers) == 0 && !strings.Contains(key, ".") {
			parentKey, mapped = key, true
		}
		if mapped {
			var err error
			if ref, err = in.parent.provider(parentKey); err != nil {
				return ref, err
			}
		}
	}
	in.providers[key] = ref
	return ref, nil
}

// resource evaluates a resource or data block: every instance goes into
// the document, and the value is what references to it read.
func (in *moduleInstance) resource(local string) (cty.Value, error) {
	r := in.mod.resources[local]
	return in.node(local, r.rng, func() (cty.Value, error) {
		travs := bodyTraversals(r.body)
		travs = append(travs, exprTraversals(r.count)...)
		travs = append(travs, exprTraversals(r.forEach)...)
		ctx, err := in.context(travs)
		if err != nil {
			return cty.NilVal, err
		}
		keys, err := in.expand(r.count, r.forEach, ctx, local)
		if err != nil {
			return cty.NilVal, err
		}
		if in.ev.resources+len(keys) > maxResources {
			return cty.NilVal, in.errAt(r.rng, "the configuration expands to more than %d resources", maxResources)
		}
		in.ev.resources += len(keys)
		provKey := r.provider
		if provKey == "" {
			provKey = providerName(r.typ)
		}
		prov, err := in.provider(provKey)
		if err != nil {
			return cty.NilVal, err
		}
		var eachTravs []hcl.Traversal
		if r.forEach != nil {
			eachTravs = r.forEach.Variables()
		}
		objs := make([]cty.Value, len(keys))
		for i, k := range keys {
			e := &bodyEval{in: in, ctx: withKey(ctx, k, r.count != nil, r.forEach != nil), subject: r.local(), locations: map[string]*model.Location{}}
			attrs := in.typed(r, k, e.body(r.body, ""), e.locations)
			if r.mode == "data" {
				providerData(r.typ, attrs, prov.region)
				in.policyDocument(r, k, attrs)
			}
			objs[i] = in.referenceObject(schemaOf(r), r.body, attrs)
			res := in.ev.newResource(in, r, k, prov, attrs, e.locations)
			in.recordInstance(local, k, res)
			if err := in.setRefs(res, r.body, k, eachTravs); err != nil {
				return cty.NilVal, err
			}
		}
		return collect(keys, objs, r.count != nil, r.forEach != nil), nil
	})
}

// expansion returns a module call's instances, creating them once.
func (in *moduleInstance) expansion(name string) (*callExpansion, error) {
	if cs, ok := in.calls[name]; ok {
		return cs, nil
	}
	c := in.mod.calls[name]
	cs := &callExpansion{}
	_, err := in.node("module."+name, c.rng, func() (cty.Value, error) {
		var travs []hcl.Traversal
		travs = append(travs, exprTraversals(c.count)...)
		travs = append(travs, exprTraversals(c.forEach)...)
		ctx, err := in.context(travs)
		if err != nil {
			return cty.NilVal, err
		}
		if cs.keys, err = in.expand(c.count, c.forEach, ctx, "module."+name); err != nil {
			return cty.NilVal, err
		}
		if err := in.ev.countModuleInstances(in, c, len(cs.keys)); err != nil {
			return cty.NilVal, err
		}
		dir, why, err := in.ev.moduleDir(in, c)
		if err != nil {
			return cty.NilVal, err
		}
		remote := !isLocalSource(c.source)
		for _, k := range cs.keys {
			in.ev.calls = append(in.ev.calls, model.ModuleCall{Address: addrs.Join(in.addr, "module."+name+addrs.KeyString(k.addr())), Source: c.source, Remote: remote, Evaluated: why.En == "", Location: in.ev.location(c.rng)})
		}
		if why.En != "" {
			in.ev.notef("%s: module not evaluated: %s (%s)", "%s: モジュールを評価していない: %s（%s）",
				in.ev.where(c.rng), why, addrs.Join(in.addr, "module."+name))
			cs.keys = nil
			return cty.DynamicVal, nil
		}
		if in.depth+1 > maxModuleDepth {
			return cty.NilVal, in.errAt(c.rng, "modules are nested more than %d deep", maxModuleDepth)
		}
		for _, d := range in.stack {
			if d == dir {
				return cty.NilVal, in.errAt(c.rng, "module recursion: %s calls %s, which is already being evaluated", addrs.Join(in.addr, "module."+name), in.ev.rel(dir))
			}
		}
		mod, err := in.ev.module(dir)
		if err != nil {
			return cty.NilVal, err
		}
		for _, k := range cs.keys {
			child := in.ev.newInstance(mod, addrs.Join(in.addr, "module."+name+addrs.KeyString(k.addr())), append(append([]string(nil), in.path...), name))
			child.parent, child.call, child.key = in, c, k
			child.depth, child.stack = in.depth+1, append(append([]string(nil), in.stack...), dir)
			child.keyDir = strings.TrimPrefix(in.keyDir+"."+name, ".")
			child.remoteCall = in.remoteCall
			child.uncertain = in.uncertain || k.unknown
			if remote && child.remoteCall == nil {
				child.remoteCall = in.ev.location(c.rng)
			}
			cs.children = append(cs.children, child)
		}
		return cty.EmptyObjectVal, nil
	})
	if err != nil {
		return nil, err
	}
	in.calls[name] = cs
	return cs, nil
}

// callValue is module.NAME as an expression reads it, with the named
// outputs evaluated ("*" for all of them).
func (in *moduleInstance) callValue(name string, want map[string]bool) (cty.Value, error) {
	cs, err := in.expansion(name)
	if err != nil {
		return cty.NilVal, err
	}
	if cs.children == nil && cs.keys == nil {
		return cty.DynamicVal, nil // not evaluated (remote module)
	}
	objs := make([]cty.Value, len(cs.children))
	for i, child := range cs.children {
		attrs := map[string]cty.Value{}
		for _, o := range slices.Sorted(maps.Keys(child.mod.outputs)) {
			if !want["*"] && !want[o] {
				continue
			}
			v, err := child.output(o)
			if err != nil {
				return cty.NilVal, err
			}
			attrs[o] = v
		}
		objs[i] = cty.ObjectVal(attrs)
	}
	c := in.mod.calls[name]
	return collect(cs.keys, objs, c.count != nil, c.forEach != nil), nil
}

// output evaluates one of the module's outputs.
func (in *moduleInstance) output(name string) (cty.Value, error) {
	o := in.mod.outputs[name]
	return in.node("output."+name, o.rng, func() (cty.Value, error) {
		if o.expr == nil {
			return cty.NullVal(cty.DynamicPseudoType), nil
		}
		ctx, err := in.context(o.expr.Variables())
		if err != nil {
			return cty.NilVal, err
		}
		v := in.value(o.expr, ctx, "output."+name)
		if o.sensitive {
			v = v.Mark(sensitiveMark)
		}
		return v, nil
	})
}

// evaluateCall evaluates every instance of a module call completely.
func (in *moduleInstance) evaluateCall(name string) error {
	cs, err := in.expansion(name)
	if err != nil || cs.done {
		return err
	}
	cs.done = true
	for _, child := range cs.children {
		if err := child.evaluateAll(); err != nil {
			return err
		}
	}
	return nil
}

// origin is where the value of an expression is decided: for a bare
// var.NAME, where the variable's value is written (a tfvars file, the
// caller's argument, followed through the callers' own variables, or the
// default), else at is the expression's own place. A region set through
// variables is changed where its value is written, so findings point there.
func (in *moduleInstance) origin(expr hcl.Expression, at *model.Location) *model.Location {
	for {
		trav, diags := hcl.AbsTraversalForExpr(expr)
		if diags.HasErrors() || len(trav) != 2 || trav.RootName() != "var" {
			return at
		}
		v, ok := in.mod.variables[attrAt(trav, 1)]
		if !ok {
			return at
		}
		if in.parent == nil {
			if o := in.varOrigins[v.name]; o != nil {
				return o
			}
			return at
		}
		a, given := in.call.args[v.name]
		if !given {
			if v.def != nil {
				return in.ev.location(v.defRng)
			}
			return at
		}
		at, expr, in = in.ev.location(a.rng), a.expr, in.parent
	}
}

// providerName is the provider a resource type belongs to by default.
func providerName(typ string) string {
	if i := strings.IndexByte(typ, '_'); i > 0 {
		return typ[:i]
	}
	return typ
}
