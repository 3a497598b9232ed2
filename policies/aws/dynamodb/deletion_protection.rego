# METADATA
# title: DynamoDB tables have deletion protection
# description: |
#   A table without deletion protection can be deleted, with its data, by one
#   API call. AWS maps deletion protection of RDS instances (SH.RDS.8) to 実100;
#   we extend it to DynamoDB tables, as AWS's core-banking material does for
#   stateful resources. aws_dynamodb_table must set deletion_protection_enabled = true.
# custom:
#   id: FG-DYNAMODB-002
#   severity: medium
#   fisc: ["実100"]
#   fisc_8th: ["運113"]
#   fisc_basis: {"実100": "derived:AWS maps RDS deletion protection (SH.RDS.8) to 実100; the same protection for DynamoDB tables is our extension", "運113": "derived:an attacker with stolen credentials should not be able to destroy the table in one call"}
#   fisc_basis_ja: {"実100": "AWSはRDSの削除保護（SH.RDS.8）を実100に対応付けている。DynamoDBテーブルへの同じ保護はfiscguardによる拡張である", "運113": "認証情報を盗んだ攻撃者が一度の呼び出しでテーブルを破壊できてはならない"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_dynamodb_table]
#   title_ja: DynamoDBテーブルの削除保護を有効にする
#   description_ja: |
#     削除保護のないテーブルは、API呼び出し一つでデータごと削除されてしまう。
#     AWSはRDSインスタンスの削除保護（SH.RDS.8）を実100に対応付けており、ここではDynamoDBテーブルにも適用する。
#     aws_dynamodb_table で deletion_protection_enabled = true とする。
#   remediation: Set deletion_protection_enabled = true on the table.
#   remediation_ja: テーブルで deletion_protection_enabled = true とする。
package fiscguard.aws.dynamodb.deletion_protection

import data.fiscguard.lib

deny contains fiscguard.fail(
	t, "deletion_protection_enabled",
	sprintf("DynamoDB table %s has no deletion protection", [t.address]),
	sprintf("DynamoDBテーブル %s の削除保護が有効になっていない", [t.address]),
) if {
	some t in lib.resources("aws_dynamodb_table")
	# deletion_protection_enabled is newer than the provider schema HCL
	# values are converted with.
	lib.bool_value(t, "deletion_protection_enabled", false) != true
	not fiscguard.unknown(t, "deletion_protection_enabled")
}
