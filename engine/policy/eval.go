package policy

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Options select and tune the rules of one scan.
type Options struct {
	Profile rule.Profile
	// Params is data.fiscguard.params, already resolved (see rule.ParamSpecs.Resolve).
	Params map[string]any
	// Only, when set, keeps just the rules whose IDs it holds.
	Only map[string]bool
	// Timeout bounds one evaluation, so a costly policy cannot hang CI
	// (DefaultTimeout when zero).
	Timeout time.Duration
	// Parallel is how many package directories are evaluated at once
	// (GOMAXPROCS when zero).
	Parallel int
}

// DefaultTimeout bounds a policy evaluation when Options.Timeout is zero.
const DefaultTimeout = 2 * time.Minute

// Query is the set's rules prepared once for one profile and parameter set.
type Query struct {
	// units are the rules of each package directory (aws.s3, aws.rds), one
	// query each: the rules of a directory share helpers, which one query
	// computes once. Units are evaluated concurrently over one input.
	units   []unit
	rules   []*rule.Rule
	timeout time.Duration
	workers int
}

type unit struct {
	prepared rego.PreparedEvalQuery
	rules    []*rule.Rule
}

// Rules returns the rules the query evaluates.
func (q *Query) Rules() []*rule.Rule { return q.rules }

// Prepare builds the queries that evaluate every rule of the profile once,
// so Rego is compiled and planned once per scan: one query per package
// directory.
func (s *Set) Prepare(ctx context.Context, opts Options) (*Query, error) {
	var rules []*rule.Rule
	for _, r := range s.rules {
		if opts.Profile.Includes(r.Profile) && (opts.Only == nil || opts.Only[r.ID]) {
			rules = append(rules, r)
		}
	}
	if len(rules) == 0 {
		return &Query{}, nil
	}
	params := opts.Params
	if params == nil {
		params = map[string]any{}
	}
	store := inmem.NewFromObject(map[string]any{
		"fiscguard": map[string]any{"params": params, "profile": string(opts.Profile)},
	})
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	workers := opts.Parallel
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	q := &Query{rules: rules, timeout: timeout, workers: workers}
	for _, dir := range directories(rules) {
		body := ast.Body{}
		for i, r := range dir {
			ref, err := ast.ParseRef("data." + r.Package + ".deny")
			if err != nil {
				return nil, fmt.Errorf("rule %s: %w", r.ID, err)
			}
			body.Append(ast.Equality.Expr(ast.VarTerm(fmt.Sprintf("r%d", i)), ast.NewTerm(ref)))
		}
		pq, err := rego.New(
			rego.Compiler(s.compiler),
			rego.Store(store),
			rego.ParsedQuery(body),
		).PrepareForEval(ctx)
		if err != nil {
			return nil, firstError(err)
		}
		q.units = append(q.units, unit{prepared: pq, rules: dir})
	}
	return q, nil
}

// directories groups rules by package directory, in order.
func directories(rules []*rule.Rule) [][]*rule.Rule {
	var dirs [][]*rule.Rule
	index := map[string]int{}
	for _, r := range rules {
		dir := r.Package[:max(strings.LastIndex(r.Package, "."), 0)]
		i, ok := index[dir]
		if !ok {
			i = len(dirs)
			index[dir] = i
			dirs = append(dirs, nil)
		}
		dirs[i] = append(dirs[i], r)
	}
	return dirs
}

// Input is a document converted into the input document policies see:
// what Query.EvalInput evaluates. It holds all the document's values, so
// the document's own may be dropped.
type Input struct {
	value ast.Value
	// perType counts the resources of each type, and "*" all of them: a
	// rule's cost grows with the resources of its types.
	perType map[string]int
}

// NewInput converts doc.
func NewInput(doc *model.Document) (*Input, error) {
	value, err := inputValue(doc)
	if err != nil {
		return nil, err
	}
	perType := map[string]int{"*": len(doc.Resources)}
	for i := range doc.Resources {
		perType[doc.Resources[i].Type]++
	}
	return &Input{value: value, perType: perType}, nil
}

// Eval evaluates every rule once over the document (see EvalInput).
func (q *Query) Eval(ctx context.Context, doc *model.Document) ([]rule.Result, error) {
	in, err := NewInput(doc)
	if err != nil {
		return nil, err
	}
	return q.EvalInput(ctx, in)
}

