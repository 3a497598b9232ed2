# METADATA
# title: Stateful stores keep a copy in a second region
# description: |
#   A backup site needs the data: a region-wide outage or a disaster takes
#   every copy kept in one region with it. AWS's core-banking reference lists
#   building a secondary region for the backup site (実74), a multi-region
#   configuration for the contingency plan (実73) and multi-region or
#   multi-AZ configurations for the redundancy items (実85–実88). Each store of
#   the second_region_types parameter (S3 buckets, DynamoDB tables, RDS
#   instances and clusters by default) needs a copy the configuration keeps
#   elsewhere: S3 replication (an aws_s3_bucket_replication_configuration for
#   the bucket, or its inline replication_configuration), DynamoDB replicas,
#   an RDS read replica in another region or automated-backup replication, an
#   Aurora global cluster or cross-region replica, or an AWS Backup selection
#   whose plan copies its recovery points (copy_action). Which regions the
#   copies go to is the region rules' concern; a store that is itself a copy
#   (a replication's destination bucket, a read replica) needs none. A
#   replication names its bucket and destinations by reference or literally
#   (the bucket's name, the destination's ARN). A bucket whose name is known
#   only after apply, from the same values as a destination known only after
#   apply, may be that destination: inconclusive. The rule runs under strict
#   management.
# custom:
#   id: FG-BACKUP-003
#   severity: medium
#   fisc: ["実73", "実74", "実85", "実86", "実87", "実88"]
#   fisc_8th: ["運109"]
#   fisc_basis: {"実73": "aws-blea-workload:core-banking, multi-region configuration", "実74": "aws-blea-workload:core-banking, building a secondary region", "実85": "aws-blea-workload:core-banking, multi-region / multi-AZ configuration", "実86": "aws-blea-workload:core-banking, multi-region / multi-AZ configuration", "実87": "aws-blea-workload:core-banking, multi-region / multi-AZ configuration", "実88": "aws-blea-workload:core-banking, multi-region / multi-AZ configuration", "運109": "derived:the user's side of an availability commitment is being able to restore data after the loss of a region"}
#   fisc_basis_ja: {"実73": "勘定系：マルチリージョン構成の構築", "実74": "勘定系：セカンダリリージョンの構築", "実85": "勘定系：マルチリージョン／マルチアベイラビリティーゾーン構成の構築", "実86": "勘定系：マルチリージョン／マルチアベイラビリティーゾーン構成の構築", "実87": "勘定系：マルチリージョン／マルチアベイラビリティーゾーン構成の構築", "実88": "勘定系：マルチリージョン／マルチアベイラビリティーゾーン構成の構築", "運109": "可用性の約束に対する利用者側の備えは、リージョンを失ってもデータを復元できることである"}
#   profile: strict
#   strict_reason: "A copy in another region is what a backup site for important work needs; AWS lists a secondary region for its core-banking reference, not as a baseline control, and keeping data in two regions has a cost each institution weighs by the work's importance."
#   strict_reason_ja: "別リージョンの複製は重要な業務のバックアップサイトに必要なものであり、AWSは勘定系リファレンスでセカンダリリージョンを挙げているが基本の統制には含めていない。二つのリージョンにデータを置く費用は、業務の重要度に応じて各金融機関が判断する。"
#   responsibility: user
#   resource_types: [aws_s3_bucket, aws_dynamodb_table, aws_db_instance, aws_rds_cluster]
#   title_ja: 状態を持つデータストアの複製を別リージョンに置く
#   description_ja: |
#     バックアップサイトにはデータが必要である。リージョン全体の障害や災害は、一つのリージョンにあるすべての複製を失わせる。
#     AWSの勘定系リファレンスは、バックアップサイトの保有（実74）にセカンダリリージョンの構築を、コンティンジェンシープラン（実73）にマルチリージョン構成を、冗長構成の項目（実85〜実88）にマルチリージョン／マルチアベイラビリティーゾーン構成を挙げている。
#     パラメータ second_region_types のデータストア（既定ではS3バケット、DynamoDBテーブル、RDSのインスタンスとクラスター）には、構成が別の場所に保つ複製が必要である。S3レプリケーション（バケットに対する aws_s3_bucket_replication_configuration、またはインラインの replication_configuration）、DynamoDBのレプリカ、別リージョンのRDSリードレプリカまたは自動バックアップのレプリケーション、Auroraのグローバルクラスターまたはクロスリージョンレプリカ、あるいは復旧ポイントを複製する（copy_action）プランのAWS Backupの選択のいずれかである。
#     複製先のリージョンはリージョンのルールで判定する。それ自体が複製であるデータストア（レプリケーションの宛先バケット、リードレプリカ）には不要とする。レプリケーションはバケットと宛先を参照またはリテラル（バケット名、宛先のARN）で指定する。名前が適用後まで確定せず、適用後まで確定しない宛先と同じ値から決まるバケットは、その宛先である可能性があるため判定不能とする。厳格な管理でのみ適用する。
#   remediation: Replicate the store to the second region (S3 replication, DynamoDB replicas, an RDS cross-region replica or automated-backup replication, an Aurora global cluster), or select it in an AWS Backup plan whose rule has a copy_action to a vault in the second region.
#   remediation_ja: データストアを別リージョンに複製する（S3レプリケーション、DynamoDBのレプリカ、RDSのクロスリージョンレプリカまたは自動バックアップのレプリケーション、Auroraのグローバルクラスター）か、別リージョンのボールトへの copy_action を持つAWS Backupのプランで選択する。
package fiscguard.aws.backup.second_region

