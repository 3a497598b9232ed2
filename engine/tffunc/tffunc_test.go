package tffunc

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// terraformBuiltins is every built-in function of Terraform 1.x (through
// 1.14), from the function reference, grouped as it groups them.
var terraformBuiltins = []string{
	// Numeric
	"abs", "ceil", "floor", "log", "max", "min", "parseint", "pow", "signum",
	// String
	"chomp", "endswith", "format", "formatlist", "indent", "join", "lower",
	"regex", "regexall", "replace", "split", "startswith", "strcontains",
	"strrev", "substr", "templatestring", "title", "trim", "trimprefix",
	"trimsuffix", "trimspace", "upper",
	// Collection
	"alltrue", "anytrue", "chunklist", "coalesce", "coalescelist", "compact",
	"concat", "contains", "distinct", "element", "flatten", "index", "keys",
	"length", "lookup", "matchkeys", "merge", "one", "range", "reverse",
	"setintersection", "setproduct", "setsubtract", "setunion", "slice",
	"sort", "sum", "transpose", "values", "zipmap",
	// Encoding
	"base64decode", "base64encode", "base64gzip", "csvdecode", "jsondecode",
	"jsonencode", "textdecodebase64", "textencodebase64", "urlencode",
	"yamldecode", "yamlencode",
	// Filesystem
	"abspath", "dirname", "pathexpand", "basename", "file", "fileexists",
	"fileset", "filebase64", "templatefile",
	// Date and time
	"formatdate", "plantimestamp", "timeadd", "timecmp", "timestamp",
	// Hash and crypto
	"base64sha256", "base64sha512", "bcrypt", "filebase64sha256",
	"filebase64sha512", "filemd5", "filesha1", "filesha256", "filesha512",
	"md5", "rsadecrypt", "sha1", "sha256", "sha512", "uuid", "uuidv5",
	// IP network
	"cidrhost", "cidrnetmask", "cidrsubnet", "cidrsubnets",
	// Type conversion
	"can", "ephemeralasnull", "issensitive", "nonsensitive", "sensitive",
	"tobool", "tolist", "tomap", "tonumber", "toset", "tostring", "try",
	"type",
}

func TestNamesCoverTerraformBuiltins(t *testing.T) {
	names := Names()
	if !sort.StringsAreSorted(names) {
		t.Errorf("Names() is not sorted: %v", names)
	}
	table := Table(".", ".")
	if len(names) != len(table) {
		t.Errorf("Names() has %d names, Table %d functions", len(names), len(table))
	}
	for _, want := range terraformBuiltins {
		if _, ok := slices.BinarySearch(names, want); !ok {
			t.Errorf("Terraform built-in %q is missing", want)
		}
	}
	// Nothing beyond Terraform's own list: a module that works with us but
	// not with Terraform would be a false impression.
	for _, n := range names {
		if !slices.Contains(terraformBuiltins, n) {
			t.Errorf("%q is not a Terraform built-in", n)
		}
	}
}

// testVars are variables the expression tests can refer to.
var testVars = map[string]cty.Value{
	"unk_str":  cty.UnknownVal(cty.String),
	"unk_num":  cty.UnknownVal(cty.Number),
	"unk_bool": cty.UnknownVal(cty.Bool),
	"unk_list": cty.UnknownVal(cty.List(cty.String)),
	"unk_map":  cty.UnknownVal(cty.Map(cty.String)),
	"unk_any":  cty.DynamicVal,
	// the json of a policy document known only after apply
	"doc_later": cty.UnknownVal(cty.String).Refine().NotNull().StringPrefixFull("{").NewValue(),
	"grants": cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{
		"type": cty.StringVal("CanonicalUser"), "id": cty.UnknownVal(cty.String),
	})}),
	"secret":     cty.StringVal("s3cr3t").Mark(Sensitive),
	"secret_num": cty.NumberIntVal(8).Mark(Sensitive),
	"mixed":      cty.ObjectVal(map[string]cty.Value{"user": cty.StringVal("admin"), "pass": cty.StringVal("pw").Mark(Sensitive)}),
}

