# METADATA
# title: RDS databases have deletion protection
# description: |
#   Without deletion protection a single API call, from a mistaken change or
#   stolen credentials, deletes a production database. AWS maps its control that
#   RDS DB instances have deletion protection (SH.RDS.8) to 実100; we extend it to
#   Aurora clusters. aws_db_instance and aws_rds_cluster must set
#   deletion_protection = true.
# custom:
#   id: FG-RDS-007
#   severity: medium
#   fisc: ["実100"]
#   fisc_8th: ["運113"]
#   fisc_basis: {"実100": "aws-blea-ct:SH.RDS.8 (DB instances; extended to clusters by us)", "運113": "derived:an attacker with stolen credentials should not be able to destroy the database in one call"}
#   fisc_basis_ja: {"実100": "SH.RDS.8（DBインスタンス。クラスターへの拡張はfiscguardによる）", "運113": "認証情報を盗んだ攻撃者が一度の呼び出しでデータベースを破壊できてはならない"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   title_ja: RDSデータベースの削除保護を有効にする
#   description_ja: |
#     削除保護がないと、誤った変更や盗まれた認証情報によるAPI呼び出し一つで本番のデータベースが削除されてしまう。
#     AWSはRDSのDBインスタンスの削除保護の統制（SH.RDS.8）を実100に対応付けており、ここではAuroraクラスターにも適用する。
#     aws_db_instance と aws_rds_cluster で deletion_protection = true とする。
#   remediation: Set deletion_protection = true; turn it off only through an approved change when the database is to be retired.
#   remediation_ja: deletion_protection = true とする。データベースを廃止するときだけ、承認された変更で解除する。
package fiscguard.aws.rds.deletion_protection

import data.fiscguard.lib

deny contains fiscguard.fail(
	db, "deletion_protection",
	sprintf("Database %s has no deletion protection", [db.address]),
	sprintf("データベース %s の削除保護が有効になっていない", [db.address]),
) if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in lib.resources(t)
	fiscguard.value(db, "deletion_protection", false) != true
	not fiscguard.unknown(db, "deletion_protection")
}
