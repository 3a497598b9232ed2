# METADATA
# title: CloudTrail trails cover all regions, validate log files and use KMS
# description: |
#   The API audit trail is the record an investigation starts from. A trail
#   limited to one region misses activity elsewhere, one without log file
#   validation cannot prove its logs were not altered, and one without a KMS key
#   leaves them readable to anyone with access to the bucket. FISC expects access
#   records to be kept (実10), unauthorised access to be monitored (実16) and
#   keys to protect stored records (実13); AWS maps the multi-region, log-file-
#   validation and encryption controls (SH.CloudTrail.1, .4, .2) to these items.
#   A trail is one finding listing every missing setting.
# custom:
#   id: FG-CLOUDTRAIL-001
#   severity: medium
#   fisc: ["実10", "実13", "実16"]
#   fisc_8th: ["運112", "運113"]
#   fisc_basis: {"実10": "aws-blea-ct:SH.CloudTrail.4", "実13": "aws-blea-workload:core-banking, CloudTrail and Config logs encrypted with a KMS customer managed key", "実16": "aws-blea-ct:SH.CloudTrail.1, SH.CloudTrail.4", "運112": "derived:the account's API trail is the record the institution monitors and audits its cloud use with", "運113": "derived:investigating a cyber attack starts from the API trail"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_cloudtrail]
#   title_ja: CloudTrailの証跡を全リージョン対象・ログ検証あり・KMS暗号化で記録する
#   description_ja: |
#     APIの監査証跡は調査の出発点となる記録である。単一リージョンの証跡は他リージョンでの操作を取り逃し、ログファイルの検証がなければ改ざんされていないことを証明できず、KMSキーがなければバケットにアクセスできる者に読まれてしまう。
#     FISCはアクセス履歴の管理（実10）、不正アクセスの監視（実16）、暗号鍵による記録の保護（実13）を求めており、AWSは全リージョン、ログファイル検証、暗号化の統制（SH.CloudTrail.1、.4、.2）をこれらの項目に対応付けている。
#     証跡ごとに一件の指摘とし、不足しているすべての設定を挙げる。
#   remediation: Set is_multi_region_trail = true, enable_log_file_validation = true and kms_key_id to a customer-managed aws_kms_key whose policy lets CloudTrail encrypt.
#   remediation_ja: is_multi_region_trail = true、enable_log_file_validation = true とし、kms_key_id にCloudTrailによる暗号化を許可した顧客管理の aws_kms_key を指定する。
package fiscguard.aws.cloudtrail.baseline

import data.fiscguard.lib
import data.fiscguard.lib.aws.kms

settings := {
	"is_multi_region_trail": {
		"en": "does not cover all regions",
		"ja": "全リージョンを対象にしていない",
	},
	"enable_log_file_validation": {
		"en": "does not validate log files",
		"ja": "ログファイルの検証が有効になっていない",
	},
}

# One finding per trail, listing every missing setting.
deny contains result if {
	some result in lib.one_per_resource(_problems, {
		"fail": {"en": "CloudTrail trail %s falls short of the baseline: ", "ja": "CloudTrailの証跡 %s が基準を満たしていない: "},
		"inconclusive": {"en": "CloudTrail trail %s: ", "ja": "CloudTrailの証跡 %s の"},
	})
}

_problems contains {"resource": t, "attribute": attr, "status": "fail", "en": sprintf("it %s", [text.en]), "ja": text.ja} if {
	some t in lib.resources("aws_cloudtrail")
	some attr, text in settings
	not lib.unknown(t, attr)
	lib.value(t, attr, false) != true
}

_problems contains {
	"resource": t, "attribute": attr, "status": "inconclusive",
	"en": sprintf("%s is known only after apply", [attr]),
	"ja": sprintf("%s は適用後まで確定しない", [attr]),
} if {
	some t in lib.resources("aws_cloudtrail")
	some attr, _ in settings
	lib.unknown(t, attr)
}

_problems contains {
	"resource": t, "attribute": "kms_key_id", "status": "fail",
	"en": "it is not encrypted with a KMS key",
	"ja": "KMSキーで暗号化されていない",
} if {
	some t in lib.resources("aws_cloudtrail")
	kms.key_status(t, ["kms_key_id"]) == "none"
}

_problems contains {
	"resource": t, "attribute": "kms_key_id", "status": "inconclusive",
	"en": "the KMS key (kms_key_id) is known only after apply",
	"ja": "KMSキー（kms_key_id）は適用後まで確定しない",
} if {
	some t in lib.resources("aws_cloudtrail")
	kms.key_status(t, ["kms_key_id"]) == "unknown"
}
