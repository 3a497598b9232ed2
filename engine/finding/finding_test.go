package finding

import (
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

func TestFingerprintIgnoresLocation(t *testing.T) {
	rl := &rule.Rule{ID: "FG-S3-001", Severity: rule.High}
	res := []rule.Result{{Rule: rl, Address: "aws_s3_bucket.b", Attribute: "acl", Status: rule.StatusFail}}
	at := func(line int) Finding {
		doc := &model.Document{Resources: []model.Resource{{Address: "aws_s3_bucket.b", Type: "aws_s3_bucket", Source: &model.Location{File: "plan.json", Line: line}}}}
		return FromResults(doc, res, "")[0]
	}
	a, b := at(10), at(250)
	if a.Fingerprint != b.Fingerprint || a.Location.Line == b.Location.Line {
		t.Errorf("fingerprint changed with the line: %s vs %s", a.Fingerprint, b.Fingerprint)
	}
	if a.ResourceType != "aws_s3_bucket" {
		t.Errorf("resource type %q", a.ResourceType)
	}
	for _, other := range []string{
		Fingerprint("FG-S3-002", "aws_s3_bucket.b", "acl"),
		Fingerprint("FG-S3-001", "aws_s3_bucket.c", "acl"),
		Fingerprint("FG-S3-001", "aws_s3_bucket.b", "policy"),
		// The separator keeps fields from running into each other.
		Fingerprint("FG-S3-001", "aws_s3_bucket.bacl", ""),
	} {
		if other == a.Fingerprint {
			t.Errorf("distinct findings share fingerprint %s", other)
		}
	}
}

// TestFingerprintNamesTheRootModule: the same address in two root modules
// of a monorepo is two findings; a repository whose root is the root module
// keeps the plain address's fingerprint.
func TestFingerprintNamesTheRootModule(t *testing.T) {
	rl := &rule.Rule{ID: "FG-S3-001"}
	doc := &model.Document{Resources: []model.Resource{{Address: "aws_s3_bucket.b"}}}
	res := []rule.Result{{Rule: rl, Address: "aws_s3_bucket.b", Status: rule.StatusFail}}
	fp := func(root string) string { return FromResults(doc, res, root)[0].Fingerprint }
	plain := Fingerprint("FG-S3-001", "aws_s3_bucket.b", "")
	if fp("") != plain || fp(".") != plain {
		t.Error("the repository root changes the fingerprint")
	}
	if prod, dev := fp("infra/prod"), fp("infra/dev"); prod == dev || prod == plain {
		t.Errorf("root modules share a fingerprint: %s %s", prod, dev)
	}
	if got := Qualified("infra/prod", `module.a["x"].aws_s3_bucket.b`); got != `infra/prod//module.a["x"].aws_s3_bucket.b` {
		t.Errorf("Qualified = %q", got)
	}
}

func TestSortAndThreshold(t *testing.T) {
	high := &rule.Rule{ID: "FG-B", Severity: rule.High}
	low := &rule.Rule{ID: "FG-A", Severity: rule.Low}
	fs := []Finding{
		{Rule: high, Address: "b", Status: rule.StatusFail},
		{Rule: high, Address: "a", Status: rule.StatusInconclusive},
		{Rule: low, Address: "a", Status: rule.StatusFail},
	}
	Sort(fs)
	if fs[0].Rule != low || fs[1].Rule != high || fs[2].Address != "b" {
		t.Errorf("order: %v %v %v", fs[0], fs[1], fs[2])
	}
	if fs[0].FailsAt(rule.Medium) || !fs[2].FailsAt(rule.High) || fs[1].FailsAt(rule.Low) {
		t.Error("threshold: inconclusive findings and lower severities must not fail the build")
	}
}

// TestSortIsStable: findings equal in every key keep their order, sorted
// or already in order.
func TestSortIsStable(t *testing.T) {
	r := &rule.Rule{ID: "FG-A"}
	for _, fs := range [][]Finding{
		{{Rule: r, Address: "b", Fingerprint: "1"}, {Rule: r, Address: "a", Fingerprint: "2"}, {Rule: r, Address: "b", Fingerprint: "3"}, {Rule: r, Address: "a", Fingerprint: "4"}},
		{{Rule: r, Address: "a", Fingerprint: "2"}, {Rule: r, Address: "a", Fingerprint: "4"}, {Rule: r, Address: "b", Fingerprint: "1"}, {Rule: r, Address: "b", Fingerprint: "3"}},
	} {
		Sort(fs)
		var got []string
		for _, f := range fs {
			got = append(got, f.Address+f.Fingerprint)
		}
		if strings.Join(got, " ") != "a2 a4 b1 b3" {
			t.Errorf("Sort: %v", got)
		}
	}
}

// TestUncertainInstancesAreInconclusive: a stand-in for an expansion known
// only after apply may not exist, so its failures are inconclusive.
func TestUncertainInstancesAreInconclusive(t *testing.T) {
	rl := &rule.Rule{ID: "FG-EBS-001", Severity: rule.High}
	doc := &model.Document{Resources: []model.Resource{
		{Address: "aws_ebs_volume.maybe", Uncertain: true},
		{Address: "aws_ebs_volume.sure"},
	}}
	fs := FromResults(doc, []rule.Result{
		{Rule: rl, Address: "aws_ebs_volume.maybe", Status: rule.StatusFail, Message: i18n.Text{En: "Volume maybe is not encrypted", Ja: "暗号化されていない"}},
		{Rule: rl, Address: "aws_ebs_volume.sure", Status: rule.StatusFail, Message: i18n.Text{En: "Volume sure is not encrypted"}},
	}, "")
	if fs[0].Status != rule.StatusInconclusive || fs[1].Status != rule.StatusFail {
		t.Errorf("statuses %s %s", fs[0].Status, fs[1].Status)
	}
	// The message says what is not known, not only what would fail.
	if !strings.HasPrefix(fs[0].Message.En, "Whether this instance exists is known only after apply") || !strings.HasSuffix(fs[0].Message.En, "Volume maybe is not encrypted") ||
		!strings.Contains(fs[0].Message.Ja, "適用後まで確定しない") || fs[1].Message.En != "Volume sure is not encrypted" {
		t.Errorf("messages %q / %q / %q", fs[0].Message.En, fs[0].Message.Ja, fs[1].Message.En)
	}
}

// TestDeferred: a finding whose cause another rule in force owns is kept
// apart (and takes the owner's waiver on the same resource); with its owner
// out of force it is reported itself.
func TestDeferred(t *testing.T) {
	ec1 := &rule.Rule{ID: "FG-EC2-001"}
	ec3 := &rule.Rule{ID: "FG-EC2-003"}
	w := &Waiver{Reason: "bastion", Ticket: "SEC-1"}
	tests := []struct {
		name     string
		in       []Finding
		inForce  map[string]bool
		reported []string
		deferred []string
		waived   bool
	}{
		{"owner in force",
			[]Finding{{Rule: ec1, Address: "sg.a"}, {Rule: ec3, Address: "sg.a", Owner: "FG-EC2-001"}},
			map[string]bool{"FG-EC2-001": true, "FG-EC2-003": true},
			[]string{"FG-EC2-001 sg.a"}, []string{"FG-EC2-003 sg.a"}, false},
		{"owner waived",
			[]Finding{{Rule: ec1, Address: "sg.a", Waiver: w}, {Rule: ec3, Address: "sg.a", Owner: "FG-EC2-001"}},
			map[string]bool{"FG-EC2-001": true, "FG-EC2-003": true},
			[]string{"FG-EC2-001 sg.a"}, []string{"FG-EC2-003 sg.a"}, true},
		{"owner not in force",
			[]Finding{{Rule: ec3, Address: "sg.a", Owner: "FG-EC2-001"}},
			map[string]bool{"FG-EC2-003": true},
			[]string{"FG-EC2-003 sg.a"}, nil, false},
		{"reported in order around deferred ones",
			[]Finding{{Rule: ec1, Address: "sg.a"}, {Rule: ec3, Address: "sg.a", Owner: "FG-EC2-001"}, {Rule: ec3, Address: "sg.b", Owner: "FG-EC2-001"},
				{Rule: ec1, Address: "sg.c"}, {Rule: ec3, Address: "sg.c", Owner: "FG-X"}, {Rule: ec1, Address: "sg.d"}},
			map[string]bool{"FG-EC2-001": true, "FG-EC2-003": true},
			[]string{"FG-EC2-001 sg.a", "FG-EC2-001 sg.c", "FG-EC2-003 sg.c", "FG-EC2-001 sg.d"}, []string{"FG-EC2-003 sg.a", "FG-EC2-003 sg.b"}, false},
	}
	ids := func(fs []Finding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Rule.ID+" "+f.Address)
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, def := Deferred(tt.in, tt.inForce)
			if strings.Join(ids(rep), ",") != strings.Join(tt.reported, ",") || strings.Join(ids(def), ",") != strings.Join(tt.deferred, ",") {
				t.Fatalf("reported %v deferred %v, want %v and %v", ids(rep), ids(def), tt.reported, tt.deferred)
			}
			if len(def) > 0 && (def[0].Waiver != nil) != tt.waived {
				t.Errorf("deferred waiver %v, want waived=%v", def[0].Waiver, tt.waived)
			}
			for _, f := range rep {
				if f.Owner != "" {
					t.Errorf("a reported finding keeps its owner %q", f.Owner)
				}
			}
		})
	}
}

// TestFingerprintIgnoresIndices: the same rule on the same attribute of a
// block is the same finding whichever position the block has: HCL lists a
// set of blocks as written, a plan in the provider's order.
func TestFingerprintIgnoresIndices(t *testing.T) {
	a := Fingerprint("FG-EC2-001", "aws_security_group.app", "ingress[1].cidr_blocks")
	b := Fingerprint("FG-EC2-001", "aws_security_group.app", "ingress[0].cidr_blocks")
	if a != b {
		t.Error("the block's index changed the fingerprint")
	}
	if a == Fingerprint("FG-EC2-001", "aws_security_group.app", "egress[0].cidr_blocks") {
		t.Error("another attribute has the same fingerprint")
	}
	if Fingerprint("FG-S3-004", "b", `policy.Statement["x"]`) == Fingerprint("FG-S3-004", "b", "policy.Statement") {
		t.Error("a key that is not an index was dropped")
	}
}
