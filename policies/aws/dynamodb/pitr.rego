# METADATA
# title: DynamoDB tables have point-in-time recovery
# description: |
#   Point-in-time recovery keeps continuous backups for 35 days so that a table
#   can be restored to the second before data was corrupted or wrongly written.
#   AWS's core-banking mapping lists enabling DynamoDB PITR as a measure for 実6
#   and for 実39 (data file backups), and its regular-backup measures for 実106
#   include it. aws_dynamodb_table must set point_in_time_recovery { enabled = true }.
# custom:
#   id: FG-DYNAMODB-001
#   severity: medium
#   fisc: ["実6", "実39", "実106"]
#   fisc_8th: ["運109"]
#   fisc_basis: {"実6": "aws-blea-workload:core-banking, DynamoDB PITR enabled", "実39": "aws-blea-workload:core-banking, DynamoDB PITR enabled", "実106": "aws-blea-workload:core-banking, DynamoDB PITR enabled", "運109": "derived:the user's side of an availability commitment is being able to restore data within the agreed service level"}
#   fisc_basis_ja: {"実6": "勘定系：DynamoDBのPITRを有効化", "実39": "勘定系：DynamoDBのPITRを有効化", "実106": "勘定系：DynamoDBのPITRを有効化", "運109": "可用性の約束に対する利用者側の備えは、合意したサービスレベルの範囲でデータを復元できることである"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_dynamodb_table]
#   title_ja: DynamoDBテーブルのポイントインタイムリカバリを有効にする
#   description_ja: |
#     ポイントインタイムリカバリは35日間の継続的バックアップを保持し、データが破損したり誤って書き込まれたりする直前の時点にテーブルを復元できるようにする。
#     AWSの勘定系の対応表は、DynamoDBのPITRの有効化を実6と実39（データファイルのバックアップ）の対策に挙げ、定期的なバックアップ（実106）の対策にも含めている。
#     aws_dynamodb_table で point_in_time_recovery { enabled = true } とする。
#   remediation: Add point_in_time_recovery { enabled = true } to the table.
#   remediation_ja: テーブルに point_in_time_recovery { enabled = true } を追加する。
package fiscguard.aws.dynamodb.pitr

import data.fiscguard.lib

deny contains fiscguard.fail(
	t, "point_in_time_recovery[0].enabled",
	sprintf("DynamoDB table %s has no point-in-time recovery", [t.address]),
	sprintf("DynamoDBテーブル %s のポイントインタイムリカバリが有効になっていない", [t.address]),
) if {
	some t in lib.resources("aws_dynamodb_table")
	fiscguard.value(t, ["point_in_time_recovery", 0, "enabled"], false) != true
	not fiscguard.unknown(t, ["point_in_time_recovery", 0, "enabled"])
}
