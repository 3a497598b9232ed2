# METADATA
# title: CloudWatch log groups keep logs long enough
# description: |
#   Logs that expire before an incident is noticed cannot support its
#   investigation. In fiscguard's reading, FISC asks for access records to be kept for a set period
#   (実10); the mapping of log retention to 実10 is ours. retention_in_days of
#   aws_cloudwatch_log_group must be 0 or unset (never expire) or at least the
#   min_log_retention_days parameter (365 days; 731 under strict management).
# custom:
#   id: FG-LOGS-001
#   severity: medium
#   fisc: ["実10"]
#   fisc_8th: ["運112"]
#   fisc_basis: {"実10": "derived:access records must be kept for a set period; a log group's retention decides how long", "運112": "derived:records kept long enough are what monitoring and audits of the cloud environment rely on"}
#   fisc_basis_ja: {"実10": "アクセス記録は定めた期間保存する必要があり、ロググループの保存期間がその長さを決める", "運112": "十分な期間保存された記録は、クラウド環境の監視と監査の拠り所である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_cloudwatch_log_group]
#   title_ja: CloudWatchロググループでログを十分な期間保存する
#   description_ja: |
#     インシデントに気付く前に失効したログは、その調査に使えない。
#     fiscguardの読みでは、FISCはアクセス履歴を定めた期間保存することを求めている（実10）。ログの保存期間と実10の対応付けはfiscguardによるものである。
#     aws_cloudwatch_log_group の retention_in_days は、0または未指定（無期限）とするか、パラメータ min_log_retention_days（既定365日、厳格な管理では731日）以上にする。
#   remediation: Set retention_in_days to at least min_log_retention_days (CloudWatch accepts 365, 400, 545, 731, 1096, 1827, ...), or export older logs to S3 with a lifecycle that keeps them.
#   remediation_ja: retention_in_days を min_log_retention_days 以上（CloudWatchで指定できる値は365、400、545、731、1096、1827など）にするか、古いログを保持するライフサイクルを設定したS3に書き出す。
package fiscguard.aws.logs.retention

import data.fiscguard.lib

deny contains fiscguard.fail(
	g, "retention_in_days",
	sprintf("Log group %s keeps logs for %s, less than %d", [g.address, lib.count_text(days, "day", "days"), minimum]),
	sprintf("ロググループ %s のログの保存期間が %d 日で、%d 日に満たない", [g.address, days, minimum]),
) if {
	some g in lib.resources("aws_cloudwatch_log_group")
	days := fiscguard.value(g, "retention_in_days", 0)
	is_number(days)
	days > 0
	days < minimum
}

minimum := lib.param("min_log_retention_days")
