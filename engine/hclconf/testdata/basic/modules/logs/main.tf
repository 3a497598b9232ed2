variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  # path.module is relative to the scanned directory, as file() resolves it.
  tags = jsondecode(file("${path.module}/lifecycle.json"))
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}
