package addrs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// terraformStringKeys are string for_each keys and the instance keys
// Terraform 1.11.4 wrote for them in a plan (resource_changes[].address of
// terraform_data resources with for_each over these keys, read from a JSON
// file so that HCL's own escapes played no part). Terraform normalises
// strings to NFC first, as cty does: "e\u0301" became "é" and "\u2126" "Ω".
var terraformStringKeys = []struct {
	key, want string
}{
	{"", `[""]`},
	{"\u0000", `["\u0000"]`},
	{"\u001b[31m", `["\u001b[31m"]`},
	{" ", `[" "]`},
	{"$", `["$"]`},
	{"$$", `["$$"]`},
	{"$${", `["$$${"]`},
	{"${", `["$${"]`},
	{"%", `["%"]`},
	{"%%{", `["%%%{"]`},
	{"%{", `["%%{"]`},
	{"%{if}", `["%%{if}"]`},
	{"'", `["'"]`},
	{"-1", `["-1"]`},
	{"0", `["0"]`},
	{"100%{", `["100%%{"]`},
	{"<>&", `["<>&"]`},
	{"\\n", `["\\n"]`},
	{"`", "[\"`\"]"},
	{"a$", `["a$"]`},
	{"a${b}${c}", `["a$${b}$${c}"]`},
	{"a.b", `["a.b"]`},
	{"a\\\"b", `["a\\\"b"]`},
	{"a]b", `["a]b"]`},
	{"bell\u0007", `["bell\u0007"]`},
	{"cr\u000dx", `["cr\rx"]`},
	{"nl\u000ax", `["nl\nx"]`},
	{"tab\u0009here", `["tab\there"]`},
	{"x\"]", `["x\"]"]`},
	{"{", `["{"]`},
	{"}", `["}"]`},
	{"\u007f", `["\u007f"]`},
	{"\u0085", `["\u0085"]`},
	{"\u00a0", `["\u00a0"]`},
	{"\u00ad", `["\u00ad"]`},
	{"\u00e9", `["é"]`},
	{"\u0378", `["\u0378"]`},
	{"\u03a9", `["Ω"]`},
	{"\u200d", `["\u200d"]`},
	{"\u2028", `["\u2028"]`},
	{"\u2060", `["\u2060"]`},
	{"\u3000", `["\u3000"]`},
	{"\u65e5\u672c\u8a9e", `["日本語"]`},
	{"\ud7ff", `["\ud7ff"]`},
	{"\ue000", `["\ue000"]`},
	{"\ufb01", `["ﬁ"]`},
	{"\ufeff", `["\ufeff"]`},
	{"\uff76\uff85", `["ｶﾅ"]`},
	{"\ufffd", `["�"]`},
	{"\U0001d173", `["\U0001d173"]`},
	{"\U0001f3fb", `["🏻"]`},
	{"\U0001f600", `["😀"]`},
	{"\U000e0001", `["\U000e0001"]`},
	{"\U000f0000", `["\U000f0000"]`},
	{"\U0010ffff", `["\U0010ffff"]`},
}

func TestStringKeyAsTerraformWritesIt(t *testing.T) {
	for _, tt := range terraformStringKeys {
		if got := StringKey(tt.key).String(); got != tt.want {
			t.Errorf("StringKey(%q) = %s, Terraform writes %s", tt.key, got, tt.want)
		}
		// The rendering reads back as the same key, in an address and in a reference.
		addr := "module.m" + tt.want + ".terraform_data.k" + tt.want
		a, err := ParseAbsResourceInstance(addr)
		if err != nil {
			t.Errorf("%s: %v", addr, err)
			continue
		}
		if a.Resource.Key != StringKey(tt.key) || a.Module[0].Key != StringKey(tt.key) || a.String() != addr {
			t.Errorf("%s read back as %#v", addr, a)
		}
		ref, err := ParseRefString("terraform_data.k" + tt.want + ".output")
		if err != nil || ref != (ResourceInstance{Resource{ManagedMode, "terraform_data", "k"}, StringKey(tt.key)}) {
			t.Errorf("reference with key %s: %#v, %v", tt.want, ref, err)
		}
	}
}

