# a and b call each other: Terraform refuses them.
module "b" {
  source = "../b"
}
