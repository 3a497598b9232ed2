# METADATA
# title: RDS automated backups are kept long enough
# description: |
#   Automated backups and point-in-time recovery are how a database is restored
#   after corruption, a faulty release or an attack. In fiscguard's reading, FISC asks for data files to
#   be backed up (実39); AWS maps its control that RDS automated backups are
#   enabled (SH.RDS.11) to 実39 and lists Aurora automated backups as a measure
#   for regular backups (実106). backup_retention_period of aws_db_instance (read
#   replicas excepted) and aws_rds_cluster must be at least the
#   min_backup_retention_days parameter (7 days; 14 under strict management).
#   When the period is not set, RDS keeps backups for 1 day.
# custom:
#   id: FG-RDS-005
#   severity: medium
#   fisc: ["実39", "実106"]
#   fisc_8th: ["運109"]
#   fisc_basis: {"実39": "aws-blea-ct:SH.RDS.11", "実106": "aws-blea-workload:core-banking, Aurora automated backups", "運109": "derived:the user's side of an availability commitment is being able to restore data within the agreed service level"}
#   fisc_basis_ja: {"実106": "勘定系：Auroraの自動バックアップ", "運109": "可用性の約束に対する利用者側の備えは、合意したサービスレベルの範囲でデータを復元できることである"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   title_ja: RDSの自動バックアップを十分な期間保持する
#   description_ja: |
#     自動バックアップとポイントインタイムリカバリは、データ破損、不具合のあるリリース、攻撃の後にデータベースを復元する手段である。
#     fiscguardの読みでは、FISCはデータファイルのバックアップ（実39）を求めており、AWSはRDSの自動バックアップを有効にする統制（SH.RDS.11）を実39に対応付け、Auroraの自動バックアップを定期的なバックアップ（実106）の対策に挙げている。
#     aws_db_instance（リードレプリカを除く）と aws_rds_cluster の backup_retention_period を、パラメータ min_backup_retention_days（既定7日、厳格な管理では14日）以上にする。指定しない場合、RDSはバックアップを1日だけ保持する。
#   remediation: Set backup_retention_period to at least min_backup_retention_days (RDS allows up to 35 days); keep longer-term copies with AWS Backup.
#   remediation_ja: backup_retention_period を min_backup_retention_days 以上にする（RDSでは最大35日）。より長期の保管には AWS Backup を使う。
package fiscguard.aws.rds.backup_retention

import data.fiscguard.lib
import data.fiscguard.lib.aws.rds

deny contains fiscguard.fail(
	db, "backup_retention_period",
	sprintf("Database %s keeps automated backups for %s, less than %d", [db.address, lib.count_text(days, "day", "days"), minimum]),
	sprintf("データベース %s の自動バックアップの保持期間が %d 日で、%d 日に満たない", [db.address, days, minimum]),
) if {
	some [db, days] in _periods
	is_number(days)
	days < minimum
}

deny contains fiscguard.inconclusive(
	db, "backup_retention_period",
	sprintf("Database %s: the backup retention period is known only after apply%s", [db.address, lib.from_text(db, "backup_retention_period").en]),
	sprintf("データベース %s のバックアップ保持期間は適用後まで確定しない%s", [db.address, lib.from_text(db, "backup_retention_period").ja]),
) if {
	some [db, "unknown"] in _periods
}

minimum := lib.param("min_backup_retention_days")

# _periods pairs each database with its retention in days, 1 when unset
# (the RDS default) or "unknown" when set from a value known only after apply.
_periods := [[db, days] |
	some t in rds.instance_types
	some db in lib.resources(t)
	not rds.replica(db)
	days := _days(db)
]

_days(db) := fiscguard.value(db, "backup_retention_period", null) if {
	is_number(fiscguard.value(db, "backup_retention_period", null))
} else := "unknown" if {
	fiscguard.unknown(db, "backup_retention_period")
} else := 1