import data.fiscguard.lib
import data.fiscguard.lib.aws.s3.bucket

deny contains fiscguard.fail(
	s, "",
	sprintf("%s keeps no copy outside its region", [s.address]),
	sprintf("%s の複製が別のリージョンにない", [s.address]),
) if {
	some s in _uncopied
	count(_copy_of[s.address]) == 0
}

deny contains fiscguard.inconclusive(
	s, "",
	sprintf("%s: whether it is the destination of the replication of %s is known only after apply (its name and that destination come from the same values)", [s.address, concat(", ", cs)]),
	sprintf("%s が %s による複製の宛先かは適用後まで確定しない（名前と宛先が同じ値から決まる）", [s.address, concat("、", cs)]),
) if {
	some s in _uncopied
	cs := _copy_of[s.address]
	count(cs) > 0
}

_uncopied contains s if {
	some t in lib.param("second_region_types")
	some s in lib.resources(t)
	not copied(s)
}

# _copy_of holds the replication configurations an uncopied bucket may be
# the destination of (see bucket.possible_destination_of), built once (as a
# partial object rule, each lookup by address would walk every store).
_copy_of := {s.address: bucket.possible_destination_of(s) | some s in _uncopied}

copied(s) if backed_up_with_copy(s)

# A store that is itself the copy (a replication's destination bucket, a
# read replica, a cross-region cluster replica) needs no copy of its own.
copied(s) if {
	s.type == "aws_s3_bucket"
	_replication_destinations[s.address]
}

copied(s) if {
	s.type in {"aws_db_instance", "aws_rds_cluster"}
	some attr in ["replicate_source_db", "replication_source_identifier"]
	fiscguard.value(s, [attr], "") != ""
}

copied(s) if {
	s.type in {"aws_db_instance", "aws_rds_cluster"}
	some attr in ["replicate_source_db", "replication_source_identifier"]
	fiscguard.refers(s, attr)
}

copied(s) if {
	s.type == "aws_s3_bucket"
	count(bucket.attached(s, "aws_s3_bucket_replication_configuration")) > 0
}

copied(s) if {
	s.type == "aws_s3_bucket"
	not lib.empty(fiscguard.value(s, ["replication_configuration"], []))
}

copied(s) if {
	s.type == "aws_dynamodb_table"
	not lib.empty(fiscguard.value(s, ["replica"], []))
}

copied(s) if {
	s.type == "aws_db_instance"
	some r in lib.referrers(s, "aws_db_instance", "replicate_source_db")
	r.region != s.region
}

copied(s) if {
	s.type == "aws_db_instance"
	count(lib.referrers(s, "aws_db_instance_automated_backups_replication", "source_db_instance_arn")) > 0
}

copied(s) if {
	s.type == "aws_rds_cluster"
	fiscguard.value(s, ["global_cluster_identifier"], "") != ""
}

copied(s) if {
	s.type == "aws_rds_cluster"
	fiscguard.refers(s, "global_cluster_identifier")
}

copied(s) if {
	s.type == "aws_rds_cluster"
	count(lib.referrers(s, "aws_rds_cluster", "replication_source_identifier")) > 0
}

# _replication_destinations holds the addresses of the buckets replications
# copy to, found once for all buckets.
_replication_destinations contains d.address if {
	some c in lib.resources("aws_s3_bucket_replication_configuration")
	some d in bucket.replication_destinations(c)
}

# An AWS Backup selection names the store and its plan copies recovery points.
backed_up_with_copy(s) if {
	some sel in lib.referrers(s, "aws_backup_selection", "resources")
	some plan in lib.referenced(sel, "plan_id", "aws_backup_plan")
	some rule in fiscguard.value(plan, ["rule"], [])
	not lib.empty(object.get(rule, "copy_action", []))
}
