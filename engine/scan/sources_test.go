package scan

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// TestPlanFindingsAtSourceLines locates plan findings in the .tf files the
// plan was made from (its own directory by default): at the offending
// argument, and at the module call for a remote module that is not
// installed, with the plan file line as related.
func TestPlanFindingsAtSourceLines(t *testing.T) {
	lib := loadLibrary(t)
	rep := scanFile(t, lib, "testdata/mapped/plan.json", rule.Simple)
	const dir = "engine/scan/testdata/mapped/"
	want := map[string]struct {
		file    string
		line    int
		related int
	}{
		"aws_ebs_volume.data":               {dir + "main.tf", 12, 0},
		"module.remote.aws_ebs_volume.this": {dir + "main.tf", 15, 13},
	}
	seen := 0
	for _, f := range rep.Findings {
		if f.Rule.ID != "FG-EBS-001" {
			continue
		}
		w, ok := want[f.Address]
		if !ok {
			t.Errorf("unexpected finding on %s", f.Address)
			continue
		}
		seen++
		if f.Location == nil || f.Location.File != w.file || f.Location.Line != w.line {
			t.Errorf("%s at %+v, want %s:%d", f.Address, f.Location, w.file, w.line)
		}
		switch {
		case w.related == 0 && f.Related != nil:
			t.Errorf("%s: unexpected related location %+v", f.Address, f.Related)
		case w.related != 0 && (f.Related == nil || f.Related.File != dir+"plan.json" || f.Related.Line != w.related):
			t.Errorf("%s: related %+v, want plan.json:%d", f.Address, f.Related, w.related)
		}
	}
	if seen != len(want) {
		t.Errorf("%d FG-EBS-001 findings, want %d", seen, len(want))
	}
	if rep.Target.Path != dir+"plan.json" {
		t.Errorf("target path %q is not relative to the repository root", rep.Target.Path)
	}
}

// TestRelatedLocationInSARIF: a remote module's finding points at the
// module call and names its plan line as a related location.
func TestRelatedLocationInSARIF(t *testing.T) {
	rep := scanFile(t, loadLibrary(t), "testdata/mapped/plan.json", rule.Simple)
	var buf bytes.Buffer
	if err := report.Write(&buf, "sarif", rep, report.Options{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					LogicalLocations []struct{ FullyQualifiedName string } `json:"logicalLocations"`
				} `json:"locations"`
				RelatedLocations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range log.Runs[0].Results {
		addr := r.Locations[0].LogicalLocations[0].FullyQualifiedName
		switch {
		case addr == "module.remote.aws_ebs_volume.this":
			found = len(r.RelatedLocations) == 1 && r.RelatedLocations[0].PhysicalLocation.ArtifactLocation.URI == "engine/scan/testdata/mapped/plan.json" && r.RelatedLocations[0].PhysicalLocation.Region.StartLine == 13
		case len(r.RelatedLocations) > 0:
			t.Errorf("%s has a related location", addr)
		}
	}
	if !found {
		t.Errorf("no related location for the remote module's finding:\n%s", buf.String())
	}
}

// TestRunawayEvaluationStops: a configuration whose evaluation runs past
// the time limit is an input error, not a hang.
func TestRunawayEvaluationStops(t *testing.T) {
	dir := t.TempDir()
	src := "locals {\n  x = [for i in range(1024) : [for j in range(1024) : [for k in range(8) : k]]]\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := loadLibrary(t).Run(context.Background(), Target{Path: dir}, Options{Profile: rule.Simple, Timeout: 20 * time.Millisecond})
	var ie *model.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "took longer than 20ms and was stopped") {
		t.Errorf("got %v", err)
	}
}
