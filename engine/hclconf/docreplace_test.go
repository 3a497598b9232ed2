package hclconf

import (
	"encoding/json"
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
)

// TestReplaceInDocument: replacing a placeholder in the json of a policy
// document known in part keeps the document, with the placeholder replaced
// in its strings (unknown where the replacement is); a regular expression,
// a substring that could stand in a key or the JSON syntax, or a
// replacement that JSON escapes gives replace's own unknown result.
func TestReplaceInDocument(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": `
resource "aws_s3_bucket" "b" {
  bucket = "logs"
}
data "aws_iam_policy_document" "p" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["_BUCKET_ARN_", "_BUCKET_ARN_/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
  statement {
    sid       = "Owner"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}
locals {
  policy = replace(data.aws_iam_policy_document.p.json, "_BUCKET_ARN_", aws_s3_bucket.b.arn)
}
resource "aws_s3_bucket_policy" "later" {
  bucket = aws_s3_bucket.b.id
  policy = local.policy
}
resource "aws_s3_bucket_policy" "known" {
  bucket = aws_s3_bucket.b.id
  policy = replace(data.aws_iam_policy_document.p.json, "_BUCKET_ARN_", "arn:aws:s3:::logs")
}
resource "aws_s3_bucket_policy" "regex" {
  bucket = aws_s3_bucket.b.id
  policy = replace(data.aws_iam_policy_document.p.json, "/_BUCKET_ARN_/", "arn:aws:s3:::logs")
}
resource "aws_s3_bucket_policy" "key" {
  bucket = aws_s3_bucket.b.id
  policy = replace(data.aws_iam_policy_document.p.json, "Sid", "arn:aws:s3:::logs")
}
resource "aws_s3_bucket_policy" "escaped" {
  bucket = aws_s3_bucket.b.id
  policy = replace(data.aws_iam_policy_document.p.json, "_BUCKET_ARN_", "a\"b")
}`})
	res, _, _ := load(t, dir, Options{})
	for addr, want := range map[string]string{
		"aws_s3_bucket_policy.later":   `{"value":{"Statement":[{"Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny","Principal":"*","Resource":[null,null],"Sid":"DenyInsecureTransport"},{"Action":"s3:GetObject","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Resource":null,"Sid":"Owner"}],"Version":"2012-10-17"},"unknown":{"Statement":[{"Resource":[true,true]},{"Resource":true}]}}`,
		"aws_s3_bucket_policy.known":   `{"value":{"Statement":[{"Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny","Principal":"*","Resource":["arn:aws:s3:::logs/*","arn:aws:s3:::logs"],"Sid":"DenyInsecureTransport"},{"Action":"s3:GetObject","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Resource":null,"Sid":"Owner"}],"Version":"2012-10-17"},"unknown":{"Statement":[false,{"Resource":true}]}}`,
		"aws_s3_bucket_policy.regex":   "",
		"aws_s3_bucket_policy.key":     "",
		"aws_s3_bucket_policy.escaped": "",
	} {
		if got := policyDocument(t, res, addr); got != want {
			t.Errorf("%s: document\n%s\nwant\n%s", addr, got, want)
		}
	}
}

// policyDocument is the policy document of the resource at addr, as JSON,
// or "" when it has none.
func policyDocument(t *testing.T, res map[string]*model.Resource, addr string) string {
	t.Helper()
	r := res[addr]
	if r == nil {
		t.Fatalf("%s missing", addr)
	}
	d, ok := r.Documents["policy"]
	if !ok {
		return ""
	}
	out, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
