resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
}
