package hclconf

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
)

// load evaluates dir and returns its resources by address, the document
// and the notes in English, each of which must have its Japanese text.
func load(t *testing.T, dir string, opts Options) (map[string]*model.Resource, *model.Document, []string) {
	t.Helper()
	doc, notes, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]*model.Resource{}
	for i := range doc.Resources {
		m[doc.Resources[i].Address] = &doc.Resources[i]
	}
	en := make([]string, len(notes))
	for i, n := range notes {
		if n.Ja == "" || n.Ja == n.En {
			t.Errorf("note %q has no Japanese text", n.En)
		}
		en[i] = n.En
	}
	return m, doc, en
}

// inEnglish joins notes' English texts, one a line.
func inEnglish(notes []i18n.Text) string {
	var b strings.Builder
	for _, n := range notes {
		b.WriteString(n.En + "\n")
	}
	return b.String()
}

// get reads a value by path; numbers become strings for easy comparison.
func get(t *testing.T, r *model.Resource, path ...any) any {
	t.Helper()
	var v any = r.Values
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%s: %v is not an object at %v", r.Address, v, p)
			}
			v = m[k]
		case int:
			l, ok := v.([]any)
			if !ok || k >= len(l) {
				t.Fatalf("%s: %v has no element %d", r.Address, v, k)
			}
			v = l[k]
		}
	}
	if n, ok := v.(json.Number); ok {
		return n.String()
	}
	return v
}

func TestBasic(t *testing.T) {
	res, doc, notes := load(t, "testdata/basic", Options{})
	want := []string{
		"aws_db_instance.main",
		"aws_s3_bucket.data[0]", "aws_s3_bucket.data[1]", "aws_s3_bucket.dr",
		"aws_s3_bucket_logging.data",
		"aws_s3_bucket_public_access_block.data[0]", "aws_s3_bucket_public_access_block.data[1]",
		"aws_security_group.web",
		`aws_subnet.private["ap-northeast-1a"]`, `aws_subnet.private["ap-northeast-1c"]`,
		"aws_vpc.main",
		`module.logs["access"].aws_s3_bucket.this`, `module.logs["access"].aws_s3_bucket_versioning.this`,
		`module.logs["audit"].aws_s3_bucket.this`, `module.logs["audit"].aws_s3_bucket_versioning.this`,
		"module.logs_osaka.aws_s3_bucket.this", "module.logs_osaka.aws_s3_bucket_versioning.this",
	}
	var got []string
	for _, r := range doc.Resources {
		got = append(got, r.Address)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("addresses:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if doc.Kind != model.KindHCL || len(notes) != 0 {
		t.Errorf("kind %q, notes %v", doc.Kind, notes)
	}

	tests := []struct {
		address string
		path    []any
		want    any
	}{
		// *.auto.tfvars overrides terraform.tfvars; locals in dependency order.
		{"aws_s3_bucket.data[1]", []any{"bucket"}, "bank-prod-data-1"},
		// optional() attribute defaults and merge().
		{"aws_s3_bucket.data[0]", []any{"tags", "Owner"}, "platform"},
		{"aws_s3_bucket.data[0]", []any{"tags", "Index"}, "0"},
		{"aws_s3_bucket_public_access_block.data[1]", []any{"block_public_policy"}, false},
		// for_each over a for-expression map with cidrsubnet().
		{`aws_subnet.private["ap-northeast-1c"]`, []any{"cidr_block"}, "10.0.1.0/24"},
		// The override file adds an argument.
		{"aws_vpc.main", []any{"enable_dns_hostnames"}, true},
		{"aws_vpc.main", []any{"cidr_block"}, "10.0.0.0/16"},
		// A dynamic block with a custom iterator, and a static block, as lists of objects.
		{"aws_security_group.web", []any{"ingress", 0, "from_port"}, "443"},
		{"aws_security_group.web", []any{"ingress", 0, "cidr_blocks", 0}, "0.0.0.0/0"},
		{"aws_security_group.web", []any{"egress", 0, "protocol"}, "-1"},
		{"module.logs_osaka.aws_s3_bucket_versioning.this", []any{"versioning_configuration", 0, "status"}, "Enabled"},
		// A sensitive variable is redacted.
		{"aws_db_instance.main", []any{"password"}, model.Redacted},
		{`module.logs["audit"].aws_s3_bucket.this`, []any{"bucket"}, "bank-prod-audit"},
		// file() in a module, through path.module.
		{`module.logs["audit"].aws_s3_bucket.this`, []any{"tags", "rules"}, "from a file"},
	}
	for _, tt := range tests {
		r, ok := res[tt.address]
		if !ok {
			t.Fatalf("%s missing", tt.address)
		}
		if got := get(t, r, tt.path...); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %v = %#v, want %#v", tt.address, tt.path, got, tt.want)
		}
	}
}

