# METADATA
# title: S3 buckets accept only TLS requests
# description: |
#   Without a bucket policy that denies requests made without TLS, data can be
#   read or altered in transit by anyone on the path. In fiscguard's reading, FISC asks for data in transit
#   to be protected against leakage (実4) and tampering (実7); AWS maps its S3
#   SSL-requests-only control (SH.S3.5) to 実7 and requires TLS on S3 in its
#   core-banking mapping for 実4. The bucket policy must deny every principal when
#   aws:SecureTransport is false.
# custom:
#   id: FG-S3-003
#   severity: medium
#   fisc: ["実4", "実7"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実4": "aws-blea-workload:core-banking, TLS required on S3 buckets", "実7": "aws-blea-ct:SH.S3.5", "運110": "seed:運110 names data leakage while the service is in use; plaintext transfer leaks data in transit"}
#   fisc_basis_ja: {"実4": "勘定系：S3バケットへのTLS必須化", "運110": "運110は利用中のデータ漏洩を挙げる。平文の転送は伝送中のデータを漏らす"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy]
#   title_ja: S3バケットへのアクセスをTLSに限定する
#   description_ja: |
#     TLSを使わないリクエストを拒否するバケットポリシーがないと、通信経路上でデータを盗み見られたり改ざんされたりするおそれがある。
#     fiscguardの読みでは、FISCは伝送データの漏えい防止（実4）と改ざんの防止（実7）を求めており、AWSはS3のSSL通信必須の統制（SH.S3.5）を実7に、勘定系の対応表ではS3へのTLS必須化を実4に対応付けている。
#     バケットポリシーで、aws:SecureTransport が false のリクエストをすべてのプリンシパルについて拒否する。
#   remediation: Attach an aws_s3_bucket_policy with a statement Effect = "Deny", Principal = "*", Action = "s3:*", Resource = the bucket and its objects, Condition Bool aws:SecureTransport = "false".
#   remediation_ja: aws_s3_bucket_policy を設定し、Effect = "Deny"、Principal = "*"、Action = "s3:*"、Resource = バケットとその配下のオブジェクト、Condition Bool aws:SecureTransport = "false" のステートメントを含める。
package fiscguard.aws.s3.tls_only

import data.fiscguard.lib
import data.fiscguard.lib.aws.iam
import data.fiscguard.lib.aws.s3.bucket

deny contains fiscguard.fail(
	b, "",
	sprintf("S3 bucket %s has no policy denying requests without TLS", [b.address]),
	sprintf("S3バケット %s にTLSを使わないリクエストを拒否するポリシーがない", [b.address]),
) if {
	some [b, "fail"] in _buckets
}

# An attached bucket policy known only after apply leaves this rule
# undecided too; the cause is FG-S3-004's, which reports it.
deny contains lib.owned_by(fiscguard.inconclusive(
	b, "",
	sprintf("S3 bucket %s: its bucket policy is known only after apply", [b.address]),
	sprintf("S3バケット %s のバケットポリシーは適用後まで確定しない", [b.address]),
), "FG-S3-004") if {
	some [b, "owned"] in _buckets
}

deny contains fiscguard.inconclusive(
	b, "",
	sprintf("S3 bucket %s: its inline policy is known only after apply%s", [b.address, lib.from_text(b, "policy").en]),
	sprintf("S3バケット %s のインラインのポリシーは適用後まで確定しない%s", [b.address, lib.from_text(b, "policy").ja]),
) if {
	some [b, "unknown"] in _buckets
}

deny contains fiscguard.inconclusive(
	b, "",
	sprintf("S3 bucket %s: whether its bucket policy denies requests without TLS is known only after apply%s", [b.address, lib.from_text(p, "policy").en]),
	sprintf("S3バケット %s のバケットポリシーがTLSを使わないリクエストを拒否するかは適用後まで確定しない%s", [b.address, lib.from_text(p, "policy").ja]),
) if {
	some [b, "undecided"] in _buckets
	some p in bucket.attached(b, "aws_s3_bucket_policy")
	iam.may_deny_insecure_transport(iam.document(p, "policy"), _denied)
}

_buckets := [[b, status(b, bucket.attached(b, "aws_s3_bucket_policy"))] | some b in lib.resources("aws_s3_bucket")]

_denied := {"*", "s3:*"}

status(b, ps) := "pass" if {
	some p in ps
	iam.denies_insecure_transport(iam.document(p, "policy"), _denied)
} else := "pass" if {
	iam.denies_insecure_transport(iam.document(b, "policy"), _denied)
} else := "owned" if {
	# A bucket policy document known only after apply is one cause, reported
	# once, by FG-S3-004 on the policy resource.
	some p in ps
	iam.unknown_statements(iam.document(p, "policy"))
} else := "undecided" if {
	# Known in part: the statement that decides may be among the unknown parts.
	some p in ps
	iam.may_deny_insecure_transport(iam.document(p, "policy"), _denied)
} else := "unknown" if {
	# The inline policy of provider v4+ is computed (unknown at create) when not
	# set; only a value set from something is marked unknown.
	iam.may_deny_insecure_transport(iam.document(b, "policy"), _denied)
} else := "fail"
