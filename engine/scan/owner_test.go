package scan

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/fiscguard/fiscguard/engine/coverage"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// TestOwnedCausesInPassRecords: SSH open to the internet is FG-EC2-001's
// cause, reported once; FG-EC2-003's pass record still says it failed on
// that group (never "passed"), and with FG-EC2-001 disabled FG-EC2-003
// reports it.
func TestOwnedCausesInPassRecords(t *testing.T) {
	lib := loadLibrary(t)
	plan := filepath.Join(fixtureDir, "sg-ssh-open-to-world.json")
	run := func(disable ...string) *report.Report {
		rep, err := lib.Run(context.Background(), Target{Path: plan}, Options{Profile: rule.Simple, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En, SkipCheck: disable})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	reported := func(rep *report.Report, id string) bool {
		for _, f := range rep.Findings {
			if f.Rule.ID == id && f.Address == "aws_security_group.bastion" {
				return true
			}
		}
		return false
	}
	outcome := func(rep *report.Report, id string) string {
		for _, r := range rep.Coverage {
			if r.Rule.ID != id {
				continue
			}
			for _, res := range r.Resources {
				if res.Address == "aws_security_group.bastion" {
					return res.Outcome
				}
			}
		}
		return ""
	}
	rep := run()
	if !reported(rep, "FG-EC2-001") || reported(rep, "FG-EC2-003") {
		t.Errorf("want the open SSH reported by FG-EC2-001 only: %v", findingLines(rep))
	}
	if got := outcome(rep, "FG-EC2-003"); got != coverage.Fail {
		t.Errorf("FG-EC2-003's pass record on the group is %q, want fail", got)
	}
	rep = run("FG-EC2-001")
	if !reported(rep, "FG-EC2-003") {
		t.Errorf("with FG-EC2-001 disabled, FG-EC2-003 must report the cause: %v", findingLines(rep))
	}
}

// TestRulesForTheInputKind: a rule about a plan's changes is not in force
// for a configuration, which shows none: it is neither listed nor given a
// pass record there, so the evidence report never says it passed.
func TestRulesForTheInputKind(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		path string
		want bool
	}{
		{filepath.Join(fixtureDir, "protected-resources-deleted.json"), true},
		{"../../fixtures/hcl/protected-resources-deleted", false},
	} {
		rep := scanFile(t, lib, tt.path, rule.Strict)
		listed, recorded := false, false
		for _, r := range rep.Rules {
			listed = listed || r.ID == "FG-CHANGE-001"
		}
		for _, c := range rep.Coverage {
			recorded = recorded || c.Rule.ID == "FG-CHANGE-001"
		}
		if listed != tt.want || recorded != tt.want {
			t.Errorf("%s: FG-CHANGE-001 listed %v, recorded %v; want %v", tt.path, listed, recorded, tt.want)
		}
	}
}
