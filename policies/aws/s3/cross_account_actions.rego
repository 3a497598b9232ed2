# METADATA
# title: S3 bucket policies do not let other accounts change the bucket's protection
# description: |
#   A bucket policy that lets another AWS account change the bucket policy, ACLs
#   or encryption hands control of the data's protection to someone outside the
#   institution. In fiscguard's reading, FISC asks for stored data to be protected (実3) and access
#   rights to be clearly limited (実25); AWS maps its control restricting the S3
#   permissions granted to other accounts (SH.S3.6) to both. An Allow statement
#   for an AWS principal (other than the accounts in the trusted_accounts
#   parameter) must not grant s3:DeleteBucketPolicy, s3:PutBucketAcl,
#   s3:PutBucketPolicy, s3:PutEncryptionConfiguration or s3:PutObjectAcl,
#   directly or through a wildcard.
# custom:
#   id: FG-S3-006
#   severity: high
#   fisc: ["実3", "実5", "実25"]
#   fisc_basis: {"実3": "aws-blea-ct:SH.S3.6", "実25": "aws-blea-ct:SH.S3.6", "実5": "aws-blea-workload:core-banking governance, access-source control for S3 buckets with IAM and resource policies"}
#   fisc_basis_ja: {"実5": "勘定系（共通統制）：IAMポリシーとリソースポリシーによるS3バケットへのアクセス元の制御"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_s3_bucket_policy]
#   title_ja: S3バケットポリシーで他のアカウントに保護設定の変更を許可しない
#   description_ja: |
#     他のAWSアカウントにバケットポリシー、ACL、暗号化の変更を許可するバケットポリシーは、データの保護の管理を金融機関の外の者に委ねることになる。
#     fiscguardの読みでは、FISCは蓄積データの保護（実3）とアクセス権限の明確化（実25）を求めており、AWSは他のアカウントに付与するS3権限を制限する統制（SH.S3.6）を両項目に対応付けている。
#     AWSプリンシパル（パラメータ trusted_accounts のアカウントを除く）への Allow 文で、s3:DeleteBucketPolicy、s3:PutBucketAcl、s3:PutBucketPolicy、s3:PutEncryptionConfiguration、s3:PutObjectAcl を直接またはワイルドカードで許可してはならない。
#   remediation: Remove these actions from statements for other accounts' principals; if another of the institution's own accounts needs them, add its ID to the trusted_accounts parameter.
#   remediation_ja: 他のアカウントのプリンシパルへの文からこれらの操作を削除する。金融機関自身の別アカウントに必要な場合は、そのアカウントIDをパラメータ trusted_accounts に加える。
package fiscguard.aws.s3.cross_account_actions

import data.fiscguard.aws.s3.public_policy
import data.fiscguard.lib
import data.fiscguard.lib.aws.iam

protected_actions := [
	"s3:deletebucketpolicy", "s3:putbucketacl", "s3:putbucketpolicy",
	"s3:putencryptionconfiguration", "s3:putobjectacl",
]

# One finding per bucket policy, listing every statement that lets an
# untrusted account change the bucket's protection.
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "S3 bucket policy %s lets other accounts change the bucket's protection: ", "ja": "S3バケットポリシー %s が他のアカウントにバケットの保護設定の変更を許可している: "},
		"inconclusive": {"en": "S3 bucket policy %s: ", "ja": "S3バケットポリシー %s の"},
	})
}

_problems contains {
	"resource": p, "attribute": sprintf("policy.Statement[%d]", [i]), "status": "fail",
	"en": sprintf("%s may %s", [principal, concat(", ", granted)]),
	"ja": sprintf("%s に %s", [principal, concat("、", granted)]),
} if {
	some p in lib.resources("aws_s3_bucket_policy")
	some i, s in iam.statements(iam.document(p, "policy"))
	s.value.Effect == "Allow"
	some principal in untrusted(s.value)
	granted := iam.matching_actions(s.value, protected_actions)
	count(granted) > 0
}

# A statement that may allow them to an account known only after apply. A
# document known only after apply as a whole, or a statement that may admit
# everyone, is FG-S3-004's cause.
_problems contains {
	"resource": p, "attribute": sprintf("policy.Statement[%d]", [i]), "status": "inconclusive",
	"en": sprintf("whether statement %d lets another account change the bucket's protection is known only after apply%s", [i, lib.from_text(p, "policy").en]),
	"ja": sprintf("ステートメント %d が他のアカウントに保護設定の変更を許可するかは適用後まで確定しない%s", [i, lib.from_text(p, "policy").ja]),
} if {
	some p in lib.resources("aws_s3_bucket_policy")
	doc := iam.document(p, "policy")
	not iam.unknown_statements(doc)
	some i, s in iam.statements(doc)
	not i in public_policy.undecided_statements(doc)
	iam.may_have_effect(s, "Allow")
	_may_name_untrusted(s)
	iam.may_match_actions(s, protected_actions)
}

# What leaves the rule undecided but is FG-S3-004's cause: a document known
# only after apply as a whole, or a statement that may admit everyone.
deny contains lib.owned_by(fiscguard.inconclusive(
	p, "policy",
	sprintf("S3 bucket policy %s: whether it lets other accounts change the bucket's protection is known only after apply", [p.address]),
	sprintf("S3バケットポリシー %s が他のアカウントにバケットの保護設定の変更を許可するかは適用後まで確定しない", [p.address]),
), "FG-S3-004") if {
	some p in lib.resources("aws_s3_bucket_policy")
	not p.address in _reported
	_left_to_s3_004(iam.document(p, "policy"))
}

# _reported are the addresses this rule reports on itself.
_reported := {x.resource.address | some x in _problems}

_left_to_s3_004(doc) if iam.unknown_statements(doc)

_left_to_s3_004(doc) if {
	some i, s in iam.statements(doc)
	i in public_policy.undecided_statements(doc)
	iam.may_have_effect(s, "Allow")
	_may_name_untrusted(s)
	iam.may_match_actions(s, protected_actions)
}

# untrusted returns the known AWS principals of a statement that are
# neither everyone (FG-S3-004's cause) nor a trusted account.
untrusted(st) := [principal |
	some principal in iam.principals(st, "AWS")
	principal != "*"
	not trusted(principal)
]

_may_name_untrusted(s) if count(untrusted(s.value)) > 0

_may_name_untrusted(s) if lib.unknown_in(lib.part(s, ["Principal"]))

trusted(principal) if {
	some id in lib.param("trusted_accounts")
	principal in {id, sprintf("arn:aws:iam::%s:root", [id])}
}

trusted(principal) if {
	some id in lib.param("trusted_accounts")
	startswith(principal, sprintf("arn:aws:iam::%s:", [id]))
}
