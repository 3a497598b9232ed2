# METADATA
# title: RDS databases run in more than one availability zone
# description: |
#   A single-AZ database stops when its availability zone fails. In fiscguard's reading, FISC asks for
#   redundant configurations for important systems; AWS maps its control that
#   RDS DB instances are configured with multiple availability zones (SH.RDS.5)
#   to 実84 and lists multi-AZ configurations as the measure in its core-banking
#   mapping. aws_db_instance (read replicas excepted) must set multi_az = true;
#   an Aurora aws_rds_cluster needs at least two aws_rds_cluster_instance
#   resources in the plan.
# custom:
#   id: FG-RDS-006
#   severity: medium
#   fisc: ["実84"]
#   fisc_8th: ["運109"]
#   fisc_basis: {"実84": "aws-blea-ct:SH.RDS.5 (DB instances); clusters by the core-banking workload measure, multi-AZ configuration", "運109": "derived:the user's side of an availability commitment is a design that survives the loss of one zone"}
#   fisc_basis_ja: {"実84": "SH.RDS.5（DBインスタンス）。クラスターは勘定系のワークロードの対策（マルチAZ構成）による", "運109": "可用性の約束に対する利用者側の備えは、一つのゾーンを失っても継続できる設計である"}
#   profile: simple
#   responsibility: shared
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   title_ja: RDSデータベースを複数のアベイラビリティーゾーンで運用する
#   description_ja: |
#     シングルAZのデータベースは、そのアベイラビリティーゾーンの障害で停止する。
#     fiscguardの読みでは、FISCは重要なシステムの冗長構成を求めており、AWSはRDSのDBインスタンスを複数のアベイラビリティーゾーンで構成する統制（SH.RDS.5）を実84に対応付け、勘定系の対応表でもマルチAZ構成を対策に挙げている。
#     aws_db_instance（リードレプリカを除く）は multi_az = true とし、Auroraの aws_rds_cluster にはプラン内に aws_rds_cluster_instance を二つ以上設ける。
#   remediation: Set multi_az = true on the DB instance; give an Aurora cluster at least two instances (for example count = 2), which RDS places in different zones.
#   remediation_ja: DBインスタンスで multi_az = true とする。Auroraクラスターにはインスタンスを二つ以上（例えば count = 2）設ける。RDSはそれらを異なるゾーンに配置する。
package fiscguard.aws.rds.multi_az

import data.fiscguard.lib
import data.fiscguard.lib.aws.rds

deny contains fiscguard.fail(
	db, "multi_az",
	sprintf("Database %s runs in a single availability zone", [db.address]),
	sprintf("データベース %s が単一のアベイラビリティーゾーンで稼働している", [db.address]),
) if {
	some db in lib.resources("aws_db_instance")
	fiscguard.value(db, "multi_az", false) != true
	not fiscguard.unknown(db, "multi_az")
	not rds.replica(db)
}

deny contains fiscguard.fail(
	c, "",
	sprintf("Aurora cluster %s has %s in this configuration; it needs at least two in different zones", [c.address, lib.count_text(n, "instance", "instances")]),
	sprintf("Auroraクラスター %s のインスタンスがこのプランに %d 個しかない。異なるゾーンに二つ以上必要である", [c.address, n]),
) if {
	some c in lib.resources("aws_rds_cluster")
	fiscguard.value(c, "engine_mode", "provisioned") == "provisioned"
	startswith(fiscguard.value(c, "engine", "aurora"), "aurora")
	n := count(lib.referrers(c, "aws_rds_cluster_instance", "cluster_identifier"))
	n < 2
}
