# The zones are read from the AWS API while Terraform plans; fiscguard cannot
# read them, but slicing them gives two, so the subnets are two known
# instances with known CIDR blocks.
data "aws_availability_zones" "available" {}

locals {
  azs     = slice(data.aws_availability_zones.available.names, 0, 2)
  subnets = [for k, v in local.azs : cidrsubnet("10.0.0.0/16", 8, k)]
}

resource "aws_subnet" "public" {
  count                   = length(local.subnets)
  vpc_id                  = "vpc-0123456789abcdef0"
  cidr_block              = local.subnets[count.index]
  availability_zone       = local.azs[count.index]
  map_public_ip_on_launch = true
}