func TestBasicRefsUnknownsAndRegions(t *testing.T) {
	res, _, _ := load(t, "testdata/basic", Options{})
	refs := []struct{ address, attr, want string }{
		{"aws_s3_bucket_public_access_block.data[1]", "bucket", "aws_s3_bucket.data[1]"},
		{`aws_subnet.private["ap-northeast-1a"]`, "vpc_id", "aws_vpc.main"},
		{"aws_s3_bucket_logging.data", "bucket", "aws_s3_bucket.data[0]"},
		{"aws_s3_bucket_logging.data", "target_bucket", `module.logs["audit"].aws_s3_bucket.this`},
		{`module.logs["audit"].aws_s3_bucket_versioning.this`, "bucket", `module.logs["audit"].aws_s3_bucket.this`},
	}
	for _, tt := range refs {
		if got := res[tt.address].Refs[tt.attr]; !reflect.DeepEqual(got, []string{tt.want}) {
			t.Errorf("%s refs[%s] = %v, want [%s]", tt.address, tt.attr, got, tt.want)
		}
	}
	// A computed id is unknown, not a value.
	pab := res["aws_s3_bucket_public_access_block.data[0]"]
	if pab.Unknown["bucket"] != true || pab.Values["bucket"] != nil {
		t.Errorf("bucket: value %v unknown %v", pab.Values["bucket"], pab.Unknown["bucket"])
	}
	regions := []struct{ address, provider, region string }{
		{"aws_s3_bucket.data[0]", "aws", "ap-northeast-1"},
		{"aws_s3_bucket.dr", "aws.osaka", "ap-northeast-3"},
		{`module.logs["audit"].aws_s3_bucket.this`, "aws", "ap-northeast-1"},
		{"module.logs_osaka.aws_s3_bucket.this", "aws.osaka", "ap-northeast-3"},
	}
	for _, tt := range regions {
		r := res[tt.address]
		if r.Provider != tt.provider || r.Region != tt.region {
			t.Errorf("%s: provider %q region %q, want %q %q", tt.address, r.Provider, r.Region, tt.provider, tt.region)
		}
	}
}

func TestBasicLocations(t *testing.T) {
	res, _, _ := load(t, "testdata/basic", Options{})
	sg := res["aws_security_group.web"]
	// Paths are relative to the repository root holding the scanned directory.
	const dir = "engine/hclconf/testdata/basic/"
	if sg.Source == nil || sg.Source.File != dir+"main.tf" || sg.Source.Line != 48 {
		t.Errorf("block location %+v, want main.tf:48", sg.Source)
	}
	if loc := sg.Locate("ingress[0].cidr_blocks"); loc == nil || loc.Line != 59 || loc.Column != 7 {
		t.Errorf("ingress[0].cidr_blocks at %+v, want line 59 column 7", loc)
	}
	if loc := sg.Locate("egress[0].protocol"); loc == nil || loc.Line != 66 {
		t.Errorf("egress[0].protocol at %+v, want line 66", loc)
	}
	m := res[`module.logs["audit"].aws_s3_bucket.this`]
	if m.Source.File != dir+"modules/logs/main.tf" || m.Source.Line != 5 {
		t.Errorf("module resource at %+v", m.Source)
	}
}

