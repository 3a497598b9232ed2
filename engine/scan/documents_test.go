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
// whose value is their json), so policies decide alike on both.
func TestPolicyDocumentsInBothForms(t *testing.T) {
	plans, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	compared := 0
	for _, p := range plans {
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fromPlan, err := plan.Load(p, data)
		if err != nil {
			t.Fatal(err)
		}
		fromHCL, _, err := hclconf.Load(filepath.Join("../../fixtures/hcl", name), hclconf.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, want := documentsByAddress(t, fromHCL), documentsByAddress(t, fromPlan)
		for addr, w := range want {
			if got[addr] != w {
				t.Errorf("%s: %s: documents from HCL\n%s\nfrom the plan\n%s", name, addr, got[addr], w)
			}
			compared++
		}
		for addr, g := range got {
			if _, ok := want[addr]; !ok {
				t.Errorf("%s: %s: documents from HCL only: %s", name, addr, g)
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
