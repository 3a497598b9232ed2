# METADATA
# title: ECR repositories scan images on push
# description: |
#   Scanning images when they are pushed finds known vulnerabilities before the
#   image is deployed. In fiscguard's reading, FISC asks for malicious programs to be detected (実21) and
#   defended against (実20); AWS maps its control that ECR private repositories
#   have image scanning configured (SH.ECR.1) to 実21 and lists enabling ECR
#   basic scanning as a measure for 実20. aws_ecr_repository must set
#   image_scanning_configuration { scan_on_push = true }, unless an
#   aws_ecr_registry_scanning_configuration in the same region scans on push
#   or continuously.
# custom:
#   id: FG-ECR-001
#   severity: medium
#   fisc: ["実21", "実20"]
#   fisc_basis: {"実21": "aws-blea-ct:SH.ECR.1", "実20": "aws-blea-workload:core-banking, ECR basic scanning enabled"}
#   fisc_basis_ja: {"実20": "勘定系：ECRのベーシックスキャンを有効化"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_ecr_repository]
#   title_ja: ECRリポジトリで登録時にイメージをスキャンする
#   description_ja: |
#     イメージの登録時にスキャンすると、配備の前に既知の脆弱性を見つけられる。
#     fiscguardの読みでは、FISCは不正プログラムの検知（実21）と防御（実20）を求めており、AWSはECRプライベートリポジトリでイメージスキャンを設定する統制（SH.ECR.1）を実21に対応付け、ECRのベーシックスキャンの有効化を実20の対策に挙げている。
#     aws_ecr_repository で image_scanning_configuration { scan_on_push = true } とする。同じリージョンの aws_ecr_registry_scanning_configuration が登録時または継続的にスキャンする場合は除く。
#   remediation: Add image_scanning_configuration { scan_on_push = true } to the repository, or an aws_ecr_registry_scanning_configuration with scan_type = "ENHANCED" or a SCAN_ON_PUSH rule.
#   remediation_ja: リポジトリに image_scanning_configuration { scan_on_push = true } を追加するか、scan_type = "ENHANCED" または SCAN_ON_PUSH のルールを持つ aws_ecr_registry_scanning_configuration を設ける。
package fiscguard.aws.ecr.scan_on_push

import data.fiscguard.lib

deny contains fiscguard.fail(
	r, "image_scanning_configuration[0].scan_on_push",
	sprintf("ECR repository %s does not scan images on push", [r.address]),
	sprintf("ECRリポジトリ %s が登録時にイメージをスキャンしていない", [r.address]),
) if {
	some r in lib.resources("aws_ecr_repository")
	fiscguard.value(r, ["image_scanning_configuration", 0, "scan_on_push"], false) != true
	not _registry_scans[r.region]
}

_registry_scans contains c.region if {
	some c in lib.resources("aws_ecr_registry_scanning_configuration")
	fiscguard.value(c, "scan_type", null) == "ENHANCED"
}

_registry_scans contains c.region if {
	some c in lib.resources("aws_ecr_registry_scanning_configuration")
	some rule in fiscguard.value(c, "rule", [])
	rule.scan_frequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some f in object.get(rule, "repository_filter", [])
	f.filter == "*"
}
