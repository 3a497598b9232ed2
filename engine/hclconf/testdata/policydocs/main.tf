variable "enabled" {
  type    = bool
  default = true
}

variable "org_id" {
  type      = string
  default   = "o-secret"
  sensitive = true
}

resource "aws_s3_bucket" "b" {
  bucket = "fg-bank-statements"
}

# Every argument known: the json is known.
data "aws_iam_policy_document" "known" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::fg-bank-statements/*"]
  }
}

# The bucket's ARN is known only after apply: the json is unknown, but all
# the rest of the document is known.
data "aws_iam_policy_document" "public" {
  statement {
    sid       = "Public"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

data "aws_iam_policy_document" "combined" {
  source_policy_documents = [data.aws_iam_policy_document.public.json, data.aws_iam_policy_document.known.json]
  statement {
    sid     = "Own"
    actions = ["s3:ListBucket"]
  }
}

data "aws_iam_policy_document" "secret" {
  statement {
    actions = ["s3:GetObject"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = [var.org_id]
    }
  }
}

locals {
  policy = data.aws_iam_policy_document.public.json
}

resource "aws_iam_policy" "known" {
  policy = data.aws_iam_policy_document.known.json
}

resource "aws_s3_bucket_policy" "direct" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.public.json
}

resource "aws_s3_bucket_policy" "through_local_and_template" {
  bucket = aws_s3_bucket.b.id
  policy = "${local.policy}"
}

resource "aws_s3_bucket_policy" "known_condition" {
  bucket = aws_s3_bucket.b.id
  policy = var.enabled ? data.aws_iam_policy_document.public.minified_json : ""
}

resource "aws_s3_bucket_policy" "combined" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.combined.json
}

# replace in the json is replace in the document's strings: the document.
resource "aws_s3_bucket_policy" "replaced" {
  bucket = aws_s3_bucket.b.id
  policy = replace(data.aws_iam_policy_document.public.json, "Public", "Private")
}

# Not exactly the json: no document.
resource "aws_s3_bucket_policy" "unknown_condition" {
  bucket = aws_s3_bucket.b.id
  policy = aws_s3_bucket.b.arn != "" ? data.aws_iam_policy_document.public.json : ""
}

resource "aws_s3_bucket_policy" "reencoded" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode(jsondecode(data.aws_iam_policy_document.public.json))
}

resource "aws_s3_bucket_policy" "either" {
  bucket = aws_s3_bucket.b.id
  policy = var.enabled ? data.aws_iam_policy_document.public.json : data.aws_iam_policy_document.combined.json
}

resource "aws_s3_bucket_policy" "secret" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.secret.json
}

module "queue" {
  source = "./modules/queue"
  policy = data.aws_iam_policy_document.public.json
}
