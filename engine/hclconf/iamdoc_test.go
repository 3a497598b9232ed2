package hclconf

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/fiscguard/fiscguard/engine/iamdoc"
	"github.com/fiscguard/fiscguard/engine/model"
)

// TestPolicyDocumentsAsTheProvider evaluates the fixture whose plan holds
// what the AWS provider rendered and requires the same json, minified_json
// and id from HCL (numbers and booleans given where strings belong, dynamic
// blocks, heredoc and jsonencode sources, one document built from others).
func TestPolicyDocumentsAsTheProvider(t *testing.T) {
	data, err := os.ReadFile("../../fixtures/plans/iam-policy-documents.json")
	if err != nil {
		t.Fatal(err)
	}
	var plan tfjson.Plan
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&plan); err != nil {
		t.Fatal(err)
	}
	res, _, notes := load(t, "../../fixtures/hcl/iam-policy-documents", Options{})
	if len(notes) > 0 {
		t.Errorf("notes: %v", notes)
	}
	n := 0
	for _, want := range plan.PriorState.Values.RootModule.Resources {
		got := res[want.Address]
		if got == nil {
			t.Errorf("%s: not in the HCL scan", want.Address)
			continue
		}
		n++
		for _, attr := range []string{iamdoc.AttrJSON, iamdoc.AttrMinifiedJSON, iamdoc.AttrID} {
			if got.Values[attr] != want.AttributeValues[attr] {
				t.Errorf("%s: %s\n got: %v\nwant: %v", want.Address, attr, got.Values[attr], want.AttributeValues[attr])
			}
		}
	}
	if n < 9 {
		t.Errorf("only %d data sources compared", n)
	}
}

// TestPolicyDocumentsKnownInPart: a document whose arguments are known in
// part reaches exactly the attributes whose value is its json, through
// references, locals, "${...}", conditionals on known conditions, module
// variables and source_policy_documents; a value built from the json, or
// chosen by a condition known only after apply, carries no document.
func TestPolicyDocumentsKnownInPart(t *testing.T) {
	res, _, notes := load(t, "testdata/policydocs", Options{})
	if len(notes) > 0 {
		t.Errorf("notes: %v", notes)
	}
	public := `{"Version":"2012-10-17","Statement":[{"Sid":"Public","Effect":"Allow","Action":"s3:GetObject","Resource":null,"Principal":"*"}]}`
	publicUnknown := `{"Statement":[{"Resource":true}]}`
	tests := []struct {
		address, attr, value, unknown string
	}{
		{"data.aws_iam_policy_document.public", "json", public, publicUnknown},
		{"data.aws_iam_policy_document.public", "minified_json", public, publicUnknown},
		{"aws_s3_bucket_policy.direct", "policy", public, publicUnknown},
		{"aws_s3_bucket_policy.through_local_and_template", "policy", public, publicUnknown},
		{"aws_s3_bucket_policy.known_condition", "policy", public, publicUnknown},
		{"module.queue.aws_sqs_queue_policy.q", "policy", public, publicUnknown},
		// replace in the json is replace in the document's strings.
		{"aws_s3_bucket_policy.replaced", "policy", strings.Replace(public, `"Public"`, `"Private"`, 1), publicUnknown},
		{"aws_s3_bucket_policy.combined", "policy",
			`{"Version":"2012-10-17","Statement":[{"Sid":"Public","Effect":"Allow","Action":"s3:GetObject","Resource":null,"Principal":"*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::fg-bank-statements/*"},{"Sid":"Own","Effect":"Allow","Action":"s3:ListBucket"}]}`,
			`{"Statement":[{"Resource":true},false,false]}`},
	}
	for _, tt := range tests {
		r := res[tt.address]
		if r == nil {
			t.Errorf("%s: missing", tt.address)
			continue
		}
		doc, ok := r.Documents[tt.attr]
		if !ok {
			t.Errorf("%s.%s: no document (documents %v)", tt.address, tt.attr, r.Documents)
			continue
		}
		if got := compact(t, doc.Value); got != compact(t, tt.value) {
			t.Errorf("%s.%s: value\n got %s\nwant %s", tt.address, tt.attr, got, tt.value)
		}
		if got := compact(t, doc.Unknown); got != compact(t, tt.unknown) {
			t.Errorf("%s.%s: unknown %s, want %s", tt.address, tt.attr, got, tt.unknown)
		}
		if r.Unknown[tt.attr] != true {
			t.Errorf("%s.%s: the string is known: %v", tt.address, tt.attr, r.Values[tt.attr])
		}
	}
	for _, addr := range []string{"aws_s3_bucket_policy.unknown_condition", "aws_s3_bucket_policy.reencoded", "aws_s3_bucket_policy.either", "aws_s3_bucket_policy.secret", "data.aws_iam_policy_document.secret"} {
		if r := res[addr]; r == nil || len(r.Documents) > 0 {
			t.Errorf("%s: want no document, have %v", addr, r)
		}
	}
	if got := res["aws_iam_policy.known"].Values["policy"]; got != res["data.aws_iam_policy_document.known"].Values["json"] || !strings.HasPrefix(got.(string), iamdoc.JSONPrefix) {
		t.Errorf("known document: policy %v", got)
	}
	if got := res["data.aws_iam_policy_document.secret"].Values["json"]; got != model.Redacted {
		t.Errorf("a document with a sensitive argument: json %v, want it redacted", got)
	}
}

// TestPolicyDocumentThatCannotBeRead: what the provider rejects leaves the
// json unknown, with a note naming the data source.
func TestPolicyDocumentThatCannotBeRead(t *testing.T) {
	dir := t.TempDir()
	src := `data "aws_iam_policy_document" "dup" {
  statement { sid = "A" }
  statement { sid = "A" }
}
`
	if err := os.WriteFile(dir+"/main.tf", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res, _, notes := load(t, dir, Options{})
	if r := res["data.aws_iam_policy_document.dup"]; r.Unknown["json"] != true {
		t.Errorf("json %v", r.Values["json"])
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "data.aws_iam_policy_document.dup cannot be read: `statement[1]: duplicate Sid \"A\"`") || !strings.HasPrefix(notes[0], "main.tf:1:") {
		t.Errorf("notes %q", notes)
	}
}

// TestPolicyDocumentReasonWithheld: the provider's reason may quote what a
// statement says; when the document holds a sensitive value, the note
// names the data source without it.
func TestPolicyDocumentReasonWithheld(t *testing.T) {
	dir := t.TempDir()
	src := `variable "sid" {
  default   = "CANARY-sid"
  sensitive = true
}
data "aws_iam_policy_document" "dup" {
  statement { sid = var.sid }
  statement { sid = var.sid }
}
`
	if err := os.WriteFile(dir+"/main.tf", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res, _, notes := load(t, dir, Options{})
	if r := res["data.aws_iam_policy_document.dup"]; r.Unknown["json"] != true {
		t.Errorf("json %v", r.Values["json"])
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "data.aws_iam_policy_document.dup cannot be read (the reason is not shown because the document holds a sensitive value)") || strings.Contains(notes[0], "CANARY") {
		t.Errorf("notes %q", notes)
	}
}

func compact(t *testing.T, v any) string {
	t.Helper()
	if s, ok := v.(string); ok {
		var x any
		if err := json.Unmarshal([]byte(s), &x); err != nil {
			t.Fatal(err)
		}
		v = x
	}
	if m, ok := v.(map[string]any); ok && m == nil {
		return "null"
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
