# A module that calls itself: Terraform refuses it.
module "again" {
  source = "./"
}