// EvalInput evaluates every rule once over the input, Options.Parallel
// directories at a time, the heaviest first so that no core is left with
// a large one at the end; results come in the order of the directories,
// each rule's in OPA's order, however they were scheduled.
func (q *Query) EvalInput(ctx context.Context, in *Input) ([]rule.Result, error) {
	if len(q.rules) == 0 {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, q.timeout)
	defer cancel()
	results := make([][]rule.Result, len(q.units))
	errs := make([]error, len(q.units))
	next := make(chan int, len(q.units))
	for _, i := range q.heaviestFirst(in) {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(q.workers, len(q.units)) {
		wg.Go(func() {
			for i := range next {
				results[i], errs[i] = q.units[i].eval(ctx, in.value)
			}
		})
	}
	wg.Wait()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("policy evaluation took longer than %s and was stopped: a policy is too costly for this input", q.timeout)
	}
	var out []rule.Result
	for i := range q.units {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out = append(out, results[i]...)
	}
	return out, nil
}

// heaviestFirst orders the units by how many resources their rules judge
// in the input, most first.
func (q *Query) heaviestFirst(in *Input) []int {
	weight := make([]int, len(q.units))
	order := make([]int, len(q.units))
	for i, u := range q.units {
		order[i] = i
		for _, r := range u.rules {
			for _, t := range r.ResourceTypes {
				weight[i] += in.perType[t]
			}
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return weight[order[a]] > weight[order[b]] })
	return order
}

// eval evaluates one unit; the input is only read, so the units can share
// it.
func (p *unit) eval(ctx context.Context, input ast.Value) ([]rule.Result, error) {
	rs, err := p.prepared.Eval(ctx, rego.EvalParsedInput(input), rego.EvalGenerateJSON(asTerm))
	if err != nil {
		return nil, firstError(err)
	}
	if len(rs) != 1 {
		return nil, fmt.Errorf("policy query gave %d result sets, want 1", len(rs))
	}
	var out []rule.Result
	for i, r := range p.rules {
		var set ast.Set
		if t, ok := rs[0].Bindings[fmt.Sprintf("r%d", i)].(*ast.Term); ok {
			set, _ = t.Value.(ast.Set)
		}
		if set == nil {
			return nil, fmt.Errorf("rule %s: deny is not a set", r.ID)
		}
		err := set.Iter(func(v *ast.Term) error {
			res, err := decodeResult(r, v)
			out = append(out, res)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// asTerm hands OPA's result values over as they are: decodeResult reads
// them directly, without converting thousands of results to Go values
// first.
func asTerm(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil }

// decodeResult reads one deny value, as built by fiscguard.fail or
// .inconclusive (a bare string message is accepted for Conftest-style rules).
func decodeResult(r *rule.Rule, v *ast.Term) (rule.Result, error) {
	res := rule.Result{Rule: r, Status: rule.StatusFail}
	obj, ok := v.Value.(ast.Object)
	if !ok {
		return res, fmt.Errorf("rule %s: deny result %v is not an object built with fiscguard.fail", r.ID, v)
	}
	str := func(k *ast.Term) string { return stringOf(obj.Get(k)) }
	strs := func(k *ast.Term) []string {
		vs, ok := termValue(obj.Get(k)).(*ast.Array)
		if !ok {
			return nil
		}
		var out []string
		for i := range vs.Len() {
			if s, ok := vs.Elem(i).Value.(ast.String); ok {
				out = append(out, string(s))
			}
		}
		return out
	}
	res.Address, res.Attribute, res.Owner = str(keyResource), str(keyAttribute), str(keyOwner)
	res.Attributes, res.Resources = strs(keyAttributes), strs(keyResources)
	if res.Address == "" {
		return res, fmt.Errorf("rule %s: deny result has no resource address", r.ID)
	}
	if res.Owner == r.ID {
		return res, fmt.Errorf("rule %s: a deny result cannot name its own rule as the owner of its cause", r.ID)
	}
	if s := str(keyStatus); s != "" {
		if s != rule.StatusFail && s != rule.StatusInconclusive {
			return res, fmt.Errorf("rule %s: deny result status %q is not fail or inconclusive", r.ID, s)
		}
		res.Status = s
	}
	switch m := termValue(obj.Get(keyMessage)).(type) {
	case ast.String:
		res.Message = i18n.Text{En: string(m)}
	case ast.Object:
		res.Message = i18n.Text{En: stringOf(m.Get(keyEn)), Ja: stringOf(m.Get(keyJa))}
	}
	if res.Message.En == "" {
		res.Message.En = r.Title.En
	}
	return res, nil
}

// termValue is t's value, nil for no term.
func termValue(t *ast.Term) ast.Value {
	if t == nil {
		return nil
	}
	return t.Value
}

// stringOf is t's string, "" when t is not one.
func stringOf(t *ast.Term) string {
	s, _ := text(t)
	return s
}
