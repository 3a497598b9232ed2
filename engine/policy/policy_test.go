package policy

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

const testCatalog = `items:
  - {id: 実3, edition: current, title: {en: Stored data, ja: 蓄積データ}, responsibility: shared, iac: partial, title_source: secondary}
  - {id: 運110, edition: 8th, title: {en: Leakage in use, ja: 利用中の漏洩}, responsibility: shared, iac: partial, title_source: seed}
  - {id: 実9, edition: current, title: {en: IDs, ja: ID}, responsibility: user, iac: partial, title_source: secondary}
  - {id: 実127, edition: current, title: {en: Retired, ja: 欠番}, responsibility: user, iac: none, title_source: none, retired: true}
controls:
  - {id: SH.S3.8, fisc: [実3], title: {en: Bucket public access block, ja: バケットのパブリックアクセスブロック}}
  - {id: SH.IAM.7, fisc: [実9], title: {en: Password policy, ja: パスワードポリシー}}
`

func testCat(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Parse("catalog.yaml", []byte(testCatalog))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// module renders a policy with the given custom metadata lines and body.
func module(pkg, custom, body string) string {
	return "# METADATA\n# title: Test rule\n# custom:\n" + custom + "package " + pkg + "\n\n" + body
}

const goodCustom = "#   id: FG-T-001\n#   severity: high\n#   fisc: [\"実3\"]\n#   fisc_8th: [\"運110\"]\n#   fisc_basis: {\"実3\": \"aws-blea-ct:SH.S3.8\", \"運110\": \"seed:data leakage while in use\"}\n#   profile: simple\n#   responsibility: user\n#   resource_types: [aws_x]\n"

const goodBody = `deny contains {"resource": r.address, "attribute": "a", "status": "fail", "message": {"en": "bad", "ja": "悪い"}} if {
	some r in input.resources
	r.values.a == false
}
`

func TestLoadValidatesMetadata(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		err   string
	}{
		{"valid", map[string]string{"a.rego": module("t.a", goodCustom, goodBody)}, ""},
		{"helper module without metadata", map[string]string{"a.rego": module("t.a", goodCustom, goodBody), "h.rego": "package t.h\n\nx := 1\n"}, ""},
		{"unknown FISC ID", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "実3", "実999", 1), goodBody)}, "a.rego:1: rule FG-T-001 cites FISC item 実999, which is not in the catalog"},
		{"edition mismatch", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, `fisc: ["実3"]`, `fisc: ["運110"]`, 1), goodBody)}, "lists 運110 (edition 8th) among the current-edition IDs"},
		{"no FISC at all", map[string]string{"a.rego": module("t.a", strings.NewReplacer(`#   fisc: ["実3"]`+"\n", "", `#   fisc_8th: ["運110"]`+"\n", "").Replace(goodCustom), goodBody)}, "cites no FISC item"},
		{"basis missing", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, `"実3": "aws-blea-ct:SH.S3.8", `, "", 1), goodBody)}, "fisc_basis has no basis for 実3"},
		{"basis for an uncited ID", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, `"実3": "aws-blea-ct:SH.S3.8"`, `"実3": "aws-blea-ct:SH.S3.8", "実4": "derived:x"`, 1), goodBody)}, "gives a basis for 実4, which the rule does not cite"},
		{"basis without detail", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "aws-blea-ct:SH.S3.8", "aws-blea-ct", 1), goodBody)}, `fisc_basis for 実3 is "aws-blea-ct": want kind:detail`},
		{"unknown basis kind", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "aws-blea-ct:SH.S3.8", "hearsay:a blog", 1), goodBody)}, `fisc_basis kind "hearsay" does not fit 実3`},
		{"seed basis for a current ID", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "aws-blea-ct:SH.S3.8", "seed:x", 1), goodBody)}, `fisc_basis kind "seed" does not fit 実3`},
		{"AWS basis for an 8th-edition ID", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "seed:data leakage while in use", "aws-blea-ct:SH.S3.8", 1), goodBody)}, `fisc_basis kind "aws-blea-ct" does not fit 運110`},
		{"AWS basis naming no control", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "aws-blea-ct:SH.S3.8", "aws-blea-ct:bucket blocks", 1), goodBody)}, "fisc_basis for 実3 names no AWS control"},
		{"AWS basis naming an unknown control", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "aws-blea-ct:SH.S3.8", "aws-blea-ct:SH.S3.99", 1), goodBody)}, "names SH.S3.99, which is not an AWS control of the catalog"},
		{"AWS basis naming a control AWS maps elsewhere", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "aws-blea-ct:SH.S3.8", "aws-blea-ct:SH.S3.8, SH.IAM.7", 1), goodBody)}, "names SH.IAM.7, which AWS maps to 実9, not to 実3"},
		{"retired number", map[string]string{"a.rego": module("t.a", strings.NewReplacer(`fisc: ["実3"]`, `fisc: ["実127"]`, `"実3": "aws-blea-ct:SH.S3.8"`, `"実127": "derived:x"`).Replace(goodCustom), goodBody)}, "cites 実127, a retired number"},
		{"strict rule without a reason", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "simple", "strict", 1), goodBody)}, "a strict-only rule, and only one, says why"},
		{"simple rule with a strict reason", map[string]string{"a.rego": module("t.a", goodCustom+"#   strict_reason: x\n#   strict_reason_ja: y\n", goodBody)}, "a strict-only rule, and only one, says why"},
		{"strict reason in one language", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "simple", "strict", 1)+"#   strict_reason: x\n", goodBody)}, "a strict-only rule, and only one, says why"},
		{"duplicate ID", map[string]string{"a.rego": module("t.a", goodCustom, goodBody), "b.rego": module("t.b", goodCustom, goodBody)}, "b.rego: rule ID FG-T-001 is already used by p/a.rego"},
		{"bad severity", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "high", "urgent", 1), goodBody)}, `unknown severity "urgent"`},
		{"bad profile", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "simple", "lax", 1), goodBody)}, `unknown profile "lax"`},
		{"bad responsibility", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "user", "provider", 1), goodBody)}, `responsibility "provider" is not user or shared`},
		{"unknown custom key", map[string]string{"a.rego": module("t.a", goodCustom+"#   colour: red\n", goodBody)}, `unknown key "colour"`},
		{"bad ID", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "FG-T-001", "rule one", 1), goodBody)}, `custom.id "rule one" is missing or not like FG-S3-001`},
		{"no resource types", map[string]string{"a.rego": module("t.a", strings.Replace(goodCustom, "[aws_x]", "[]", 1), goodBody)}, "resource_types is empty"},
		{"bad input kind", map[string]string{"a.rego": module("t.a", goodCustom+"#   inputs: [state]\n", goodBody)}, `custom.inputs lists "state" (want plan or hcl)`},
		{"deny without metadata", map[string]string{"a.rego": "package t.a\n\n" + goodBody}, "p/a.rego:1: package t.a defines deny but has no package METADATA"},
		{"syntax error", map[string]string{"a.rego": module("t.a", goodCustom, "deny contains x if {\n")}, "p/a.rego:"},
		{"compile error", map[string]string{"a.rego": module("t.a", goodCustom, "deny contains x if {\n\tx := undefined_fn(1)\n}\n")}, "p/a.rego:15:7: undefined function undefined_fn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, src := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(src)}
			}
			set, err := Load(testCat(t), Source{FS: fsys, Name: "p"})
			if tt.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(set.Rules()) != 1 || set.Rules()[0].ID != "FG-T-001" {
					t.Errorf("rules = %v", set.Rules())
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("error %v, want it to contain %q", err, tt.err)
			}
		})
	}
}