func TestVariableInputs(t *testing.T) {
	dir := "testdata/basic"
	varFile := filepath.Join(t.TempDir(), "x.tfvars")
	if err := os.WriteFile(varFile, []byte(`env = "staging"`+"\nopen_ports = [22, 443]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		opts     Options
		bucket   string
		ingress  int
		password any
	}{
		{"environment loses to tfvars", Options{Env: []string{"TF_VAR_env=fromenv"}}, "bank-prod-data-0", 1, model.Redacted},
		{"var file", Options{VarFiles: []string{varFile}}, "bank-staging-data-0", 2, model.Redacted},
		{"var wins", Options{VarFiles: []string{varFile}, Vars: []string{"env=cli", "open_ports=[1, 2, 3]"}}, "bank-cli-data-0", 3, model.Redacted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _, _ := load(t, dir, tt.opts)
			if got := get(t, res["aws_s3_bucket.data[0]"], "bucket"); got != tt.bucket {
				t.Errorf("bucket %v, want %v", got, tt.bucket)
			}
			if got := len(res["aws_security_group.web"].Values["ingress"].([]any)); got != tt.ingress {
				t.Errorf("%d ingress blocks, want %d", got, tt.ingress)
			}
		})
	}
}

// write creates a configuration in a temporary directory.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opts  Options
		err   string
	}{
		{"syntax error", map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \n}\n"}, Options{}, "main.tf:2:"},
		{"no files", map[string]string{"README.md": "x"}, Options{}, "no Terraform configuration files"},
		{"cycle", map[string]string{"main.tf": "locals {\n  a = local.b\n  b = local.a\n}\n"}, Options{}, "dependency cycle: local.a → local.b → local.a"},
		{"resource cycle", map[string]string{"main.tf": "resource \"aws_a\" \"x\" {\n  v = aws_b.y.id\n}\nresource \"aws_b\" \"y\" {\n  v = aws_a.x.id\n}\n"}, Options{}, "main.tf:1:1: dependency cycle"},
		{"runaway count", map[string]string{"main.tf": "resource \"aws_a\" \"x\" {\n  count = 1000000\n}\n"}, Options{}, "main.tf:2:11: count of aws_a.x is 1000000, above the limit"},
		{"negative count", map[string]string{"main.tf": "resource \"aws_a\" \"x\" {\n  count = -1\n}\n"}, Options{}, "must be a whole number"},
		{"module recursion", map[string]string{"main.tf": "module \"self\" {\n  source = \"./\"\n}\n"}, Options{}, "module recursion"},
		{"missing module", map[string]string{"main.tf": "module \"m\" {\n  source = \"./nope\"\n}\n"}, Options{}, "main.tf:1:1: module \"m\": source ./nope is not a directory"},
		{"duplicate resource", map[string]string{"a.tf": "resource \"aws_a\" \"x\" {}\n", "b.tf": "resource \"aws_a\" \"x\" {}\n"}, Options{}, "b.tf:1:1: duplicate resource"},
		{"missing var file", map[string]string{"main.tf": ""}, Options{VarFiles: []string{"/no/such.tfvars"}}, "/no/such.tfvars: no such file or directory"},
		{"bad var", map[string]string{"main.tf": "variable \"n\" {\n  type = number\n}\n"}, Options{Vars: []string{"n=abc"}}, `--var n: variable "n"`},
		{"undeclared var", map[string]string{"main.tf": ""}, Options{Vars: []string{"x=1"}}, `variable "x" is not declared`},
		{"bad tfvars", map[string]string{"main.tf": "variable \"n\" {}\n", "terraform.tfvars": "n = \n"}, Options{}, "terraform.tfvars:1:"},
		{"deep nesting", map[string]string{"main.tf": "locals {\n  x = " + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + "\n}\n"}, Options{}, "main.tf:2:1006: brackets or operators are nested more than 1000 deep"},
		{"sensitive for_each", map[string]string{"main.tf": "variable \"m\" {\n  default   = { a = \"canary-4f2a\" }\n  sensitive = true\n}\nresource \"aws_a\" \"x\" {\n  for_each = var.m\n}\n"}, Options{}, "main.tf:6:14: invalid for_each argument of aws_a.x: it has a sensitive value"},
		{"null in a for_each set", map[string]string{"main.tf": "resource \"aws_a\" \"x\" {\n  for_each = toset([\"a\", null])\n}\n"}, Options{}, "main.tf:2:14: invalid for_each argument of aws_a.x: a set used in for_each must not contain null"},
		{"deep nesting in JSON", map[string]string{"main.tf.json": strings.Repeat("[", 5000) + strings.Repeat("]", 5000)}, Options{}, "main.tf.json:1:1001: brackets or operators are nested more than 1000 deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := write(t, tt.files)
			_, _, err := Load(dir, tt.opts)
			var ie *model.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.err) || strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), "canary") {
				t.Errorf("error %v, want a one-line input error containing %q", err, tt.err)
			}
		})
	}
}

