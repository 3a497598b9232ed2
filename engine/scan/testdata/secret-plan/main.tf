provider "aws" {
  region = "ap-northeast-1"
}

# The plan marks availability_zone sensitive (as a provider schema or a
# sensitive input would); its name does not say so.
resource "aws_ebs_volume" "data" {
  availability_zone = "CANARY-plan-sensitive"
  size              = 100
  encrypted         = false
}
