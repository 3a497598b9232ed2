# Every kind of note an HCL scan makes: what fiscguard could not evaluate,
# and why (the Japanese output test runs it in every format).
variable "environment" {} # no value anywhere: unknown

variable "replicas" {
  type    = number
  default = length(var.environment) # not a constant: ignored
}

locals {
  settings = { retention = 30 }
}

provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

# count and for_each known only after apply
resource "aws_ebs_volume" "data" {
  count             = length(aws_instance.app.id) > 0 ? 1 : 0
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = true
}

resource "aws_s3_bucket" "per_env" {
  for_each = toset([aws_instance.app.id])
  bucket   = "logs-${each.key}"
}

resource "aws_s3_bucket" "listed" {
  for_each = ["a", "b"] # a list where Terraform wants a set
  bucket   = "listed-${each.key}"
}

# an expression that fails, a function fiscguard does not know, a value
# the provider's type refuses
resource "aws_cloudwatch_log_group" "app" {
  name              = provider::aws::arn_parse("arn:aws:logs:ap-northeast-1:123456789012:log-group:app").resource
  retention_in_days = local.settings.days
  tags              = "environment"
}

data "aws_iam_policy_document" "dup" {
  statement {
    sid       = "A"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "A"
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }
}

# a remote module that is not installed, and a local one called without
# its required variable and with a value of the wrong type
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}

module "logs" {
  source    = "./modules/logs"
  retention = { days = 30 }
}
