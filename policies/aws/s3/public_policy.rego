# METADATA
# title: S3 bucket policies and ACLs do not grant public access
# description: |
#   A bucket policy that allows everyone ("*") without a condition restricting
#   the caller, or an ACL such as public-read, publishes the bucket's data to the
#   internet. In fiscguard's reading, FISC asks for stored data to be protected against leakage (実3) and
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
#     fiscguardの読みでは、FISCは蓄積データの漏えい防止（実3）とアクセス権限の明確化（実25）を求めており、AWSはS3の公開読み取り・書き込みを禁止する統制を両項目に対応付けている。
#     aws_s3_bucket_policy、aws_s3_bucket_acl、およびプロバイダーv3のバケット内の policy と acl を検査する。送信元のVPC、VPCエンドポイント、IPアドレス範囲、組織、アカウント、ARNに関する条件は、呼び出し元を限定する条件とみなす。
#   remediation: Remove the statement that allows "*" (or add a condition such as aws:SourceVpce or aws:PrincipalOrgID), and use the private ACL or, better, disable ACLs with BucketOwnerEnforced object ownership.
#   remediation_ja: 全員（"*"）に許可する文を削除する（または aws:SourceVpce や aws:PrincipalOrgID などの条件を加える）。ACLは private とするか、オブジェクト所有者を BucketOwnerEnforced にしてACLを無効にする。
package fiscguard.aws.s3.public_policy

import data.fiscguard.lib
import data.fiscguard.lib.aws.iam

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

# One finding per bucket, bucket policy or bucket ACL, listing every way it
# admits the public.
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "%s makes the bucket public: ", "ja": "%s がバケットを公開している: "},
		"inconclusive": {"en": "%s: ", "ja": "%s の"},
	})
}

_problems contains {
	"resource": p, "attribute": sprintf("policy.Statement[%d]", [i]), "status": "fail",
	"en": sprintf("statement %d allows everyone without a restricting condition", [i]),
	"ja": sprintf("ステートメント %d が呼び出し元を限定する条件なしに全員へ許可している", [i]),
} if {
	some p in lib.resources("aws_s3_bucket_policy")
	some i in public_statements(iam.document(p, "policy"))
}

# The unknown document is one cause: this rule reports it for FG-S3-003 and
# FG-S3-006 too.
_problems contains {
	"resource": p, "attribute": "policy", "status": "inconclusive",
	"en": "the policy document is known only after apply, so whether it admits everyone (and whether it denies requests without TLS, FG-S3-003) is not known",
	"ja": "ポリシー文書は適用後まで確定しないため、全員に許可していないか（および FG-S3-003 のTLSを使わない要求の拒否）が分からない",
} if {
	some p in lib.resources("aws_s3_bucket_policy")
	iam.unknown_statements(iam.document(p, "policy"))
}

# A document known in part: a statement whose principal, effect or
# condition is known only after apply may admit everyone.
_problems contains {
	"resource": p, "attribute": sprintf("policy.Statement[%d]", [i]), "status": "inconclusive",
	"en": sprintf("whether statement %d allows everyone is known only after apply%s", [i, lib.from_text(p, "policy").en]),
	"ja": sprintf("ステートメント %d が全員に許可するかは適用後まで確定しない%s", [i, lib.from_text(p, "policy").ja]),
} if {
	some p in lib.resources("aws_s3_bucket_policy")
	doc := iam.document(p, "policy")
	not iam.unknown_statements(doc)
	some i in undecided_statements(doc)
}

# Inline policy and acl of provider v3 buckets.
_problems contains {
	"resource": b, "attribute": sprintf("policy.Statement[%d]", [i]), "status": "fail",
	"en": sprintf("statement %d of its inline policy allows everyone without a restricting condition", [i]),
	"ja": sprintf("インラインのポリシーのステートメント %d が呼び出し元を限定する条件なしに全員へ許可している", [i]),
} if {
	some b in lib.resources("aws_s3_bucket")
	some i in public_statements(iam.document(b, "policy"))
}

_problems contains {
	"resource": b, "attribute": sprintf("policy.Statement[%d]", [i]), "status": "inconclusive",
	"en": sprintf("whether statement %d of its inline policy allows everyone is known only after apply%s", [i, lib.from_text(b, "policy").en]),
	"ja": sprintf("インラインのポリシーのステートメント %d が全員に許可するかは適用後まで確定しない%s", [i, lib.from_text(b, "policy").ja]),
} if {
	some b in lib.resources("aws_s3_bucket")
	doc := iam.document(b, "policy")
	not iam.unknown_statements(doc)
	some i in undecided_statements(doc)
}

_problems contains {
	"resource": b, "attribute": "acl", "status": "fail",
	"en": sprintf("it has the public ACL %s", [acl]),
	"ja": sprintf("公開ACL %s が設定されている", [acl]),
} if {
	some b in lib.resources("aws_s3_bucket")
	acl := fiscguard.value(b, "acl", null)
	acl in public_acls
}

_problems contains {
	"resource": a, "attribute": "acl", "status": "fail",
	"en": sprintf("it is the public canned ACL %s", [acl]),
	"ja": sprintf("公開の既定ACL %s になっている", [acl]),
} if {
	some a in lib.resources("aws_s3_bucket_acl")
	acl := fiscguard.value(a, "acl", null)
	acl in public_acls
}

_problems contains {
	"resource": a, "attribute": "access_control_policy", "status": "fail",
	"en": "it grants access to all users or all authenticated AWS users",
	"ja": "すべての利用者またはすべての認証済みAWS利用者にアクセスを許可している",
} if {
	some a in lib.resources("aws_s3_bucket_acl")
	some acp in fiscguard.value(a, "access_control_policy", [])
	some g in object.get(acp, "grant", [])
	some gr in object.get(g, "grantee", [])
	object.get(gr, "uri", "") in public_grantees
}

# public_statements are the indexes of a document's statements that allow
# everyone without a restricting condition; undecided_statements those that
# may, as far as the document is known.
public_statements(doc) := {i |
	some i, s in iam.statements(doc)
	s.value.Effect == "Allow"
	iam.public_principal(s.value.Principal)
	not lib.unknown_whole(lib.part(s, ["Condition"]))
	not restricted(s)
}

undecided_statements(doc) := {i |
	some i, s in iam.statements(doc)
	not i in public_statements(doc)
	iam.may_have_effect(s, "Allow")
	iam.may_be_public(s)
	not restricted(s)
}

# restricted is true when a statement's condition has a key that restricts
# the caller (its value may be known only after apply: the key restricts).
restricted(s) if {
	some _, kv in object.get(s, ["value", "Condition"], {})
	some key, _ in kv
	lower(key) in restricting_keys
}
