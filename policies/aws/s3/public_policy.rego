# METADATA
# title: S3 bucket policies and ACLs do not grant public access
# description: |
#   A bucket policy that allows everyone ("*") without a condition restricting
#   the caller, or an ACL such as public-read, publishes the bucket's data to the
#   internet. FISC expects stored data to be protected against leakage (実3) and
#   access rights to be clearly limited (実25); AWS maps its S3 public read and
#   write controls to both. The rule reads aws_s3_bucket_policy,
#   aws_s3_bucket_acl and the inline policy and acl of provider v3 buckets. A
#   condition on the source VPC, VPC endpoint, IP range, organisation, account or
#   ARN counts as restricting the caller.
# custom:
#   id: FG-S3-004
#   severity: critical
#   fisc: ["実3", "実5", "実25"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実3": "aws-blea-ct:AWS-GR_S3_BUCKET_PUBLIC_READ_PROHIBITED, AWS-GR_S3_BUCKET_PUBLIC_WRITE_PROHIBITED, SH.S3.2, SH.S3.3", "実25": "aws-blea-ct:AWS-GR_S3_BUCKET_PUBLIC_READ_PROHIBITED, AWS-GR_S3_BUCKET_PUBLIC_WRITE_PROHIBITED, SH.S3.2, SH.S3.3", "運110": "seed:運110 names data leakage while the service is in use; a public bucket publishes stored data", "実5": "aws-blea-workload:core-banking governance, access-source control for S3 buckets with IAM and resource policies"}
#   fisc_basis_ja: {"運110": "運110は利用中のデータ漏洩を挙げる。公開されたバケットは保存データを公開する", "実5": "勘定系（共通統制）：IAMポリシーとリソースポリシーによるS3バケットへのアクセス元の制御"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy, aws_s3_bucket_acl]
#   title_ja: S3バケットポリシーやACLで公開アクセスを許可しない
#   description_ja: |
#     呼び出し元を限定する条件のないまま全員（"*"）に許可するバケットポリシーや、public-read などのACLは、バケットのデータをインターネットに公開してしまう。
#     FISCは蓄積データの漏えい防止（実3）とアクセス権限の明確化（実25）を求めており、AWSはS3の公開読み取り・書き込みを禁止する統制を両項目に対応付けている。
#     aws_s3_bucket_policy、aws_s3_bucket_acl、およびプロバイダーv3のバケット内の policy と acl を検査する。送信元のVPC、VPCエンドポイント、IPアドレス範囲、組織、アカウント、ARNに関する条件は、呼び出し元を限定する条件とみなす。
#   remediation: Remove the statement that allows "*" (or add a condition such as aws:SourceVpce or aws:PrincipalOrgID), and use the private ACL or, better, disable ACLs with BucketOwnerEnforced object ownership.
#   remediation_ja: 全員（"*"）に許可する文を削除する（または aws:SourceVpce や aws:PrincipalOrgID などの条件を加える）。ACLは private とするか、オブジェクト所有者を BucketOwnerEnforced にしてACLを無効にする。
package fiscguard.aws.s3.public_policy

import data.fiscguard.lib

public_acls := {"public-read", "public-read-write", "authenticated-read"}

public_grantees := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

restricting_keys := {
	"aws:sourcevpce", "aws:sourcevpc", "aws:sourceip", "aws:principalorgid", "aws:principalorgpaths",
	"aws:principalaccount", "aws:sourceaccount", "aws:sourcearn", "aws:principalarn", "aws:userid",
	"aws:sourceorgid",
}

deny contains lib.fail(
	p, "policy",
	sprintf("S3 bucket policy %s allows everyone without a restricting condition", [p.address]),
	sprintf("S3バケットポリシー %s が呼び出し元を限定する条件なしに全員へ許可している", [p.address]),
) if {
	some p in lib.resources("aws_s3_bucket_policy")
	public_document(lib.json_value(p, ["policy"]))
}

deny contains lib.inconclusive(
	p, "policy",
	sprintf("S3 bucket policy %s: the policy document is known only after apply", [p.address]),
	sprintf("S3バケットポリシー %s のポリシー文書は適用後まで確定しない", [p.address]),
) if {
	some p in lib.resources("aws_s3_bucket_policy")
	p.unknown.policy == true
}

# Inline policy and acl of provider v3 buckets.
deny contains lib.fail(
	b, "policy",
	sprintf("S3 bucket %s has a policy that allows everyone without a restricting condition", [b.address]),
	sprintf("S3バケット %s のポリシーが呼び出し元を限定する条件なしに全員へ許可している", [b.address]),
) if {
	some b in lib.resources("aws_s3_bucket")
	is_string(b.values.policy)
	public_document(lib.json_value(b, ["policy"]))
}

deny contains lib.fail(
	b, "acl",
	sprintf("S3 bucket %s has the public ACL %s", [b.address, b.values.acl]),
	sprintf("S3バケット %s に公開ACL %s が設定されている", [b.address, b.values.acl]),
) if {
	some b in lib.resources("aws_s3_bucket")
	b.values.acl in public_acls
}

deny contains lib.fail(
	a, "acl",
	sprintf("S3 bucket ACL %s is the public canned ACL %s", [a.address, a.values.acl]),
	sprintf("S3バケットACL %s が公開の既定ACL %s になっている", [a.address, a.values.acl]),
) if {
	some a in lib.resources("aws_s3_bucket_acl")
	a.values.acl in public_acls
}

deny contains lib.fail(
	a, "access_control_policy",
	sprintf("S3 bucket ACL %s grants access to all users or all authenticated AWS users", [a.address]),
	sprintf("S3バケットACL %s がすべての利用者またはすべての認証済みAWS利用者にアクセスを許可している", [a.address]),
) if {
	some a in lib.resources("aws_s3_bucket_acl")
	some acp in object.get(a.values, "access_control_policy", [])
	some g in object.get(acp, "grant", [])
	some gr in object.get(g, "grantee", [])
	object.get(gr, "uri", "") in public_grantees
}

# public_document is true when a statement allows everyone without a restricting condition.
public_document(doc) if {
	some st in lib.policy_statements(doc)
	st.Effect == "Allow"
	lib.public_principal(st.Principal)
	not restricted(object.get(st, "Condition", {}))
}

restricted(cond) if {
	some _, kv in cond
	some key, _ in kv
	lower(key) in restricting_keys
}
