module "subnets" {
  source = "./subnets"
}
