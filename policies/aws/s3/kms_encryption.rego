# METADATA
# title: S3 buckets are encrypted by default with a customer-managed KMS key
# description: |
#   S3 encrypts new objects with S3-managed keys (SSE-S3) by default, which the
#   institution cannot control, audit or revoke. Under strict management, in fiscguard's reading, FISC
#   asks for stored data to be encrypted with keys the institution manages
#   (実3, 実13; the strict side of 運110). The bucket's default encryption must be
#   aws:kms or aws:kms:dsse with a customer-managed key, set either with
#   aws_s3_bucket_server_side_encryption_configuration (AWS provider v4+) or the
#   inline server_side_encryption_configuration block (provider v3).
# custom:
#   id: FG-S3-002
#   severity: medium
#   fisc: ["実3", "実13"]
#   fisc_8th: ["運110", "運111"]
#   fisc_basis: {"実3": "aws-blea-ct:SH.S3.4 (server-side encryption; the customer-managed-key condition is ours)", "実13": "derived:a customer-managed key is the key the institution itself protects and controls", "運110": "seed:運110 names data leakage while the service is in use (strict side: institution-controlled keys)", "運111": "derived:data under a key the institution owns can be made unrecoverable at contract end by deleting the key (crypto-erasure)"}
#   fisc_basis_ja: {"実3": "SH.S3.4（サーバー側暗号化。顧客管理キーの条件はfiscguardによる）", "実13": "顧客管理キーは、金融機関自身が保護し管理する鍵である", "運110": "運110は利用中のデータ漏洩を挙げる（厳格な側：金融機関が管理する鍵）", "運111": "金融機関が所有する鍵で暗号化したデータは、契約終了時に鍵を削除して復元不能にできる（暗号学的消去）"}
#   profile: strict
#   strict_reason: "S3 encrypts every new object by default, which AWS's note on SH.S3.4 says is enough; a customer-managed key is more than that minimum."
#   strict_reason_ja: "S3は新しいオブジェクトを既定で暗号化し、AWSはSH.S3.4の注記でそれで足りるとしている。顧客管理キーはその最低限を超える。"
#   responsibility: user
#   resource_types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration]
#   title_ja: S3バケットを顧客管理のKMSキーで既定暗号化する
#   description_ja: |
#     S3は新しいオブジェクトを既定でS3管理キー（SSE-S3）で暗号化するが、その鍵は金融機関が管理・監査・無効化できない。
#     fiscguardの読みでは、厳格な管理についてFISCは金融機関が管理する鍵での蓄積データの暗号化を求めている（実3、実13、運110の厳格な管理）。
#     バケットの既定暗号化は aws:kms または aws:kms:dsse とし、顧客管理キーを指定する。設定には aws_s3_bucket_server_side_encryption_configuration（AWSプロバイダーv4以降）またはバケット内の server_side_encryption_configuration ブロック（v3）を使う。
#   remediation: Add an aws_s3_bucket_server_side_encryption_configuration for the bucket whose rule sets sse_algorithm = "aws:kms" (or "aws:kms:dsse") and kms_master_key_id to a customer-managed aws_kms_key.
#   remediation_ja: バケットに aws_s3_bucket_server_side_encryption_configuration を追加し、rule で sse_algorithm = "aws:kms"（または "aws:kms:dsse"）とし、kms_master_key_id に顧客管理の aws_kms_key を指定する。
package fiscguard.aws.s3.kms_encryption

import data.fiscguard.lib
import data.fiscguard.lib.aws.kms
import data.fiscguard.lib.aws.s3.bucket

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

_config_type := "aws_s3_bucket_server_side_encryption_configuration"

_inline := "server_side_encryption_configuration"

# A bucket with neither a configuration resource nor an inline block.
deny contains fiscguard.fail(
	b, "",
	sprintf("S3 bucket %s has no default encryption with a customer-managed KMS key", [b.address]),
	sprintf("S3バケット %s に顧客管理のKMSキーによる既定暗号化が設定されていない", [b.address]),
) if {
	some [b, "none", _] in _buckets
}

