package scan

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/hclconf"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/plan"
)

// TestPolicyDocumentsInBothForms: for every fixture, the plan loader and the
// HCL loader give each resource the same policy documents known in part
// (aws_iam_policy_document data sources read at apply, and the attributes
// whose value is their json), so policies decide alike on both. A plan
// cannot show what jsonencode of an object known in part is known to be;
// scanned with its source it takes that from the configuration, and then
// has exactly the configuration's documents.
func TestPolicyDocumentsInBothForms(t *testing.T) {
	plans, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	compared := 0
	for _, p := range plans {
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		dir := filepath.Join("../../fixtures/hcl", name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fromPlan, err := plan.Load(p, data)
		if err != nil {
			t.Fatal(err)
		}
		fromHCL, _, err := hclconf.Load(dir, hclconf.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := documentsByAddress(t, fromHCL)
		for addr, got := range documentsByAddress(t, fromPlan) {
			if want[addr] != got {
				t.Errorf("%s: %s: documents from the plan\n%s\nfrom HCL\n%s", name, addr, got, want[addr])
			}
			compared++
		}
		mapSources(fromPlan, dir, hclconf.Options{})
		got := documentsByAddress(t, fromPlan)
		for addr, w := range want {
			if got[addr] != w {
				t.Errorf("%s: %s: documents from the plan with its source\n%s\nfrom HCL\n%s", name, addr, got[addr], w)
			}
		}
		for addr, g := range got {
			if _, ok := want[addr]; !ok {
				t.Errorf("%s: %s: documents from the plan with its source only: %s", name, addr, g)
			}
		}
	}
	if compared < 10 {
		t.Errorf("only %d resources with documents compared", compared)
	}
}

func documentsByAddress(t *testing.T, doc *model.Document) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, r := range doc.Resources {
		if len(r.Documents) == 0 {
			continue
		}
		b, err := json.Marshal(r.Documents)
		if err != nil {
			t.Fatal(err)
		}
		out[r.Address] = string(b)
	}
	return out
}
