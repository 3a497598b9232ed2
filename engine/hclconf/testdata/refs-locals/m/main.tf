variable "key" {
  type = string
}

locals {
  key = var.key
}

resource "aws_ebs_volume" "this" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  kms_key_id        = local.key
}
