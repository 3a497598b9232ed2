package plan

import (
	"encoding/json"
	"os"
	"testing"
)

// TestDocumentsKnownInPart reads the plan Terraform made of
// ../hclconf/testdata/policydocs (terraform plan, then show -json, with the
// AWS provider v5): the deferred aws_iam_policy_document is rendered from
// its known arguments and reaches the attributes whose expression refers to
// nothing but its json, directly, through a module variable or as a source
// document. A plan shows expressions only by their references, so an
// expression that also refers to something else (a variable in a
// condition, a local) gets no document; one that refers to nothing but the
// document (replace(json, "a", "b") with literal arguments) is taken for it.
func TestDocumentsKnownInPart(t *testing.T) {
	data, err := os.ReadFile("testdata/policydocs.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Load("policydocs.json", data)
	if err != nil {
		t.Fatal(err)
	}
	public := `{"value":{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","Principal":"*","Resource":null,"Sid":"Public"}],"Version":"2012-10-17"},"unknown":{"Statement":[{"Resource":true}]}}`
	want := map[string]map[string]string{
		"data.aws_iam_policy_document.public":   {"json": public, "minified_json": public},
		"aws_s3_bucket_policy.direct":           {"policy": public},
		"module.queue.aws_sqs_queue_policy.q":   {"policy": public},
		"aws_s3_bucket_policy.replaced":         {"policy": public},
		"aws_s3_bucket_policy.reencoded":        {"policy": public},
		"aws_s3_bucket_policy.combined":         {"policy": ""},
		"data.aws_iam_policy_document.combined": {"json": "", "minified_json": ""},
	}
	combined := `{"value":{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","Principal":"*","Resource":null,"Sid":"Public"},{"Action":"s3:GetObject","Effect":"Allow","Resource":"arn:aws:s3:::fg-bank-statements/*"},{"Action":"s3:ListBucket","Effect":"Allow","Sid":"Own"}],"Version":"2012-10-17"},"unknown":{"Statement":[{"Resource":true},false,false]}}`
	for _, attrs := range want {
		for attr, v := range attrs {
			if v == "" {
				attrs[attr] = combined
			}
		}
	}
	for _, r := range doc.Resources {
		w := want[r.Address]
		if len(r.Documents) != len(w) {
			t.Errorf("%s: documents for %d attributes, want %d: %v", r.Address, len(r.Documents), len(w), r.Documents)
			continue
		}
		for attr, d := range r.Documents {
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != w[attr] {
				t.Errorf("%s.%s:\n got %s\nwant %s", r.Address, attr, b, w[attr])
			}
		}
		delete(want, r.Address)
	}
	for addr := range want {
		t.Errorf("%s: not in the plan", addr)
	}
}
