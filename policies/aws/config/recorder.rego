# METADATA
# title: AWS Config records every resource type and is turned on
# description: |
#   The configuration history shows what a resource looked like before an
#   incident and who changed it. AWS's core-banking mapping lists AWS Config
#   configuration history as a measure for responding to and recovering from
#   unauthorised access (実19) and for managing change records (実42). An
#   aws_config_configuration_recorder must not limit recording_group to some
#   resource types (all_supported = false), and must be turned on by an
#   aws_config_configuration_recorder_status with is_enabled = true in the plan.
# custom:
#   id: FG-CONFIG-001
#   severity: medium
#   fisc: ["実19", "実42"]
#   fisc_8th: ["運112"]
#   fisc_basis: {"実19": "aws-blea-workload:core-banking governance, configuration history with AWS Config (multi-region, multi-account)", "実42": "aws-blea-workload:core-banking governance, change history with AWS Config", "運112": "derived:configuration history is what the institution monitors and audits its cloud environment with"}
#   fisc_basis_ja: {"実19": "勘定系（共通統制）：AWS Configによる構成履歴（マルチリージョン、マルチアカウント）", "実42": "勘定系（共通統制）：AWS Configによる変更履歴", "運112": "構成履歴は、金融機関がクラウド環境を監視・監査するための記録である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_config_configuration_recorder]
#   title_ja: AWS Configで全リソース種別を記録し、記録を有効にする
#   description_ja: |
#     構成の履歴は、インシデントの前にリソースがどうなっていて、誰が変更したかを示す。
#     AWSの勘定系の対応表は、AWS Configによる構成の履歴管理を不正アクセスへの対応・復旧（実19）と変更履歴の管理（実42）の対策に挙げている。
#     aws_config_configuration_recorder の recording_group を一部のリソース種別に限定してはならず（all_supported = false は不可）、プラン内の aws_config_configuration_recorder_status で is_enabled = true としなければならない。
#   remediation: Use recording_group { all_supported = true, include_global_resource_types = true } (in one region) and add aws_config_configuration_recorder_status with name = the recorder's name and is_enabled = true, plus a delivery channel.
#   remediation_ja: recording_group { all_supported = true, include_global_resource_types = true }（グローバルリソースは一つのリージョンで）とし、name にレコーダー名、is_enabled = true とした aws_config_configuration_recorder_status と配信チャネルを追加する。
package fiscguard.aws.config.recorder

import data.fiscguard.lib

# One finding per recorder, listing what keeps it from recording everything.
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "Config recorder %s does not record every change: ", "ja": "Configレコーダー %s がすべての変更を記録していない: "},
		"inconclusive": {"en": "Config recorder %s: ", "ja": "Configレコーダー %s の"},
	})
}

_problems contains {
	"resource": r, "attribute": "recording_group[0].all_supported", "status": "fail",
	"en": "it records only some resource types",
	"ja": "一部のリソース種別しか記録していない",
} if {
	some r in lib.resources("aws_config_configuration_recorder")
	fiscguard.value(r, ["recording_group", 0, "all_supported"], true) == false
}

_problems contains {
	"resource": r, "attribute": "", "status": "fail",
	"en": "it is not turned on (no aws_config_configuration_recorder_status with is_enabled = true)",
	"ja": "有効になっていない（is_enabled = true の aws_config_configuration_recorder_status がない）",
} if {
	some r in lib.resources("aws_config_configuration_recorder")
	not enabled(r)
}

enabled(r) if {
	some s in lib.referrers(r, "aws_config_configuration_recorder_status", "name")
	fiscguard.value(s, "is_enabled", null) == true
}

enabled(r) if {
	some s in lib.resources("aws_config_configuration_recorder_status")
	fiscguard.value(s, "name", null) == fiscguard.value(r, "name", "default")
	fiscguard.value(s, "is_enabled", null) == true
}
