# METADATA
# title: Default security groups admit no traffic
# description: |
#   Every VPC has a default security group that resources join when no group is
#   named; rules on it silently open whatever lands there. In fiscguard's reading, FISC asks for
#   intrusion to be prevented (実14); AWS maps its control that the default
#   security group allows no inbound or outbound traffic (SH.EC2.2) to 実14 and
#   lists closing the default security group as a measure for 実99. An
#   aws_default_security_group must declare no ingress and no egress rules.
# custom:
#   id: FG-EC2-004
#   severity: medium
#   fisc: ["実14", "実99"]
#   fisc_basis: {"実14": "aws-blea-ct:SH.EC2.2", "実99": "aws-blea-workload:core-banking governance, default security group closed automatically"}
#   fisc_basis_ja: {"実99": "勘定系（共通統制）：デフォルトセキュリティグループの自動閉塞"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_default_security_group]
#   title_ja: デフォルトセキュリティグループで通信を許可しない
#   description_ja: |
#     どのVPCにもデフォルトセキュリティグループがあり、グループを指定しないリソースはこれに属する。そこにルールがあると、知らないうちに通信が開放される。
#     fiscguardの読みでは、FISCは不正侵入の防止（実14）を求めており、AWSはデフォルトセキュリティグループで受信・送信を許可しない統制（SH.EC2.2）を実14に対応付け、デフォルトセキュリティグループの閉塞を実99の対策に挙げている。
#     aws_default_security_group には ingress も egress も宣言しない。
#   remediation: Declare aws_default_security_group for the VPC with no ingress and no egress blocks, and put workloads in their own security groups.
#   remediation_ja: VPCの aws_default_security_group を ingress と egress のブロックなしで宣言し、ワークロードには専用のセキュリティグループを使う。
package fiscguard.aws.ec2.default_security_group

import data.fiscguard.lib

_dirs := {"ingress": {"en": "inbound", "ja": "受信"}, "egress": {"en": "outbound", "ja": "送信"}}

# One finding per default security group, listing its rule directions.
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "Default security group %s allows traffic: ", "ja": "デフォルトセキュリティグループ %s が通信を許可している: "},
		"inconclusive": {"en": "Default security group %s: ", "ja": "デフォルトセキュリティグループ %s の"},
	})
}

_problems contains {
	"resource": g, "attribute": dir, "status": "fail",
	"en": sprintf("it has %s rules (%s)", [text.en, dir]),
	"ja": sprintf("%sルールがある（%s）", [text.ja, dir]),
} if {
	some g in lib.resources("aws_default_security_group")
	some dir, text in _dirs
	count(fiscguard.value(g, dir, [])) > 0
}

_problems contains {
	"resource": g, "attribute": dir, "status": "inconclusive",
	"en": sprintf("its %s rules (%s) are known only after apply", [text.en, dir]),
	"ja": sprintf("%sルール（%s）は適用後まで確定しない", [text.ja, dir]),
} if {
	some g in lib.resources("aws_default_security_group")
	some dir, text in _dirs
	fiscguard.wholly_unknown(g, dir)
}
