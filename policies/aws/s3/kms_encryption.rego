# METADATA
# title: S3 buckets are encrypted by default with a customer-managed KMS key
# description: |
#   S3 encrypts new objects with S3-managed keys (SSE-S3) by default, which the
#   institution cannot control, audit or revoke. Under strict management FISC
#   expects stored data to be encrypted with keys the institution manages
#   (実3, 実13; the strict side of 運110). The bucket's default encryption must be
#   aws:kms or aws:kms:dsse with a customer-managed key, set either with
#   aws_s3_bucket_server_side_encryption_configuration (AWS provider v4+) or the
#   inline server_side_encryption_configuration block (provider v3).
# custom:
#   id: FG-S3-002
#   severity: medium
#   fisc: ["実3", "実13"]
#   fisc_8th: ["運110"]
#   profile: strict
#   responsibility: user
#   resource_types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration]
#   title_ja: S3バケットを顧客管理のKMSキーで既定暗号化する
#   description_ja: |
#     S3は新しいオブジェクトを既定でS3管理キー（SSE-S3）で暗号化するが、その鍵は金融機関が管理・監査・無効化できない。
#     厳格な管理では、FISCは金融機関が管理する鍵での蓄積データの暗号化を求めている（実3、実13、運110の厳格な管理）。
#     バケットの既定暗号化は aws:kms または aws:kms:dsse とし、顧客管理キーを指定する。設定には aws_s3_bucket_server_side_encryption_configuration（AWSプロバイダーv4以降）またはバケット内の server_side_encryption_configuration ブロック（v3）を使う。
#   remediation: Add an aws_s3_bucket_server_side_encryption_configuration for the bucket whose rule sets sse_algorithm = "aws:kms" (or "aws:kms:dsse") and kms_master_key_id to a customer-managed aws_kms_key.
#   remediation_ja: バケットに aws_s3_bucket_server_side_encryption_configuration を追加し、rule で sse_algorithm = "aws:kms"（または "aws:kms:dsse"）とし、kms_master_key_id に顧客管理の aws_kms_key を指定する。
package fiscguard.aws.s3.kms_encryption

import data.fiscguard.aws.s3.bucket
import data.fiscguard.lib

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

_config_type := "aws_s3_bucket_server_side_encryption_configuration"

_inline := "server_side_encryption_configuration"

# A bucket with neither a configuration resource nor an inline block.
deny contains lib.fail(
	b, "",
	sprintf("S3 bucket %s has no default encryption with a customer-managed KMS key", [b.address]),
	sprintf("S3バケット %s に顧客管理のKMSキーによる既定暗号化が設定されていない", [b.address]),
) if {
	some b in lib.resources("aws_s3_bucket")
	count(bucket.attached(b, _config_type)) == 0
	not has_inline(b)
}

# A configuration resource whose rules use no customer-managed key.
deny contains lib.fail(
	c, attr,
	sprintf("S3 encryption configuration %s does not use a customer-managed KMS key", [c.address]),
	sprintf("S3暗号化設定 %s で顧客管理のKMSキーが使われていない", [c.address]),
) if {
	some c in lib.resources(_config_type)
	verdict(c, []) == "fail"
	attr := failing_attribute(c, [], "")
}

deny contains lib.inconclusive(
	c, "rule",
	sprintf("S3 encryption configuration %s: the algorithm or key is known only after apply", [c.address]),
	sprintf("S3暗号化設定 %s の暗号化方式または鍵は適用後まで確定しない", [c.address]),
) if {
	some c in lib.resources(_config_type)
	verdict(c, []) == "unknown"
}

# The inline block of AWS provider v3, used when no configuration resource exists.
deny contains lib.fail(
	b, attr,
	sprintf("S3 bucket %s: default encryption does not use a customer-managed KMS key", [b.address]),
	sprintf("S3バケット %s の既定暗号化で顧客管理のKMSキーが使われていない", [b.address]),
) if {
	some b in lib.resources("aws_s3_bucket")
	count(bucket.attached(b, _config_type)) == 0
	has_inline(b)
	verdict(b, [_inline, 0]) == "fail"
	attr := failing_attribute(b, [_inline, 0], "server_side_encryption_configuration[0].")
}

deny contains lib.inconclusive(
	b, _inline,
	sprintf("S3 bucket %s: the default encryption algorithm or key is known only after apply", [b.address]),
	sprintf("S3バケット %s の既定暗号化の方式または鍵は適用後まで確定しない", [b.address]),
) if {
	some b in lib.resources("aws_s3_bucket")
	count(bucket.attached(b, _config_type)) == 0
	has_inline(b)
	verdict(b, [_inline, 0]) == "unknown"
}

# has_inline is true when the bucket itself carries a known, non-empty block.
# (Provider v4+ reports the block as computed, unknown at create: S3 then
# applies SSE-S3, which is not a customer-managed key.)
has_inline(b) if {
	not lib.unknown(b, [_inline])
	count(lib.value(b, [_inline], [])) > 0
}

# verdict judges the rules under prefix: "pass" when one uses a customer-managed
# key, else "unknown" when one may, else "fail".
verdict(r, prefix) := "pass" if {
	some i, _ in rules(r, prefix)
	rule_status(r, prefix, i) == "cmk"
} else := "unknown" if {
	lib.unknown(r, array.concat(prefix, ["rule"]))
} else := "unknown" if {
	some i, _ in rules(r, prefix)
	rule_status(r, prefix, i) == "unknown"
} else := "fail"

rules(r, prefix) := lib.value(r, array.concat(prefix, ["rule"]), [])

_default_path(prefix, i) := array.concat(prefix, ["rule", i, "apply_server_side_encryption_by_default", 0])

rule_status(r, prefix, i) := "unknown" if {
	lib.unknown(r, array.concat(_default_path(prefix, i), ["sse_algorithm"]))
} else := "not_kms" if {
	not lib.value(r, array.concat(_default_path(prefix, i), ["sse_algorithm"]), "") in kms_algorithms
} else := "cmk" if {
	key := lib.value(r, array.concat(_default_path(prefix, i), ["kms_master_key_id"]), "")
	customer_key(key)
} else := "cmk" if {
	# The key is created or read in the same plan: the ID is unknown, the reference is not.
	lib.unknown(r, array.concat(_default_path(prefix, i), ["kms_master_key_id"]))
	count(object.get(r.refs, _ref_attr(prefix), [])) > 0
} else := "unknown" if {
	lib.unknown(r, array.concat(_default_path(prefix, i), ["kms_master_key_id"]))
} else := "no_key"

_ref_attr([]) := "rule"

_ref_attr(prefix) := prefix[0] if count(prefix) > 0

# customer_key is true for a key ID, ARN or alias other than the AWS-managed aws/s3 key.
customer_key(key) if {
	is_string(key)
	key != ""
	not endswith(key, "alias/aws/s3")
}

failing_attribute(r, prefix, p) := sprintf("%srule", [p]) if {
	count(rules(r, prefix)) == 0
} else := sprintf("%srule[0].apply_server_side_encryption_by_default[0].sse_algorithm", [p]) if {
	rule_status(r, prefix, 0) == "not_kms"
} else := sprintf("%srule[0].apply_server_side_encryption_by_default[0].kms_master_key_id", [p])
