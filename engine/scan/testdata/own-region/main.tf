# The configuration of ../../../plan/testdata/regions.json: queues under a
# provider in eu-west-1, one that sets the same region itself (AWS provider
# v6) directly or through a variable, one whose own region is known only
# after apply, one that sets none and one that sets null.
provider "aws" {
  region = "eu-west-1"
}

resource "terraform_data" "where" {
  input = "ap-northeast-1"
}

resource "aws_sqs_queue" "own" {
  name   = "own"
  region = "eu-west-1"
}

resource "aws_sqs_queue" "later" {
  name   = "later"
  region = terraform_data.where.output
}

resource "aws_sqs_queue" "inherited" {
  name = "inherited"
}

variable "region" {
  default = null
}

variable "queue_region" {
  default = "eu-west-1"
}

resource "aws_sqs_queue" "null" {
  name   = "null"
  region = var.region
}

resource "aws_sqs_queue" "by_variable" {
  name   = "by_variable"
  region = var.queue_region
}
