package policy

import (
	"context"
	"errors"
	"fmt"
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
}

// DefaultTimeout bounds a policy evaluation when Options.Timeout is zero.
const DefaultTimeout = 2 * time.Minute

// Query is the set's rules prepared once for one profile and parameter set.
type Query struct {
	prepared rego.PreparedEvalQuery
	rules    []*rule.Rule
	timeout  time.Duration
}

// Rules returns the rules the query evaluates.
func (q *Query) Rules() []*rule.Rule { return q.rules }

// Prepare builds one query that evaluates every rule of the profile in a
// single pass, so Rego is compiled and planned once per scan.
func (s *Set) Prepare(ctx context.Context, opts Options) (*Query, error) {
	var rules []*rule.Rule
	body := ast.Body{}
	for _, r := range s.rules {
		if !opts.Profile.Includes(r.Profile) || (opts.Only != nil && !opts.Only[r.ID]) {
			continue
		}
		ref, err := ast.ParseRef("data." + r.Package + ".deny")
		if err != nil {
			return nil, fmt.Errorf("rule %s: %w", r.ID, err)
		}
		body.Append(ast.Equality.Expr(ast.VarTerm(fmt.Sprintf("r%d", len(rules))), ast.NewTerm(ref)))
		rules = append(rules, r)
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
	pq, err := rego.New(
		rego.Compiler(s.compiler),
		rego.Store(store),
		rego.ParsedQuery(body),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, firstError(err)
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	return &Query{prepared: pq, rules: rules, timeout: timeout}, nil
}

// Eval evaluates every rule once over the document.
func (q *Query) Eval(ctx context.Context, doc *model.Document) ([]rule.Result, error) {
	if len(q.rules) == 0 {
		return nil, nil
	}
	input, err := inputValue(doc)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, q.timeout)
	defer cancel()
	rs, err := q.prepared.Eval(ctx, rego.EvalParsedInput(input))
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("policy evaluation took longer than %s and was stopped: a policy is too costly for this input", q.timeout)
	}
	if err != nil {
		return nil, firstError(err)
	}
	if len(rs) != 1 {
		return nil, fmt.Errorf("policy query gave %d result sets, want 1", len(rs))
	}
	var out []rule.Result
	for i, r := range q.rules {
		set, ok := rs[0].Bindings[fmt.Sprintf("r%d", i)].([]any)
		if !ok {
			return nil, fmt.Errorf("rule %s: deny is not a set", r.ID)
		}
		for _, v := range set {
			res, err := decodeResult(r, v)
			if err != nil {
				return nil, err
			}
			out = append(out, res)
		}
	}
	return out, nil
}

// decodeResult reads one deny value, as built by data.fiscguard.lib.fail or
// .inconclusive (a bare string message is accepted for Conftest-style rules).
func decodeResult(r *rule.Rule, v any) (rule.Result, error) {
	res := rule.Result{Rule: r, Status: rule.StatusFail}
	obj, ok := v.(map[string]any)
	if !ok {
		return res, fmt.Errorf("rule %s: deny result %v is not an object built with data.fiscguard.lib.fail", r.ID, v)
	}
	str := func(k string) string { s, _ := obj[k].(string); return s }
	strs := func(k string) []string {
		vs, _ := obj[k].([]any)
		var out []string
		for _, v := range vs {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	res.Address, res.Attribute, res.Owner = str("resource"), str("attribute"), str("owner")
	res.Attributes, res.Resources = strs("attributes"), strs("resources")
	if res.Address == "" {
		return res, fmt.Errorf("rule %s: deny result has no resource address", r.ID)
	}
	if res.Owner == r.ID {
		return res, fmt.Errorf("rule %s: a deny result cannot name its own rule as the owner of its cause", r.ID)
	}
	if s := str("status"); s != "" {
		if s != rule.StatusFail && s != rule.StatusInconclusive {
			return res, fmt.Errorf("rule %s: deny result status %q is not fail or inconclusive", r.ID, s)
		}
		res.Status = s
	}
	switch m := obj["message"].(type) {
	case string:
		res.Message = i18n.Text{En: m}
	case map[string]any:
		res.Message.En, _ = m["en"].(string)
		res.Message.Ja, _ = m["ja"].(string)
	}
	if res.Message.En == "" {
		res.Message.En = r.Title.En
	}
	return res, nil
}
