package policy

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/fiscguard/fiscguard/engine/textpos"
)

// MaxValueSize bounds one value a built-in function builds for a policy:
// a policy, built-in or user, that asks for numbers.range(1, 1e9) or pads a
// string to a gigabyte stops with an error at the call instead of
// exhausting memory (Go cannot recover from that). It is the HCL
// evaluator's bound too.
const MaxValueSize = 64 << 20

// termCost is roughly what one element of an array costs in memory.
const termCost = 64

// budgeted are the built-ins whose result can be far larger than their
// operands, with an estimate of the result's size from the operands.
var budgeted = map[string]func(ops []*ast.Term) int64{
	"numbers.range":      func(ops []*ast.Term) int64 { return rangeCount(ops[0], ops[1], nil) * termCost },
	"numbers.range_step": func(ops []*ast.Term) int64 { return rangeCount(ops[0], ops[1], ops[2]) * termCost },
	"sprintf":            estimateSprintf,
	"concat":             estimateConcat,
	"replace":            func(ops []*ast.Term) int64 { return replaced(ops[0], ops[1], ops[2]) },
	"regex.replace":      func(ops []*ast.Term) int64 { return replaced(ops[0], nil, ops[2]) },
	"strings.replace_n":  estimateReplaceN,
}

var budgetOnce sync.Once

// enforceBudget puts the size estimate in front of the budgeted built-ins,
// once per process: past MaxValueSize the call halts evaluation with an
// error at its location, before anything is built.
func enforceBudget() {
	budgetOnce.Do(func() {
		for name, estimate := range budgeted {
			impl := topdown.GetBuiltin(name)
			if impl == nil {
				continue
			}
			topdown.RegisterBuiltinFunc(name, func(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
				if estimate(ops) > MaxValueSize {
					return topdown.Halt{Err: &topdown.Error{
						Code:     topdown.BuiltinErr,
						Message:  fmt.Sprintf("%s: the result would be larger than %d MiB, past what a policy can need", name, MaxValueSize>>20),
						Location: bctx.Location,
					}}
				}
				return impl(bctx, ops, iter)
			})
		}
	})
}

func termNumber(t *ast.Term) (*big.Float, bool) {
	if t == nil {
		return nil, false
	}
	n, ok := t.Value.(ast.Number)
	if !ok {
		return nil, false
	}
	f, ok := new(big.Float).SetString(string(n))
	return f, ok
}

// rangeCount is how many numbers numbers.range(_step) would make.
func rangeCount(from, to, step *ast.Term) int64 {
	a, okA := termNumber(from)
	b, okB := termNumber(to)
	if !okA || !okB {
		return 0
	}
	span := new(big.Float).Sub(b, a)
	span.Abs(span)
	if s, ok := termNumber(step); ok && s.Sign() > 0 {
		span.Quo(span, s)
	}
	n, _ := span.Float64()
	return int64(min(n+1, math.MaxInt64/termCost/2))
}

func estimateSprintf(ops []*ast.Term) int64 {
	n := textpos.FormatWidth(stringOf(ops[0]))
	if arr, ok := ops[1].Value.(*ast.Array); ok {
		arr.Foreach(func(t *ast.Term) { n += int64(len(stringOf(t))) + termCost })
	}
	return n
}

func estimateConcat(ops []*ast.Term) int64 {
	sep := int64(len(stringOf(ops[0])))
	var n int64
	add := func(t *ast.Term) { n += int64(len(stringOf(t))) + sep }
	switch c := ops[1].Value.(type) {
	case *ast.Array:
		c.Foreach(add)
	case ast.Set:
		c.Foreach(add)
	}
	return n
}

// replaced is the size of s with every match of old (any position when old
// is nil, a regular expression) replaced by repl.
func replaced(s, old, repl *ast.Term) int64 {
	text := stringOf(s)
	matches := int64(len(text) + 1)
	if o := stringOf(old); old != nil && o != "" {
		matches = int64(strings.Count(text, o))
	}
	return int64(len(text)) + matches*int64(len(stringOf(repl)))
}

func estimateReplaceN(ops []*ast.Term) int64 {
	obj, ok := ops[0].Value.(ast.Object)
	if !ok {
		return 0
	}
	text := stringOf(ops[1])
	n := int64(len(text))
	obj.Foreach(func(k, v *ast.Term) {
		if o := stringOf(k); o != "" {
			n += int64(strings.Count(text, o)) * int64(len(stringOf(v)))
		}
	})
	return n
}
