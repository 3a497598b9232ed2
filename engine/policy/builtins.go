package policy

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// The fiscguard.* built-in functions read a resource's values, marks and
// references and build results: what every rule does for every resource
// it judges.
// They are Go, not Rego, because a Rego function call is what evaluation
// spends most on (an evaluation frame, bindings and a cache entry each):
// as built-ins they cut BenchmarkEvalManyFindings by 30% in time and 40%
// in allocations. Every policy, built-in or user, compiles against them
// (see capabilities); the higher-level helpers stay in policies/lib.
var builtins = []struct {
	decl *ast.Builtin
	impl topdown.BuiltinFunc
}{
	{&ast.Builtin{
		Name:        "fiscguard.value",
		Description: "Returns r's value at path, a key (\"encrypted\") or an array of keys and indexes ([\"versioning\", 0, \"enabled\"]), or default when it is absent or null: an argument left unset is null in a plan and absent in HCL, and policies judge both by the same default. It is the one way policies read values.",
		Decl:        types.NewFunction(types.Args(subjectArg, pathArg, types.Named("default", types.A)), types.Named("value", types.A)),
		Categories:  []string{"fiscguard"},
	}, builtinValue},
	{&ast.Builtin{
		Name: "fiscguard.unknown",
		Description: "Is true when the value at path (a key or an array) is not wholly known: it, a value that encloses it, or a value inside it (an element of a partly unknown list, a member of an object, an argument of a nested block) is known only after apply. " +
			"Loaders mark only values the configuration sets, so a policy whose decision depends on an unknown value reports inconclusive, and judges an unset argument by its default.",
		Decl:       types.NewFunction(types.Args(subjectArg, pathArg), types.Named("unknown", types.B)),
		Categories: []string{"fiscguard"},
	}, builtinUnknown(false)},
	{&ast.Builtin{
		Name:        "fiscguard.wholly_unknown",
		Description: "Is true when the value at path, or a value that encloses it, is known only after apply as a whole: even which elements or members it has is not known. For a policy that depends only on which elements a collection has; fiscguard.unknown says whether all of it is known.",
		Decl:        types.NewFunction(types.Args(subjectArg, pathArg), types.Named("unknown", types.B)),
		Categories:  []string{"fiscguard"},
	}, builtinUnknown(true)},
	{&ast.Builtin{
		Name:        "fiscguard.refers",
		Description: "Is true when r's top-level attribute attr refers to another resource (its refs name one).",
		Decl:        types.NewFunction(types.Args(subjectArg, types.Named("attr", types.S)), types.Named("refers", types.B)),
		Categories:  []string{"fiscguard"},
	}, builtinRefers},
	{&ast.Builtin{
		Name:        "fiscguard.fail",
		Description: "Returns a failing deny result about r (a resource, or a provider configuration) at attribute path attr (\"\" for r as a whole) with messages in English and Japanese. An array of paths is one cause found in each: the result lists them all and is located at the first.",
		Decl:        types.NewFunction(resultArgs, types.Named("result", resultType)),
		Categories:  []string{"fiscguard"},
	}, builtinResult("fail")},
	{&ast.Builtin{
		Name:        "fiscguard.inconclusive",
		Description: "Returns an inconclusive deny result (what decides it is known only after apply), as fiscguard.fail does a failing one.",
		Decl:        types.NewFunction(resultArgs, types.Named("result", resultType)),
		Categories:  []string{"fiscguard"},
	}, builtinResult("inconclusive")},
	{&ast.Builtin{
		Name: "fiscguard.one_per_resource",
		Description: "Reports problems, each {\"resource\": r, \"attribute\": path, \"status\": \"fail\" or \"inconclusive\", \"en\": text, \"ja\": text}, as one result per resource: failing when any problem fails (listing every failing attribute, the first as its location), else inconclusive listing what is known only after apply. " +
			"intro gives, per status, a format with one %s for the address in each language, followed by the problems' distinct texts: {\"fail\": {\"en\": \"Password policy %s is weak: \", \"ja\": ...}, \"inconclusive\": {...}}.",
		Decl: types.NewFunction(types.Args(
			types.Named("problems", types.NewAny(types.NewSet(types.A), types.NewArray(nil, types.A))),
			types.Named("intro", types.NewObject(nil, types.NewDynamicProperty(types.S, types.A))),
		), types.Named("results", types.NewSet(resultType))),
		Categories: []string{"fiscguard"},
	}, builtinOnePerResource},
}

var (
	subjectArg = types.Named("r", types.NewObject(nil, types.NewDynamicProperty(types.S, types.A))).
			Description("a resource of lib.resources, or a provider configuration of input.providers")
	pathArg    = types.Named("path", types.NewAny(types.S, types.NewArray(nil, types.A))).Description("a key or an array of keys and indexes")
	resultArgs = types.Args(
		subjectArg,
		types.Named("attr", types.NewAny(types.S, types.NewArray(nil, types.S))).Description("an attribute path, or an array of them"),
		types.Named("en", types.S), types.Named("ja", types.S),
	)
	resultType = types.NewObject(nil, types.NewDynamicProperty(types.S, types.A))
)

