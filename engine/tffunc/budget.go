package tffunc

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/goccy/go-yaml/parser"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/textpos"
	"github.com/fiscguard/fiscguard/engine/yamlfile"
)

// MaxValueSize bounds one value that a function builds or an expression
// yields, measured by ValueSize. No real configuration comes near it; one
// that multiplies a value (a join into gigabytes, a string doubled forty
// times, a YAML alias bomb, a setproduct of large sets) stops with an input
// error at the call instead of exhausting memory.
const MaxValueSize = 64 << 20

// elementCost is roughly what an element or attribute costs in memory.
const elementCost = 64

// BudgetError is a value past MaxValueSize.
type BudgetError struct{ What string }

func (e *BudgetError) Error() string {
	return fmt.Sprintf("%s would be larger than %s, past what a configuration can need", e.What, inputfile.Size(MaxValueSize))
}

// BudgetErrorOf finds a *BudgetError among the errors that function calls
// returned to an evaluation (HCL keeps them beside its diagnostics).
func BudgetErrorOf(diags hcl.Diagnostics) (*BudgetError, *hcl.Range) {
	for _, d := range diags {
		extra, ok := hcl.DiagnosticExtra[hclsyntax.FunctionCallDiagExtra](d)
		var be *BudgetError
		if ok && errors.As(extra.FunctionCallError(), &be) {
			return be, d.Subject
		}
	}
	return nil, nil
}

// ValueSize measures a value: the bytes of its strings plus elementCost
// per element and attribute, counting a value as often as it appears. It
// stops once past limit, so measuring costs at most the limit.
func ValueSize(v cty.Value, limit int64) int64 {
	var size int64
	var walk func(v cty.Value)
	walk = func(v cty.Value) {
		v, _ = v.Unmark()
		if size > limit || !v.IsKnown() || v.IsNull() {
			return
		}
		ty := v.Type()
		switch {
		case ty == cty.String:
			size += int64(len(v.AsString()))
		case ty.IsPrimitiveType():
			size += 8
		case ty.IsCollectionType() || ty.IsTupleType() || ty.IsObjectType():
			keyed := ty.IsMapType() || ty.IsObjectType()
			for it := v.ElementIterator(); it.Next() && size <= limit; {
				k, e := it.Element()
				size += elementCost
				if keyed {
					size += int64(len(k.AsString()))
				}
				walk(e)
			}
		}
	}
	walk(v)
	return size
}

// CheckValue is a *BudgetError naming what when v is past MaxValueSize.
func CheckValue(v cty.Value, what string) error {
	if ValueSize(v, MaxValueSize) > MaxValueSize {
		return &BudgetError{What: what}
	}
	return nil
}

// estimates say, before a call, how large its result would be, for the
// functions whose result can be far larger than their arguments. Each
// costs no more than reading its arguments' top level (or, for encoders,
// measuring the argument, which stops at the budget).
var estimates = map[string]func(args []cty.Value) int64{
	"join":       estimateJoin,
	"format":     estimateFormat,
	"formatlist": estimateFormatList,
	"replace":    estimateReplace,
	"indent":     estimateIndent,
	"split":      estimateSplit,
	"setproduct": estimateSetProduct,
	"regexall":   estimateRegexAll,
	"concat":     sizeOfArgs,
	"merge":      sizeOfArgs,
	"setunion":   sizeOfArgs,
	"flatten":    sizeOfArgs,
	"zipmap":     sizeOfArgs,
	"chunklist":  func(args []cty.Value) int64 { return 2 * sizeOfArgs(args) },
	"transpose":  func(args []cty.Value) int64 { return 2 * sizeOfArgs(args) },
	// Encoders write every string of their argument, escaped.
	"jsonencode":       func(args []cty.Value) int64 { return 2 * sizeOfArgs(args) },
	"yamlencode":       func(args []cty.Value) int64 { return 2 * sizeOfArgs(args) },
	"base64encode":     func(args []cty.Value) int64 { return 2 * sizeOfArgs(args) },
	"base64gzip":       func(args []cty.Value) int64 { return 2 * sizeOfArgs(args) },
	"textencodebase64": func(args []cty.Value) int64 { return 3 * sizeOfArgs(args) },
	"urlencode":        func(args []cty.Value) int64 { return 3 * sizeOfArgs(args) },
	// Decoders make an element of every separator.
	"jsondecode": func(args []cty.Value) int64 { return separators(args, "[{,:") },
	"csvdecode":  func(args []cty.Value) int64 { return separators(args, ",\n") },
	"yamldecode": estimateYAML,
}

