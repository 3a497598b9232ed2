package hclconf

import (
	"os"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/plan"
)

// TestAddressesAsTerraformWritesThem evaluates for_each keys that need
// quoting (template sequences, quotes, backslashes, control characters,
// unprintable and non-ASCII characters) on resources and module calls, and
// requires exactly the addresses Terraform 1.11 wrote for the same
// configuration (testdata/keys/plan.json, from terraform plan).
func TestAddressesAsTerraformWritesThem(t *testing.T) {
	data, err := os.ReadFile("testdata/keys/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	pdoc, err := plan.Load("plan.json", data)
	if err != nil {
		t.Fatal(err)
	}
	_, hdoc, _ := load(t, "testdata/keys", Options{})
	want, got := managed(pdoc, true), managed(hdoc, false)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("addresses differ from Terraform's\nonly Terraform: %q\nonly fiscguard: %q", minus(want, got), minus(got, want))
	}
	for _, a := range []string{`terraform_data.k["a$${b}$${c}"]`, `module.m["%%{if}"].terraform_data.r`, `terraform_data.k["\u001b[31m"]`} {
		if !strings.Contains(strings.Join(got, "\n"), a) {
			t.Errorf("%s missing", a)
		}
	}
}