func TestNotes(t *testing.T) {
	dir := write(t, map[string]string{
		"main.tf": `variable "unset" {}
resource "aws_a" "x" {
  count = length(aws_b.y.list_of_ids)
  v     = var.unset
}
resource "aws_b" "y" {}
resource "aws_c" "z" {
  v = provider::aws::arn_parse("arn:aws:s3:::b")
  w = { a = 1 }.b
}
module "remote" {
  source = "terraform-aws-modules/s3-bucket/aws"
}
`,
	})
	res, _, notes := load(t, dir, Options{})
	all := strings.Join(notes, "\n")
	for _, want := range []string{
		`variable "unset" has no value`,
		"the count of aws_a.x is known only after apply; evaluated as one instance",
		"function provider::aws::arn_parse is not supported",
		"module not evaluated: terraform-aws-modules/s3-bucket/aws (module.remote)",
		"main.tf:9: aws_c.z.w could not be evaluated (HCL: `Unsupported attribute: This object does not have an attribute named \"b\".`)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	if r, ok := res["aws_a.x"]; !ok || !r.Uncertain {
		t.Errorf("the stand-in instance for an unknown count is missing or not uncertain: %v", res)
	}
	if res["aws_b.y"].Uncertain {
		t.Error("an instance of a known expansion is uncertain")
	}
	if res["aws_c.z"].Unknown["v"] != true {
		t.Errorf("an unsupported function's value must be unknown: %v", res["aws_c.z"].Unknown)
	}
}

func TestInstalledModules(t *testing.T) {
	dir := write(t, map[string]string{
		"main.tf":                         "module \"s3\" {\n  source = \"terraform-aws-modules/s3-bucket/aws\"\n  name = \"x\"\n}\n",
		".terraform/modules/modules.json": `{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"s3","Source":"registry.terraform.io/terraform-aws-modules/s3-bucket/aws","Dir":".terraform/modules/s3"}]}`,
		".terraform/modules/s3/main.tf":   "variable \"name\" {}\nresource \"aws_s3_bucket\" \"this\" {\n  bucket = var.name\n}\n",
	})
	res, doc, notes := load(t, dir, Options{})
	r, ok := res["module.s3.aws_s3_bucket.this"]
	if !ok || r.Values["bucket"] != "x" || len(notes) != 0 {
		t.Fatalf("installed module not evaluated: %v %v", res, notes)
	}
	// A remote module's files are not in the repository: its resources are
	// located at the call, with the inner location as related.
	if r.Source.File != "main.tf" || r.Source.Line != 1 || r.Related == nil || r.Related.File != ".terraform/modules/s3/main.tf" || r.Related.Line != 2 {
		t.Errorf("source %+v related %+v", r.Source, r.Related)
	}
	if len(doc.Modules) != 1 || doc.Modules[0].Address != "module.s3" || !doc.Modules[0].Remote || !doc.Modules[0].Evaluated {
		t.Errorf("modules %+v", doc.Modules)
	}
}

