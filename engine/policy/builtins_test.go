package policy

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// evalBuiltin evaluates one expression calling the fiscguard built-ins
// with r bound to a resource whose values and marks are given.
func evalBuiltin(t *testing.T, expr string) (ast.Value, error) {
	t.Helper()
	r := `{"address": "aws_x.a",
		"values": {"encrypted": true, "kms": null, "rule": [{"days": 7, "tags": ["a"]}], "name": "n"},
		"unknown": {"rule": [{"days": false, "tags": [false, true]}], "policy": true, "name": false},
		"refs": {"kms": ["aws_kms_key.k"], "name": []}}`
	rs, err := rego.New(rego.Query("r := "+r+"; x := "+expr), rego.Capabilities(capabilities())).Eval(context.Background())
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, nil
	}
	return ast.MustInterfaceToValue(rs[0].Bindings["x"]), nil
}

func TestValueUnknownAndRefersBuiltins(t *testing.T) {
	for _, tt := range []struct{ expr, want string }{
		{`fiscguard.value(r, "encrypted", false)`, `true`},
		{`fiscguard.value(r, ["rule", 0, "days"], 0)`, `7`},
		{`fiscguard.value(r, "kms", "default")`, `"default"`},                // null
		{`fiscguard.value(r, "absent", "default")`, `"default"`},             // absent
		{`fiscguard.value(r, ["rule", 1, "days"], 0)`, `0`},                  // past the end
		{`fiscguard.value(r, ["rule", "x"], 0)`, `0`},                        // a key into a list
		{`fiscguard.value(r, ["encrypted", "x"], 0)`, `0`},                   // into a scalar
		{`fiscguard.value({"address": "p"}, "region", "d")`, `"d"`},          // no values
		{`fiscguard.value(r, [], 0).name`, `"n"`},                            // the whole values, as object.get
		{`fiscguard.unknown(r, "policy")`, `true`},                           // marked itself
		{`fiscguard.unknown(r, ["policy", "Statement", 0])`, `true`},         // enclosed by a mark
		{`fiscguard.unknown(r, "rule")`, `true`},                             // holds a marked element
		{`fiscguard.unknown(r, ["rule", 0, "tags"])`, `true`},                // the same, deeper
		{`fiscguard.unknown(r, ["rule", 0, "tags", 0])`, `false`},            // a known element
		{`fiscguard.unknown(r, ["rule", 0, "days"])`, `false`},               // known beside an unknown
		{`fiscguard.unknown(r, "name")`, `false`},                            // marked false
		{`fiscguard.unknown(r, "encrypted")`, `false`},                       // no mark
		{`fiscguard.unknown(r, [])`, `false`},                                // no path
		{`fiscguard.unknown({"address": "p"}, "x")`, `false`},                // no marks
		{`fiscguard.wholly_unknown(r, "policy")`, `true`},                    // marked itself
		{`fiscguard.wholly_unknown(r, ["policy", "Statement"])`, `true`},     // enclosed
		{`fiscguard.wholly_unknown(r, "rule")`, `false`},                     // only elements are
		{`fiscguard.wholly_unknown(r, ["rule", 0, "tags", 1])`, `true`},      // that element
		{`fiscguard.wholly_unknown(r, ["rule", 0, "tags", 1, "x"])`, `true`}, // inside it
		{`fiscguard.wholly_unknown(r, [])`, `false`},
		{`fiscguard.refers(r, "kms")`, `true`},
		{`fiscguard.refers(r, "name")`, `false`},               // refers to nothing
		{`fiscguard.refers(r, "encrypted")`, `false`},          // no refs
		{`fiscguard.refers({"address": "p"}, "kms")`, `false`}, // no refs at all
	} {
		got, err := evalBuiltin(t, tt.expr)
		if err != nil {
			t.Errorf("%s: %v", tt.expr, err)
			continue
		}
		if got == nil || got.String() != tt.want {
			t.Errorf("%s = %v, want %s", tt.expr, got, tt.want)
		}
	}
}

func TestResultBuiltins(t *testing.T) {
	for _, tt := range []struct{ expr, want string }{
		{`fiscguard.fail(r, "encrypted", "e", "j")`,
			`{"attribute": "encrypted", "message": {"en": "e", "ja": "j"}, "resource": "aws_x.a", "status": "fail"}`},
		{`fiscguard.inconclusive(r, "", "e", "j")`,
			`{"attribute": "", "message": {"en": "e", "ja": "j"}, "resource": "aws_x.a", "status": "inconclusive"}`},
		{`fiscguard.fail(r, ["a", "b"], "e", "j")`,
			`{"attribute": "a", "attributes": ["a", "b"], "message": {"en": "e", "ja": "j"}, "resource": "aws_x.a", "status": "fail"}`},
	} {
		got, err := evalBuiltin(t, tt.expr)
		if err != nil || got == nil || got.String() != tt.want {
			t.Errorf("%s = %v (%v), want %s", tt.expr, got, err, tt.want)
		}
	}
}

// TestBuiltinsStopAtMisuse: a call that cannot mean anything stops the
// evaluation at the call, instead of making a rule silently find nothing.
func TestBuiltinsStopAtMisuse(t *testing.T) {
	for _, tt := range []struct{ expr, want string }{
		{`fiscguard.fail(r, [], "e", "j")`, "fiscguard.fail: attr is an empty array"},
		{`fiscguard.inconclusive({"values": {}}, "x", "e", "j")`, "fiscguard.inconclusive: r has no address"},
		{`fiscguard.one_per_resource({{"resource": {}, "attribute": "a", "status": "fail", "en": "e", "ja": "j"}}, {})`,
			"fiscguard.one_per_resource: a problem's resource has no address"},
		{`fiscguard.one_per_resource({{"resource": r, "attribute": "a", "status": "fail", "en": "e", "ja": "j"}}, {"inconclusive": {"en": "%s", "ja": "%s"}})`,
			`fiscguard.one_per_resource: intro has no English and Japanese text for "fail"`},
		{`fiscguard.one_per_resource([{"resource": r, "attribute": "a", "status": "fail", "en": "e"}], {"fail": {"en": "%s", "ja": "%s"}})`,
			"fiscguard.one_per_resource: a problem of aws_x.a lacks its attribute or its English and Japanese texts"},
	} {
		_, err := evalBuiltin(t, tt.expr)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.expr, err, tt.want)
		}
	}
}

func TestBuiltinHint(t *testing.T) {
	for msg, want := range map[string]string{
		"undefined function data.fiscguard.lib.value": " (it is the built-in function fiscguard.value)",
		"undefined function data.fiscguard.lib.fail":  " (it is the built-in function fiscguard.fail)",
		"undefined function data.fiscguard.lib.nope":  "",
		"undefined function data.bank.value":          "",
	} {
		if got := builtinHint(msg); got != want {
			t.Errorf("builtinHint(%q) = %q, want %q", msg, got, want)
		}
	}
}
