terraform {
  required_version = ">= 1.5"
}

provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "osaka"
  region = local.dr_region
}

locals {
  # name uses prefix, which is declared after it: locals evaluate in dependency order.
  name      = "${local.prefix}-data"
  prefix    = "bank-${var.env}"
  dr_region = "ap-northeast-3"
  subnets   = { for i, az in var.azs : az => cidrsubnet("10.0.0.0/16", 8, i) }
}

resource "aws_s3_bucket" "data" {
  count  = 2
  bucket = "${local.name}-${count.index}"
  tags   = merge(var.tags, { Index = tostring(count.index) })
}

resource "aws_s3_bucket_public_access_block" "data" {
  count                   = 2
  bucket                  = aws_s3_bucket.data[count.index].id
  block_public_acls       = true
  block_public_policy     = count.index == 0
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_subnet" "private" {
  for_each          = local.subnets
  vpc_id            = aws_vpc.main.id
  cidr_block        = each.value
  availability_zone = each.key
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = var.open_ports
    iterator = port
    content {
      from_port   = port.value
      to_port     = port.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  password          = var.db_password
  storage_encrypted = true
  username          = "admin"
}

resource "aws_s3_bucket" "dr" {
  provider = aws.osaka
  bucket   = "${local.name}-dr"
}

module "logs" {
  source   = "./modules/logs"
  for_each = toset(["audit", "access"])
  name     = "${local.prefix}-${each.key}"
}

module "logs_osaka" {
  source    = "./modules/logs"
  name      = "osaka-logs"
  providers = { aws = aws.osaka }
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data[0].id
  target_bucket = module.logs["audit"].bucket_id
  target_prefix = "data/"
}
