package plan

import (
	"encoding/json"
	"fmt"
	"testing"
)

// countedPlan is a plan with n buckets and n public access blocks, each
// block referring to its bucket as aws_s3_bucket.b[count.index] (Terraform
// lists that as "aws_s3_bucket.b" and "count.index").
func countedPlan(n int) []byte {
	changes := make([]any, 0, 2*n)
	for _, typ := range []string{"aws_s3_bucket", "aws_s3_bucket_public_access_block"} {
		name := map[string]string{"aws_s3_bucket": "b", "aws_s3_bucket_public_access_block": "p"}[typ]
		for i := range n {
			changes = append(changes, map[string]any{
				"address": fmt.Sprintf("%s.%s[%d]", typ, name, i), "mode": "managed", "type": typ, "name": name, "index": i,
				"change": map[string]any{"actions": []string{"create"}, "after": map[string]any{}, "after_unknown": map[string]any{"bucket": true}},
			})
		}
	}
	count := map[string]any{"constant_value": n}
	plan := map[string]any{
		"format_version":   "1.2",
		"resource_changes": changes,
		"configuration": map[string]any{"root_module": map[string]any{"resources": []any{
			map[string]any{"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "count_expression": count,
				"expressions": map[string]any{"bucket": map[string]any{"references": []string{"count.index"}}}},
			map[string]any{"address": "aws_s3_bucket_public_access_block.p", "mode": "managed", "type": "aws_s3_bucket_public_access_block", "name": "p", "count_expression": count,
				"expressions": map[string]any{"bucket": map[string]any{"references": []string{"aws_s3_bucket.b", "count.index"}}}},
		}}},
	}
	data, err := json.Marshal(plan)
	if err != nil {
		panic(err)
	}
	return data
}

// BenchmarkCountedRefs loads a plan whose 40,000 counted instances each
// refer to the instance of another counted resource with the same index:
// reference resolution must stay linear in the instances.
func BenchmarkCountedRefs(b *testing.B) {
	const n = 40_000
	data := countedPlan(n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Load("plan.json", data)
		if err != nil {
			b.Fatal(err)
		}
		if r := doc.Resources[2*n-1]; len(r.Refs["bucket"]) != 1 || r.Refs["bucket"][0] != fmt.Sprintf("aws_s3_bucket.b[%d]", n-1) {
			b.Fatalf("%s refs = %v", r.Address, r.Refs)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(2*n), "ns/resource")
}
