# METADATA
# title: RDS snapshots are not shared publicly
# description: |
#   Sharing a DB snapshot with "all" lets any AWS account restore the database.
#   In fiscguard's reading, FISC asks for stored data to be protected against leakage (実3) and access
#   rights to be limited (実25); AWS maps its controls that RDS snapshots are not
#   public (AWS-GR_RDS_SNAPSHOTS_PUBLIC_PROHIBITED, SH.RDS.1) to both. The
#   shared_accounts of aws_db_snapshot and aws_db_cluster_snapshot must not
#   contain "all".
# custom:
#   id: FG-RDS-003
#   severity: critical
#   fisc: ["実3", "実25"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実3": "aws-blea-ct:AWS-GR_RDS_SNAPSHOTS_PUBLIC_PROHIBITED, SH.RDS.1", "実25": "aws-blea-ct:AWS-GR_RDS_SNAPSHOTS_PUBLIC_PROHIBITED, SH.RDS.1", "運110": "seed:運110 names data leakage while the service is in use; a public snapshot publishes the database"}
#   fisc_basis_ja: {"運110": "運110は利用中のデータ漏洩を挙げる。公開されたスナップショットはデータベースを公開する"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_db_snapshot, aws_db_cluster_snapshot]
#   title_ja: RDSスナップショットを公開共有しない
#   description_ja: |
#     DBスナップショットを "all" と共有すると、どのAWSアカウントでもデータベースを復元できてしまう。
#     fiscguardの読みでは、FISCは蓄積データの漏えい防止（実3）とアクセス権限の限定（実25）を求めており、AWSはRDSスナップショットを公開しない統制（AWS-GR_RDS_SNAPSHOTS_PUBLIC_PROHIBITED、SH.RDS.1）を両項目に対応付けている。
#     aws_db_snapshot と aws_db_cluster_snapshot の shared_accounts に "all" を含めてはならない。
#   remediation: Remove "all" from shared_accounts and share snapshots only with named accounts of the institution.
#   remediation_ja: shared_accounts から "all" を削除し、スナップショットは金融機関の特定のアカウントとだけ共有する。
package fiscguard.aws.rds.snapshot_public

import data.fiscguard.lib

deny contains fiscguard.fail(
	s, "shared_accounts",
	sprintf("RDS snapshot %s is shared with all AWS accounts", [s.address]),
	sprintf("RDSスナップショット %s がすべてのAWSアカウントと共有されている", [s.address]),
) if {
	some t in ["aws_db_snapshot", "aws_db_cluster_snapshot"]
	some s in lib.resources(t)
	"all" in fiscguard.value(s, "shared_accounts", [])
}

deny contains fiscguard.inconclusive(
	s, "shared_accounts",
	sprintf("RDS snapshot %s: the accounts it is shared with are known only after apply%s", [s.address, lib.from_text(s, "shared_accounts").en]),
	sprintf("RDSスナップショット %s の共有先アカウントは適用後まで確定しない%s", [s.address, lib.from_text(s, "shared_accounts").ja]),
) if {
	some t in ["aws_db_snapshot", "aws_db_cluster_snapshot"]
	some s in lib.resources(t)
	not "all" in fiscguard.value(s, "shared_accounts", [])
	fiscguard.unknown(s, "shared_accounts")
}
