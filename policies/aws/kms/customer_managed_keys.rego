# METADATA
# title: Data stores are encrypted with customer-managed KMS keys
# description: |
#   Encryption with AWS-managed keys (aws/ebs, aws/rds, DynamoDB's AWS-owned
#   key) protects the media, but the institution can neither restrict who uses
#   the key nor destroy it. Under strict management, in fiscguard's reading, FISC asks for stored data to
#   be encrypted with keys the institution controls (the strict side of 実3 and
#   運110; key protection, 実13), and destroying such a key at contract end makes
#   the data unrecoverable wherever copies remain (運111). aws_ebs_volume,
#   aws_db_instance, aws_rds_cluster and aws_efs_file_system must set kms_key_id,
#   and aws_dynamodb_table server_side_encryption { enabled = true, kms_key_arn }.
#   A volume or database that is not encrypted at all fails this rule too, but
#   that cause is its encryption rule's (FG-EBS-001, FG-RDS-002), which
#   reports it.
# custom:
#   id: FG-KMS-003
#   severity: medium
#   fisc: ["実3", "実13"]
#   fisc_8th: ["運110", "運111"]
#   fisc_basis: {"実3": "aws-blea-workload:core-banking, encryption with AWS KMS (the customer-managed-key condition is ours)", "実13": "aws-blea-workload:core-banking, protection of encryption keys with AWS KMS", "運110": "seed:運110 names data leakage while the service is in use (strict side: institution-controlled keys)", "運111": "derived:data under a key the institution owns can be made unrecoverable at contract end by deleting the key (crypto-erasure)"}
#   fisc_basis_ja: {"実3": "勘定系：AWS KMSによる暗号化（顧客管理キーの条件はfiscguardによる）", "実13": "勘定系：AWS KMSによる暗号鍵の保護", "運110": "運110は利用中のデータ漏洩を挙げる（厳格な側：金融機関が管理する鍵）", "運111": "金融機関が所有する鍵で暗号化したデータは、契約終了時に鍵を削除して復元不能にできる（暗号学的消去）"}
#   profile: strict
#   strict_reason: "Encryption at rest is the minimum (simple management); keys the institution controls and can destroy are more than AWS's mapping requires, so they belong to strict management."
#   strict_reason_ja: "保存時の暗号化が最低限（簡易な管理）であり、金融機関が管理し破棄できる鍵はAWSの対応表が求める以上のものであるため、厳格な管理に置く。"
#   responsibility: user
#   resource_types: [aws_ebs_volume, aws_db_instance, aws_rds_cluster, aws_efs_file_system, aws_dynamodb_table]
#   title_ja: データストアを顧客管理のKMSキーで暗号化する
#   description_ja: |
#     AWS管理キー（aws/ebs、aws/rds、DynamoDBのAWS所有キー）による暗号化は媒体を保護するが、金融機関は鍵の利用者を制限することも鍵を破棄することもできない。
#     fiscguardの読みでは、厳格な管理についてFISCは金融機関が管理する鍵での蓄積データの暗号化（実3と運110の厳格な管理、暗号鍵の保護の実13）を求めており、そのような鍵を契約終了時に破棄すれば、複製が残っていてもデータは復元できなくなる（運111）。
#     aws_ebs_volume、aws_db_instance、aws_rds_cluster、aws_efs_file_system では kms_key_id を、aws_dynamodb_table では server_side_encryption { enabled = true, kms_key_arn } を指定する。暗号化そのものをしていないボリュームやデータベースはこのルールにも違反するが、その原因は暗号化のルール（FG-EBS-001、FG-RDS-002）が報告する。
#   remediation: Create a customer-managed aws_kms_key (with rotation) and set it as kms_key_id (kms_key_arn for DynamoDB) on the data store.
#   remediation_ja: 顧客管理の aws_kms_key（ローテーションあり）を作成し、データストアの kms_key_id（DynamoDBでは kms_key_arn）に指定する。
package fiscguard.aws.kms.customer_managed_keys

import data.fiscguard.aws.ebs.encryption as ebs_encryption
import data.fiscguard.aws.rds.storage_encryption as rds_encryption
import data.fiscguard.lib
import data.fiscguard.lib.aws.kms
import data.fiscguard.lib.aws.rds

# store_types hold their key in kms_key_id.
store_types := ["aws_ebs_volume", "aws_db_instance", "aws_rds_cluster", "aws_efs_file_system"]

_stores := [r | some t in store_types; some r in lib.resources(t)]

# A store that is not encrypted at all has no customer-managed key either,
# but that cause is its encryption rule's, which reports it.
deny contains lib.owned_by(_no_customer_key(r), owner) if {
	some r in _stores
	owner := unencrypted_owner(r)
}

deny contains _no_customer_key(r) if {
	some r in _stores
	not unencrypted_owner(r)
	kms.key_status(r, ["kms_key_id"]) == "none"
}

deny contains fiscguard.inconclusive(
	r, "kms_key_id",
	sprintf("%s: the KMS key is known only after apply%s", [r.address, lib.from_text(r, "kms_key_id").en]),
	sprintf("%s のKMSキーは適用後まで確定しない%s", [r.address, lib.from_text(r, "kms_key_id").ja]),
) if {
	some r in _stores
	not unencrypted_owner(r)
	kms.key_status(r, ["kms_key_id"]) == "unknown"
}

_no_customer_key(r) := fiscguard.fail(
	r, "kms_key_id",
	sprintf("%s is not encrypted with a customer-managed KMS key", [r.address]),
	sprintf("%s が顧客管理のKMSキーで暗号化されていない", [r.address]),
)

# unencrypted_owner names the rule that reports store r as not encrypted at
# all (an EFS file system has none: this rule judges its encryption alone).
unencrypted_owner(r) := "FG-EBS-001" if {
	r.type == "aws_ebs_volume"
	ebs_encryption.unencrypted(r)
} else := "FG-RDS-002" if {
	r.type in rds.instance_types
	rds_encryption.unencrypted(r)
}

deny contains fiscguard.fail(
	r, "server_side_encryption[0].kms_key_arn",
	sprintf("DynamoDB table %s is not encrypted with a customer-managed KMS key", [r.address]),
	sprintf("DynamoDBテーブル %s が顧客管理のKMSキーで暗号化されていない", [r.address]),
) if {
	some r in lib.resources("aws_dynamodb_table")
	_dynamodb_key(r) == "none"
}

deny contains fiscguard.inconclusive(
	r, "server_side_encryption[0].kms_key_arn",
	sprintf("DynamoDB table %s: the KMS key is known only after apply", [r.address]),
	sprintf("DynamoDBテーブル %s のKMSキーは適用後まで確定しない", [r.address]),
) if {
	some r in lib.resources("aws_dynamodb_table")
	_dynamodb_key(r) == "unknown"
}

# _dynamodb_key is the key status of a table; without server-side encryption
# enabled, the table uses an AWS-owned key.
_dynamodb_key(r) := kms.key_status(r, ["server_side_encryption", 0, "kms_key_arn"]) if {
	fiscguard.value(r, ["server_side_encryption", 0, "enabled"], false) == true
} else := "none"