func loadOne(t *testing.T, custom, body string) *Set {
	t.Helper()
	set, err := Load(testCat(t), Source{FS: fstest.MapFS{"a.rego": {Data: []byte(module("t.a", custom, body))}}, Name: "p"})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestEvalResults(t *testing.T) {
	set := loadOne(t, goodCustom, goodBody)
	doc := &model.Document{Kind: model.KindPlan, Resources: []model.Resource{
		{Address: "aws_x.bad", Mode: "managed", Type: "aws_x", Actions: []string{"create"}, Values: map[string]any{"a": false}},
		{Address: "aws_x.good", Mode: "managed", Type: "aws_x", Actions: []string{"create"}, Values: map[string]any{"a": true}},
	}}
	q, err := set.Prepare(context.Background(), Options{Profile: rule.Simple})
	if err != nil {
		t.Fatal(err)
	}
	res, err := q.Eval(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Address != "aws_x.bad" || res[0].Attribute != "a" || res[0].Status != rule.StatusFail || res[0].Message.Ja != "悪い" || res[0].Rule.ID != "FG-T-001" {
		t.Errorf("results = %+v", res)
	}
}

func TestStrictRulesRunOnlyUnderStrict(t *testing.T) {
	set := loadOne(t, strings.Replace(goodCustom, "simple", "strict", 1)+"#   strict_reason: more than the minimum\n#   strict_reason_ja: 最低限を超える\n", goodBody)
	for _, tt := range []struct {
		p    rule.Profile
		want int
	}{{rule.Simple, 0}, {rule.Strict, 1}} {
		q, err := set.Prepare(context.Background(), Options{Profile: tt.p})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(q.Rules()); got != tt.want {
			t.Errorf("%s: %d rules, want %d", tt.p, got, tt.want)
		}
	}
}

func TestBadResults(t *testing.T) {
	tests := []struct{ body, err string }{
		{"deny contains \"plain message\" if true\n", "is not an object"},
		{"deny contains {\"attribute\": \"a\"} if true\n", "has no resource address"},
		{"deny contains {\"resource\": \"x\", \"status\": \"maybe\"} if true\n", `status "maybe" is not fail or inconclusive`},
		{"deny contains {\"resource\": \"x\", \"owner\": \"FG-T-001\"} if true\n", "cannot name its own rule as the owner"},
	}
	for _, tt := range tests {
		set := loadOne(t, goodCustom, tt.body)
		q, err := set.Prepare(context.Background(), Options{Profile: rule.Simple})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := q.Eval(context.Background(), &model.Document{}); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%q: error %v, want %q", tt.body, err, tt.err)
		}
	}
}

// TestUserPoliciesAreSandboxed: a policy cannot reach the network, the
// environment or the clock, and an evaluation that runs too long stops.
func TestUserPoliciesAreSandboxed(t *testing.T) {
	for _, body := range []string{
		"deny contains {\"resource\": \"x\"} if http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1\"})\n",
		"deny contains {\"resource\": \"x\"} if opa.runtime().env.HOME\n",
		"deny contains {\"resource\": \"x\"} if time.now_ns() > 0\n",
		"deny contains {\"resource\": \"x\"} if net.lookup_ip_addr(\"example.com\")\n",
	} {
		_, err := Load(testCat(t), Source{FS: fstest.MapFS{"a.rego": {Data: []byte(module("t.a", goodCustom, body))}}, Name: "p"})
		if err == nil || !strings.Contains(err.Error(), "p/a.rego:14:") || !strings.Contains(err.Error(), "undefined function") {
			t.Errorf("%q: %v, want an undefined-function error at p/a.rego:14", body, err)
		}
	}
	slow := "deny contains {\"resource\": \"x\"} if {\n\tsome i in numbers.range(1, 30000)\n\tsome j in numbers.range(1, 30000)\n\ti * j == -1\n}\n"
	set := loadOne(t, goodCustom, slow)
	q, err := set.Prepare(context.Background(), Options{Profile: rule.Simple, Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := q.Eval(context.Background(), &model.Document{}); err == nil || !strings.Contains(err.Error(), "took longer than 100ms and was stopped") {
		t.Errorf("slow policy: %v", err)
	}
}

// TestCheckStrict: what opa check --strict rejects is reported at its
// line, tests included; a clean library passes.
func TestCheckStrict(t *testing.T) {
	tests := []struct {
		name, file, src, err string
	}{
		{"clean", "a.rego", module("t.a", goodCustom, goodBody), ""},
		{"unused assignment", "a.rego", module("t.a", goodCustom, goodBody+"x if {\n\ty := 1\n\ttrue\n}\n"), "p/a.rego:19: rego_compile_error: assigned var y unused"},
		{"unused import in a test", "a_test.rego", "package t.a_test\n\nimport data.t.a\n\ntest_x if true\n", "p/a_test.rego:3: rego_compile_error: import data.t.a unused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckStrict(Source{FS: fstest.MapFS{tt.file: {Data: []byte(tt.src)}}, Name: "p"})
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || err.Error() != tt.err) {
				t.Errorf("error %v, want %q", err, tt.err)
			}
		})
	}
}

// TestUnitsArePackageDirectories: a query evaluates the rules of a package
// directory together (they share helpers), the units heaviest first.
func TestUnitsArePackageDirectories(t *testing.T) {
	var rules []*rule.Rule
	for _, r := range []struct{ pkg, types string }{
		{"a.s3.x", "aws_s3_bucket"}, {"a.s3.y", "aws_s3_bucket"}, {"a.rds.x", "aws_db_instance"},
		{"a.ec2.x", "aws_instance"}, {"a.ec2.y", "aws_instance,aws_ebs_volume"}, {"a.ec2.z", "*"}, {"a.kms.x", "aws_kms_key"},
	} {
		rules = append(rules, &rule.Rule{ID: r.pkg, Package: r.pkg, ResourceTypes: strings.Split(r.types, ",")})
	}
	var got []string
	for _, dir := range directories(rules) {
		var ids []string
		for _, r := range dir {
			ids = append(ids, r.ID)
		}
		got = append(got, strings.Join(ids, " "))
	}
	if want := []string{"a.s3.x a.s3.y", "a.rds.x", "a.ec2.x a.ec2.y a.ec2.z", "a.kms.x"}; !slices.Equal(got, want) {
		t.Errorf("units %q, want %q", got, want)
	}
	q := &Query{}
	for _, dir := range directories(rules) {
		q.units = append(q.units, unit{rules: dir})
	}
	doc := &model.Document{}
	for _, typ := range []string{"aws_s3_bucket", "aws_db_instance", "aws_db_instance", "aws_db_instance", "aws_db_instance", "aws_kms_key", "aws_instance"} {
		doc.Resources = append(doc.Resources, model.Resource{Type: typ})
	}
	in, err := NewInput(doc)
	if err != nil {
		t.Fatal(err)
	}
	// s3 judges 2 resources, rds 4, ec2 1 + 1 + 7 (every one), kms 1.
	if got, want := q.heaviestFirst(in), []int{2, 1, 0, 3}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
