package finding

import (
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/policy"
)

func TestFingerprintIgnoresLocation(t *testing.T) {
	rule := &policy.Rule{ID: "FG-S3-001", Severity: policy.High}
	res := []policy.Result{{Rule: rule, Address: "aws_s3_bucket.b", Attribute: "acl", Status: policy.StatusFail}}
	at := func(line int) Finding {
		doc := &model.Document{Resources: []model.Resource{{Address: "aws_s3_bucket.b", Type: "aws_s3_bucket", Source: &model.Location{File: "plan.json", Line: line}}}}
		return FromResults(doc, res)[0]
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

func TestSortAndThreshold(t *testing.T) {
	high := &policy.Rule{ID: "FG-B", Severity: policy.High}
	low := &policy.Rule{ID: "FG-A", Severity: policy.Low}
	fs := []Finding{
		{Rule: high, Address: "b", Status: policy.StatusFail},
		{Rule: high, Address: "a", Status: policy.StatusInconclusive},
		{Rule: low, Address: "a", Status: policy.StatusFail},
	}
	Sort(fs)
	if fs[0].Rule != low || fs[1].Rule != high || fs[2].Address != "b" {
		t.Errorf("order: %v %v %v", fs[0], fs[1], fs[2])
	}
	if fs[0].AtOrAbove(policy.Medium) || !fs[2].AtOrAbove(policy.High) || fs[1].AtOrAbove(policy.Low) {
		t.Error("threshold: inconclusive findings and lower severities must not fail the build")
	}
}

// TestUncertainInstancesAreInconclusive: a stand-in for an expansion known
// only after apply may not exist, so its failures are inconclusive.
func TestUncertainInstancesAreInconclusive(t *testing.T) {
	rule := &policy.Rule{ID: "FG-EBS-001", Severity: policy.High}
	doc := &model.Document{Resources: []model.Resource{
		{Address: "aws_ebs_volume.maybe", Uncertain: true},
		{Address: "aws_ebs_volume.sure"},
	}}
	fs := FromResults(doc, []policy.Result{
		{Rule: rule, Address: "aws_ebs_volume.maybe", Status: policy.StatusFail},
		{Rule: rule, Address: "aws_ebs_volume.sure", Status: policy.StatusFail},
	})
	if fs[0].Status != policy.StatusInconclusive || fs[1].Status != policy.StatusFail {
		t.Errorf("statuses %s %s", fs[0].Status, fs[1].Status)
	}
}
