package policy

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
)

// Result statuses.
const (
	StatusFail         = "fail"
	StatusInconclusive = "inconclusive"
)

// Result is one deny result of one rule.
type Result struct {
	Rule      *Rule
	Address   string
	Attribute string
	Status    string
	Message   i18n.Text
}

// Options select and tune the rules of one scan.
type Options struct {
	Profile Profile
	// Params is data.fiscguard.params, already resolved (see ResolveParams).
	Params map[string]any
}

// Query is the set's rules prepared once for one profile and parameter set.
type Query struct {
	prepared rego.PreparedEvalQuery
	rules    []*Rule
}

// Rules returns the rules the query evaluates.
func (q *Query) Rules() []*Rule { return q.rules }

// Prepare builds one query that evaluates every rule of the profile in a
// single pass, so Rego is compiled and planned once per scan.
func (s *Set) Prepare(ctx context.Context, opts Options) (*Query, error) {
	var rules []*Rule
	body := ast.Body{}
	for _, r := range s.rules {
		if !opts.Profile.Includes(r.Profile) {
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
	return &Query{prepared: pq, rules: rules}, nil
}

// Eval evaluates every rule once over the document.
func (q *Query) Eval(ctx context.Context, doc *model.Document) ([]Result, error) {
	if len(q.rules) == 0 {
		return nil, nil
	}
	input, err := InputValue(doc)
	if err != nil {
		return nil, err
	}
	rs, err := q.prepared.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, firstError(err)
	}
	if len(rs) != 1 {
		return nil, fmt.Errorf("policy query gave %d result sets, want 1", len(rs))
	}
	var out []Result
	for i, rule := range q.rules {
		set, ok := rs[0].Bindings[fmt.Sprintf("r%d", i)].([]any)
		if !ok {
			return nil, fmt.Errorf("rule %s: deny is not a set", rule.ID)
		}
		for _, v := range set {
			res, err := decodeResult(rule, v)
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
func decodeResult(rule *Rule, v any) (Result, error) {
	res := Result{Rule: rule, Status: StatusFail}
	obj, ok := v.(map[string]any)
	if !ok {
		return res, fmt.Errorf("rule %s: deny result %v is not an object built with data.fiscguard.lib.fail", rule.ID, v)
	}
	str := func(k string) string { s, _ := obj[k].(string); return s }
	res.Address, res.Attribute = str("resource"), str("attribute")
	if res.Address == "" {
		return res, fmt.Errorf("rule %s: deny result has no resource address", rule.ID)
	}
	if s := str("status"); s != "" {
		if s != StatusFail && s != StatusInconclusive {
			return res, fmt.Errorf("rule %s: deny result status %q is not fail or inconclusive", rule.ID, s)
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
		res.Message.En = rule.Title.En
	}
	return res, nil
}

// InputValue converts the document into the OPA input value directly,
// without a JSON round trip.
func InputValue(doc *model.Document) (ast.Value, error) {
	providers := make([]any, len(doc.Providers))
	for i, p := range doc.Providers {
		providers[i] = map[string]any{"key": p.Key, "name": p.Name, "alias": p.Alias, "module": p.Module, "region": p.Region}
	}
	resources := make([]any, len(doc.Resources))
	for i := range doc.Resources {
		resources[i] = resourceMap(&doc.Resources[i])
	}
	return ast.InterfaceToValue(map[string]any{
		"kind":              doc.Kind,
		"terraform_version": doc.TerraformVersion,
		"complete":          doc.Complete,
		"errored":           doc.Errored,
		"providers":         providers,
		"resources":         resources,
	})
}

func resourceMap(r *model.Resource) map[string]any {
	actions := make([]any, len(r.Actions))
	for i, a := range r.Actions {
		actions[i] = a
	}
	refs := make(map[string]any, len(r.Refs))
	for k, v := range r.Refs {
		refs[k] = v
	}
	m := map[string]any{
		"address":        r.Address,
		"config_address": r.ConfigAddress,
		"module":         r.Module,
		"mode":           r.Mode,
		"type":           r.Type,
		"name":           r.Name,
		"index":          r.Index,
		"provider":       r.Provider,
		"region":         r.Region,
		"actions":        actions,
		"values":         orEmpty(r.Values),
		"unknown":        orEmpty(r.Unknown),
		"refs":           refs,
	}
	return m
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
