# METADATA
# title: DynamoDB global table replicas stay in allowed regions
# description: |
#   A replica block turns a DynamoDB table into a global table whose data is
#   kept in every replica region. FISC's cloud items ask the institution to know
#   where its data is kept (運108 ②). Every replica region_name of
#   aws_dynamodb_table must be in the allowed_regions parameter (replicas
#   declared as aws_dynamodb_table_replica are judged by FG-REGION-001 through
#   their provider). The current-edition item cited, 統24 (cloud-specific measures), is fiscguard's reading of a secondary source; no AWS mapping cites one.
# custom:
#   id: FG-REGION-004
#   severity: high
#   fisc: ["統24"]
#   fisc_8th: ["運108"]
#   fisc_basis: {"統24": "derived:a secondary source (caf_for_fsi) lists data location among the cloud-specific risks of 統24; its title is unverified and no AWS mapping cites it", "運108": "seed:運108 ② knowing where the data is kept; replicas are data"}
#   fisc_basis_ja: {"統24": "二次資料（caf_for_fsi）は統24のクラウド固有のリスクにデータ所在地を挙げている。項目名は未検証で、AWSの対応表は挙げていない", "運108": "運108 ② データ所在の把握。レプリカもデータである"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_dynamodb_table]
#   title_ja: DynamoDBグローバルテーブルのレプリカを許可したリージョンに限る
#   description_ja: |
#     replica ブロックを指定すると、DynamoDBテーブルはグローバルテーブルとなり、データはすべてのレプリカのリージョンに置かれる。
#     FISCのクラウド関連項目は、データの所在を金融機関が把握することを求めている（運108②）。
#     aws_dynamodb_table のすべてのレプリカの region_name は、パラメータ allowed_regions に含まれなければならない（aws_dynamodb_table_replica として宣言したレプリカは、プロバイダーのリージョンによって FG-REGION-001 で判定する）。現行版の項目として挙げる統24（クラウドサービス固有の安全対策）は、二次資料に基づくfiscguardの読みであり、AWSの対応表は挙げていない。
#   remediation: Remove the replica outside the allowed regions (ap-northeast-3 is the usual second region for a Tokyo table), or add the region to allowed_regions after confirming the data may be kept there.
#   remediation_ja: 許可リージョン外のレプリカを削除する（東京のテーブルなら通常の第二リージョンは ap-northeast-3）。別のリージョンが必要な場合は、そこにデータを置いてよいことを確認したうえで allowed_regions に追加する。
package fiscguard.aws.region.dynamodb_replicas

import data.fiscguard.lib
import data.fiscguard.lib.aws.region

# One finding per table, listing every replica outside the allowed regions.
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "DynamoDB table %s has replicas outside the allowed regions: ", "ja": "DynamoDBテーブル %s のレプリカが許可リージョン外にある: "},
		"inconclusive": {"en": "DynamoDB table %s: ", "ja": "DynamoDBテーブル %s の"},
	})
}

_problems contains {
	"resource": t, "attribute": sprintf("replica[%d].region_name", [i]), "status": "fail",
	"en": replica.region_name, "ja": replica.region_name,
} if {
	some t in lib.resources("aws_dynamodb_table")
	some i, replica in fiscguard.value(t, "replica", [])
	not region.allowed_set[replica.region_name]
}
