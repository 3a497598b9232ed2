# Every CANARY below is a sensitive value written next to a finding; no
# quote of these files may show one.
provider "aws" {
  region     = "ap-northeast-1"
  access_key = "CANARY-provider-access-key"
  secret_key = "CANARY-provider-secret-key"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "CANARY-variable-default"
}

variable "backup_window" {
  type      = string
  sensitive = true
}

locals {
  admin_password = "CANARY-local"
}

resource "aws_db_instance" "core" {
  identifier              = "core"
  password                = "CANARY-literal-argument"
  storage_encrypted       = false
  preferred_backup_window = var.backup_window
  tags = {
    note = sensitive("CANARY-sensitive-function")
    env  = "prod"
  }
}

resource "aws_rds_cluster" "ledger" {
  master_password   = <<-EOT
    CANARY-heredoc
  EOT
  storage_encrypted = false
}

module "db" {
  source = "./modules/db"
  login  = "CANARY-module-input"
}