// builtinHint points a policy written against the Rego helpers these
// built-ins replace (data.fiscguard.lib.fail, .value, ...) to the built-in.
func builtinHint(msg string) string {
	const undefined = "undefined function data.fiscguard.lib."
	if name, ok := strings.CutPrefix(msg, undefined); ok && ast.BuiltinMap["fiscguard."+name] != nil {
		return " (it is the built-in function fiscguard." + name + ")"
	}
	return ""
}

func init() {
	for _, b := range builtins {
		ast.RegisterBuiltin(b.decl)
		topdown.RegisterBuiltinFunc(b.decl.Name, b.impl)
	}
}

var (
	keyAddress    = ast.StringTerm("address")
	keyValues     = ast.StringTerm("values")
	keyUnknown    = ast.StringTerm("unknown")
	keyRefs       = ast.StringTerm("refs")
	keyResource   = ast.StringTerm("resource")
	keyAttribute  = ast.StringTerm("attribute")
	keyAttributes = ast.StringTerm("attributes")
	keyResources  = ast.StringTerm("resources")
	keyOwner      = ast.StringTerm("owner")
	keyStatus     = ast.StringTerm("status")
	keyMessage    = ast.StringTerm("message")
	keyEn         = ast.StringTerm("en")
	keyJa         = ast.StringTerm("ja")
)

// builtinValue is fiscguard.value.
func builtinValue(_ topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
	v, ok := at(member(ops[0], keyValues), ops[1], false)
	if !ok {
		return iter(ops[2])
	}
	if _, null := v.Value.(ast.Null); null {
		return iter(ops[2])
	}
	return iter(v)
}

// builtinRefers is fiscguard.refers.
func builtinRefers(_ topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
	refers := false
	if targets := member(member(ops[0], keyRefs), ops[1]); targets != nil {
		list, ok := targets.Value.(*ast.Array)
		refers = ok && list.Len() > 0
	}
	return iter(ast.InternedTerm(refers))
}

// builtinUnknown is fiscguard.unknown, or with whole fiscguard.wholly_unknown.
//
// The marks (r.unknown) have the shape of the values, true where a value
// is known only after apply, so the path is followed through them: a true
// mark on the way encloses the value; at its end, any true mark inside
// the value makes it not wholly known.
func builtinUnknown(whole bool) topdown.BuiltinFunc {
	return func(_ topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		if a, ok := ops[1].Value.(*ast.Array); ok && a.Len() == 0 {
			return iter(ast.InternedTerm(false))
		}
		mark, ok := at(member(ops[0], keyUnknown), ops[1], true)
		unknown := ok && (isTrue(mark) || !whole && holdsTrue(mark))
		return iter(ast.InternedTerm(unknown))
	}
}

// member is the member key of the object t, or nil.
func member(t *ast.Term, key *ast.Term) *ast.Term {
	if t == nil {
		return nil
	}
	if obj, ok := t.Value.(ast.Object); ok {
		return obj.Get(key)
	}
	return nil
}

// text is t's string, if t is one.
func text(t *ast.Term) (string, bool) {
	s, ok := termValue(t).(ast.String)
	return string(s), ok
}

// at follows path (a key or an array of keys and indexes) from t as
// object.get does, reporting whether the value there exists. With
// stopAtTrue, a true on the way is the result: a mark that encloses what
// the rest of the path names.
func at(t *ast.Term, path *ast.Term, stopAtTrue bool) (*ast.Term, bool) {
	step := func(key *ast.Term) bool {
		switch v := t.Value.(type) {
		case ast.Object:
			t = v.Get(key)
		case *ast.Array:
			n, ok := key.Value.(ast.Number)
			if !ok {
				return false
			}
			i, ok := n.Int()
			if !ok || i < 0 || i >= v.Len() {
				return false
			}
			t = v.Elem(i)
		default:
			return false
		}
		return t != nil
	}
	if t == nil {
		return nil, false
	}
	keys, ok := path.Value.(*ast.Array)
	if !ok {
		return t, step(path)
	}
	for i := range keys.Len() {
		if stopAtTrue && isTrue(t) {
			return t, true
		}
		if !step(keys.Elem(i)) {
			return nil, false
		}
	}
	return t, true
}

func isTrue(t *ast.Term) bool {
	b, ok := t.Value.(ast.Boolean)
	return ok && bool(b)
}

// holdsTrue is true when t is true or holds a true anywhere inside.
func holdsTrue(t *ast.Term) bool {
	switch v := t.Value.(type) {
	case ast.Boolean:
		return bool(v)
	case ast.Object:
		return v.Until(func(_, x *ast.Term) bool { return holdsTrue(x) })
	case *ast.Array:
		return v.Until(holdsTrue)
	}
	return false
}