func TestKeys(t *testing.T) {
	tests := []struct {
		index any
		want  string
	}{
		{nil, ""},
		{int64(0), "[0]"},
		{12, "[12]"},
		{float64(3), "[3]"},
		{json.Number("7"), "[7]"},
		{"0", `["0"]`},
	}
	for _, tt := range tests {
		k, err := KeyOf(tt.index)
		if err != nil {
			t.Fatalf("KeyOf(%v): %v", tt.index, err)
		}
		if KeyString(k) != tt.want {
			t.Errorf("KeyOf(%#v) = %s, want %s", tt.index, KeyString(k), tt.want)
		}
	}
	for _, bad := range []any{1.5, json.Number("1e400"), true, []any{}} {
		if _, err := KeyOf(bad); err == nil {
			t.Errorf("KeyOf(%#v) gave no error", bad)
		}
	}
	if Key(IntKey(0)) == Key(StringKey("0")) {
		t.Error(`[0] and ["0"] must be different keys`)
	}
}

func TestModuleAddresses(t *testing.T) {
	m := RootModuleInstance.Child("a", StringKey("x.y")).Child("b", IntKey(0)).Child("c", NoKey)
	if got := m.String(); got != `module.a["x.y"].module.b[0].module.c` {
		t.Errorf("module instance: %s", got)
	}
	if got := m.Module().String(); got != "module.a.module.b.module.c" {
		t.Errorf("module path: %s", got)
	}
	parent, step := m.Parent()
	if parent.String() != `module.a["x.y"].module.b[0]` || step.Name != "c" || step.Key != nil {
		t.Errorf("parent of %s: %s, %#v", m, parent, step)
	}
	if RootModuleInstance.String() != "" || RootModule.String() != "" || !RootModuleInstance.IsRoot() {
		t.Error("the root module renders as the empty address")
	}
	got, err := ParseModuleInstance(m.String())
	if err != nil || !reflect.DeepEqual(got, m) {
		t.Errorf("ParseModuleInstance(%s) = %#v, %v", m, got, err)
	}
	if got, err := ParseModuleInstance(""); err != nil || !got.IsRoot() {
		t.Errorf(`ParseModuleInstance("") = %v, %v`, got, err)
	}
	for _, bad := range []string{"module", "module.a.aws_s3_bucket.b", `module.a[1.5]`, `module.a["x"`, "aws_s3_bucket.b"} {
		if _, err := ParseModuleInstance(bad); err == nil {
			t.Errorf("ParseModuleInstance(%q) gave no error", bad)
		}
	}
	// Children do not share their parent's backing array.
	p := RootModuleInstance.Child("a", NoKey)
	x, y := p.Child("x", NoKey), p.Child("y", NoKey)
	if x.String() != "module.a.module.x" || y.String() != "module.a.module.y" {
		t.Errorf("children: %s, %s", x, y)
	}
}

func TestParseAbsResourceInstance(t *testing.T) {
	tests := []struct {
		in     string
		module string
		config string
		key    Key
	}{
		{"aws_s3_bucket.b", "", "aws_s3_bucket.b", NoKey},
		{"aws_s3_bucket.b[0]", "", "aws_s3_bucket.b", IntKey(0)},
		{`data.aws_iam_policy_document.p["a"]`, "", "data.aws_iam_policy_document.p", StringKey("a")},
		{`module.a["x"].module.b[2].aws_s3_bucket.b["k"]`, `module.a["x"].module.b[2]`, "module.a.module.b.aws_s3_bucket.b", StringKey("k")},
		{`module.a.data.aws_region.r`, "module.a", "module.a.data.aws_region.r", NoKey},
	}
	for _, tt := range tests {
		a, err := ParseAbsResourceInstance(tt.in)
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if a.String() != tt.in || a.Module.String() != tt.module || a.Config().String() != tt.config || a.Resource.Key != tt.key {
			t.Errorf("%s: %s in %s from %s key %v", tt.in, a, a.Module, a.Config(), a.Resource.Key)
		}
	}
	for _, bad := range []string{"", "aws_s3_bucket", "aws_s3_bucket.b.c", "aws_s3_bucket.b[0][1]", "aws_s3_bucket.b[1.5]", "data.x", `aws_s3_bucket.b["a${x}"]`, "module.m"} {
		if _, err := ParseAbsResourceInstance(bad); err == nil {
			t.Errorf("ParseAbsResourceInstance(%q) gave no error", bad)
		}
	}
}