// TestExpansionWithUnknownValues: as in Terraform, count and for_each need
// only the number of instances and their keys at plan time; values known
// only after apply inside them do not collapse the expansion.
func TestExpansionWithUnknownValues(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		addresses []string
		uncertain bool
	}{
		{"map with an unknown value", `
resource "aws_b" "u" {}
resource "aws_a" "x" {
  for_each = { one = aws_b.u.id, two = "b" }
  v        = each.value
}`, []string{`aws_a.x["one"]`, `aws_a.x["two"]`, "aws_b.u"}, false},
		{"object of objects with unknown parts", `
resource "aws_b" "u" {}
locals {
  m = {
    one = { port = 80, arn = aws_b.u.arn }
    two = { port = 81, arn = null }
  }
}
resource "aws_a" "x" {
  for_each = local.m
  port     = each.value.port
}`, []string{`aws_a.x["one"]`, `aws_a.x["two"]`, "aws_b.u"}, false},
		{"module for_each with unknown values", `
resource "aws_b" "u" {}
module "m" {
  source   = "./m"
  for_each = { one = aws_b.u.id, two = aws_b.u.arn }
  v        = each.value
}`, []string{`aws_b.u`, `module.m["one"].aws_c.y`, `module.m["two"].aws_c.y`}, false},
		{"count from a known length of unknown elements", `
resource "aws_b" "u" {}
resource "aws_a" "x" {
  count = length([aws_b.u.id, aws_b.u.arn])
}`, []string{"aws_a.x[0]", "aws_a.x[1]", "aws_b.u"}, false},
		{"set with an unknown element: the keys are unknown", `
resource "aws_b" "u" {}
resource "aws_a" "x" {
  for_each = toset(["a", aws_b.u.id])
}`, []string{"aws_a.x", "aws_b.u"}, true},
		{"unknown map: the keys are unknown", `
resource "aws_b" "u" {}
resource "aws_a" "x" {
  for_each = aws_b.u.tags
}`, []string{"aws_a.x", "aws_b.u"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := write(t, map[string]string{
				"main.tf":   tt.src,
				"m/main.tf": "variable \"v\" {}\nresource \"aws_c\" \"y\" {\n  v = var.v\n}\n",
			})
			res, doc, _ := load(t, dir, Options{})
			var got []string
			for _, r := range doc.Resources {
				got = append(got, r.Address)
			}
			if !reflect.DeepEqual(got, tt.addresses) {
				t.Fatalf("addresses %q, want %q", got, tt.addresses)
			}
			if x := res[tt.addresses[0]]; x.Uncertain != tt.uncertain {
				t.Errorf("%s: uncertain %v, want %v", x.Address, x.Uncertain, tt.uncertain)
			}
		})
	}
}

