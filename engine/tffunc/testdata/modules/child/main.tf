module "m" {}
