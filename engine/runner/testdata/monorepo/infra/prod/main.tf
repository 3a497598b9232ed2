provider "aws" {
  region = "ap-northeast-1"
}

module "data" {
  source = "../../modules/data"
}

resource "aws_ebs_volume" "logs" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = true
}