// TestSensitiveEachValue: a sensitive value inside a for_each map is
// allowed, and stays sensitive in each.value.
func TestSensitiveEachValue(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": `
variable "s" {
  default   = "canary-7c1d"
  sensitive = true
}
resource "aws_a" "x" {
  for_each = { one = var.s }
  v        = each.value
}`})
	res, _, _ := load(t, dir, Options{})
	if v := res[`aws_a.x["one"]`].Values["v"]; v != model.Redacted {
		t.Errorf("each.value of a sensitive element is %v, want it redacted", v)
	}
}

// TestDynamicBlocksWithUnknownValues: a dynamic block over a known
// collection generates its blocks even when their contents are partly
// unknown; only an unknown collection leaves them unknown.
func TestDynamicBlocksWithUnknownValues(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": `
resource "aws_b" "u" {}
resource "aws_a" "known" {
  dynamic "rule" {
    for_each = [{ port = 22, group = aws_b.u.id }, { port = 443, group = "sg-1" }]
    content {
      port  = rule.value.port
      group = rule.value.group
    }
  }
}
resource "aws_a" "unknown" {
  dynamic "rule" {
    for_each = aws_b.u.rules
    content {
      port = rule.value.port
    }
  }
}`})
	res, _, _ := load(t, dir, Options{})
	known := res["aws_a.known"]
	if got := get(t, known, "rule", 0, "port"); got != "22" {
		t.Errorf("first generated block's port %v, want 22", got)
	}
	if got := get(t, known, "rule", 1, "group"); got != "sg-1" {
		t.Errorf("second generated block's group %v, want sg-1", got)
	}
	if u, _ := known.Unknown["rule"].([]any); len(u) != 2 || u[1] != false {
		t.Errorf("unknown tree %v, want only the first block's group unknown", known.Unknown["rule"])
	}
	if loc := known.Locate("rule[1].port"); loc == nil || loc.Line != 7 {
		t.Errorf("rule[1].port located at %+v, want the content's line 7", loc)
	}
	if u := res["aws_a.unknown"].Unknown["rule"]; !reflect.DeepEqual(u, []any{true}) {
		t.Errorf("blocks over an unknown collection: unknown tree %v, want one unknown block", u)
	}
}

// TestOptionalDefaultsWithUnknownValues: optional() defaults fill an object
// whose other attributes are known only after apply.
func TestOptionalDefaultsWithUnknownValues(t *testing.T) {
	dir := write(t, map[string]string{
		"main.tf": `
resource "aws_b" "u" {}
module "m" {
  source = "./m"
  cfg    = { bucket = aws_b.u.id }
}`,
		"m/main.tf": `
variable "cfg" {
  type = object({
    bucket  = string
    enabled = optional(bool, true)
    rules   = optional(list(object({ days = optional(number, 90) })), [{}])
  })
}
resource "aws_c" "y" {
  bucket  = var.cfg.bucket
  enabled = var.cfg.enabled
  days    = var.cfg.rules[0].days
}`,
	})
	res, _, notes := load(t, dir, Options{})
	y := res["module.m.aws_c.y"]
	if got := get(t, y, "enabled"); got != true {
		t.Errorf("enabled = %v, want the optional default true", got)
	}
	if got := get(t, y, "days"); got != "90" {
		t.Errorf("days = %v, want the nested optional default 90", got)
	}
	if y.Unknown["bucket"] != true {
		t.Errorf("bucket should stay known only after apply: %v", y.Unknown)
	}
	if len(notes) != 0 {
		t.Errorf("notes: %v", notes)
	}
}

// TestNonNullableVariables: a null from the caller gives a variable declared
// nullable = false its default, as Terraform does.
func TestNonNullableVariables(t *testing.T) {
	dir := write(t, map[string]string{
		"main.tf": `
module "m" {
  source = "./m"
  strict = null
  loose  = null
}`,
		"m/main.tf": `
variable "strict" {
  type     = bool
  default  = true
  nullable = false
}
variable "loose" {
  type    = bool
  default = true
}
resource "aws_c" "y" {
  strict = var.strict
  loose  = var.loose
}`,
	})
	res, _, _ := load(t, dir, Options{})
	y := res["module.m.aws_c.y"]
	if got := get(t, y, "strict"); got != true {
		t.Errorf("non-nullable variable given null = %v, want its default true", got)
	}
	if got, ok := y.Values["loose"]; !ok || got != nil {
		t.Errorf("nullable variable given null = %v, want null", got)
	}
}

// TestProviderData: the region and partition data sources read what the
// provider configuration decides, at plan time as Terraform does.
func TestProviderData(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}
provider "aws" {
  alias  = "china"
  region = "cn-north-1"
}
data "aws_region" "here" {}
data "aws_partition" "china" {
  provider = aws.china
}
resource "aws_c" "y" {
  arn = "arn:${data.aws_partition.china.partition}:s3:::logs-${data.aws_region.here.name}"
}`})
	res, _, notes := load(t, dir, Options{})
	if got := get(t, res["aws_c.y"], "arn"); got != "arn:aws-cn:s3:::logs-ap-northeast-1" {
		t.Errorf("arn = %v, notes %v", got, notes)
	}
}

