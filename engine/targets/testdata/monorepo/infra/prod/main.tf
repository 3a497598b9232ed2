module "vpc" {
  source = "../../modules/vpc"
}

module "registry" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.0.0"
}
