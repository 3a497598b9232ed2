# METADATA
# title: RDS databases export their logs to CloudWatch Logs
# description: |
#   Database logs (audit, error, slow query, PostgreSQL logs) show who connected
#   and what failed; kept only on the instance they are lost with it and cannot
#   be monitored centrally. In fiscguard's reading, FISC asks for access records to be kept (実10); AWS
#   maps its control that database logging is enabled (SH.RDS.9) to 実10.
#   aws_db_instance and aws_rds_cluster must list at least one log type in
#   enabled_cloudwatch_logs_exports.
# custom:
#   id: FG-RDS-004
#   severity: medium
#   fisc: ["実10"]
#   fisc_8th: ["運112"]
#   fisc_basis: {"実10": "aws-blea-ct:SH.RDS.9", "運112": "derived:database access records are what the institution monitors and audits its cloud use with"}
#   fisc_basis_ja: {"運112": "データベースのアクセス記録は、金融機関がクラウドの利用を監視・監査するための記録である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   title_ja: RDSデータベースのログをCloudWatch Logsに出力する
#   description_ja: |
#     データベースのログ（監査、エラー、スロークエリ、PostgreSQLのログ）は、誰が接続し何が失敗したかを示す。インスタンス上にしかなければ、インスタンスとともに失われ、一元的に監視することもできない。
#     fiscguardの読みでは、FISCはアクセス履歴の管理（実10）を求めており、AWSはデータベースのログ記録を有効にする統制（SH.RDS.9）を実10に対応付けている。
#     aws_db_instance と aws_rds_cluster の enabled_cloudwatch_logs_exports に少なくとも一つのログ種別を指定する。
#   remediation: Set enabled_cloudwatch_logs_exports to the engine's logs, e.g. ["postgresql"] for PostgreSQL, ["audit", "error", "general", "slowquery"] for MySQL, ["alert", "audit", "listener", "trace"] for Oracle.
#   remediation_ja: enabled_cloudwatch_logs_exports にエンジンのログを指定する。例：PostgreSQLは ["postgresql"]、MySQLは ["audit", "error", "general", "slowquery"]、Oracleは ["alert", "audit", "listener", "trace"]。
package fiscguard.aws.rds.log_exports

import data.fiscguard.lib

deny contains fiscguard.fail(
	db, "enabled_cloudwatch_logs_exports",
	sprintf("Database %s exports no logs to CloudWatch Logs", [db.address]),
	sprintf("データベース %s がログをCloudWatch Logsに出力していない", [db.address]),
) if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in lib.resources(t)
	lib.empty(fiscguard.value(db, "enabled_cloudwatch_logs_exports", null))
	not fiscguard.wholly_unknown(db, "enabled_cloudwatch_logs_exports")
}
