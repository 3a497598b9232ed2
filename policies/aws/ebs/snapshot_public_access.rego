# METADATA
# title: EBS snapshot block public access is not turned off
# description: |
#   A public EBS snapshot lets any AWS account create a volume holding the
#   institution's data. In fiscguard's reading, FISC asks for stored data to be protected against leakage
#   (実3) and access rights to be limited (実25); AWS maps its control that EBS
#   snapshots are not publicly restorable (SH.EC2.1) to both. The account-level
#   aws_ebs_snapshot_block_public_access of a region must not be "unblocked".
# custom:
#   id: FG-EBS-002
#   severity: high
#   fisc: ["実3", "実25"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実3": "aws-blea-ct:SH.EC2.1", "実25": "aws-blea-ct:SH.EC2.1", "運110": "seed:運110 names data leakage while the service is in use; a public snapshot publishes the volume's data"}
#   fisc_basis_ja: {"運110": "運110は利用中のデータ漏洩を挙げる。公開されたスナップショットはボリュームのデータを公開する"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_ebs_snapshot_block_public_access]
#   title_ja: EBSスナップショットのパブリックアクセスブロックを解除しない
#   description_ja: |
#     公開されたEBSスナップショットからは、どのAWSアカウントでも金融機関のデータを含むボリュームを作成できてしまう。
#     fiscguardの読みでは、FISCは蓄積データの漏えい防止（実3）とアクセス権限の限定（実25）を求めており、AWSはEBSスナップショットを公開復元可能にしない統制（SH.EC2.1）を両項目に対応付けている。
#     リージョン単位の aws_ebs_snapshot_block_public_access を "unblocked" にしてはならない。
#   remediation: Set state = "block-all-sharing" on aws_ebs_snapshot_block_public_access in every region the institution uses.
#   remediation_ja: 利用するすべてのリージョンで aws_ebs_snapshot_block_public_access の state = "block-all-sharing" とする。
package fiscguard.aws.ebs.snapshot_public_access

import data.fiscguard.lib

deny contains fiscguard.fail(
	b, "state",
	sprintf("EBS snapshot block public access %s is turned off (unblocked) in %s", [b.address, b.region]),
	sprintf("EBSスナップショットのパブリックアクセスブロック %s が %s で解除（unblocked）されている", [b.address, b.region]),
) if {
	some b in lib.resources("aws_ebs_snapshot_block_public_access")
	fiscguard.value(b, "state", null) == "unblocked"
}
