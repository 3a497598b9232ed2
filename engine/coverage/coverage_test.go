package coverage

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

func res(addr, typ string, actions ...string) model.Resource {
	if len(actions) == 0 {
		actions = []string{"create"}
	}
	return model.Resource{Address: addr, Type: typ, Mode: model.ModeManaged, Actions: actions, Source: &model.Location{File: "main.tf", Line: 1}}
}

func find(rule *rule.Rule, addr, status string, waived bool) finding.Finding {
	f := finding.Finding{Rule: rule, Address: addr, Status: status}
	if waived {
		f.Waiver = &finding.Waiver{Reason: "accepted"}
	}
	return f
}

// outcomes renders a rule's record as "address=outcome ...".
func outcomes(r Rule) string {
	var parts []string
	for _, s := range r.Resources {
		o := s.Outcome
		if s.Uncertain {
			o += "?"
		}
		parts = append(parts, s.Address+"="+o)
	}
	return strings.Join(parts, " ")
}

func TestBuild(t *testing.T) {
	bucket := &rule.Rule{ID: "FG-S3-001", ResourceTypes: []string{"aws_s3_bucket", "aws_s3_bucket_public_access_block"}}
	region := &rule.Rule{ID: "FG-REGION-001", ResourceTypes: []string{AnyType}}
	change := &rule.Rule{ID: "FG-CHANGE-001", ResourceTypes: []string{"aws_db_instance"}}
	kms := &rule.Rule{ID: "FG-KMS-001", ResourceTypes: []string{"aws_kms_key"}}
	uncertain := res("aws_s3_bucket.maybe[0]", "aws_s3_bucket")
	uncertain.Uncertain = true
	doc := &model.Document{Resources: []model.Resource{
		res("aws_s3_bucket.a", "aws_s3_bucket"),
		res("aws_s3_bucket.b", "aws_s3_bucket"),
		res("aws_s3_bucket.c", "aws_s3_bucket"),
		res("aws_s3_bucket.d", "aws_s3_bucket"),
		res("aws_s3_bucket.e", "aws_s3_bucket"),
		uncertain,
		res("aws_s3_bucket_public_access_block.a", "aws_s3_bucket_public_access_block"),
		res("aws_db_instance.gone", "aws_db_instance", "delete"),
		{Address: "data.aws_s3_bucket.ext", Type: "aws_s3_bucket", Mode: model.ModeData, Actions: []string{"read"}},
	}}
	findings := []finding.Finding{
		find(bucket, "aws_s3_bucket.b", rule.StatusFail, false),
		find(bucket, "aws_s3_bucket.c", rule.StatusInconclusive, false),
		find(bucket, "aws_s3_bucket.d", rule.StatusFail, true),
		// One waived and one open failure on the same resource: it fails.
		find(bucket, "aws_s3_bucket.e", rule.StatusFail, true),
		find(bucket, "aws_s3_bucket.e", rule.StatusFail, false),
		// A failure on a stand-in was made inconclusive by finding.FromResults.
		find(bucket, "aws_s3_bucket.maybe[0]", rule.StatusInconclusive, false),
		// A rule about deletions judges a resource that is not checked.
		find(change, "aws_db_instance.gone", rule.StatusFail, false),
	}
	got := map[string]Rule{}
	var order []string
	for _, r := range Build(doc, []*rule.Rule{region, kms, bucket, change}, findings) {
		got[r.Rule.ID] = r
		order = append(order, r.Rule.ID)
	}
	if fmt.Sprint(order) != "[FG-CHANGE-001 FG-KMS-001 FG-REGION-001 FG-S3-001]" {
		t.Errorf("rules not sorted by ID: %v", order)
	}
	tests := []struct {
		rule   string
		want   string
		counts Counts
	}{
		{"FG-S3-001", "aws_s3_bucket.a=pass aws_s3_bucket.b=fail aws_s3_bucket.c=inconclusive aws_s3_bucket.d=waived aws_s3_bucket.e=fail aws_s3_bucket.maybe[0]=inconclusive? aws_s3_bucket_public_access_block.a=pass",
			Counts{Applied: 7, Passed: 2, Failed: 2, Inconclusive: 2, Waived: 1}},
		// "*" is every checked resource: not the data source, not the deletion.
		{"FG-REGION-001", "aws_s3_bucket.a=pass aws_s3_bucket.b=pass aws_s3_bucket.c=pass aws_s3_bucket.d=pass aws_s3_bucket.e=pass aws_s3_bucket.maybe[0]=pass? aws_s3_bucket_public_access_block.a=pass",
			Counts{Applied: 7, Passed: 7}},
		{"FG-CHANGE-001", "aws_db_instance.gone=fail", Counts{Applied: 1, Failed: 1}},
		// Nothing of its type: not applicable, never a pass.
		{"FG-KMS-001", "", Counts{}},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			r := got[tt.rule]
			if o := outcomes(r); o != tt.want {
				t.Errorf("outcomes\n got %s\nwant %s", o, tt.want)
			}
			if c := r.Counts(); c != tt.counts {
				t.Errorf("counts %+v, want %+v", c, tt.counts)
			}
		})
	}
	if e := got["FG-S3-001"].Resources[4]; len(e.Findings) != 2 || e.Source == nil {
		t.Errorf("aws_s3_bucket.e keeps both findings and its source: %+v", e)
	}
}
