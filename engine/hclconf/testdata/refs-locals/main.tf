resource "aws_kms_key" "k" {
  count = 2
}

locals {
  keys  = aws_kms_key.k[*].arn
  first = local.keys[0]
}

resource "aws_ebs_volume" "v" {
  count             = 2
  availability_zone = "ap-northeast-1a"
  size              = 10
  kms_key_id        = local.keys[count.index]
}

module "m" {
  source = "./m"
  key    = local.first
}
