# METADATA
# title: Backup vaults are locked against early deletion
# description: |
#   Ransomware and intruders with administrator rights delete backups before
#   they encrypt or destroy the data. A vault lock stops anyone, administrators
#   included, from deleting recovery points before their retention ends. AWS's
#   core-banking mapping lists AWS Backup vault lock as a measure for the
#   cyber-attack incident response plan (実73-1, new in the 13th edition); we
#   also read it as protection of stored backups (実43). Every aws_backup_vault
#   must have an aws_backup_vault_lock_configuration whose backup_vault_name
#   refers to it (or names it); a logically air-gapped vault is locked by design.
# custom:
#   id: FG-BACKUP-001
#   severity: medium
#   fisc: ["実73-1", "実43"]
#   fisc_8th: ["運113"]
#   fisc_basis: {"実73-1": "aws-blea-workload:core-banking, AWS Backup vault lock (governance mode) for data protection and automated restore", "実43": "derived:a vault lock keeps stored backups from being deleted or shortened, which is what keeping backup data safely asks", "運113": "derived:readiness for cyber attacks includes backups an attacker cannot delete"}
#   fisc_basis_ja: {"実73-1": "勘定系：データ保護と自動リストアのためのAWS Backupボールトロック（ガバナンスモード）", "実43": "ボールトロックは保管中のバックアップの削除や保持期間の短縮を防ぐ。これはバックアップデータを安全に保管することにあたる", "運113": "サイバー攻撃への対応態勢には、攻撃者が削除できないバックアップが含まれる"}
#   profile: strict
#   strict_reason: "A vault lock is AWS's measure for the 13th edition's cyber-recovery item (実73-1) in its core-banking reference; backups themselves are the minimum, a lock against administrators is the higher standard."
#   strict_reason_ja: "ボールトロックは勘定系リファレンスで第13版のサイバー攻撃からの復旧の項目（実73-1）に対するAWSの対策である。バックアップ自体が最低限であり、管理者に対するロックは高い基準である。"
#   responsibility: user
#   resource_types: [aws_backup_vault]
#   title_ja: バックアップボールトをロックして早期削除を防ぐ
#   description_ja: |
#     ランサムウェアや管理者権限を得た侵入者は、データを暗号化・破壊する前にバックアップを削除する。ボールトロックは、管理者を含む誰もが保持期間の終了前に復旧ポイントを削除できないようにする。
#     AWSの勘定系の対応表は、AWS Backupのボールトロックをサイバー攻撃を想定したインシデント対応計画（第13版で新設の実73-1）の対策に挙げている。fiscguardはこれを保管中のバックアップの保護（実43）にも当たると解釈する。
#     すべての aws_backup_vault に、backup_vault_name でそのボールトを参照する（または名前で指定する）aws_backup_vault_lock_configuration を設ける。論理的にエアギャップされたボールトは設計上ロックされている。
#   remediation: Add an aws_backup_vault_lock_configuration with backup_vault_name = the vault's name and min_retention_days set (add changeable_for_days for compliance mode once the settings are proven).
#   remediation_ja: backup_vault_name にボールト名、min_retention_days を指定した aws_backup_vault_lock_configuration を追加する（設定を確認できたら changeable_for_days を加えてコンプライアンスモードにする）。
package fiscguard.aws.backup.vault_lock

import data.fiscguard.lib

deny contains fiscguard.fail(
	v, "",
	sprintf("Backup vault %s has no vault lock", [v.address]),
	sprintf("バックアップボールト %s にボールトロックが設定されていない", [v.address]),
) if {
	some v in lib.resources("aws_backup_vault")
	count(lib.referrers(v, "aws_backup_vault_lock_configuration", "backup_vault_name")) == 0
	not fiscguard.value(v, "name", null) in _locked_names
}

_locked_names contains n if {
	some l in lib.resources("aws_backup_vault_lock_configuration")
	n := fiscguard.value(l, "backup_vault_name", null)
	is_string(n)
}