// eval parses src as an HCL expression and evaluates it with funcs.
func eval(funcs map[string]function.Function, src string) (cty.Value, hcl.Diagnostics) {
	expr, diags := hclsyntax.ParseExpression([]byte(src), "test.hcl", hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	return expr.Value(&hcl.EvalContext{Variables: testVars, Functions: funcs})
}

// exprCase is one expression and either its value or a fragment of its error.
// An unknown want only asks for an unknown of the same type (refinements
// aside); a want marked Sensitive asks for a sensitive result.
type exprCase struct {
	expr string
	want cty.Value
	err  string
}

func runCases(t *testing.T, funcs map[string]function.Function, cases []exprCase) {
	t.Helper()
	for _, c := range cases {
		got, diags := eval(funcs, c.expr)
		if c.err != "" {
			if !diags.HasErrors() {
				t.Errorf("%s = %#v, want error containing %q", c.expr, got, c.err)
			} else if !strings.Contains(diags.Error(), c.err) {
				t.Errorf("%s: error %q, want it to contain %q", c.expr, diags.Error(), c.err)
			}
			continue
		}
		if diags.HasErrors() {
			t.Errorf("%s: unexpected error: %s", c.expr, diags.Error())
			continue
		}
		if msg := compare(got, c.want); msg != "" {
			t.Errorf("%s: %s", c.expr, msg)
		}
	}
}

func compare(got, want cty.Value) string {
	if got.HasMark(Sensitive) != want.HasMark(Sensitive) {
		return "sensitive mark: got " + got.GoString() + ", want " + want.GoString()
	}
	g, _ := got.UnmarkDeep()
	w, _ := want.UnmarkDeep()
	if !w.IsKnown() {
		if g.IsKnown() {
			return "got known " + g.GoString() + ", want unknown " + w.Type().FriendlyName()
		}
		if w.Type() != cty.DynamicPseudoType && !g.Type().Equals(w.Type()) {
			return "got unknown " + g.Type().FriendlyName() + ", want unknown " + w.Type().FriendlyName()
		}
		return ""
	}
	if !g.RawEquals(w) {
		return "got " + g.GoString() + ", want " + w.GoString()
	}
	return ""
}

// TestRealisticExpressions evaluates expressions of the kind real modules
// contain, through HCL, with the file functions rooted at testdata.
func TestRealisticExpressions(t *testing.T) {
	funcs := Table("testdata", "testdata")
	runCases(t, funcs, []exprCase{
		{expr: `cidrsubnet("10.0.0.0/16", 8, 2)`, want: cty.StringVal("10.0.2.0/24")},
		{expr: `[for i in range(3) : cidrsubnet("10.0.0.0/16", 8, i + 10)]`, want: cty.TupleVal([]cty.Value{
			cty.StringVal("10.0.10.0/24"), cty.StringVal("10.0.11.0/24"), cty.StringVal("10.0.12.0/24"),
		})},
		{expr: `jsonencode({a = 1})`, want: cty.StringVal(`{"a":1}`)},
		{expr: `jsonencode({Version = "2012-10-17", Statement = [{Effect = "Deny", Action = "s3:*", Condition = {Bool = {"aws:SecureTransport" = "false"}}}]})`,
			want: cty.StringVal(`{"Statement":[{"Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny"}],"Version":"2012-10-17"}`)},
		{expr: `templatefile("tpl/user_data.sh.tftpl", {name = "x", ports = [22, 443]})`,
			want: cty.StringVal("#!/bin/bash\necho \"hello x\"\nopen 22\nopen 443\necho X\n")},
		{expr: `templatefile("tpl/simple.tftpl", {name = "x"})`, want: cty.StringVal("#!/bin/bash\necho \"hello x\"\n")},
		{expr: `merge({Name = "web"}, {Env = lower("PROD")}, {})`, want: cty.ObjectVal(map[string]cty.Value{
			"Name": cty.StringVal("web"), "Env": cty.StringVal("prod"),
		})},
		{expr: `lookup({us-east-1 = "ami-1"}, "ap-northeast-1", "ami-default")`, want: cty.StringVal("ami-default")},
		{expr: `try(yamldecode("a: [1, 2]").a[1], 0)`, want: cty.NumberIntVal(2)},
		{expr: `try(yamldecode("a: [1, 2]").b, "none")`, want: cty.StringVal("none")},
		{expr: `can(regex("^ap-northeast-[13]$", "ap-northeast-1"))`, want: cty.True},
		{expr: `length(fileset(".", "modules/*/main.tf"))`, want: cty.NumberIntVal(2)},
		{expr: `coalesce("", "default")`, want: cty.StringVal("default")},
		{expr: `format("arn:aws:s3:::%s/*", "logs")`, want: cty.StringVal("arn:aws:s3:::logs/*")},
		// A sensitive input keeps its mark through a function.
		{expr: `sha256(secret)`, want: cty.StringVal("4e738ca5563c06cfd0018299933d58db1dd8bf97f6973dc99bf6cdc64b5550bd").Mark(Sensitive)},
		{expr: `"Basic ${base64encode("${mixed.user}:${mixed.pass}")}"`, want: cty.StringVal("Basic YWRtaW46cHc=").Mark(Sensitive)},
		{expr: `mixed.user`, want: cty.StringVal("admin")},
	})
}
