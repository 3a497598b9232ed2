# METADATA
# title: RDS snapshots and snapshot copies are encrypted
# description: |
#   A snapshot holds the whole database; an unencrypted one is readable to
#   anyone who obtains it or a copy of it. AWS maps its control that RDS
#   cluster and DB snapshots are encrypted at rest (SH.RDS.4) to stored-data
#   leakage prevention (実3). A snapshot is encrypted when its source is:
#   aws_db_snapshot takes it from the aws_db_instance its
#   db_instance_identifier refers to, aws_db_cluster_snapshot from the
#   aws_rds_cluster of db_cluster_identifier; an aws_db_snapshot_copy is
#   encrypted when it sets kms_key_id or copies an encrypted snapshot. A
#   source outside the configuration gives an inconclusive result.
# custom:
#   id: FG-RDS-008
#   severity: high
#   fisc: ["実3"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実3": "aws-blea-ct:SH.RDS.4", "運110": "seed:運110 names data leakage while the service is in use; an unencrypted snapshot leaks the database"}
#   fisc_basis_ja: {"運110": "運110は利用中のデータ漏洩を挙げる。暗号化されていないスナップショットはデータベースを漏らす"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_db_snapshot, aws_db_cluster_snapshot, aws_db_snapshot_copy]
#   title_ja: RDSのスナップショットとそのコピーを暗号化する
#   description_ja: |
#     スナップショットにはデータベース全体が入っており、暗号化されていなければ、それやそのコピーを入手した者に読まれてしまう。
#     AWSはRDSのクラスタースナップショットとDBスナップショットを保存時に暗号化する統制（SH.RDS.4）を蓄積データの漏えい防止（実3）に対応付けている。
#     スナップショットは元のデータベースが暗号化されていれば暗号化される。aws_db_snapshot は db_instance_identifier が参照する aws_db_instance、aws_db_cluster_snapshot は db_cluster_identifier が参照する aws_rds_cluster による。aws_db_snapshot_copy は kms_key_id を指定するか、暗号化されたスナップショットをコピーすれば暗号化される。
#     元のデータベースが構成の外にある場合は判定不能とする。
#   remediation: Encrypt the source database (storage_encrypted = true; an existing database is encrypted by restoring an encrypted copy of its snapshot), or set kms_key_id on the aws_db_snapshot_copy.
#   remediation_ja: 元のデータベースを暗号化する（storage_encrypted = true。既存のデータベースは、スナップショットの暗号化コピーから復元して暗号化する）か、aws_db_snapshot_copy で kms_key_id を指定する。
package fiscguard.aws.rds.snapshot_encryption

import data.fiscguard.aws.rds.storage_encryption as rds_encryption
import data.fiscguard.lib
import data.fiscguard.lib.aws.rds

# source names, per snapshot type, the argument that refers to its database.
source := {
	"aws_db_snapshot": ["db_instance_identifier", "aws_db_instance"],
	"aws_db_cluster_snapshot": ["db_cluster_identifier", "aws_rds_cluster"],
}

deny contains fiscguard.fail(
	s, attr,
	sprintf("RDS snapshot %s is not encrypted: its source %s is not", [s.address, concat(", ", from)]),
	sprintf("RDSスナップショット %s が暗号化されていない（元の %s が暗号化されていない）", [s.address, concat("、", from)]),
) if {
	some s, attr in judged
	from := [db.address | some db in origins(s); state(db) == "plain"]
	count(from) > 0
}

deny contains fiscguard.inconclusive(
	s, attr,
	sprintf("RDS snapshot %s: whether it is encrypted depends on %s", [s.address, why_en(s)]),
	sprintf("RDSスナップショット %s が暗号化されるかは%s", [s.address, why_ja(s)]),
) if {
	some s, attr in judged
	count([db | some db in origins(s); state(db) == "plain"]) == 0
	undecided(s)
}

# judged maps each snapshot (and copy without its own key) to the argument
# that decides its encryption.
judged[s] := attr if {
	some t, spec in source
	some s in lib.resources(t)
	attr := spec[0]
}

judged[c] := "source_db_snapshot_identifier" if {
	some c in lib.resources("aws_db_snapshot_copy")
	fiscguard.value(c, ["kms_key_id"], "") == ""
	not fiscguard.unknown(c, "kms_key_id")
}

# origins returns the databases a snapshot's (or copy's) encryption comes from.
origins(s) := databases(s) if s.type in object.keys(source)

origins(c) := [db |
	some snap in lib.referenced(c, "source_db_snapshot_identifier", "aws_db_snapshot")
	some db in databases(snap)
] if c.type == "aws_db_snapshot_copy"

databases(s) := lib.referenced(s, source[s.type][0], source[s.type][1])

# state is how a source database stores its data: encrypted, plain, or
# later (known only after apply, or a read replica's, which its source
# governs). Whether it is plain is FG-RDS-002's predicate, so an Aurora
# Serverless v1 cluster (always encrypted) is not.
state(db) := "later" if fiscguard.unknown(db, "storage_encrypted")

else := "encrypted" if fiscguard.value(db, ["storage_encrypted"], false) == true

else := "plain" if rds_encryption.unencrypted(db)

else := "later" if rds.replica(db)

else := "encrypted"

undecided(s) if count(origins(s)) == 0

undecided(s) if {
	some db in origins(s)
	state(db) == "later"
}

why_en(s) := "its source database, which is not in this configuration, so it is not known" if count(origins(s)) == 0

else := sprintf("%s, whose encryption is known only after apply or is that of the database it replicates", [concat(", ", [db.address | some db in origins(s)])])

why_ja(s) := "、この構成にない元のデータベースによるため分からない" if count(origins(s)) == 0

else := sprintf(" %s によるが、その暗号化の設定は適用後まで確定しないか、複製元のデータベースに従う", [concat("、", [db.address | some db in origins(s)])])
