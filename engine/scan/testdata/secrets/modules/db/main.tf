variable "login" {
  type      = string
  sensitive = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false
  tags = {
    login = var.login
  }
}
