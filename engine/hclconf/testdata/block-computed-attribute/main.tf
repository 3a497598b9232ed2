# The cluster's security group is computed inside its vpc_config block:
# reading it is known only after apply, not an unsupported attribute.
resource "aws_eks_cluster" "this" {
  name     = "ledger"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_ec2_tag" "cluster_security_group" {
  resource_id = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
  key         = "system"
  value       = "ledger"
}