# A configuration resource whose rules use no customer-managed key.
deny contains fiscguard.fail(
	c, attr,
	sprintf("S3 encryption configuration %s does not use a customer-managed KMS key", [c.address]),
	sprintf("S3暗号化設定 %s で顧客管理のKMSキーが使われていない", [c.address]),
) if {
	some [c, ["fail", attr]] in _configs
}

deny contains fiscguard.inconclusive(
	c, "rule",
	sprintf("S3 encryption configuration %s: the algorithm or key is known only after apply", [c.address]),
	sprintf("S3暗号化設定 %s の暗号化方式または鍵は適用後まで確定しない", [c.address]),
) if {
	some [c, ["unknown", _]] in _configs
}

# The inline block of AWS provider v3, used when no configuration resource exists.
deny contains fiscguard.fail(
	b, concat("", [_inline, "[0].", attr]),
	sprintf("S3 bucket %s: default encryption does not use a customer-managed KMS key", [b.address]),
	sprintf("S3バケット %s の既定暗号化で顧客管理のKMSキーが使われていない", [b.address]),
) if {
	some [b, "inline", ["fail", attr]] in _buckets
}

deny contains fiscguard.inconclusive(
	b, _inline,
	sprintf("S3 bucket %s: the default encryption algorithm or key is known only after apply", [b.address]),
	sprintf("S3バケット %s の既定暗号化の方式または鍵は適用後まで確定しない", [b.address]),
) if {
	some [b, "inline", ["unknown", _]] in _buckets
}

# _configs judges every configuration resource once: [resource, [verdict, attribute]].
_configs := [[c, judge(c, [])] | some c in lib.resources(_config_type)]

# _buckets classifies every bucket once: configured by a separate resource,
# by a known inline block (with its judgement), or not at all.
_buckets := [[b, kind, j] |
	some b in lib.resources("aws_s3_bucket")
	[kind, j] := _bucket_kind(b)
]

_bucket_kind(b) := ["resource", null] if {
	count(bucket.attached(b, _config_type)) > 0
} else := ["inline", judge(b, [_inline, 0])] if {
	is_object(fiscguard.value(b, [_inline, 0], null))
} else := ["inline", ["unknown", ""]] if {
	fiscguard.wholly_unknown(b, _inline)
} else := ["none", null]

# judge returns [verdict, attribute] for the encryption configuration at
# prefix in r (its rule blocks): pass when one rule uses a customer-managed
# key, unknown when that is known only after apply, else fail at the
# attribute to fix.
judge(r, prefix) := ["pass", ""] if {
	"cmk" in _statuses(r, prefix)
} else := ["unknown", ""] if {
	fiscguard.wholly_unknown(r, array.concat(prefix, ["rule"]))
} else := ["unknown", ""] if {
	"unknown" in _statuses(r, prefix)
} else := ["fail", "rule"] if {
	count(fiscguard.value(r, array.concat(prefix, ["rule"]), [])) == 0
} else := ["fail", "rule[0].apply_server_side_encryption_by_default[0].sse_algorithm"] if {
	_statuses(r, prefix)[0] == "not_kms"
} else := ["fail", "rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id"]

_statuses(r, prefix) := [_rule_status(r, array.concat(prefix, ["rule", i, "apply_server_side_encryption_by_default", 0])) |
	some i, _ in fiscguard.value(r, array.concat(prefix, ["rule"]), [])
]

# _rule_status classifies one apply_server_side_encryption_by_default block at path.
_rule_status(r, path) := "unknown" if {
	fiscguard.unknown(r, array.concat(path, ["sse_algorithm"]))
} else := "not_kms" if {
	not fiscguard.value(r, array.concat(path, ["sse_algorithm"]), "") in kms_algorithms
} else := kms.key_status(r, array.concat(path, ["kms_master_key_id"]))
