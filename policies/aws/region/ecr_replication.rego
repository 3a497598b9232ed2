# METADATA
# title: ECR replication copies images only to allowed regions
# description: |
#   Registry replication copies container images, with whatever data and
#   configuration they contain, to each destination region. FISC's cloud items
#   ask the institution to know where its data is kept (運108 ②). Every
#   destination region of aws_ecr_replication_configuration must be in the
#   allowed_regions parameter. The current-edition item cited, 統24 (cloud-specific measures), is fiscguard's reading of a secondary source; no AWS mapping cites one.
# custom:
#   id: FG-REGION-005
#   severity: medium
#   fisc: ["統24"]
#   fisc_8th: ["運108"]
#   fisc_basis: {"統24": "derived:a secondary source (caf_for_fsi) lists data location among the cloud-specific risks of 統24; its title is unverified and no AWS mapping cites it", "運108": "seed:運108 ② knowing where the data is kept; replicated images are data"}
#   fisc_basis_ja: {"統24": "二次資料（caf_for_fsi）は統24のクラウド固有のリスクにデータ所在地を挙げている。項目名は未検証で、AWSの対応表は挙げていない", "運108": "運108 ② データ所在の把握。複製したイメージもデータである"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_ecr_replication_configuration]
#   title_ja: ECRレプリケーションで許可したリージョンにだけイメージを複製する
#   description_ja: |
#     レジストリのレプリケーションは、コンテナイメージを、それが含むデータや設定ごと各宛先リージョンに複製する。
#     FISCのクラウド関連項目は、データの所在を金融機関が把握することを求めている（運108②）。
#     aws_ecr_replication_configuration のすべての宛先リージョンは、パラメータ allowed_regions に含まれなければならない。現行版の項目として挙げる統24（クラウドサービス固有の安全対策）は、二次資料に基づくfiscguardの読みであり、AWSの対応表は挙げていない。
#   remediation: Replicate only to allowed regions (ap-northeast-3 for a Tokyo registry), or add the region to allowed_regions after confirming the images may be kept there.
#   remediation_ja: 許可したリージョンにだけ複製する（東京のレジストリなら ap-northeast-3）。別のリージョンが必要な場合は、そこにイメージを置いてよいことを確認したうえで allowed_regions に追加する。
package fiscguard.aws.region.ecr_replication

import data.fiscguard.lib
import data.fiscguard.lib.aws.region

# One finding per replication configuration, listing every destination
# outside the allowed regions.
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "ECR replication %s copies images outside the allowed regions: ", "ja": "ECRレプリケーション %s が許可リージョン外へイメージを複製している: "},
		"inconclusive": {"en": "ECR replication %s: ", "ja": "ECRレプリケーション %s の"},
	})
}

_problems contains {
	"resource": c, "attribute": sprintf("replication_configuration[0].rule[%d].destination[%d].region", [i, j]), "status": "fail",
	"en": sprintf("to %s", [d.region]), "ja": sprintf("%s へ", [d.region]),
} if {
	some c in lib.resources("aws_ecr_replication_configuration")
	some i, rule in fiscguard.value(c, ["replication_configuration", 0, "rule"], [])
	some j, d in object.get(rule, "destination", [])
	not region.allowed_set[d.region]
}
