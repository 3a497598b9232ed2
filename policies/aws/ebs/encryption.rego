# METADATA
# title: EBS volumes are encrypted at rest
# description: |
#   An unencrypted EBS volume leaves stored data readable to anyone who obtains
#   the volume or a snapshot of it. AWS maps its encrypted-volumes control
#   (AWS-GR_ENCRYPTED_VOLUMES) to stored-data leakage prevention (実3). A
#   volume in a region with EBS encryption by default passes; that setting
#   itself (SH.EC2.7) is FG-EBS-003's.
# custom:
#   id: FG-EBS-001
#   severity: high
#   fisc: ["実3"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実3": "aws-blea-ct:AWS-GR_ENCRYPTED_VOLUMES, SH.EC2.3", "運110": "seed:運110 names data leakage while the service is in use; encryption at rest"}
#   fisc_basis_ja: {"運110": "運110は利用中のデータ漏洩を挙げる。保存時の暗号化がその対策である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_ebs_volume]
#   title_ja: EBSボリュームを暗号化する
#   description_ja: |
#     暗号化されていないEBSボリュームは、ボリュームやスナップショットを入手した者に保存データを読まれるおそれがある。
#     AWSは暗号化ボリュームの統制（AWS-GR_ENCRYPTED_VOLUMES）を蓄積データの漏えい防止（実3）に対応付けている。
#     EBSのデフォルト暗号化が有効なリージョンのボリュームは合格とし、その設定自体（SH.EC2.7）は FG-EBS-003 で判定する。
#   remediation: Set encrypted = true (and kms_key_id for a customer-managed key), or enable aws_ebs_encryption_by_default in the region.
#   remediation_ja: encrypted = true を設定する（顧客管理キーを使う場合は kms_key_id も設定する）か、リージョンで aws_ebs_encryption_by_default を有効にする。
package fiscguard.aws.ebs.encryption

import data.fiscguard.lib
import data.fiscguard.lib.aws.ebs

deny contains fiscguard.fail(
	v, "encrypted",
	sprintf("EBS volume %s is not encrypted", [v.address]),
	sprintf("EBSボリューム %s が暗号化されていない", [v.address]),
) if {
	some v in lib.resources("aws_ebs_volume")
	unencrypted(v)
}

# unencrypted is true for a volume this rule fails: not encrypted, by its
# own setting or the region's default. Rules about how a volume is
# encrypted leave that cause to this one.
unencrypted(v) if {
	fiscguard.value(v, "encrypted", false) != true
	not fiscguard.unknown(v, "encrypted")
	not ebs.encrypted_by_default(v)
}

deny contains fiscguard.inconclusive(
	v, "encrypted",
	sprintf("EBS volume %s: encryption is known only after apply%s", [v.address, lib.from_text(v, "encrypted").en]),
	sprintf("EBSボリューム %s の暗号化設定は適用後まで確定しない%s", [v.address, lib.from_text(v, "encrypted").ja]),
) if {
	some v in lib.resources("aws_ebs_volume")
	fiscguard.unknown(v, "encrypted")
	not ebs.encrypted_by_default(v)
}
