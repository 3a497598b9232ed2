locals {
  keys = toset(jsondecode(file("${path.module}/keys.json")))
}
resource "terraform_data" "k" {
  for_each = local.keys
  input    = each.key
}
module "m" {
  source   = "./m"
  for_each = local.keys
}
resource "terraform_data" "c" {
  count = 3
}
