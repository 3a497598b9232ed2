package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/fiscguard/fiscguard/policies"
)

// The tests run in engine/tfschema/gentable; the repository root is three up.
const root = "../../../"

func readSchema(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(root + defaultSchema)
	if err != nil {
		t.Skipf("provider schema not available: %v", err)
	}
	return data
}

// TestCommittedTableIsCurrent regenerates the table from the provider schema
// and the policy library: run make tfschema and commit the result.
func TestCommittedTableIsCurrent(t *testing.T) {
	table, _, err := generate(readSchema(t), policies.FS)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(root + defaultOut)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(table, committed) {
		t.Errorf("%s is out of date: run make tfschema and commit it", defaultOut)
	}
}

// TestLibraryTypes: declared types, types named only in a policy's body (a
// join), and newer types the schema lacks are told apart; tests are ignored.
func TestLibraryTypes(t *testing.T) {
	lib := fstest.MapFS{
		"aws/x/p.rego": {Data: []byte(`# METADATA
# title: t
# custom:
#   resource_types: [aws_kms_key, aws_newer_thing, "*"]
package fiscguard.aws.x.p

deny contains x if {
	some x in data.fiscguard.lib.referrers(input, "aws_sns_topic_policy", "arn")
}
`)},
		"aws/x/p_test.rego": {Data: []byte("package fiscguard.aws.x.p_test\n\ntest_a if \"aws_db_instance\" != \"\"\n")},
	}
	table, missing, err := generate(readSchema(t), lib)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\n\"aws_kms_key\":", "\n\"aws_sns_topic_policy\":", "\n\"aws_iam_policy_document\":"} {
		if !bytes.Contains(table, []byte(want)) {
			t.Errorf("the table lacks %s", want)
		}
	}
	if bytes.Contains(table, []byte(`"aws_db_instance"`)) {
		t.Error("a type named only in a test is in the table")
	}
	if strings.Join(missing, ",") != "aws_newer_thing" {
		t.Errorf("missing = %v, want [aws_newer_thing]", missing)
	}
}

// TestRefusesWhatConversionCannotRead: a map-nested block (its keys are
// block labels) is refused with the path to it.
func TestRefusesWhatConversionCannotRead(t *testing.T) {
	schema := `{"format_version":"1.0","provider_schemas":{"registry.terraform.io/hashicorp/aws":{"resource_schemas":{
"aws_kms_key":{"version":0,"block":{"block_types":{"rules":{"nesting_mode":"map","block":{}}}}}},
"data_source_schemas":{"aws_iam_policy_document":{"version":0,"block":{}}}}}}`
	lib := fstest.MapFS{"p.rego": {Data: []byte("package p\n\nx := \"aws_kms_key\"\n")}}
	_, _, err := generate([]byte(schema), lib)
	if err == nil || !strings.Contains(err.Error(), `aws_kms_key.rules: nesting mode "map" is not supported`) {
		t.Errorf("err = %v", err)
	}
}
