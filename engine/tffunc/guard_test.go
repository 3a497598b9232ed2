package tffunc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

const canary = "CANARY-4f2a-/.,:%{}"

// TestSensitiveArgumentsStayOutOfErrors calls every function with a
// sensitive canary in each position, in several shapes, beside ordinary
// values: whatever the function makes of it, no error repeats the canary.
func TestSensitiveArgumentsStayOutOfErrors(t *testing.T) {
	secret := func(v cty.Value) cty.Value { return v.Mark(Sensitive) }
	shapes := []cty.Value{
		secret(cty.StringVal(canary)),
		secret(cty.StringVal("10.0.0.0/" + canary)),
		secret(cty.ListVal([]cty.Value{cty.StringVal(canary)})),
		secret(cty.MapVal(map[string]cty.Value{canary: cty.StringVal(canary)})),
		cty.ObjectVal(map[string]cty.Value{"k": secret(cty.StringVal(canary))}),
		cty.TupleVal([]cty.Value{secret(cty.StringVal(canary))}),
	}
	fillers := []cty.Value{
		cty.StringVal("x"), cty.NumberIntVal(1), cty.NumberIntVal(300),
		cty.ListVal([]cty.Value{cty.StringVal("a")}), cty.MapVal(map[string]cty.Value{"a": cty.StringVal("b")}),
		cty.StringVal("2006-01-02T15:04:05Z"),
	}
	table := Table("testdata", "testdata")
	calls, failed := 0, 0
	for _, name := range Names() {
		f := table[name]
		n := len(f.Params())
		if f.VarParam() != nil {
			n++
		}
		for pos := 0; pos < n; pos++ {
			for _, shape := range shapes {
				for _, filler := range fillers {
					args := make([]cty.Value, n)
					for i := range args {
						args[i] = filler
					}
					args[pos] = shape
					calls++
					_, err := f.Call(args)
					if err == nil {
						continue
					}
					failed++
					if strings.Contains(err.Error(), "CANARY") {
						t.Errorf("%s(%s): error shows the sensitive value: %v", name, describeArgs(args), err)
					}
				}
			}
		}
	}
	t.Logf("%d calls with a sensitive argument, %d of them errors", calls, failed)
	// Through HCL, the error names the parameter and says why it is withheld.
	_, diags := eval(table, `tonumber(secret)`)
	if !diags.HasErrors() || !strings.Contains(diags.Error(), `Invalid value for "v" parameter: this sensitive value is not valid here`) || strings.Contains(diags.Error(), "s3cr3t") {
		t.Errorf("tonumber(secret): %v", diags)
	}
}

func describeArgs(args []cty.Value) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = a.Type().FriendlyName()
	}
	return strings.Join(parts, ", ")
}

// TestValueBudget: a call whose result would be far past any real
// configuration is an error before it is built; ordinary calls are not.
func TestValueBudget(t *testing.T) {
	vars := map[string]cty.Value{
		"big":   cty.StringVal(strings.Repeat("a", 100_000)),
		"eight": cty.StringVal(strings.Repeat("ab", 4<<20)),
		"list":  cty.ListVal(repeatValue(cty.StringVal("x"), 20_000)),
		"bigs":  cty.ListVal(repeatValue(cty.StringVal(strings.Repeat("a", 100_000)), 20_000)),
		// 200 × 200 strings of 10 KB: past the budget, yet quick to walk
		// (go-cty walks every argument of every call in full).
		"lists": cty.ListVal(repeatValue(cty.ListVal(repeatValue(cty.StringVal(strings.Repeat("a", 10_000)), 200)), 200)),
		"bomb":  cty.StringVal(yamlBomb(9)),
	}
	funcs := Table("testdata", "testdata")
	evalVars := func(src string) (cty.Value, hcl.Diagnostics) {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "test.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			return cty.NilVal, diags
		}
		return expr.Value(&hcl.EvalContext{Variables: vars, Functions: funcs})
	}
	for _, src := range []string{
		`join("", bigs)`, // 2 GB
		`format("%999999999d", 1)`,
		`formatlist("%-9999999s", list)`,
		`formatlist("%99999999999999999999d%99999999999999999999d", list)`,
		`setproduct(list, list, list)`,
		`yamldecode(bomb)`, // a billion laughs
		`split("", eight)`,
		`replace(big, "a", big)`,
		`indent(100000000, "a\nb\nc")`,
		`flatten(lists)`,
		`concat(lists...)`,
		`jsonencode(bigs)`,
		`regexall("((((((((((a))))))))))", eight)`,
	} {
		_, diags := evalVars(src)
		if be, _ := BudgetErrorOf(diags); be == nil || !strings.Contains(diags.Error(), "would be larger than 64 MiB") {
			t.Errorf("%s: %v, want a budget error", src, diags)
		}
	}
	for _, src := range []string{
		`join(",", list)`, `range(1000)`, `setproduct(range(100), range(100))`, `yamldecode("a: &x [1, 2]\nb: *x\n")`,
		`format("%05d", 42)`, `replace(big, "a", "bb")`, `flatten([list, list])`, `jsonencode(list)`,
	} {
		if _, diags := evalVars(src); diags.HasErrors() {
			t.Errorf("%s: %v", src, diags)
		}
	}
}

func repeatValue(v cty.Value, n int) []cty.Value {
	out := make([]cty.Value, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// yamlBomb is a YAML document of levels anchors, each nine aliases of the
// one before: 9^levels strings once expanded.
func yamlBomb(levels int) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n")
	for i := 1; i < levels; i++ {
		prev := fmt.Sprintf("*l%d", i-1)
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.Join(strings.Split(strings.Repeat(prev, 9), "*")[1:], ",*"))
	}
	return strings.ReplaceAll(b.String(), "[l", "[*l")
}

// TestTemplatesCannotRecurse: templatestring inside a template is refused
// as Terraform refuses it, and a template nested past the parser's limit is
// an error, not a stack overflow.
func TestTemplatesCannotRecurse(t *testing.T) {
	funcs := Table("testdata", "testdata")
	runCases(t, funcs, []exprCase{
		{expr: `templatestring("$${templatestring(t, {t = t})}", {t = "$${templatestring(t, {t = t})}"})`, err: "cannot recursively call templatestring from inside another template function"},
		{expr: `templatestring("$${upper(\"a\")}", {})`, want: cty.StringVal("A")},
		{expr: `templatestring(join("", [for i in range(1000) : "$${-$${-"]), {})`, err: "brackets or operators are nested more than 1000 deep"},
	})
}
