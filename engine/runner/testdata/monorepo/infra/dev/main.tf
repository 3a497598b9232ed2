provider "aws" {
  region = "ap-northeast-1"
}

module "data" {
  source = "../../modules/data"
}
