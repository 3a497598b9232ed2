# METADATA
# title: RDS databases are encrypted at rest
# description: |
#   An unencrypted database leaves its storage, automated backups, read replicas
#   and snapshots readable to anyone who obtains them. In fiscguard's reading, FISC asks for stored data to
#   be protected against leakage (実3); AWS maps its RDS storage encryption
#   controls (SH.RDS.3, SH.RDS.27) to this item. storage_encrypted must be true on
#   DB instances and clusters. A read replica follows its source and is skipped.
# custom:
#   id: FG-RDS-002
#   severity: high
#   fisc: ["実3"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実3": "aws-blea-ct:AWS-GR_RDS_STORAGE_ENCRYPTED, SH.RDS.3, SH.RDS.27", "運110": "seed:運110 names data leakage while the service is in use; encryption at rest"}
#   fisc_basis_ja: {"運110": "運110は利用中のデータ漏洩を挙げる。保存時の暗号化がその対策である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   title_ja: RDSのデータベースを暗号化する
#   description_ja: |
#     暗号化されていないデータベースは、ストレージ、自動バックアップ、リードレプリカ、スナップショットを入手した者に読まれるおそれがある。
#     fiscguardの読みでは、FISCは蓄積データの漏えい防止（実3）を求めており、AWSはRDSのストレージ暗号化の統制（SH.RDS.3、SH.RDS.27）をこの項目に対応付けている。
#     DBインスタンスとクラスターで storage_encrypted を true にする。リードレプリカは複製元の設定に従うため対象外とする。
#   remediation: Set storage_encrypted = true (with kms_key_id for a customer-managed key). An existing database must be restored from an encrypted snapshot copy.
#   remediation_ja: storage_encrypted = true を設定する（顧客管理キーを使う場合は kms_key_id も設定する）。既存のデータベースは、暗号化したスナップショットのコピーから復元し直す必要がある。
package fiscguard.aws.rds.storage_encryption

import data.fiscguard.lib
import data.fiscguard.lib.aws.rds

deny contains fiscguard.fail(
	db, "storage_encrypted",
	sprintf("Database %s is not encrypted at rest", [db.address]),
	sprintf("データベース %s が暗号化されていない", [db.address]),
) if {
	some db in candidates
	unencrypted(db)
}

# unencrypted is true for a database this rule fails: one that chooses its
# own encryption and is not encrypted. Rules about how a database is
# encrypted leave that cause to this one.
unencrypted(db) if {
	candidate(db)
	fiscguard.value(db, "storage_encrypted", false) != true
	not fiscguard.unknown(db, "storage_encrypted")
}

deny contains fiscguard.inconclusive(
	db, "storage_encrypted",
	sprintf("Database %s: storage encryption is known only after apply%s", [db.address, lib.from_text(db, "storage_encrypted").en]),
	sprintf("データベース %s のストレージ暗号化は適用後まで確定しない%s", [db.address, lib.from_text(db, "storage_encrypted").ja]),
) if {
	some db in candidates
	fiscguard.unknown(db, "storage_encrypted")
}

# candidates are the databases that choose their own encryption: not read
# replicas, and not Aurora Serverless v1 clusters (always encrypted).
candidates := [db |
	some t in rds.instance_types
	some db in lib.resources(t)
	candidate(db)
]

# candidate is true for a database that chooses its own encryption (a
# predicate, so that asking costs nothing per database: membership in the
# list would compare it with every other).
candidate(db) if {
	db.type in rds.instance_types
	not rds.replica(db)
	fiscguard.value(db, "engine_mode", "") != "serverless"
}
