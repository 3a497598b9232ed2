# METADATA
# title: EBS encryption by default is on in every region the configuration uses
# description: |
#   With EBS encryption by default, every new volume and snapshot copy in the
#   region is encrypted, whoever creates it and however. AWS maps its control
#   that EBS default encryption is enabled (SH.EC2.7) to stored-data leakage
#   prevention (実3). An aws_ebs_encryption_by_default must not set enabled =
#   false, and each region where the configuration places volumes, instances,
#   launch templates or launch configurations needs one. The setting is
#   declared in the configuration of the account baseline: there a region
#   without it fails; elsewhere it is one inconclusive result per region, to be
#   judged where the baseline is kept.
# custom:
#   id: FG-EBS-003
#   severity: medium
#   fisc: ["実3"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実3": "aws-blea-ct:SH.EC2.7", "運110": "seed:運110 names data leakage while the service is in use; encryption at rest"}
#   fisc_basis_ja: {"運110": "運110は利用中のデータ漏洩を挙げる。保存時の暗号化がその対策である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_ebs_encryption_by_default, aws_ebs_volume, aws_instance, aws_launch_template, aws_launch_configuration]
#   title_ja: 利用するすべてのリージョンでEBSのデフォルト暗号化を有効にする
#   description_ja: |
#     EBSのデフォルト暗号化を有効にすると、そのリージョンで新しく作成されるボリュームとスナップショットのコピーは、作成者や作成方法によらずすべて暗号化される。
#     AWSはEBSのデフォルト暗号化を有効にする統制（SH.EC2.7）を蓄積データの漏えい防止（実3）に対応付けている。
#     aws_ebs_encryption_by_default で enabled = false としてはならず、ボリューム、インスタンス、起動テンプレート、起動設定を置く各リージョンに一つ必要である。
#     この設定はアカウントのベースラインの構成で宣言する。その構成で設定のないリージョンは違反とし、それ以外の構成ではリージョンごとに一件の判定不能とし、ベースラインを管理する構成で判定する。
#   remediation: In the configuration of the account baseline, declare aws_ebs_encryption_by_default with enabled = true for each region the institution uses (one per provider configuration).
#   remediation_ja: アカウントのベースラインの構成で、利用する各リージョン（プロバイダー構成ごと）に enabled = true の aws_ebs_encryption_by_default を宣言する。
package fiscguard.aws.ebs.default_encryption

import data.fiscguard.lib
import data.fiscguard.lib.aws.account

settings := lib.resources("aws_ebs_encryption_by_default")

deny contains fiscguard.fail(
	d, "enabled",
	sprintf("EBS encryption by default %s is disabled", [d.address]),
	sprintf("EBSのデフォルト暗号化 %s が無効になっている", [d.address]),
) if {
	some d in settings
	fiscguard.value(d, ["enabled"], true) == false
}

deny contains fiscguard.inconclusive(
	d, "enabled",
	sprintf("EBS encryption by default %s: enabled is known only after apply", [d.address]),
	sprintf("EBSのデフォルト暗号化 %s の enabled は適用後まで確定しない", [d.address]),
) if {
	some d in settings
	fiscguard.unknown(d, ["enabled"])
}

users := [r | some t in ["aws_ebs_volume", "aws_instance", "aws_launch_template", "aws_launch_configuration"]; some r in lib.resources(t)]

# One result per region whose volumes no default encryption covers.
deny contains account.missing(
	"aws_ebs_encryption_by_default",
	[r | some r in users; r.region == region],
	[sprintf("resource in region %s", [region_name(region)]), sprintf("resources in region %s", [region_name(region)]), sprintf("リージョン %s のリソース", [region_name_ja(region)])],
) if {
	some region in {r.region | some r in users}
	not covered(region)
}

covered(region) if {
	some d in settings
	d.region == region
}

region_name(r) := r if r != ""

else := "not known"

region_name_ja(r) := r if r != ""

else := "（不明）"
