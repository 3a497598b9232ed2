variable "region" {
  type    = string
  default = "us-east-1"
}

variable "env" {
  type = string
}

variable "azs" {
  type    = list(string)
  default = ["ap-northeast-1a", "ap-northeast-1c"]
}

variable "open_ports" {
  type    = list(number)
  default = [443]
}

variable "tags" {
  type = object({
    Team  = string
    Owner = optional(string, "platform")
  })
  default = { Team = "core" }
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "CANARY-hcl-variable-secret"
}
