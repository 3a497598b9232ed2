# METADATA
# title: CloudTrail trails log management events in all regions, validate log files and use KMS
# description: |
#   The API audit trail is the record an investigation starts from. A trail
#   that is switched off records nothing, one limited to one region or that
#   leaves out read or write management events misses activity, one without
#   log file validation cannot prove its logs were not altered, and one
#   without a KMS key leaves them readable to anyone with access to the
#   bucket. AWS maps its controls that CloudTrail is enabled
#   (AWS-GR_DETECT_CLOUDTRAIL_ENABLED_ON_MEMBER_ACCOUNTS) and that a
#   multi-region trail records read and write management events
#   (SH.CloudTrail.1) to unauthorised-access monitoring (実16), log file
#   validation (SH.CloudTrail.4) to access records (実10) and 実16, and
#   encryption at rest (SH.CloudTrail.2) to stored-data leakage prevention
#   (実3); its core-banking reference protects the CloudTrail logs with a
#   customer-managed key under key protection (実13). A trail is one finding
#   listing every missing setting: enable_logging not false,
#   is_multi_region_trail, management events (event selectors that leave them
#   out or record only reads or only writes), enable_log_file_validation and
#   kms_key_id.
# custom:
#   id: FG-CLOUDTRAIL-001
#   severity: medium
#   fisc: ["実3", "実10", "実13", "実16"]
#   fisc_8th: ["運112", "運113"]
#   fisc_basis: {"実3": "aws-blea-ct:SH.CloudTrail.2", "実10": "aws-blea-ct:SH.CloudTrail.4", "実13": "aws-blea-workload:core-banking governance, CloudTrail and Config logs encrypted with a KMS customer managed key", "実16": "aws-blea-ct:AWS-GR_DETECT_CLOUDTRAIL_ENABLED_ON_MEMBER_ACCOUNTS, SH.CloudTrail.1, SH.CloudTrail.4", "運112": "derived:the account's API trail is the record the institution monitors and audits its cloud use with", "運113": "derived:investigating a cyber attack starts from the API trail"}
#   fisc_basis_ja: {"実13": "勘定系（共通統制）：CloudTrailとConfigのログをKMSの顧客管理キーで暗号化", "運112": "アカウントのAPI証跡は、金融機関がクラウドの利用を監視・監査するための記録である", "運113": "サイバー攻撃の調査はAPIの証跡から始まる"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_cloudtrail]
#   title_ja: CloudTrailの証跡で全リージョンの管理イベントを記録し、ログを検証し、KMSで暗号化する
#   description_ja: |
#     APIの監査証跡は調査の出発点となる記録である。停止した証跡は何も記録せず、単一リージョンの証跡や読み取り・書き込みの管理イベントを除く証跡は操作を取り逃し、ログファイルの検証がなければ改ざんされていないことを証明できず、KMSキーがなければバケットにアクセスできる者に読まれてしまう。
#     AWSは、CloudTrailを有効にする統制（AWS-GR_DETECT_CLOUDTRAIL_ENABLED_ON_MEMBER_ACCOUNTS）と読み取り・書き込みの管理イベントを記録するマルチリージョンの証跡の統制（SH.CloudTrail.1）を不正アクセスの監視（実16）に、ログファイルの検証（SH.CloudTrail.4）をアクセス履歴の管理（実10）と実16に、保存時の暗号化（SH.CloudTrail.2）を蓄積データの漏えい防止（実3）に対応付けている。また勘定系リファレンスでは、CloudTrailのログを顧客管理キーで保護する対策を暗号鍵の保護（実13）に挙げている。
#     証跡ごとに一件の指摘とし、不足しているすべての設定を挙げる。enable_logging を false にしないこと、is_multi_region_trail、管理イベント（管理イベントを除く、または読み取りか書き込みの一方だけを記録するイベントセレクターは不可）、enable_log_file_validation、kms_key_id を確認する。
#   remediation: Leave enable_logging true (the default), set is_multi_region_trail = true and enable_log_file_validation = true, record read and write management events (no event selector that excludes them), and set kms_key_id to a customer-managed aws_kms_key whose policy lets CloudTrail encrypt.
#   remediation_ja: enable_logging は true（既定値）のままとし、is_multi_region_trail = true、enable_log_file_validation = true とし、読み取りと書き込みの管理イベントを記録し（それらを除くイベントセレクターを使わない）、kms_key_id にCloudTrailによる暗号化を許可した顧客管理の aws_kms_key を指定する。
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
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "CloudTrail trail %s falls short of the baseline: ", "ja": "CloudTrailの証跡 %s が基準を満たしていない: "},
		"inconclusive": {"en": "CloudTrail trail %s: ", "ja": "CloudTrailの証跡 %s の"},
	})
}