func TestParseRef(t *testing.T) {
	bucket := Resource{ManagedMode, "aws_s3_bucket", "b"}
	tests := []struct {
		in   string
		want Referenceable
	}{
		{"aws_s3_bucket.b", ResourceInstance{bucket, NoKey}},
		{"aws_s3_bucket.b.id", ResourceInstance{bucket, NoKey}},
		{"aws_s3_bucket.b[0].arn", ResourceInstance{bucket, IntKey(0)}},
		{`aws_s3_bucket.b["a"]`, ResourceInstance{bucket, StringKey("a")}},
		{`data.aws_kms_key.k.arn`, ResourceInstance{Resource{DataMode, "aws_kms_key", "k"}, NoKey}},
		{`ephemeral.aws_secret.s.value`, ResourceInstance{Resource{EphemeralMode, "aws_secret", "s"}, NoKey}},
		{"module.m", ModuleCallRef{Name: "m"}},
		{"module.m.out", ModuleCallRef{Name: "m", Output: "out"}},
		{`module.m["x"]`, ModuleCallRef{Name: "m", Key: StringKey("x")}},
		{`module.m[1].out.id`, ModuleCallRef{Name: "m", Key: IntKey(1), Output: "out"}},
		{"var.x", InputVariable{"x"}},
		{"var.x.y[0]", InputVariable{"x"}},
		{"local.l", LocalValue{"l"}},
		{"each.value", ForEachAttr{"value"}},
		{"each.key", ForEachAttr{"key"}},
		{"count.index", CountAttr{"index"}},
		{"path.module", PathAttr{"module"}},
		{"terraform.workspace", TerraformAttr{"workspace"}},
		{"self", Self{}},
		{"self.private_ip", Self{}},
	}
	for _, tt := range tests {
		got, err := ParseRefString(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseRefString(%q) = %#v, %v; want %#v", tt.in, got, err, tt.want)
			continue
		}
		if s := got.String(); !strings.HasPrefix(tt.in, s) {
			t.Errorf("%#v renders as %s, not a prefix of %s", got, s, tt.in)
		}
	}
	for _, bad := range []string{"var", "var[0]", "aws_s3_bucket", "data.x", "data.x[0].y", "module", "module.m[1.5]", "aws_s3_bucket.b[true]", "x.", `aws_s3_bucket.b["${x}"]`} {
		if got, err := ParseRefString(bad); err == nil {
			t.Errorf("ParseRefString(%q) = %#v, want an error", bad, got)
		}
	}
}

func TestInnermost(t *testing.T) {
	parse := func(ss ...string) []Referenceable {
		var out []Referenceable
		for _, s := range ss {
			r, err := ParseRefString(s)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r)
		}
		return out
	}
	tests := []struct {
		in, want []string
	}{
		// As a plan lists aws_s3_bucket.b["a"].id.
		{[]string{`aws_s3_bucket.b["a"].id`, `aws_s3_bucket.b["a"]`, "aws_s3_bucket.b"}, []string{`aws_s3_bucket.b["a"]`, `aws_s3_bucket.b["a"]`}},
		// aws_s3_bucket.b[count.index].id: the whole resource, and count.index.
		{[]string{"aws_s3_bucket.b", "count.index"}, []string{"aws_s3_bucket.b", "count.index"}},
		{[]string{"module.m.out", "module.m"}, []string{"module.m.out"}},
		{[]string{`module.m[0].out`, `module.m[0]`, "module.m"}, []string{"module.m[0].out"}},
		{[]string{`module.m[0]`, "module.m"}, []string{"module.m[0]"}},
		{[]string{`module.m[0]`, "module.n.x"}, []string{"module.m[0]", "module.n.x"}},
		{[]string{"aws_s3_bucket.b[0]", "aws_s3_bucket.c"}, []string{"aws_s3_bucket.b[0]", "aws_s3_bucket.c"}},
	}
	for _, tt := range tests {
		got := Innermost(parse(tt.in...))
		var s []string
		for _, r := range got {
			s = append(s, r.String())
		}
		if !reflect.DeepEqual(s, tt.want) {
			t.Errorf("Innermost(%v) = %v, want %v", tt.in, s, tt.want)
		}
	}
}

