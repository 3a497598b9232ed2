# METADATA
# title: Backup copies go only to allowed regions
# description: |
#   A copy_action in an AWS Backup plan copies every recovery point to the
#   destination vault's region. FISC's cloud items ask the institution to know
#   where its data is kept (運108 ②). The destination_vault_arn of every
#   copy_action of aws_backup_plan must be in a region of the allowed_regions
#   parameter: the region is read from the ARN, or from the vault when the ARN
#   refers to an aws_backup_vault in the plan. The current-edition item cited, 統24 (cloud-specific measures), is fiscguard's reading of a secondary source; no AWS mapping cites one.
# custom:
#   id: FG-REGION-003
#   severity: high
#   fisc: ["統24"]
#   fisc_8th: ["運108"]
#   fisc_basis: {"統24": "derived:a secondary source (caf_for_fsi) lists data location among the cloud-specific risks of 統24; its title is unverified and no AWS mapping cites it", "運108": "seed:運108 ② knowing where the data is kept; backup copies are data"}
#   fisc_basis_ja: {"統24": "二次資料（caf_for_fsi）は統24のクラウド固有のリスクにデータ所在地を挙げている。項目名は未検証で、AWSの対応表は挙げていない", "運108": "運108 ② データ所在の把握。バックアップのコピーもデータである"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_backup_plan]
#   title_ja: バックアップの複製先を許可したリージョンに限る
#   description_ja: |
#     AWS Backupのバックアッププランの copy_action は、すべての復旧ポイントを宛先ボールトのリージョンに複製する。
#     FISCのクラウド関連項目は、データの所在を金融機関が把握することを求めている（運108②）。
#     aws_backup_plan のすべての copy_action の destination_vault_arn は、パラメータ allowed_regions のリージョンになければならない。リージョンはARNから、またはARNがプラン内の aws_backup_vault を参照している場合はそのボールトから読み取る。現行版の項目として挙げる統24（クラウドサービス固有の安全対策）は、二次資料に基づくfiscguardの読みであり、AWSの対応表は挙げていない。
#   remediation: Copy to a vault in an allowed region (for example ap-northeast-3 for a Tokyo workload), or add the region to allowed_regions after confirming the data may be kept there.
#   remediation_ja: 許可したリージョンのボールトに複製する（例えば東京のワークロードなら ap-northeast-3）。別のリージョンが必要な場合は、そこにデータを置いてよいことを確認したうえで allowed_regions に追加する。
package fiscguard.aws.region.backup_copy

import data.fiscguard.lib
import data.fiscguard.lib.aws.region

# One finding per backup plan, listing every copy outside the allowed regions.
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "Backup plan %s copies recovery points outside the allowed regions: ", "ja": "バックアッププラン %s が許可リージョン外へ復旧ポイントを複製している: "},
		"inconclusive": {"en": "Backup plan %s: ", "ja": "バックアッププラン %s の"},
	})
}

_problems contains {
	"resource": p, "attribute": sprintf("rule[%d].copy_action[%d].destination_vault_arn", [i, j]), "status": "fail",
	"en": sprintf("to %s", [reg]), "ja": sprintf("%s へ", [reg]),
} if {
	some [p, i, j, reg] in _copies
	reg != ""
	not region.allowed_set[reg]
}

_problems contains {
	"resource": p, "attribute": "rule", "status": "fail",
	"en": sprintf("to vault %s in %s", [v.address, v.region]),
	"ja": sprintf("%s にあるボールト %s へ", [v.region, v.address]),
} if {
	some p in lib.resources("aws_backup_plan")
	some v in lib.referenced(p, "rule", "aws_backup_vault")
	v.region != p.region
	v.region != ""
	not region.allowed_set[v.region]
}

_problems contains {
	"resource": p, "attribute": sprintf("rule[%d].copy_action[%d].destination_vault_arn", [i, j]), "status": "inconclusive",
	"en": sprintf("the destination of copy %d of rule %d is known only after apply", [j, i]),
	"ja": sprintf("ルール %d の複製 %d の複製先は適用後まで確定しない", [i, j]),
} if {
	some [p, i, j, ""] in _copies
	count(lib.referenced(p, "rule", "aws_backup_vault")) == 0
}

# _copies lists [plan, rule index, copy index, region from the ARN ("" when unknown)].
_copies := [[p, i, j, reg] |
	some p in lib.resources("aws_backup_plan")
	some i, rule in fiscguard.value(p, "rule", [])
	some j, c in object.get(rule, "copy_action", [])
	reg := region.arn_region(object.get(c, "destination_vault_arn", null))
]