// TestProviderDataWithoutARegion: with no region in the configuration the
// provider's comes from its environment, which Terraform reads and fiscguard
// does not: the data sources' results are known only after apply, never null,
// even where the configuration sets their region argument to null.
func TestProviderDataWithoutARegion(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": `
variable "region" {
  default = null
}
data "aws_region" "current" {
  region = var.region
}
data "aws_partition" "current" {}
resource "aws_c" "y" {
  arn = "arn:${data.aws_partition.current.partition}:ec2:${data.aws_region.current.region}::image/*"
}`})
	res, _, notes := load(t, dir, Options{})
	for _, n := range notes {
		t.Errorf("note: %s", n)
	}
	if y := res["aws_c.y"]; y == nil || y.Unknown["arn"] != true {
		t.Errorf("aws_c.y.arn should be known only after apply: %+v", y)
	}
}

// TestProviderConfigurations: each configuration in force, the implicit one
// included, with its address, where its block and region are written, and
// the resources it places.
func TestProviderConfigurations(t *testing.T) {
	dir := write(t, map[string]string{
		"main.tf": `provider "aws" {
  alias  = "us"
  region = var.region
}

variable "region" {
  default = "us-east-1"
}

resource "aws_s3_bucket" "a" {}

resource "aws_s3_bucket" "b" {
  provider = aws.us
}

module "m" {
  source = "./m"
}
`,
		"m/main.tf": `resource "aws_sqs_queue" "q" {}
`,
	})
	_, doc, _ := load(t, dir, Options{})
	got := map[string]model.Provider{}
	for _, p := range doc.Providers {
		got[p.Address] = p
	}
	us := got[`provider["registry.terraform.io/hashicorp/aws"].us`]
	if us.Region != "us-east-1" || !us.RegionWritten || us.RegionSource == nil || us.RegionSource.Line != 7 || us.Source == nil || us.Source.Line != 1 {
		t.Errorf("aws.us = %+v", us)
	}
	if strings.Join(us.Resources, ",") != "aws_s3_bucket.b" {
		t.Errorf("aws.us places %v", us.Resources)
	}
	def := got[`provider["registry.terraform.io/hashicorp/aws"]`]
	if def.RegionWritten || def.Source != nil || strings.Join(def.Resources, ",") != "aws_s3_bucket.a,module.m.aws_sqs_queue.q" {
		t.Errorf("implicit aws = %+v", def)
	}
}

// TestRegionOrigin: a provider's region is located where its value is
// written: the region argument, a tfvars assignment, a variable's default,
// or a module caller's argument, followed through variables.
func TestRegionOrigin(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		file  string
		line  int
	}{
		{"literal", map[string]string{"main.tf": "provider \"aws\" {\n  region = \"us-east-1\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n"}, "main.tf", 2},
		{"default", map[string]string{"main.tf": "provider \"aws\" {\n  region = var.region\n}\nvariable \"region\" {\n  default = \"us-east-1\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n"}, "main.tf", 5},
		{"tfvars", map[string]string{
			"main.tf":          "provider \"aws\" {\n  region = var.region\n}\nvariable \"region\" {\n  default = \"ap-northeast-1\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n",
			"terraform.tfvars": "# production\nregion = \"us-east-1\"\n",
		}, "terraform.tfvars", 2},
		{"module argument through variables", map[string]string{
			"main.tf":   "variable \"where\" {\n  default = \"us-east-1\"\n}\nmodule \"m\" {\n  source = \"./m\"\n  region = var.where\n}\n",
			"m/main.tf": "variable \"region\" {}\nprovider \"aws\" {\n  region = var.region\n}\nresource \"aws_s3_bucket\" \"b\" {}\n",
		}, "main.tf", 2},
		{"expression", map[string]string{"main.tf": "provider \"aws\" {\n  region = lower(var.region)\n}\nvariable \"region\" {\n  default = \"US-EAST-1\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n"}, "main.tf", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, doc, _ := load(t, write(t, tt.files), Options{})
			for _, p := range doc.Providers {
				if p.Region != "us-east-1" {
					continue
				}
				if p.RegionSource == nil || p.RegionSource.File != tt.file || p.RegionSource.Line != tt.line {
					t.Errorf("region of %s located at %+v, want %s:%d", p.Address, p.RegionSource, tt.file, tt.line)
				}
				return
			}
			t.Errorf("no provider in us-east-1: %+v", doc.Providers)
		})
	}
}

// TestProviderSourceAddresses: required_providers decides the source part
// of a provider configuration's address, as in the plan's full_name.
func TestProviderSourceAddresses(t *testing.T) {
	dir := write(t, map[string]string{
		"main.tf": `terraform {
  required_providers {
    aws    = { source = "hashicorp/aws", version = ">= 5.0" }
    github = { source = "Integrations/GitHub" }
    corp   = { source = "tf.example.com/bank/corp" }
    legacy = "~> 1.0"
    short  = { source = "aws" }
  }
}
provider "github" {
  alias = "org"
}
resource "aws_s3_bucket" "b" {}
resource "github_repository" "r" {
  provider = github.org
}
resource "corp_thing" "t" {}
resource "legacy_thing" "l" {}
module "m" {
  source = "./m"
}`,
		// The module inherits the root's default configuration of the same provider.
		"m/main.tf": "terraform {\n  required_providers {\n    github = { source = \"integrations/github\" }\n  }\n}\nresource \"github_team\" \"t\" {}\n",
	})
	_, doc, _ := load(t, dir, Options{})
	var got []string
	for _, p := range doc.Providers {
		got = append(got, p.Address)
	}
	want := []string{
		`provider["registry.terraform.io/hashicorp/aws"]`,
		`provider["tf.example.com/bank/corp"]`,
		`provider["registry.terraform.io/integrations/github"].org`,
		`provider["registry.terraform.io/hashicorp/legacy"]`,
		`provider["registry.terraform.io/integrations/github"]`,
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("provider addresses:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNotesNameFilesFromTheRoot: a note quoting a diagnostic that names a
// file (try's failures do) names it relative to the repository root, never
// by the machine's absolute path.
func TestNotesNameFilesFromTheRoot(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": `
resource "aws_a" "x" {
  v = try(coalesce(null, ""), tonumber("x"))
}`})
	_, _, notes := load(t, dir, Options{})
	all := strings.Join(notes, "\n")
	if !strings.Contains(all, "could not be evaluated") || strings.Contains(all, dir) {
		t.Errorf("notes: %s", all)
	}
}

// TestNotesNameNoAbsolutePath: a diagnostic that quotes the root or a
// directory above it (abspath's value) shows it relative to the root.
func TestNotesNameNoAbsolutePath(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": `
resource "aws_a" "x" {
  here  = tonumber(abspath("."))
  above = tonumber(abspath("../other"))
  file  = tonumber(abspath("main.tf"))
}`})
	_, _, notes := load(t, dir, Options{})
	all := strings.Join(notes, "\n")
	for _, want := range []string{`cannot convert "." to number`, `cannot convert "../other" to number`, `cannot convert "main.tf" to number`} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, filepath.Dir(dir)) {
		t.Errorf("a note shows an absolute path:\n%s", all)
	}
}

// TestSlicedZones: a data source's list sliced by known bounds has that
// many elements, so a count over it is known and so is what each instance
// computes from its index (the zones themselves stay unknown).
func TestSlicedZones(t *testing.T) {
	res, _, notes := load(t, "testdata/zones-sliced", Options{})
	for i, cidr := range []string{"10.0.0.0/24", "10.0.1.0/24"} {
		r, ok := res[fmt.Sprintf("aws_subnet.public[%d]", i)]
		if !ok {
			t.Fatalf("aws_subnet.public[%d] missing (resources %v, notes %v)", i, slices.Sorted(maps.Keys(res)), notes)
		}
		if got := r.Values["cidr_block"]; got != cidr {
			t.Errorf("aws_subnet.public[%d].cidr_block = %v, want %s", i, got, cidr)
		}
		if r.Unknown["availability_zone"] != true {
			t.Errorf("aws_subnet.public[%d].availability_zone should be known only after apply", i)
		}
	}
	if len(res) != 3 { // the two subnets and the data source
		t.Errorf("%d resources, want 3: %v", len(res), slices.Sorted(maps.Keys(res)))
	}
}

// TestComputedAttributeOfABlock: an attribute the provider computes inside
// a nested block, read by another resource, is known only after apply (as
// Terraform's schema has it), not an attribute the block lacks.
func TestComputedAttributeOfABlock(t *testing.T) {
	res, _, notes := load(t, "testdata/block-computed-attribute", Options{})
	for _, n := range notes {
		t.Errorf("note: %s", n)
	}
	tag := res["aws_ec2_tag.cluster_security_group"]
	if tag == nil || tag.Unknown["resource_id"] != true {
		t.Errorf("aws_ec2_tag.cluster_security_group.resource_id should be known only after apply: %+v", tag)
	}
}

// TestNewerAttributeOfABlock: an attribute newer than the schema table,
// read from a nested block of a type the table holds (a DynamoDB replica's
// arn), is known only after apply, not an attribute the block lacks.
func TestNewerAttributeOfABlock(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": `
resource "aws_dynamodb_table" "t" {
  name         = "ledger"
  hash_key     = "id"
  billing_mode = "PAY_PER_REQUEST"
  attribute {
    name = "id"
    type = "S"
  }
  replica {
    region_name = "ap-northeast-3"
  }
}
resource "aws_c" "y" {
  arns = { for r in aws_dynamodb_table.t.replica[*] : r.region_name => r.arn }
}`})
	res, _, notes := load(t, dir, Options{})
	for _, n := range notes {
		t.Errorf("note: %s", n)
	}
	if y := res["aws_c.y"]; y == nil || y.Unknown["arns"] == nil {
		t.Errorf("aws_c.y.arns should be known only after apply in part: %+v", y)
	}
}
