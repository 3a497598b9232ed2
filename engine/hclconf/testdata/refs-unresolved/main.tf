module "kms" {
  source  = "terraform-aws-modules/kms/aws"
  version = "~> 3.0"
}

resource "aws_kms_key" "k" {
  count = 1
}

resource "aws_db_instance" "db" {
  storage_encrypted = module.kms.enabled
  kms_key_id        = aws_kms_key.k[1].arn
  identifier        = aws_kms_key.k[0].id
}
