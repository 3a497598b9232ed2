variable "policy" {
  type = string
}

resource "aws_sqs_queue" "q" {
  name = "fg-queue"
}

resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.id
  policy    = var.policy
}
