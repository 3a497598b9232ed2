package hclconf

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
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

// TestRefsAcrossModuleBoundaries follows a key passed into modules (and
// one module further) to the resource it names, from HCL and from the plan
// Terraform made of the same configuration: a module instance's
// aws_kms_key.app[each.key] is the key with that instance's own key.
func TestRefsAcrossModuleBoundaries(t *testing.T) {
	pres, hres := fixtureForms(t, "kms-key-passed-into-module")
	tests := []struct {
		address string
		want    []string
	}{
		{"aws_ebs_volume.root", []string{"aws_kms_key.primary"}},
		{"module.storage.aws_ebs_volume.this", []string{"aws_kms_key.primary"}},
		{"module.unkeyed.aws_ebs_volume.this", nil},
		{`module.apps["billing"].aws_cloudwatch_log_group.this`, []string{`aws_kms_key.app["billing"]`}},
		{`module.apps["ledger"].module.data.aws_ebs_volume.this`, []string{`aws_kms_key.app["ledger"]`}},
		// The plan lists aws_kms_key.app beside aws_kms_key.app["ledger"].
		{"aws_cloudwatch_log_group.audit", []string{`aws_kms_key.app["ledger"]`}},
	}
	for _, tt := range tests {
		for form, res := range map[string]map[string]*model.Resource{"HCL": hres, "plan": pres} {
			r, ok := res[tt.address]
			if !ok {
				t.Errorf("%s: %s missing", form, tt.address)
				continue
			}
			if got := r.Refs["kms_key_id"]; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s: %s refs[kms_key_id] = %v, want %v", form, tt.address, got, tt.want)
			}
		}
	}
}

// TestRefsThroughLocals follows locals (which the plan does not show) to
// what they refer to, seen from the referrer's key: local.keys[count.index]
// over aws_kms_key.k[*].arn is the key with the volume's own index.
func TestRefsThroughLocals(t *testing.T) {
	res, _, _ := load(t, "testdata/refs-locals", Options{})
	tests := []struct {
		address string
		want    []string
	}{
		{"aws_ebs_volume.v[0]", []string{"aws_kms_key.k[0]"}},
		{"aws_ebs_volume.v[1]", []string{"aws_kms_key.k[1]"}},
		// local.first is local.keys[0]: a local is followed as a whole (both
		// keys), through the module's variable and its own local.
		{"module.m.aws_ebs_volume.this", []string{"aws_kms_key.k[0]", "aws_kms_key.k[1]"}},
	}
	for _, tt := range tests {
		if got := res[tt.address].Refs["kms_key_id"]; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s refs[kms_key_id] = %v, want %v", tt.address, got, tt.want)
		}
	}
}

// TestUnresolvedRefs records what an attribute refers to when no instance
// answers the reference, so that a value known only after apply is still
// known to be set from something: a module that is not installed, an
// instance key with no instance, and (in a plan, which shows no locals) a
// module's local value.
func TestUnresolvedRefs(t *testing.T) {
	res, _, _ := load(t, "testdata/refs-unresolved", Options{})
	db := res["aws_db_instance.db"]
	want := map[string][]string{"storage_encrypted": {"module.kms.enabled"}, "kms_key_id": {"aws_kms_key.k[1]"}}
	if !reflect.DeepEqual(db.Unresolved, want) {
		t.Errorf("unresolved = %v, want %v", db.Unresolved, want)
	}
	if want := map[string][]string{"identifier": {"aws_kms_key.k[0]"}}; !reflect.DeepEqual(db.Refs, want) {
		t.Errorf("refs = %v, want %v", db.Refs, want)
	}

	pres, hres := fixtureForms(t, "encryption-set-from-module-local")
	const addr = "module.reporting.aws_db_instance.this"
	if got, want := pres[addr].Unresolved["storage_encrypted"], []string{"module.reporting.local.encrypted"}; !reflect.DeepEqual(got, want) {
		t.Errorf("plan: unresolved = %v, want %v", got, want)
	}
	// HCL follows the local to the key.
	if got, want := hres[addr].Refs["storage_encrypted"], []string{"aws_kms_key.db"}; !reflect.DeepEqual(got, want) || hres[addr].Unresolved != nil {
		t.Errorf("HCL: refs = %v, unresolved = %v; want refs %v", got, hres[addr].Unresolved, want)
	}
}

// fixtureForms loads a fixture case in plan form and in HCL form, each as
// resources by address.
func fixtureForms(t *testing.T, name string) (planForm, hclForm map[string]*model.Resource) {
	t.Helper()
	data, err := os.ReadFile("../../fixtures/plans/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	pdoc, err := plan.Load(name+".json", data)
	if err != nil {
		t.Fatal(err)
	}
	planForm = map[string]*model.Resource{}
	for i := range pdoc.Resources {
		planForm[pdoc.Resources[i].Address] = &pdoc.Resources[i]
	}
	hclForm, _, _ = load(t, "../../fixtures/hcl/"+name, Options{})
	return planForm, hclForm
}

// TestRootOutputs lists what each root output refers to, through a
// module's output too, the same from HCL and from the plan Terraform made
// of the configuration.
func TestRootOutputs(t *testing.T) {
	data, err := os.ReadFile("../../fixtures/plans/sg-exported-by-output.json")
	if err != nil {
		t.Fatal(err)
	}
	pdoc, err := plan.Load("plan.json", data)
	if err != nil {
		t.Fatal(err)
	}
	_, hdoc, _ := load(t, "../../fixtures/hcl/sg-exported-by-output", Options{})
	want := map[string][]string{
		"app_security_group_id":   {"module.app_sg.aws_security_group.this"},
		"batch_security_group_id": {"aws_security_group.batch"},
	}
	for form, doc := range map[string]*model.Document{"HCL": hdoc, "plan": pdoc} {
		if !reflect.DeepEqual(doc.Outputs, want) {
			t.Errorf("%s: outputs = %v, want %v", form, doc.Outputs, want)
		}
	}
}
