provider "aws" {
  region = var.region
}

variable "region" {
  type = string
}

resource "aws_ebs_volume" "data" {
  availability_zone = "${var.region}a"
  size              = 100
  encrypted         = false
}

module "remote" {
  source  = "example-org/volume/aws"
  version = "1.0.0"
}
