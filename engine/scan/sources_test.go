package scan

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fiscguard/fiscguard/engine/hclconf"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/plan"
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

// canary marks every sensitive value in the secrets fixtures.
const canary = "CANARY-"

// TestSourcesRedactSecrets: no line a loader keeps for quoting shows a
// sensitive value, whatever makes it sensitive (a secret-named argument,
// sensitive(), a sensitive variable's default or tfvars value, a module
// input to a sensitive variable, provider credentials, a heredoc), while
// the lines around them read as written.
func TestSourcesRedactSecrets(t *testing.T) {
	doc, _, err := hclconf.Load("testdata/secrets", hclconf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sources) != 3 {
		t.Errorf("%d sources, want main.tf, terraform.tfvars and the module's main.tf", len(doc.Sources))
	}
	intact := map[string]bool{}
	for name, src := range doc.Sources {
		for n := 1; n <= src.Lines(); n++ {
			line, _ := src.Line(n)
			if strings.Contains(line, canary) {
				t.Errorf("%s:%d shows a secret: %q", name, n, line)
			}
			intact[strings.TrimSpace(line)] = true
		}
	}
	for _, l := range []string{`storage_encrypted       = false`, `identifier              = "core"`, `source = "./modules/db"`, `encrypted         = false`,
		`password                = (sensitive value)`, `default   = (sensitive value)`, `backup_window = (sensitive value)`, `login  = (sensitive value)`} {
		if !intact[l] {
			t.Errorf("no source line reads %q", l)
		}
	}
}

// TestSnippetsRedactSecrets: findings quote their lines with the secrets
// next to them redacted, in every format and language, for configuration
// directories and for plans located in their configuration (where the
// plan, not the name, says a value is sensitive).
func TestSnippetsRedactSecrets(t *testing.T) {
	lib := loadLibrary(t)
	for _, target := range []string{"testdata/secrets", "testdata/secret-plan/plan.json"} {
		rep := scanFile(t, lib, target, rule.Strict)
		quoted := false
		for _, f := range rep.Findings {
			for _, l := range f.Snippet {
				quoted = quoted || strings.Contains(l.Text, model.Redacted)
			}
		}
		if !quoted {
			t.Errorf("%s: no snippet quotes a redacted line", target)
		}
		for _, format := range report.Formats {
			for _, lang := range []i18n.Lang{i18n.En, i18n.Ja} {
				rep.Lang = lang
				var buf bytes.Buffer
				if err := report.Write(&buf, format, rep, report.Options{}); err != nil {
					t.Fatal(err)
				}
				if strings.Contains(buf.String(), canary) {
					t.Errorf("%s %s %s shows a secret:\n%s", target, format, lang, buf.String())
				}
			}
		}
	}
}

// TestSnippetWindow: a snippet marks the finding's lines and stays inside
// the resource's block; a finding on the block itself quotes its first line.
func TestSnippetWindow(t *testing.T) {
	src := model.NewSource([]byte("a\nresource \"x\" \"y\" {\n  one = 1\n  two = 2\n  three = 3\n  four = 4\n}\nb\n"))
	sources := map[string]*model.Source{"main.tf": src}
	block := &model.Location{File: "main.tf", Line: 2, EndLine: 7}
	tests := []struct {
		loc  model.Location
		want string
	}{
		{model.Location{File: "main.tf", Line: 4, EndLine: 4}, "2 3 >4 5 6"},
		{model.Location{File: "main.tf", Line: 3, EndLine: 3}, "2 >3 4 5"},
		{model.Location{File: "main.tf", Line: 2, EndLine: 2}, ">2"},
		{model.Location{File: "main.tf", Line: 3, EndLine: 7}, "2 >3 >4 >5 >6 7"}, // at most four marked lines
		{model.Location{File: "other.tf", Line: 3}, ""},
		{model.Location{File: "main.tf", Line: 99}, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range snippet(sources, &tt.loc, block) {
			n := fmt.Sprint(l.Number)
			if l.Marked {
				n = ">" + n
			}
			got = append(got, n)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%+v: %q, want %q", tt.loc, strings.Join(got, " "), tt.want)
		}
	}
	// Outside any known block, context reaches past it.
	var got []int
	for _, l := range snippet(sources, &model.Location{File: "main.tf", Line: 8}, nil) {
		got = append(got, l.Number)
	}
	if fmt.Sprint(got) != "[6 7 8]" {
		t.Errorf("unblocked window %v", got)
	}
}

// TestPlanFollowsLocalsInItsSource: a plan shows no local values, so alone
// it cannot tell which key reaches a log group through one; scanned with
// the configuration it was made from, it takes what the configuration's
// locals refer to, and its verdicts are the configuration's.
func TestPlanFollowsLocalsInItsSource(t *testing.T) {
	const planFile = "../../fixtures/plans/kms-key-through-local.json"
	const dir = "../../fixtures/hcl/kms-key-through-local"
	lib := loadLibrary(t)
	logs002 := func(opts Options) []string {
		rep, err := lib.Run(context.Background(), Target{Path: planFile}, opts)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range rep.Findings {
			if f.Rule.ID == "FG-LOGS-002" {
				out = append(out, f.Address+" "+string(f.Status))
			}
		}
		return out
	}
	opts := Options{Profile: rule.Strict, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En}
	if got := logs002(opts); len(got) != 2 {
		t.Errorf("the plan alone: FG-LOGS-002 %v, want both log groups inconclusive", got)
	}
	opts.SourceDir = dir
	if got := logs002(opts); len(got) != 0 {
		t.Errorf("the plan with its source: FG-LOGS-002 %v, want none", got)
	}

	data, err := os.ReadFile(planFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := plan.Load("plan.json", data)
	if err != nil {
		t.Fatal(err)
	}
	mapSources(doc, dir, hclconf.Options{})
	for _, r := range doc.Resources {
		if r.Type != "aws_cloudwatch_log_group" {
			continue
		}
		if got := r.Refs["kms_key_id"]; len(got) != 1 || got[0] != "aws_kms_key.logs" || len(r.Unresolved["kms_key_id"]) != 0 {
			t.Errorf("%s: refs %v, unresolved %v; want aws_kms_key.logs only", r.Address, got, r.Unresolved["kms_key_id"])
		}
	}
	if got := doc.Outputs["log_key_arn"]; len(got) != 1 || got[0] != "aws_kms_key.logs" {
		t.Errorf("output log_key_arn refers to %v, want aws_kms_key.logs", got)
	}
}

// TestPlanTakesDocumentsFromItsSource: a plan shows a policy written with
// jsonencode over an ARN known only after apply as wholly unknown; scanned
// with the configuration it was made from, it takes the document the
// configuration knows in part, and its findings are the configuration's.
func TestPlanTakesDocumentsFromItsSource(t *testing.T) {
	const planFile = "../../fixtures/plans/jsonencode-policy-partial.json"
	const dir = "../../fixtures/hcl/jsonencode-policy-partial"
	lib := loadLibrary(t)
	for _, p := range []rule.Profile{rule.Simple, rule.Strict} {
		opts := Options{Profile: p, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En, SourceDir: dir}
		rep, err := lib.Run(context.Background(), Target{Path: planFile}, opts)
		if err != nil {
			t.Fatal(err)
		}
		got, want := findingLines(rep), findingLines(scanFile(t, lib, dir, p))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: the plan with its source\n%s\nwant the configuration's\n%s", p, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
