package policy

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/policies"
)

// TestUserPoliciesCannotEnterBuiltinNamespaces: a user module in
// data.fiscguard or its aws, lib, params or profile namespaces could add
// findings to a built-in rule or change what its helpers answer; it is
// refused. Packages of the user's own are not.
func TestUserPoliciesCannotEnterBuiltinNamespaces(t *testing.T) {
	for _, tc := range []struct{ pkg, err string }{
		{"fiscguard.aws.s3.public_access", "u/a.rego:1: package fiscguard.aws.s3.public_access belongs to fiscguard's built-in policies"},
		{"fiscguard.aws.custom", "package fiscguard.aws.custom belongs to"},
		{"fiscguard.lib", "package fiscguard.lib belongs to"},
		{"fiscguard.lib.mine", "package fiscguard.lib.mine belongs to"},
		{"fiscguard.params", "package fiscguard.params belongs to"},
		{"fiscguard.profile", "package fiscguard.profile belongs to"},
		{"fiscguard", "package fiscguard belongs to"},
		{"fiscguard.custom.check", ""},
		{"bank.checks", ""},
	} {
		user := fstest.MapFS{"a.rego": {Data: []byte("package " + tc.pkg + "\n\nx := 1\n")}}
		_, err := Load(builtinCatalog(t), Source{FS: policies.FS, Name: "policies", Builtin: true}, Source{FS: user, Name: "u"})
		if tc.err == "" && err != nil {
			t.Errorf("%s: %v", tc.pkg, err)
		}
		if tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%s: %v, want %q", tc.pkg, err, tc.err)
		}
	}
}

// builtinSet is the built-in library, compiled.
func builtinSet(t *testing.T) *Set {
	t.Helper()
	set, err := Load(builtinCatalog(t), Source{FS: policies.FS, Name: "policies", Builtin: true})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func builtinCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	data, err := fs.ReadFile(policies.FS, "catalog/fisc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Parse("policies/catalog/fisc.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestReservedCoversTheBuiltinNamespaces keeps reserved true: every
// built-in policy and helper lives in one of its namespaces.
func TestReservedCoversTheBuiltinNamespaces(t *testing.T) {
	parsed, err := parse([]Source{{FS: policies.FS, Name: "policies", Builtin: true}}, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parsed {
		path := p.mod.Package.Path
		if len(path) < 3 || path[1].Value.Compare(ast.String("fiscguard")) != 0 {
			t.Errorf("%s: package %v is outside data.fiscguard", p.name, path)
			continue
		}
		if s, _ := path[2].Value.(ast.String); !reserved[string(s)] {
			t.Errorf("%s: namespace %s is not reserved", p.name, s)
		}
	}
}

// TestBuiltinBudget: a built-in asked for a value past MaxValueSize stops
// evaluation with an error at the call, before building it.
func TestBuiltinBudget(t *testing.T) {
	for _, expr := range []string{
		`count(numbers.range(1, 1e9))`,
		`count(numbers.range_step(0, 1e12, 7))`,
		`count(sprintf("%0999999999d", [1]))`,
		`count(concat("", [s | some _ in numbers.range(1, 3000); s := big]))`,
		`count(replace(big, "a", big))`,
		`count(strings.replace_n({"a": big}, big))`,
		`count(regex.replace(big, "a", big))`,
	} {
		body := "package t.a\n\nbig := concat(\"\", [\"a\" | some _ in numbers.range(1, 100000)])\n\ndeny contains {\"resource\": \"aws_x.a\", \"message\": \"m\"} if {\n\t" + expr + " > 0\n}\n"
		set, err := Load(testCat(t), Source{FS: fstest.MapFS{"a.rego": {Data: []byte(module("t.a", goodCustom, strings.TrimPrefix(body, "package t.a\n\n")))}}, Name: "p"})
		if err != nil {
			t.Fatal(err)
		}
		q, err := set.Prepare(context.Background(), Options{Profile: rule.Simple, Timeout: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		_, err = q.Eval(context.Background(), &model.Document{Kind: model.KindPlan})
		if err == nil || !strings.Contains(err.Error(), "the result would be larger than 64 MiB") || !strings.Contains(err.Error(), "p/a.rego:") {
			t.Errorf("%s: %v", expr, err)
		}
	}
}
