package scan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

const virginia = `provider["registry.terraform.io/hashicorp/aws"].virginia`

// regionFindings returns a report's FG-REGION-001 findings.
func regionFindings(rep *report.Report) []finding.Finding {
	var out []finding.Finding
	for _, f := range rep.Findings {
		if f.Rule.ID == "FG-REGION-001" {
			out = append(out, f)
		}
	}
	return out
}

// TestRegionFindingIsAtTheProviderRegion: a provider configuration outside
// the allowed regions is one finding at its region argument, for an HCL scan
// and for the plan made from it alike, naming the resources it places.
func TestRegionFindingIsAtTheProviderRegion(t *testing.T) {
	lib := loadLibrary(t)
	const dir = "../../fixtures/hcl/region-virginia-provider-alias"
	opts := Options{Profile: rule.Simple, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En, SourceDir: dir}
	for _, target := range []string{dir, "../../fixtures/plans/region-virginia-provider-alias.json"} {
		rep, err := lib.Run(context.Background(), Target{Path: target}, opts)
		if err != nil {
			t.Fatal(err)
		}
		fs := regionFindings(rep)
		if len(fs) != 1 {
			t.Fatalf("%s: %d FG-REGION-001 findings, want 1", target, len(fs))
		}
		f := fs[0]
		if f.Address != virginia || f.Attribute != "region" || f.ResourceType != finding.ProviderType {
			t.Errorf("%s: finding on %s %q (%s)", target, f.Address, f.Attribute, f.ResourceType)
		}
		if f.Location == nil || !strings.HasSuffix(f.Location.File, "region-virginia-provider-alias/main.tf") || f.Location.Line != 16 {
			t.Errorf("%s: located at %+v, want main.tf:16 (the alias's region argument)", target, f.Location)
		}
		var placed []string
		for _, a := range f.Affected {
			placed = append(placed, a.Address)
			if a.Location == nil || a.Location.Line == 0 {
				t.Errorf("%s: %s has no location", target, a.Address)
			}
		}
		if strings.Join(placed, " ") != "aws_dynamodb_table.ledger_replica aws_kms_key.replica" {
			t.Errorf("%s: places %v", target, placed)
		}
		if !strings.Contains(f.Message.En, "places 2 resources in us-east-1") {
			t.Errorf("%s: message %q", target, f.Message.En)
		}
	}
}

// TestOwnRegionIsItsOwnFinding: a resource that sets its own region (AWS
// provider v6) is its own finding, inconclusive while that region is known
// only after apply, and is neither named nor counted in its provider
// configuration's finding, even where both name the same region; in a plan
// and in HCL alike.
func TestOwnRegionIsItsOwnFinding(t *testing.T) {
	lib := loadLibrary(t)
	for _, target := range []string{"testdata/own-region", "../plan/testdata/regions.json"} {
		rep := scanFile(t, lib, target, rule.Simple)
		var got []string
		for _, f := range regionFindings(rep) {
			line := f.Address + " " + string(f.Status) + " " + f.Attribute
			for _, a := range f.Affected {
				line += " " + a.Address
			}
			got = append(got, line)
		}
		want := []string{
			"aws_sqs_queue.by_variable fail region",
			"aws_sqs_queue.later inconclusive region",
			"aws_sqs_queue.own fail region",
			`provider["registry.terraform.io/hashicorp/aws"] fail region aws_sqs_queue.inherited aws_sqs_queue.null`,
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: FG-REGION-001 findings\n%s\nwant\n%s", target, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestRegionFindingIsWaivedAtItsProvider: an inline waiver in the provider
// block, or a file waiver naming the provider configuration's address,
// waives the region finding.
func TestRegionFindingIsWaivedAtItsProvider(t *testing.T) {
	lib := loadLibrary(t)
	dir := t.TempDir()
	src := `provider "aws" {
  alias  = "us"
  # fiscguard:ignore FG-REGION-001 reason="disaster recovery copy, approved" expires=2099-12-31
  region = "us-east-1"
}

resource "aws_sqs_queue" "dr" {
  provider = aws.us
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{Profile: rule.Simple, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En, Today: "2026-01-01"}
	opts.HCL.Root = dir
	rep, err := lib.Run(context.Background(), Target{Path: dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	fs := regionFindings(rep)
	if len(fs) != 1 || fs[0].Waiver == nil || fs[0].Waiver.Kind != "inline" {
		t.Fatalf("region findings %+v, want one waived inline", fs)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(strings.Replace(src, "  # fiscguard:ignore", "  # not a waiver:", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	opts.Waivers = []finding.Waiver{{Kind: "file", Rule: "FG-REGION-001", Resource: `provider["registry.terraform.io/hashicorp/aws"].*`, Reason: "approved"}}
	if rep, err = lib.Run(context.Background(), Target{Path: dir}, opts); err != nil {
		t.Fatal(err)
	}
	if fs := regionFindings(rep); len(fs) != 1 || fs[0].Waiver == nil || fs[0].Waiver.Kind != "file" {
		t.Fatalf("region findings %+v, want one waived by the file", fs)
	}
}

// TestChangedOnlyKeepsARegionFindingOfChangedResources: --changed-only keeps
// a finding on a provider configuration when a resource it places changes.
func TestChangedOnlyKeepsARegionFindingOfChangedResources(t *testing.T) {
	lib := loadLibrary(t)
	opts := Options{Profile: rule.Simple, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En, ChangedOnly: true}
	rep, err := lib.Run(context.Background(), Target{Path: "../../fixtures/plans/region-virginia-provider-alias.json"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if fs := regionFindings(rep); len(fs) != 1 || fs[0].Address != virginia {
		t.Errorf("region findings %+v", fs)
	}
}