// builtinResult is fiscguard.fail or fiscguard.inconclusive.
func builtinResult(status string) topdown.BuiltinFunc {
	statusTerm := ast.StringTerm(status)
	name := "fiscguard." + status
	return func(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		addr := member(ops[0], keyAddress)
		if addr == nil {
			return policyError(bctx, "%s: r has no address: it is not a resource or provider configuration", name)
		}
		message := ast.ObjectTerm(ast.Item(keyEn, ops[2]), ast.Item(keyJa, ops[3]))
		attrs, isArray := ops[1].Value.(*ast.Array)
		if !isArray {
			return iter(ast.ObjectTerm(ast.Item(keyResource, addr), ast.Item(keyAttribute, ops[1]),
				ast.Item(keyStatus, statusTerm), ast.Item(keyMessage, message)))
		}
		if attrs.Len() == 0 {
			return policyError(bctx, "%s: attr is an empty array: a result is about at least one attribute", name)
		}
		return iter(several(addr, attrs, statusTerm, message))
	}
}

// several is a result about one cause found in the attributes attrs,
// located at the first.
func several(addr *ast.Term, attrs *ast.Array, status, message *ast.Term) *ast.Term {
	return ast.ObjectTerm(ast.Item(keyResource, addr), ast.Item(keyAttribute, attrs.Elem(0)),
		ast.Item(keyAttributes, ast.NewTerm(attrs)), ast.Item(keyStatus, status), ast.Item(keyMessage, message))
}

// builtinOnePerResource is fiscguard.one_per_resource. Problems are taken
// in their order (a set's is sorted), grouped by address, and the groups
// reported in address order.
func builtinOnePerResource(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
	const name = "fiscguard.one_per_resource"
	var problems []*ast.Term
	switch v := ops[0].Value.(type) {
	case ast.Set:
		problems = v.Slice()
	case *ast.Array:
		problems = make([]*ast.Term, v.Len())
		for i := range problems {
			problems[i] = v.Elem(i)
		}
	}
	byAddress := map[string][]ast.Object{}
	for _, t := range problems {
		p, ok := t.Value.(ast.Object)
		addr, isString := text(member(member(t, keyResource), keyAddress))
		if !ok || !isString {
			return policyError(bctx, "%s: a problem's resource has no address (a problem is {\"resource\": r, ...})", name)
		}
		byAddress[addr] = append(byAddress[addr], p)
	}
	addresses := make([]string, 0, len(byAddress))
	for a := range byAddress {
		addresses = append(addresses, a)
	}
	sort.Strings(addresses)
	results := ast.NewSet()
	for _, addr := range addresses {
		worst := worstProblems(byAddress[addr])
		if len(worst) == 0 {
			continue
		}
		status := worst[0].Get(keyStatus)
		intro, ok := text(member(member(ops[1], status), keyEn))
		introJa, okJa := text(member(member(ops[1], status), keyJa))
		if !ok || !okJa {
			return policyError(bctx, "%s: intro has no English and Japanese text for %v", name, status)
		}
		var attrs []*ast.Term
		var en, ja []string
		for _, p := range worst {
			attr := p.Get(keyAttribute)
			pEn, okEn := text(p.Get(keyEn))
			pJa, okJa := text(p.Get(keyJa))
			if attr == nil || !okEn || !okJa {
				return policyError(bctx, "%s: a problem of %s lacks its attribute or its English and Japanese texts", name, addr)
			}
			if !slices.ContainsFunc(attrs, attr.Equal) {
				attrs = append(attrs, attr)
			}
			if !slices.Contains(en, pEn) {
				en = append(en, pEn)
			}
			if !slices.Contains(ja, pJa) {
				ja = append(ja, pJa)
			}
		}
		message := ast.ObjectTerm(
			ast.Item(keyEn, ast.StringTerm(fmt.Sprintf(intro, addr)+strings.Join(en, "; "))),
			ast.Item(keyJa, ast.StringTerm(fmt.Sprintf(introJa, addr)+strings.Join(ja, "、"))),
		)
		results.Add(several(ast.StringTerm(addr), ast.NewArray(attrs...), status, message))
	}
	return iter(ast.NewTerm(results))
}

// worstProblems are a resource's failing problems, else its inconclusive
// ones, in their order.
func worstProblems(ps []ast.Object) []ast.Object {
	for _, status := range []string{"fail", "inconclusive"} {
		var worst []ast.Object
		for _, p := range ps {
			if s, _ := text(p.Get(keyStatus)); s == status {
				worst = append(worst, p)
			}
		}
		if len(worst) > 0 {
			return worst
		}
	}
	return nil
}

// policyError stops evaluation at the call: a policy called a built-in
// with what it cannot mean (a built-in's plain error would only make the
// call undefined, and a rule silently find nothing).
func policyError(bctx topdown.BuiltinContext, format string, args ...any) error {
	return topdown.Halt{Err: &topdown.Error{Code: topdown.BuiltinErr, Message: fmt.Sprintf(format, args...), Location: bctx.Location}}
}
