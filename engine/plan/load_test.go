package plan

import (
	"encoding/json"
	"errors"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/fixtures/synth"
)

func loadFile(t *testing.T, path string) *model.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Load(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func byAddress(doc *model.Document) map[string]*model.Resource {
	m := map[string]*model.Resource{}
	for i := range doc.Resources {
		m[doc.Resources[i].Address] = &doc.Resources[i]
	}
	return m
}

func TestRefs(t *testing.T) {
	res := byAddress(loadFile(t, "testdata/refs.json"))
	tests := []struct {
		address, attr string
		want          []string
	}{
		// An explicit instance key picks that instance only.
		{"aws_s3_bucket_public_access_block.b[1]", "bucket", []string{"aws_s3_bucket.b[1]"}},
		// No key and an unindexed referrer: every instance.
		{"aws_s3_bucket_policy.all", "bucket", []string{"aws_s3_bucket.b[0]", "aws_s3_bucket.b[1]"}},
		{"aws_s3_bucket_logging.b", "bucket", []string{"aws_s3_bucket.east"}},
		// Through a module output, into the module instance with a dotted key.
		{"aws_s3_bucket_logging.b", "target_bucket", []string{`module.logs["a.b"].aws_s3_bucket.this`}},
		// From inside a nested block, to a data source.
		{"aws_s3_bucket_logging.b", "target_grant", []string{"data.aws_caller_identity.me"}},
	}
	for _, tt := range tests {
		r, ok := res[tt.address]
		if !ok {
			t.Fatalf("%s missing from the model", tt.address)
		}
		if got := r.Refs[tt.attr]; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s refs[%s] = %v, want %v", tt.address, tt.attr, got, tt.want)
		}
	}
}