_problems contains {"resource": t, "attribute": attr, "status": "fail", "en": sprintf("it %s", [text.en]), "ja": text.ja} if {
	some t in lib.resources("aws_cloudtrail")
	some attr, text in settings
	not fiscguard.unknown(t, attr)
	fiscguard.value(t, attr, false) != true
}

_problems contains {
	"resource": t, "attribute": attr, "status": "inconclusive",
	"en": sprintf("%s is known only after apply", [attr]),
	"ja": sprintf("%s は適用後まで確定しない", [attr]),
} if {
	some t in lib.resources("aws_cloudtrail")
	some attr, _ in settings
	fiscguard.unknown(t, attr)
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

_problems contains {
	"resource": t, "attribute": "enable_logging", "status": "fail",
	"en": "it is switched off (enable_logging = false)",
	"ja": "停止している（enable_logging = false）",
} if {
	some t in lib.resources("aws_cloudtrail")
	fiscguard.value(t, "enable_logging", true) == false
}

_problems contains {
	"resource": t, "attribute": "event_selector", "status": "fail",
	"en": "it does not record both read and write management events",
	"ja": "読み取りと書き込みの両方の管理イベントを記録していない",
} if {
	some t in lib.resources("aws_cloudtrail")
	not records_management_events(t)
	not _selectors_undecided(t)
}

_problems contains {
	"resource": t, "attribute": "event_selector", "status": "inconclusive",
	"en": "which management events it records (event_selector, advanced_event_selector) is known only after apply",
	"ja": "記録する管理イベント（event_selector、advanced_event_selector）は適用後まで確定しない",
} if {
	some t in lib.resources("aws_cloudtrail")
	not records_management_events(t)
	_selectors_undecided(t)
}

# _selectors_undecided is true when what decides whether a trail's selectors
# record management events is known only after apply: the selectors
# themselves, or a setting of one of them.
_selectors_undecided(t) if {
	some attr in ["event_selector", "advanced_event_selector"]
	fiscguard.wholly_unknown(t, attr)
}

_selectors_undecided(t) if {
	some i, _ in fiscguard.value(t, "event_selector", [])
	_selector_unknown(t, i)
}

_selectors_undecided(t) if {
	some i, _ in fiscguard.value(t, "advanced_event_selector", [])
	fiscguard.unknown(t, ["advanced_event_selector", i, "field_selector"])
}

_selector_unknown(t, i) if {
	some attr in ["include_management_events", "read_write_type"]
	fiscguard.unknown(t, ["event_selector", i, attr])
}

# Without selectors a trail records every management event. Classic
# selectors need one that includes management events for reads and writes;
# advanced selectors, one for the Management category without a readOnly
# filter.
records_management_events(t) if {
	lib.empty(fiscguard.value(t, "event_selector", []))
	lib.empty(fiscguard.value(t, "advanced_event_selector", []))
	not _selectors_undecided(t)
}

records_management_events(t) if {
	some i, sel in fiscguard.value(t, "event_selector", [])
	not _selector_unknown(t, i)
	object.get(sel, "include_management_events", true) != false
	object.get(sel, "read_write_type", "All") in {"All", null}
}

records_management_events(t) if {
	some i, sel in fiscguard.value(t, "advanced_event_selector", [])
	not fiscguard.unknown(t, ["advanced_event_selector", i, "field_selector"])
	some f in object.get(sel, "field_selector", [])
	f.field == "eventCategory"
	"Management" in object.get(f, "equals", [])
	every g in object.get(sel, "field_selector", []) {
		g.field != "readOnly"
	}
}
