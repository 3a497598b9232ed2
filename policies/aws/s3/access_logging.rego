# METADATA
# title: S3 buckets have server access logging
# description: |
#   Server access logs record every request made to a bucket, including reads
#   that the API trail does not capture by default. In fiscguard's reading, FISC asks for access records
#   to be kept (実10); AWS maps S3 server access logging (SH.S3.9) to it, while
#   leaving it to each organisation whether to require it everywhere, so the
#   rule runs under strict management. Every bucket needs an aws_s3_bucket_logging
#   (or the inline logging block of provider v3), except buckets that receive
#   access logs themselves.
# custom:
#   id: FG-S3-007
#   severity: medium
#   fisc: ["実10"]
#   fisc_8th: ["運112"]
#   fisc_basis: {"実10": "aws-blea-ct:SH.S3.9", "運112": "derived:access records of the data stores are what the institution monitors and audits its cloud use with"}
#   fisc_basis_ja: {"運112": "データストアのアクセス記録は、金融機関がクラウドの利用を監視・監査するための記録である"}
#   profile: strict
#   strict_reason: "AWS leaves it to each organisation whether to require server access logging everywhere (SH.S3.9 is not recommended by default)."
#   strict_reason_ja: "AWSはサーバーアクセスログをすべてに求めるかを各組織の判断としている（SH.S3.9は既定では推奨しない）。"
#   responsibility: user
#   resource_types: [aws_s3_bucket]
#   title_ja: S3バケットのサーバーアクセスログを有効にする
#   description_ja: |
#     サーバーアクセスログは、API証跡が既定では記録しない読み取りを含め、バケットへのすべての要求を記録する。
#     fiscguardの読みでは、FISCはアクセス履歴の管理（実10）を求めており、AWSはS3サーバーアクセスログ（SH.S3.9）をこの項目に対応付けているが、全体で必須とするかは組織の判断としているため、厳格な管理で適用する。
#     すべてのバケットに aws_s3_bucket_logging（またはプロバイダーv3のバケット内の logging ブロック）を設ける。アクセスログの保存先のバケットは除く。
#   remediation: Add an aws_s3_bucket_logging for the bucket with target_bucket set to a dedicated log bucket.
#   remediation_ja: バケットに aws_s3_bucket_logging を追加し、target_bucket にログ専用のバケットを指定する。
package fiscguard.aws.s3.access_logging

import data.fiscguard.lib.aws.s3.bucket
import data.fiscguard.lib

deny contains fiscguard.fail(
	b, "",
	sprintf("S3 bucket %s has no server access logging", [b.address]),
	sprintf("S3バケット %s のサーバーアクセスログが有効になっていない", [b.address]),
) if {
	some b in lib.resources("aws_s3_bucket")
	not inline_logging(b)
	not log_target(b)
	count(bucket.attached(b, "aws_s3_bucket_logging")) == 0
}

inline_logging(b) if count(fiscguard.value(b, "logging", [])) > 0

# log_target is true for a bucket that receives access logs.
log_target(b) if count(lib.referrers(b, "aws_s3_bucket_logging", "target_bucket")) > 0

log_target(b) if fiscguard.value(b, "bucket", null) in _target_names

_target_names contains n if {
	some l in lib.resources("aws_s3_bucket_logging")
	n := fiscguard.value(l, "target_bucket", null)
	is_string(n)
}

_target_names contains n if {
	some x in lib.resources("aws_s3_bucket")
	some lg in fiscguard.value(x, "logging", [])
	n := lg.target_bucket
	is_string(n)
}