func TestCountIndexRefsPickTheSameInstance(t *testing.T) {
	data, err := os.ReadFile("testdata/refs.json")
	if err != nil {
		t.Fatal(err)
	}
	// pab.b[1] refers to aws_s3_bucket.b[count.index]: Terraform lists only
	// "aws_s3_bucket.b", and the instance with the same key is meant.
	s := strings.Replace(string(data), `"references": ["aws_s3_bucket.b[1].id", "aws_s3_bucket.b[1]"]`, `"references": ["aws_s3_bucket.b", "count.index"]`, 1)
	doc, err := Load("refs.json", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	got := byAddress(doc)["aws_s3_bucket_public_access_block.b[1]"].Refs["bucket"]
	if want := []string{"aws_s3_bucket.b[1]"}; !reflect.DeepEqual(got, want) {
		t.Errorf("refs = %v, want %v", got, want)
	}
}

func TestProvidersAndRegions(t *testing.T) {
	res := byAddress(loadFile(t, "testdata/refs.json"))
	tests := []struct{ address, provider, region string }{
		{"aws_s3_bucket.b[0]", "aws", "ap-northeast-1"}, // region from a root variable
		{"aws_s3_bucket.east", "aws.virginia", "us-east-1"},
		{`module.logs["a.b"].aws_s3_bucket.this`, "aws", "ap-northeast-1"}, // inherited
		{"data.aws_caller_identity.me", "aws", "ap-northeast-1"},
	}
	for _, tt := range tests {
		r := res[tt.address]
		if r.Provider != tt.provider || r.Region != tt.region {
			t.Errorf("%s: provider %q region %q, want %q %q", tt.address, r.Provider, r.Region, tt.provider, tt.region)
		}
	}
}

func TestModelShape(t *testing.T) {
	doc := loadFile(t, "testdata/refs.json")
	res := byAddress(doc)
	b := res[`module.logs["a.b"].aws_s3_bucket.this`]
	if b.Module != `module.logs["a.b"]` || b.ConfigAddress != "module.logs.aws_s3_bucket.this" {
		t.Errorf("module %q config address %q", b.Module, b.ConfigAddress)
	}
	if i := res["aws_s3_bucket.b[1]"].Index; i != int64(1) {
		t.Errorf("index = %#v, want int64 1", i)
	}
	// A value the configuration sets is unknown; one the provider computes
	// for an argument left unset (the id) is not, as in HCL.
	if u := res["aws_s3_bucket_public_access_block.b[1]"].Unknown["bucket"]; u != true {
		t.Errorf("unknown bucket = %v", u)
	}
	if u, ok := res["aws_s3_bucket.b[0]"].Unknown["id"]; ok {
		t.Errorf("unknown id = %v, want no marker for a computed attribute", u)
	}
	if res["aws_instance.old"].Checked() {
		t.Error("a deleted resource must not be checked")
	}
	if res["data.aws_caller_identity.me"].Checked() {
		t.Error("a data source must not be checked")
	}
	if !doc.Complete || doc.Errored {
		t.Errorf("complete %v errored %v", doc.Complete, doc.Errored)
	}
	// Each resource points at the line where its change starts.
	if loc := res["aws_s3_bucket.b[0]"].Source; loc == nil || loc.Line != 8 || loc.Column != 5 {
		t.Errorf("source = %+v, want line 8 column 5", loc)
	}
}

func TestSensitiveValuesAreRedacted(t *testing.T) {
	db := byAddress(loadFile(t, "testdata/refs.json"))["aws_db_instance.main"]
	if db.Values["password"] != model.Redacted {
		t.Errorf("password = %v", db.Values["password"])
	}
	tags := db.Values["tags"].(map[string]any)
	if tags["token"] != model.Redacted || tags["team"] != "core" {
		t.Errorf("tags = %v", tags)
	}
	if db.Values["engine"] != "postgres" {
		t.Errorf("engine = %v", db.Values["engine"])
	}
}

func TestElementPositions(t *testing.T) {
	doc := []byte("{\"a\": [1, {\"resource_changes\": []}],\n \"resource_changes\" : [\n  {\"x\": \"]}\"},\n{\"y\": [{}]}], \"z\": [{}]}")
	got := elementPositions(doc, "resource_changes")
	want := []lineCol{{3, 3}, {4, 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestBadInput(t *testing.T) {
	deep := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
	tests := []struct {
		name, data string
		line       int
		msg        string
	}{
		{"empty", "", 0, "the file is empty"},
		{"blank", " \n\t", 0, "the file is empty"},
		{"not json", "resource \"aws_s3_bucket\" \"b\" {}\n", 1, "does not start with '{'"},
		{"text before", "[command]terraform show -json\n{\"format_version\": \"1.2\"}", 1, "does not start with '{'"},
		{"truncated", "{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [", 3, "ends early"},
		{"trailing data", "{\"format_version\": \"1.2\", \"resource_changes\": []}\n}\n", 2, "after the end"},
		{"bad syntax", "{\n \"format_version\": \"1.2\",\n \"resource_changes\": [,]\n}", 3, "invalid character"},
		{"state file", `{"version": 4, "terraform_version": "1.9.5", "lineage": "x", "resources": []}`, 0, "Terraform state, not a plan"},
		{"shown state", `{"format_version": "1.0", "terraform_version": "1.9.5", "values": {"root_module": {}}}`, 0, "Terraform state, not a plan"},
		{"arbitrary object", `{"name": "x"}`, 0, "not a Terraform plan"},
		{"array", `[1, 2]`, 1, "does not start with '{'"},
		{"wrong type", `{"format_version": "1.2", "resource_changes": {"a": 1}}`, 1, "not a Terraform plan"},
		{"future format", `{"format_version": "2.0", "resource_changes": []}`, 0, "unsupported plan format version"},
		{"deep nesting", `{"format_version": "1.2", "x": ` + deep + `}`, 1, "exceeded max depth"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Load("in.json", []byte(tt.data))
			var ie *model.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, %v; want an InputError", doc, err)
			}
			if ie.File != "in.json" || ie.Line != tt.line || !strings.Contains(ie.Msg, tt.msg) {
				t.Errorf("got %q (line %d), want line %d and %q", err, ie.Line, tt.line, tt.msg)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

// TestUnknownKeepsWhatTheConfigurationSets prunes a plan's unknown markers
// to the values the configuration writes, nested blocks included.
func TestUnknownKeepsWhatTheConfigurationSets(t *testing.T) {
	exprs := map[string]*tfjson.Expression{}
	cfg := `{"kms_key_id": {"references": ["var.key"]}, "tags": {"references": ["aws_vpc.main.id", "aws_vpc.main"]},
		"root_block_device": [{"volume_size": {"constant_value": 30}}, {"encrypted": {"references": ["var.enc"]}}]}`
	if err := json.Unmarshal([]byte(cfg), &exprs); err != nil {
		t.Fatal(err)
	}
	unknown := map[string]any{
		"arn": true, "kms_key_id": true, "tags": map[string]any{"vpc": true},
		"root_block_device": []any{map[string]any{"encrypted": true, "volume_id": true}, map[string]any{"encrypted": true}},
	}
	// kms_key_id reads only a variable, known when Terraform plans: its
	// marker is the provider's computation of a null argument.
	r := &model.Resource{
		Refs:       map[string][]string{"tags": {"aws_vpc.main"}},
		Unresolved: map[string][]string{"root_block_device": {"module.m.local.enc"}},
	}
	got := configuredUnknown(unknown, exprs, r)
	want := map[string]any{
		"tags":              map[string]any{"vpc": true},
		"root_block_device": []any{false, map[string]any{"encrypted": true}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// TestUnknownHasTheModelsShape: Terraform's false markers and empty
// collections for known values are dropped, as the HCL loader never writes
// them; a known element of a list with unknown ones keeps its place.
func TestUnknownHasTheModelsShape(t *testing.T) {
	tests := []struct {
		in   any
		want any
		some bool
	}{
		{true, true, true},
		{false, nil, false},
		{[]any{}, nil, false},
		{map[string]any{}, nil, false},
		{[]any{false, false}, nil, false},
		{[]any{false, true}, []any{false, true}, true},
		{[]any{map[string]any{"cidr_blocks": true, "prefix_list_ids": []any{}, "self": false}}, []any{map[string]any{"cidr_blocks": true}}, true},
		{[]any{map[string]any{"prefix_list_ids": []any{}}, map[string]any{"tags": map[string]any{"a": true}}}, []any{false, map[string]any{"tags": map[string]any{"a": true}}}, true},
		{map[string]any{"a": false, "b": []any{false}}, nil, false},
	}
	for _, tt := range tests {
		got, some := compactUnknown(tt.in)
		if some != tt.some || (some && !reflect.DeepEqual(got, tt.want)) {
			t.Errorf("compactUnknown(%v) = %v, %v; want %v, %v", tt.in, got, some, tt.want, tt.some)
		}
	}
}

// TestProviderConfigurations carry Terraform's configuration address, whether
// they write a region and the resources they are in force for.
func TestProviderConfigurations(t *testing.T) {
	doc := loadFile(t, "testdata/refs.json")
	got := map[string]model.Provider{}
	for _, p := range doc.Providers {
		got[p.Key] = p
	}
	root, virginia := got["aws"], got["aws.virginia"]
	if root.Address != `provider["registry.terraform.io/hashicorp/aws"]` || !root.RegionWritten || root.Region != "ap-northeast-1" {
		t.Errorf("aws = %+v", root)
	}
	if virginia.Address != `provider["registry.terraform.io/hashicorp/aws"].virginia` || strings.Join(virginia.Resources, ",") != "aws_s3_bucket.east" {
		t.Errorf("aws.virginia = %+v", virginia)
	}
	if m := got["module.logs:aws"]; m.Address != `module.logs.provider["registry.terraform.io/hashicorp/aws"]` || len(m.Resources) != 0 || m.RegionWritten {
		t.Errorf("module.logs:aws = %+v (a module's requirement places nothing: its resources use the root's)", m)
	}
	if !slices.Contains(root.Resources, `module.logs["a.b"].aws_s3_bucket.this`) || slices.Contains(root.Resources, "data.aws_caller_identity.me") {
		t.Errorf("aws places %v", root.Resources)
	}
}

// TestChangesInShares: a plan large enough to be converted a share per
// core gives its resources in the plan's order, each with its own values
// and the position of its own change.
func TestChangesInShares(t *testing.T) {
	data := synth.Plan(3 * minShare)
	doc, err := Load("plan.json", data)
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				After map[string]any `json:"after"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	if len(doc.Resources) < len(p.ResourceChanges) {
		t.Fatalf("%d resources for %d changes", len(doc.Resources), len(p.ResourceChanges))
	}
	lastLine, lastCol := 0, 0
	for i, rc := range p.ResourceChanges {
		r := doc.Resources[i]
		if r.Address != rc.Address {
			t.Fatalf("resource %d is %s, want %s", i, r.Address, rc.Address)
		}
		if got, want := slices.Sorted(maps.Keys(r.Values)), slices.Sorted(maps.Keys(rc.Change.After)); !slices.Equal(got, want) {
			t.Errorf("%s: attributes %v, want %v", r.Address, got, want)
		}
		if r.Source == nil || r.Source.Line < lastLine || r.Source.Line == lastLine && r.Source.Column <= lastCol {
			t.Fatalf("%s: position %+v after %d:%d", r.Address, r.Source, lastLine, lastCol)
		}
		lastLine, lastCol = r.Source.Line, r.Source.Column
	}
}
