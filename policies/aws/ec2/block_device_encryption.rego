# METADATA
# title: Instance and launch template block devices are encrypted
# description: |
#   Root and data volumes declared inside an instance or launch template hold
#   the same data as standalone volumes and need the same protection. In fiscguard's reading, FISC
#   asks for stored data to be protected against leakage (実3); AWS maps its
#   control that attached EBS volumes are encrypted (AWS-GR_ENCRYPTED_VOLUMES) to
#   実3. Every root_block_device and ebs_block_device of aws_instance, and every
#   EBS mapping of aws_launch_template, must be encrypted, unless EBS encryption
#   by default is turned on in the same region (aws_ebs_encryption_by_default).
#   A device whose encryption is left to the AMI is inconclusive.
# custom:
#   id: FG-EC2-006
#   severity: high
#   fisc: ["実3"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実3": "aws-blea-ct:AWS-GR_ENCRYPTED_VOLUMES, SH.EC2.3", "運110": "seed:運110 names data leakage while the service is in use; encryption at rest"}
#   fisc_basis_ja: {"運110": "運110は利用中のデータ漏洩を挙げる。保存時の暗号化がその対策である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_instance, aws_launch_template]
#   title_ja: インスタンスと起動テンプレートのブロックデバイスを暗号化する
#   description_ja: |
#     インスタンスや起動テンプレートの中で宣言したルートボリュームやデータボリュームも、単独のボリュームと同じデータを保持するため、同じ保護が必要である。
#     fiscguardの読みでは、FISCは蓄積データの漏えい防止（実3）を求めており、AWSはアタッチされたEBSボリュームの暗号化の統制（AWS-GR_ENCRYPTED_VOLUMES）を実3に対応付けている。
#     aws_instance の root_block_device と ebs_block_device、aws_launch_template のEBSマッピングはすべて暗号化する。同じリージョンでEBSの既定暗号化（aws_ebs_encryption_by_default）が有効な場合は除く。暗号化をAMIに委ねているデバイスは判定不能とする。
#   remediation: Set encrypted = true on every root_block_device, ebs_block_device and launch template ebs block (with kms_key_id under strict management), or turn on aws_ebs_encryption_by_default in the region.
#   remediation_ja: すべての root_block_device、ebs_block_device、起動テンプレートの ebs ブロックで encrypted = true とする（厳格な管理では kms_key_id も指定する）か、リージョンで aws_ebs_encryption_by_default を有効にする。
package fiscguard.aws.ec2.block_device_encryption

import data.fiscguard.lib
import data.fiscguard.lib.aws.ebs

# One finding per instance or launch template, listing every volume that is
# not encrypted (or, when none fails, whose encryption is not known).
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "%s has unencrypted volumes: ", "ja": "%s に暗号化されていないボリュームがある: "},
		"inconclusive": {"en": "%s: ", "ja": "%s の"},
	})
}

_problems contains {
	"resource": r, "attribute": sprintf("%s[%d].encrypted", [dev, i]), "status": "fail",
	"en": sprintf("%s %d is not encrypted", [dev, i]),
	"ja": sprintf("%s %d が暗号化されていない", [dev, i]),
} if {
	some [r, dev, i, "fail"] in _instance_devices
}

_problems contains {
	"resource": r, "attribute": sprintf("%s[%d].encrypted", [dev, i]), "status": "inconclusive",
	"en": sprintf("encryption of %s %d is known only after apply (set encrypted explicitly)", [dev, i]),
	"ja": sprintf("%s %d の暗号化は適用後まで確定しない（encrypted を明示的に設定する）", [dev, i]),
} if {
	some [r, dev, i, "unknown"] in _instance_devices
}

_problems contains {
	"resource": r, "attribute": "root_block_device", "status": "inconclusive",
	"en": "root volume encryption is not known from the configuration: it is left to the AMI (declare root_block_device with encrypted = true)",
	"ja": "ルートボリュームの暗号化は構成からは分からない。AMIに委ねられている（root_block_device で encrypted = true を宣言する）",
} if {
	some r in lib.resources("aws_instance")
	lib.empty(fiscguard.value(r, "root_block_device", null))
	not ebs.encrypted_by_default(r)
}

_problems contains {
	"resource": lt, "attribute": sprintf("block_device_mappings[%d].ebs[0].encrypted", [i]), "status": "fail",
	"en": sprintf("the EBS volume for %s is not encrypted", [m.device_name]),
	"ja": sprintf("%s のEBSボリュームが暗号化されていない", [m.device_name]),
} if {
	some [lt, i, m, "fail"] in _template_devices
}

_problems contains {
	"resource": lt, "attribute": sprintf("block_device_mappings[%d].ebs[0].encrypted", [i]), "status": "inconclusive",
	"en": sprintf("encryption of the EBS volume for %s is not known from the configuration: it is left to the AMI snapshot", [m.device_name]),
	"ja": sprintf("%s のEBSボリュームの暗号化は構成からは分からない。AMIのスナップショットに委ねられている", [m.device_name]),
} if {
	some [lt, i, m, "unknown"] in _template_devices
}

_instance_devices := [[r, dev, i, s] |
	some r in lib.resources("aws_instance")
	some dev in ["root_block_device", "ebs_block_device"]
	some i, d in fiscguard.value(r, dev, [])
	object.get(d, "encrypted", null) != true
	not ebs.encrypted_by_default(r)
	s := _device_status(r, dev, i)
]

# A device's encryption is inconclusive when set from a value known only after
# apply; left unset, the volume is not encrypted (unless by default).
_device_status(r, dev, i) := "unknown" if {
	fiscguard.unknown(r, [dev, i, "encrypted"])
} else := "fail"

_template_devices := [[lt, i, m, s] |
	some lt in lib.resources("aws_launch_template")
	some i, m in fiscguard.value(lt, "block_device_mappings", [])
	some e in object.get(m, "ebs", [])
	not object.get(e, "encrypted", "") in {true, "true"}
	not ebs.encrypted_by_default(lt)
	s := _template_status(object.get(e, "encrypted", ""))
]

_template_status(v) := "fail" if v in {false, "false"}

else := "unknown"
