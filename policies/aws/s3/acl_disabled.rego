# METADATA
# title: S3 buckets disable ACLs (bucket owner enforced)
# description: |
#   Object ACLs let any writer grant access to individual objects, outside the
#   bucket policy that the institution reviews. In fiscguard's reading, FISC asks for stored data to be
#   protected (実3) and access rights to be defined clearly (実25); AWS maps its
#   control that S3 ACLs are not used for user access (SH.S3.12) to both. An
#   aws_s3_bucket_ownership_controls must set object_ownership to
#   BucketOwnerEnforced (the default for new buckets since April 2023), and no
#   aws_s3_bucket_acl should be declared.
# custom:
#   id: FG-S3-005
#   severity: medium
#   fisc: ["実3", "実25"]
#   fisc_basis: {"実3": "aws-blea-ct:SH.S3.12", "実25": "aws-blea-ct:SH.S3.12"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_s3_bucket_ownership_controls, aws_s3_bucket_acl]
#   title_ja: S3バケットのACLを無効にする（バケット所有者の強制）
#   description_ja: |
#     オブジェクトACLを使うと、書き込める者なら誰でも、金融機関が確認しているバケットポリシーの外で個々のオブジェクトへのアクセスを許可できてしまう。
#     fiscguardの読みでは、FISCは蓄積データの保護（実3）とアクセス権限の明確化（実25）を求めており、AWSはS3のACLを利用者のアクセス管理に使わない統制（SH.S3.12）を両項目に対応付けている。
#     aws_s3_bucket_ownership_controls の object_ownership を BucketOwnerEnforced（2023年4月以降の新規バケットの既定値）とし、aws_s3_bucket_acl は宣言しない。
#   remediation: Set object_ownership = "BucketOwnerEnforced" in aws_s3_bucket_ownership_controls and remove aws_s3_bucket_acl resources; grant access through the bucket policy or IAM instead.
#   remediation_ja: aws_s3_bucket_ownership_controls で object_ownership = "BucketOwnerEnforced" とし、aws_s3_bucket_acl を削除する。アクセスはバケットポリシーやIAMで付与する。
package fiscguard.aws.s3.acl_disabled

import data.fiscguard.lib

deny contains fiscguard.fail(
	c, "rule[0].object_ownership",
	sprintf("S3 ownership controls %s set object ownership to %s, so ACLs stay in effect", [c.address, fiscguard.value(c, ["rule", 0, "object_ownership"], null)]),
	sprintf("S3所有権設定 %s のオブジェクト所有者が %s のため、ACLが有効なままになっている", [c.address, fiscguard.value(c, ["rule", 0, "object_ownership"], null)]),
) if {
	some c in lib.resources("aws_s3_bucket_ownership_controls")
	fiscguard.value(c, ["rule", 0, "object_ownership"], null) != "BucketOwnerEnforced"
}

deny contains fiscguard.fail(
	a, "",
	sprintf("S3 bucket ACL %s manages access with an ACL", [a.address]),
	sprintf("S3バケットACL %s がACLでアクセスを管理している", [a.address]),
) if {
	some a in lib.resources("aws_s3_bucket_acl")
}