func TestExpansionResolve(t *testing.T) {
	var counted, keyed, single Expansion[string]
	for i := range 3 {
		counted.Add(IntKey(int64(i)), "c"+IntKey(int64(i)).String())
	}
	for _, k := range []string{"a", "b"} {
		keyed.Add(StringKey(k), "k"+StringKey(k).String())
	}
	single.Add(NoKey, "s")
	tests := []struct {
		name      string
		e         *Expansion[string]
		key, from Key
		want      []string
	}{
		{"a key names its instance", &counted, IntKey(1), NoKey, []string{"c[1]"}},
		{"a key names its instance from any referrer", &counted, IntKey(1), IntKey(2), []string{"c[1]"}},
		{"a key that does not exist names nothing", &counted, IntKey(7), NoKey, nil},
		{"a key of the other kind names nothing", &counted, StringKey("1"), NoKey, nil},
		{"no key from outside an expansion: every instance", &counted, NoKey, NoKey, []string{"c[0]", "c[1]", "c[2]"}},
		{"no key from a sibling instance: the same key (count.index)", &counted, NoKey, IntKey(2), []string{"c[2]"}},
		{"no key from a sibling instance: the same key (each.key)", &keyed, NoKey, StringKey("b"), []string{`k["b"]`}},
		{"no key, the referrer's key absent: every instance", &keyed, NoKey, StringKey("z"), []string{`k["a"]`, `k["b"]`}},
		{"no key, a count referrer to a for_each: every instance", &keyed, NoKey, IntKey(0), []string{`k["a"]`, `k["b"]`}},
		{"a single instance from an expansion", &single, NoKey, IntKey(4), []string{"s"}},
		{"nothing recorded", nil, NoKey, NoKey, nil},
	}
	for _, tt := range tests {
		if got := tt.e.Resolve(tt.key, tt.from); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTargets(t *testing.T) {
	var a, b Targets
	a.AddInstance("aws_x.y[0]")
	b.AddInstance("aws_x.y[1]")
	b.AddUnresolved("module.m.local.k")
	a.Merge(&b)
	a.Merge(&Targets{})
	want := Targets{Instances: map[string]bool{"aws_x.y[0]": true, "aws_x.y[1]": true}, Unresolved: map[string]bool{"module.m.local.k": true}}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("merged %v, want %v", a, want)
	}
}

// TestCorpusAddresses reads every resource address Terraform wrote in the
// corpus plans and renders it back byte for byte.
func TestCorpusAddresses(t *testing.T) {
	var plans []string
	_ = filepath.WalkDir("../../../shared/corpus/plans", func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "_negative" {
			return filepath.SkipDir
		}
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			plans = append(plans, p)
		}
		return nil
	})
	if len(plans) == 0 {
		t.Skip("corpus not available")
	}
	n := 0
	for _, p := range plans {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var plan struct {
			ResourceChanges []struct {
				Address       string `json:"address"`
				ModuleAddress string `json:"module_address"`
				Index         any    `json:"index"`
			} `json:"resource_changes"`
		}
		if json.Unmarshal(data, &plan) != nil {
			continue
		}
		for _, rc := range plan.ResourceChanges {
			a, err := ParseAbsResourceInstance(rc.Address)
			if err != nil {
				t.Errorf("%s: %v", filepath.Base(p), err)
				continue
			}
			key, err := KeyOf(rc.Index)
			if err != nil {
				t.Errorf("%s: %s: %v", filepath.Base(p), rc.Address, err)
				continue
			}
			if a.String() != rc.Address || a.Module.String() != rc.ModuleAddress || a.Resource.Key != key {
				t.Errorf("%s: %s renders back as %s (module %q, key %v)", filepath.Base(p), rc.Address, a, a.Module, a.Resource.Key)
			}
			n++
		}
	}
	t.Logf("%d addresses from %d plans", n, len(plans))
	if n < 1000 {
		t.Errorf("only %d addresses read", n)
	}
}

func TestNamesLocalValue(t *testing.T) {
	for ref, want := range map[string]bool{
		"local.key":                        true,
		`module.a["x"].module.b.local.key`: true,
		"module.a[0].local.k":              true,
		"aws_kms_key.local":                false,
		"module.local.aws_kms_key.k":       false,
		"module.a.output.local":            false,
		"var.local":                        false,
		"local":                            false,
		"not an address (":                 false,
	} {
		if got := NamesLocalValue(ref); got != want {
			t.Errorf("NamesLocalValue(%q) = %v, want %v", ref, got, want)
		}
	}
}