// known returns v without its own marks (those of its elements stay: a
// deep unmark would copy it all) when it is known and not null.
func known(v cty.Value) (cty.Value, bool) {
	v, _ = v.Unmark()
	return v, v.IsKnown() && !v.IsNull()
}

func knownString(v cty.Value) (string, bool) {
	v, ok := known(v)
	if !ok || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

func length(v cty.Value) int64 {
	v, ok := known(v)
	if !ok || !v.CanIterateElements() {
		return 0
	}
	return int64(v.LengthInt())
}

// sizeOfArgs is the size of all arguments, stopping past the budget: what
// a result holding all of them costs (their elements are shared, but a
// value's size counts every place it appears).
func sizeOfArgs(args []cty.Value) int64 {
	var n int64
	for _, a := range args {
		if n += ValueSize(a, MaxValueSize-n); n > MaxValueSize {
			break
		}
	}
	return n
}

func estimateJoin(args []cty.Value) int64 {
	sep, _ := knownString(args[0])
	var n, count int64
	for _, list := range args[1:] {
		list, ok := known(list)
		if !ok || !list.CanIterateElements() {
			continue
		}
		for it := list.ElementIterator(); it.Next(); {
			_, e := it.Element()
			s, _ := knownString(e)
			n += int64(len(s))
			count++
		}
	}
	return n + count*int64(len(sep))
}

func estimateFormat(args []cty.Value) int64 {
	f, _ := knownString(args[0])
	return textpos.FormatWidth(f) + sizeOfArgs(args[1:])
}

func estimateFormatList(args []cty.Value) int64 {
	f, _ := knownString(args[0])
	rows, scalars := int64(1), int64(0)
	for _, a := range args[1:] {
		if v, ok := known(a); ok && (v.Type().IsListType() || v.Type().IsTupleType() || v.Type().IsSetType()) {
			rows = max(rows, int64(v.LengthInt()))
		} else {
			scalars += ValueSize(a, MaxValueSize)
		}
	}
	row := textpos.FormatWidth(f) + scalars + elementCost
	if row > MaxValueSize {
		return row // and rows times it would overflow
	}
	return rows*row + sizeOfArgs(args[1:])
}

func estimateReplace(args []cty.Value) int64 {
	s, _ := knownString(args[0])
	sub, _ := knownString(args[1])
	repl, _ := knownString(args[2])
	matches := int64(len(s) + 1) // a regular expression may match anywhere
	if !(strings.HasPrefix(sub, "/") && strings.HasSuffix(sub, "/") && len(sub) > 1) && sub != "" {
		matches = int64(strings.Count(s, sub))
	}
	return int64(len(s)) + matches*int64(len(repl))
}

func estimateIndent(args []cty.Value) int64 {
	s, _ := knownString(args[1])
	n := int64(0)
	if v, ok := known(args[0]); ok && v.Type() == cty.Number {
		f, _ := v.AsBigFloat().Float64()
		n = int64(min(max(f, 0), math.MaxInt32))
	}
	return int64(len(s)) + int64(strings.Count(s, "\n")+1)*n
}

func estimateSplit(args []cty.Value) int64 {
	sep, _ := knownString(args[0])
	s, _ := knownString(args[1])
	parts := int64(len(s) + 1)
	if sep != "" {
		parts = int64(strings.Count(s, sep) + 1)
	}
	return int64(len(s)) + parts*elementCost
}

func estimateSetProduct(args []cty.Value) int64 {
	product := int64(1)
	for _, a := range args {
		n := length(a)
		if n == 0 {
			return 0
		}
		if product > MaxValueSize/n {
			return math.MaxInt64
		}
		product *= n
	}
	return product * int64(len(args)+1) * elementCost
}

func estimateRegexAll(args []cty.Value) int64 {
	pattern, _ := knownString(args[0])
	s, _ := knownString(args[1])
	groups := int64(strings.Count(pattern, "(") + 1)
	return int64(len(s)+1) * groups * elementCost
}

// separators estimates a decoded document: an element for every byte
// that can start or separate one.
func separators(args []cty.Value, seps string) int64 {
	s, _ := knownString(args[0])
	n := int64(len(s))
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(seps, s[i]) >= 0 {
			n += elementCost
		}
	}
	return n
}

// estimateYAML counts the nodes a YAML document decodes into with its
// aliases expanded (a "billion laughs" document is small until they are).
func estimateYAML(args []cty.Value) int64 {
	s, ok := knownString(args[0])
	if !ok {
		return 0
	}
	f, err := parser.ParseBytes([]byte(s), 0)
	if err != nil {
		return int64(len(s)) // the decoder reports the error
	}
	return yamlfile.ExpandedNodes(f, MaxValueSize/elementCost)*elementCost + int64(len(s))
}
