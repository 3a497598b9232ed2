resource "aws_subnet" "a" {}
