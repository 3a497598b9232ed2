# METADATA
# title: Backup plans keep recovery points long enough
# description: |
#   A backup plan whose recovery points expire quickly may have nothing left to
#   restore when corruption is found late. AWS's core-banking mapping lists
#   backup management with AWS Backup as a measure for data file backups (実39)
#   and for regular backups (実106). Every rule of an aws_backup_plan must keep
#   recovery points (lifecycle.delete_after) for at least the
#   min_backup_retention_days parameter (7 days; 14 under strict management);
#   a rule without delete_after keeps them indefinitely. Copies made by
#   copy_action are judged the same way.
# custom:
#   id: FG-BACKUP-002
#   severity: medium
#   fisc: ["実39", "実106"]
#   fisc_8th: ["運109"]
#   fisc_basis: {"実39": "aws-blea-workload:core-banking, backup management with AWS Backup (the retention condition is ours)", "実106": "aws-blea-workload:core-banking, regular backups with AWS Backup (the retention condition is ours)", "運109": "derived:the user's side of an availability commitment is being able to restore data within the agreed service level"}
#   fisc_basis_ja: {"実39": "勘定系：AWS Backupによるバックアップ管理（保持期間の条件はfiscguardによる）", "実106": "勘定系：AWS Backupによる定期的なバックアップ（保持期間の条件はfiscguardによる）", "運109": "可用性の約束に対する利用者側の備えは、合意したサービスレベルの範囲でデータを復元できることである"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_backup_plan]
#   title_ja: バックアッププランで復旧ポイントを十分な期間保持する
#   description_ja: |
#     復旧ポイントがすぐに失効するバックアッププランでは、データ破損の発見が遅れたときに復元できるものが残っていないおそれがある。
#     AWSの勘定系の対応表は、AWS Backupによるバックアップ管理をデータファイルのバックアップ（実39）と定期的なバックアップ（実106）の対策に挙げている。
#     aws_backup_plan のすべてのルールで、復旧ポイントの保持期間（lifecycle の delete_after）をパラメータ min_backup_retention_days（既定7日、厳格な管理では14日）以上にする。delete_after のないルールは無期限に保持する。copy_action による複製も同様に判定する。
#   remediation: Set lifecycle { delete_after = N } with N at least min_backup_retention_days in every rule (and in each copy_action's lifecycle).
#   remediation_ja: すべてのルール（および各 copy_action の lifecycle）で lifecycle { delete_after = N } の N を min_backup_retention_days 以上にする。
package fiscguard.aws.backup.plan_retention

import data.fiscguard.lib

# One finding per backup plan, listing every rule and copy that keeps
# recovery points too briefly.
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": sprintf("Backup plan %%s keeps recovery points for less than %s: ", [lib.count_text(minimum, "day", "days")]), "ja": sprintf("バックアッププラン %%s が復旧ポイントを %d 日未満しか保持しない: ", [minimum])},
		"inconclusive": {"en": "Backup plan %s: ", "ja": "バックアッププラン %s の"},
	})
}

_problems contains {
	"resource": p, "attribute": sprintf("rule[%d].lifecycle[0].delete_after", [i]), "status": "fail",
	"en": sprintf("rule %s deletes them after %s", [rule.rule_name, lib.count_text(days, "day", "days")]),
	"ja": sprintf("ルール %s が %d 日で削除する", [rule.rule_name, days]),
} if {
	some p in lib.resources("aws_backup_plan")
	some i, rule in fiscguard.value(p, "rule", [])
	days := object.get(rule, ["lifecycle", 0, "delete_after"], 0)
	is_number(days)
	days > 0
	days < minimum
}

_problems contains {
	"resource": p, "attribute": sprintf("rule[%d].copy_action[%d].lifecycle[0].delete_after", [i, j]), "status": "fail",
	"en": sprintf("a copy made by rule %s is deleted after %s", [rule.rule_name, lib.count_text(days, "day", "days")]),
	"ja": sprintf("ルール %s による複製が %d 日で削除される", [rule.rule_name, days]),
} if {
	some p in lib.resources("aws_backup_plan")
	some i, rule in fiscguard.value(p, "rule", [])
	some j, c in object.get(rule, "copy_action", [])
	days := object.get(c, ["lifecycle", 0, "delete_after"], 0)
	is_number(days)
	days > 0
	days < minimum
}

minimum := lib.param("min_backup_retention_days")
