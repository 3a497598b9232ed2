package hclconf

import (
	"testing"
)

// TestJSONEncodeKeepsDocument: jsonencode of an object known in part is
// unknown, as in Terraform, but carries the object as a document known in
// part, through locals, module outputs and replace of a placeholder; a
// value with a sensitive part, a template around it, a conditional between
// two, or a wholly known object do not (the last is a known string).
func TestJSONEncodeKeepsDocument(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": `
variable "secret" {
  type      = string
  sensitive = true
  default   = "s3cr3t"
}
variable "flag" {
  type = bool
}
resource "aws_s3_bucket" "b" {
  bucket = "logs"
}
locals {
  statement = {
    Sid       = "PublicRead"
    Effect    = "Allow"
    Principal = "*"
    Action    = ["s3:GetObject"]
    Resource  = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]
  }
  policy = jsonencode({ Version = "2012-10-17", Statement = [local.statement] })
}
module "m" {
  source = "./m"
  arn    = aws_s3_bucket.b.arn
}
resource "aws_s3_bucket_policy" "local" {
  bucket = aws_s3_bucket.b.id
  policy = local.policy
}
resource "aws_s3_bucket_policy" "module" {
  bucket = aws_s3_bucket.b.id
  policy = module.m.policy
}
resource "aws_s3_bucket_policy" "replaced" {
  bucket = aws_s3_bucket.b.id
  policy = replace(jsonencode({ Statement = [{ Effect = "Deny", Resource = "_ARN_", Condition = { Bool = { "aws:SecureTransport" = aws_s3_bucket.b.bucket_key_enabled } } }] }), "_ARN_", "arn:aws:s3:::logs")
}
resource "aws_s3_bucket_policy" "known" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Resource = "*" }] })
}
resource "aws_s3_bucket_policy" "sensitive" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({ Statement = [{ Sid = var.secret, Resource = aws_s3_bucket.b.arn }] })
}
resource "aws_s3_bucket_policy" "template" {
  bucket = aws_s3_bucket.b.id
  policy = "${local.policy} "
}
resource "aws_s3_bucket_policy" "either" {
  bucket = aws_s3_bucket.b.id
  policy = var.flag ? local.policy : jsonencode({ Statement = [{ Resource = aws_s3_bucket.b.arn }] })
}`, "m/main.tf": `
variable "arn" {
  type = string
}
output "policy" {
  value = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = var.arn }] })
}`})
	res, _, _ := load(t, dir, Options{})
	for addr, want := range map[string]string{
		"aws_s3_bucket_policy.local":     `{"value":{"Statement":[{"Action":["s3:GetObject"],"Effect":"Allow","Principal":"*","Resource":[null,null],"Sid":"PublicRead"}],"Version":"2012-10-17"},"unknown":{"Statement":[{"Resource":[true,true]}]}}`,
		"aws_s3_bucket_policy.module":    `{"value":{"Statement":[{"Action":"s3:*","Effect":"Allow","Resource":null}]},"unknown":{"Statement":[{"Resource":true}]}}`,
		"aws_s3_bucket_policy.replaced":  `{"value":{"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":null}},"Effect":"Deny","Resource":"arn:aws:s3:::logs"}]},"unknown":{"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":true}}}]}}`,
		"aws_s3_bucket_policy.known":     "",
		"aws_s3_bucket_policy.sensitive": "",
		"aws_s3_bucket_policy.template":  "",
		"aws_s3_bucket_policy.either":    "",
	} {
		if got := policyDocument(t, res, addr); got != want {
			t.Errorf("%s: document\n%s\nwant\n%s", addr, got, want)
		}
	}
	if r := res["aws_s3_bucket_policy.known"]; r.Values["policy"] != `{"Statement":[{"Effect":"Allow","Resource":"*"}]}` {
		t.Errorf("known policy %v", r.Values["policy"])
	}
}
