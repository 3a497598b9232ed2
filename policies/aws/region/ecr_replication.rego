# METADATA
# title: ECR replication copies images only to allowed regions
# description: |
#   Registry replication copies container images, with whatever data and
#   configuration they contain, to each destination region. FISC's cloud items
#   ask the institution to know where its data is kept (運108 ②). Every
#   destination region of aws_ecr_replication_configuration must be in the
#   allowed_regions parameter. No current-edition item is cited: public mappings
#   give none that is verified.
# custom:
#   id: FG-REGION-005
#   severity: medium
#   fisc: []
#   fisc_8th: ["運108"]
#   fisc_basis: {"運108": "seed:運108 ② knowing where the data is kept; replicated images are data"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_ecr_replication_configuration]
#   title_ja: ECRレプリケーションで許可したリージョンにだけイメージを複製する
#   description_ja: |
#     レジストリのレプリケーションは、コンテナイメージを、それが含むデータや設定ごと各宛先リージョンに複製する。
#     FISCのクラウド関連項目は、データの所在を金融機関が把握することを求めている（運108②）。
#     aws_ecr_replication_configuration のすべての宛先リージョンは、パラメータ allowed_regions に含まれなければならない。現行版の項目は、検証された公開対応表がないため挙げていない。
#   remediation: Replicate only to allowed regions (ap-northeast-3 for a Tokyo registry), or add the region to allowed_regions after confirming the images may be kept there.
#   remediation_ja: 許可したリージョンにだけ複製する（東京のレジストリなら ap-northeast-3）。別のリージョンが必要な場合は、そこにイメージを置いてよいことを確認したうえで allowed_regions に追加する。
package fiscguard.aws.region.ecr_replication

import data.fiscguard.lib
import data.fiscguard.lib.aws.region

# One finding per replication configuration, listing every destination
# outside the allowed regions.
deny contains result if {
	some result in lib.one_per_resource(_problems, {
		"fail": {"en": "ECR replication %s copies images outside the allowed regions: ", "ja": "ECRレプリケーション %s が許可リージョン外へイメージを複製している: "},
		"inconclusive": {"en": "ECR replication %s: ", "ja": "ECRレプリケーション %s の"},
	})
}

_problems contains {
	"resource": c, "attribute": sprintf("replication_configuration[0].rule[%d].destination[%d].region", [i, j]), "status": "fail",
	"en": sprintf("to %s", [d.region]), "ja": sprintf("%s へ", [d.region]),
} if {
	some c in lib.resources("aws_ecr_replication_configuration")
	some i, rule in lib.value(c, ["replication_configuration", 0, "rule"], [])
	some j, d in object.get(rule, "destination", [])
	not region.allowed_set[d.region]
}
