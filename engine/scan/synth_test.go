package scan

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/fixtures/synth"
)

// TestSyntheticViolationRates holds the two synthetic plans make bench
// times to what they stand for under the strict profile: in Plan a third
// of the resources is misconfigured, in ManyFindings most resources are,
// several ways each.
func TestSyntheticViolationRates(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		name     string
		plan     func(int) []byte
		min, max float64 // findings per resource
	}{
		{"Plan", synth.Plan, 0.2, 0.5},
		{"ManyFindings", synth.ManyFindings, 1.2, 1.8},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "plan.json")
			if err := os.WriteFile(path, tt.plan(800), 0o644); err != nil {
				t.Fatal(err)
			}
			rep := scanFile(t, lib, path, rule.Strict)
			rate := float64(len(rep.Findings)) / float64(len(rep.Resources))
			t.Logf("%d findings on %d resources", len(rep.Findings), len(rep.Resources))
			if rate < tt.min || rate > tt.max {
				t.Errorf("%.2f findings per resource, want %.1f to %.1f", rate, tt.min, tt.max)
			}
		})
	}
}
